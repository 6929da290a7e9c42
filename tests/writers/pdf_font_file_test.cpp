// What report.pdf reads from its font files itself: the advance widths it measures text with must be
// exactly libharu's, which draws the text.
#include "writers/pdf_font_file.h"

#include <gtest/gtest.h>
#include <hpdf.h>

#include <fstream>
#include <sstream>
#include <string>

#include "writers/pdf_writer.h"

namespace zorgcap::pdf {
namespace {

std::string font_path(const char* file) { return std::string(ZORGCAP_FONT_DIR) + "/" + file; }

FontFile read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return FontFile(bytes.str(), path);
}

class FontWidths : public ::testing::TestWithParam<const char*> {};

TEST_P(FontWidths, EqualLibharusForEveryCharacterTheFontHas) {
  const std::string path = font_path(GetParam());
  const FontFile file = read(path);
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  ASSERT_NE(doc, nullptr);
  HPDF_UseUTFEncodings(doc);
  const char* name = HPDF_LoadTTFontFromFile(doc, path.c_str(), HPDF_TRUE);
  ASSERT_NE(name, nullptr) << path;
  HPDF_Font font = HPDF_GetFont(doc, name, "UTF-8");
  ASSERT_NE(font, nullptr);
  int covered = 0, differ = 0, wide = 0;
  for (char32_t cp = 0x20; cp < 0xFFFF; ++cp) {
    if (!file.covers(cp)) continue;
    ++covered;
    const int ours = file.width(cp);
    const int theirs = HPDF_Font_GetUnicodeWidth(font, static_cast<HPDF_UNICODE>(cp));
    if (ours > 0) ++wide;
    if (ours != theirs && ++differ <= 5) ADD_FAILURE() << "U+" << std::hex << static_cast<unsigned>(cp) << std::dec
                                                       << ": " << ours << " against libharu's " << theirs;
  }
  HPDF_Free(doc);
  EXPECT_EQ(differ, 0) << "of " << covered << " characters";
  EXPECT_GT(covered, 200) << "the subset font covers Latin, punctuation and the marks";
  EXPECT_GT(wide, covered / 2) << "most characters have an advance";
}

INSTANTIATE_TEST_SUITE_P(ShippedFonts, FontWidths, ::testing::Values(pdf_regular_font_file, pdf_bold_font_file));

TEST(FontFileWidth, OfACharacterTheFontLacksIsZero) {
  const FontFile file = read(font_path(pdf_regular_font_file));
  ASSERT_FALSE(file.covers(U'\uE000'));  // private use
  EXPECT_EQ(file.width(U'\uE000'), 0);
  EXPECT_GT(file.width(U'W'), file.width(U'i'));
}

}  // namespace
}  // namespace zorgcap::pdf
