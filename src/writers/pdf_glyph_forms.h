#pragma once
// The glyphs report.pdf draws as outlines (its marks), each written once per document as a Form
// XObject in font units: a mark on a page is then `q … cm /Xn Do Q`, not its whole path again (the
// marks' paths were half of the content streams, and compressing them most of the writing time).
#include <hpdf.h>

#include <map>
#include <string>
#include <utility>

#include "writers/pdf_font_file.h"

namespace zorgcap::pdf {

// The fill path (m, l, c, h, then f) of the glyph of `cp` in font units; empty for a glyph without
// contours (a space). Quadratic TrueType curves become the equal cubic ones.
std::string glyph_path(const FontFile& font, char32_t cp);

class GlyphForms {
 public:
  explicit GlyphForms(HPDF_Doc doc) : doc_(doc) {}
  // The form of `cp` in `font`, made on first use; nullptr for a glyph without contours. Throws
  // std::runtime_error when libharu refuses.
  HPDF_XObject form(const FontFile& font, char32_t cp);

 private:
  HPDF_Doc doc_;
  std::map<std::pair<const FontFile*, char32_t>, HPDF_XObject> forms_;
};

}  // namespace zorgcap::pdf
