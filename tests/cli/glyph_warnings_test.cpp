#include "cli/glyph_warnings.h"

#include <gtest/gtest.h>

namespace zorgcap {
namespace {

TEST(GlyphWarnings, EachReplacedCharacterIsLocatedAtItsFirstPlace) {
  const std::vector<std::pair<std::string, std::string>> files{
      {"inputs/baseline.yaml", "a: 1\n"},
      {"inputs/scenarios/x.yaml", "label: \"bijna \xE2\x89\x88 gelijk\"\nnote: \"\xE2\x89\x88 \xF0\x9F\x98\x80\"\n"}};
  std::string w = glyph_warnings({0x2248, 0x1F600, 0x4E2D}, files);
  // ≈ first stands on line 1 at character 15 (after `label: "bijna `), the emoji on line 2 at 10.
  EXPECT_NE(w.find("inputs/scenarios/x.yaml:1:15: warning: the character U+2248 is not in the PDF font"),
            std::string::npos)
      << w;
  EXPECT_NE(w.find("inputs/scenarios/x.yaml:2:10: warning: the character U+1F600"), std::string::npos) << w;
  // A character no file holds (text zorgcap made) is still reported, without a place.
  EXPECT_NE(w.find("zorgcap: warning: the character U+4E2D"), std::string::npos) << w;
  EXPECT_EQ(glyph_warnings({}, files), "");
}

}  // namespace
}  // namespace zorgcap
