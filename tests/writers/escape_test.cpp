// Markup escaping for HTML (report.html, explore.html, index.html) and XML (tables.xlsx, .docx).
#include "writers/escape.h"

#include <gtest/gtest.h>

#include <string>

namespace zorgcap {
namespace {

TEST(HtmlEscape, EscapesTheFiveMarkupCharactersAndKeepsTheRest) {
  EXPECT_EQ(html_escape(""), "");
  EXPECT_EQ(html_escape("Huisarts – VS 19% - 39%"), "Huisarts – VS 19% - 39%");
  EXPECT_EQ(html_escape("a<b>&\"c'd"), "a&lt;b&gt;&amp;&quot;c&#39;d");
  EXPECT_EQ(html_escape("&&"), "&amp;&amp;");
  EXPECT_EQ(html_escape("<"), "&lt;");
  EXPECT_EQ(html_escape("x&"), "x&amp;");
  EXPECT_EQ(html_escape(std::string("tab\there\x01", 10)), std::string("tab\there\x01", 10));
  EXPECT_EQ(html_escape("€ 286,44 & ë"), "€ 286,44 &amp; ë");
}

TEST(XmlEscape, KeepsTheApostropheAndDropsWhatXmlCannotHold) {
  EXPECT_EQ(xml_escape("a<b>&\"c'd"), "a&lt;b&gt;&amp;&quot;c'd");
  EXPECT_EQ(xml_escape(std::string("a\x01" "b\x1f" "c\td\ne\rf", 11)), "abc\td\ne\rf");
  EXPECT_EQ(xml_escape(std::string("\x02\x03", 2)), "");
  EXPECT_EQ(xml_escape("tekst zonder tekens"), "tekst zonder tekens");
  EXPECT_EQ(xml_escape("&\x7f"), "&amp;\x7f");
}

}  // namespace
}  // namespace zorgcap
