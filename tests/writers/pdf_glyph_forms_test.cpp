// The marks' glyph paths and their forms (each glyph once per document).
#include "writers/pdf_glyph_forms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

#include "writers/pdf_writer.h"

namespace zorgcap::pdf {
namespace {

FontFile regular_font() {
  std::string path = std::string(ZORGCAP_FONT_DIR) + "/" + pdf_regular_font_file;
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return FontFile(bytes.str(), path);
}

TEST(GlyphPath, ASpaceHasNoPath) { EXPECT_EQ(glyph_path(regular_font(), U' '), ""); }

TEST(GlyphPath, IsAClosedNonzeroFillOfMovesLinesAndCurves) {
  const FontFile font = regular_font();
  for (char32_t cp : {U'1', U'7', U'o', U'\u2260'}) {
    std::string path = glyph_path(font, cp);
    ASSERT_FALSE(path.empty());
    EXPECT_EQ(path.rfind("h\nf\n"), path.size() - 4) << "ends with closepath, fill";
    // Every line is numbers then one operator: m (2), l (2), c (6), h or f (0).
    std::istringstream lines(path);
    std::string line;
    int moves = 0, closes = 0;
    const std::regex op("((-?[0-9]+(\\.[0-9]+)? ){2} ?[ml]|(-?[0-9]+(\\.[0-9]+)? ){6}c|h|f)");
    while (std::getline(lines, line)) {
      EXPECT_TRUE(std::regex_match(line, op)) << line;
      moves += line.back() == 'm';
      closes += line == "h";
    }
    EXPECT_EQ(moves, closes) << "each contour is closed";
    EXPECT_GE(moves, 1);
  }
  // "o" has an outer and an inner contour; "1" has one.
  auto contours = [&](char32_t cp) {
    std::string p = glyph_path(font, cp);
    return std::count(p.begin(), p.end(), 'h');
  };
  EXPECT_EQ(contours(U'o'), 2);
  EXPECT_EQ(contours(U'1'), 1);
}

TEST(GlyphPath, TheOneOfDejaVuStaysWithinItsAdvanceAndTheBaseline) {
  // DejaVu Sans "1": 2048 units per em, drawn between x 0 and its advance (1303) and from the
  // baseline up to the cap height (1493): every coordinate lies in that box.
  std::string path = glyph_path(regular_font(), U'1');
  std::istringstream tokens(path);
  std::string t;
  std::vector<double> xy;
  while (tokens >> t)
    if (std::isdigit(static_cast<unsigned char>(t[0])) || t[0] == '-') xy.push_back(std::stod(t));
  ASSERT_EQ(xy.size() % 2, 0u);
  for (std::size_t i = 0; i < xy.size(); i += 2) {
    EXPECT_GE(xy[i], 0);
    EXPECT_LE(xy[i], 1303);
    EXPECT_GE(xy[i + 1], 0);
    EXPECT_LE(xy[i + 1], 1493);
  }
}

TEST(GlyphForms, EachGlyphIsOneFormAndASpaceNone) {
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  ASSERT_NE(doc, nullptr);
  {
    const FontFile font = regular_font();
    GlyphForms forms(doc);
    HPDF_XObject one = forms.form(font, U'1');
    ASSERT_NE(one, nullptr);
    EXPECT_EQ(forms.form(font, U'1'), one);
    EXPECT_NE(forms.form(font, U'2'), one);
    EXPECT_EQ(forms.form(font, U' '), nullptr);
  }
  HPDF_Free(doc);
}

}  // namespace
}  // namespace zorgcap::pdf
