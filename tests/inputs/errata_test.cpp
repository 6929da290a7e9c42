// inputs/errata.yaml: every id has a known kind and a text; a wrong kind is a located error.
#include <gtest/gtest.h>

#include "inputs/published.h"
#include "test_support.h"

namespace zorgcap {
namespace {

TEST(Errata, ShippedErrataHaveKnownKinds) {
  Diagnostics diags;
  SourceTexts texts;
  auto errata = load_errata(test::inputs_dir() + "/errata.yaml", diags, texts);
  ASSERT_TRUE(errata) << diags.format(texts);
  // MODEL.md "Kinds of deviation": I6 is the report rounding its own inputs, not an error of the report.
  EXPECT_EQ(errata->at("I6").kind, "afronding van eigen invoer");
  EXPECT_EQ(errata->at("I5").kind, "fout in het rapport");
  EXPECT_EQ(errata->at("I12").kind, "rekenen met afgeronde tussenwaarde");
}

TEST(Errata, AnUnknownKindIsAnErrorWithItsLine) {
  test::TempDir dir;
  std::string path = dir.str() + "/errata.yaml";
  test::write_file(path, "errata:\n  I1:\n    kind: fout\n    text: \"x\"\n  I2: \"een tekst zonder soort\"\n");
  Diagnostics diags;
  SourceTexts texts;
  EXPECT_FALSE(load_errata(path, diags, texts));
  std::string msg = diags.format(texts);
  EXPECT_NE(msg.find("errata.yaml:3:11: error: errata.I1.kind: unknown kind 'fout'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("errata.I2: expected a map with 'kind' and 'text'"), std::string::npos) << msg;
}

}  // namespace
}  // namespace zorgcap
