#include "core/link_url.h"

#include <gtest/gtest.h>

namespace zorgcap {
namespace {

TEST(LinkUrl, WebAndMailAddressesAreLinks) {
  EXPECT_TRUE(is_link_url("https://www.nivel.nl/nl/publicatie/cijfers"));
  EXPECT_TRUE(is_link_url("http://example.org/a?b=c#d"));
  EXPECT_TRUE(is_link_url("HTTPS://EXAMPLE.ORG"));
  EXPECT_TRUE(is_link_url("mailto:onderzoek@example.org"));
}

TEST(LinkUrl, EveryOtherSchemeIsText) {
  EXPECT_FALSE(is_link_url("javascript:alert(1)"));
  EXPECT_FALSE(is_link_url("JavaScript:alert(1)"));
  EXPECT_FALSE(is_link_url("data:text/html,<script>alert(1)</script>"));
  EXPECT_FALSE(is_link_url("file:///etc/passwd"));
  EXPECT_FALSE(is_link_url("vbscript:msgbox"));
  EXPECT_FALSE(is_link_url("www.example.org"));
  EXPECT_FALSE(is_link_url(""));
  EXPECT_FALSE(is_link_url("https://"));  // a scheme alone
}

TEST(LinkUrl, SpacesControlsAndNonAsciiAreText) {
  EXPECT_FALSE(is_link_url(" https://example.org"));
  EXPECT_FALSE(is_link_url("https://example.org/a b"));
  EXPECT_FALSE(is_link_url("https://example.org/\n"));
  EXPECT_FALSE(is_link_url("https://exa\tmple.org"));
  EXPECT_FALSE(is_link_url("https://bücher.example"));
}

}  // namespace
}  // namespace zorgcap
