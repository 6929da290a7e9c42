#pragma once
// What report.pdf reads from a TrueType font file itself, besides what libharu does with it: which
// characters it has (its (3,1) format-4 cmap, the table libharu uses) and their glyph outlines, so
// that marks can be drawn as filled paths that text extraction never sees (pdf_boxes.h TextBox).
#include <cstdint>
#include <string>
#include <vector>

namespace zorgcap::pdf {

struct OutlinePoint {
  double x = 0, y = 0;
  bool on_curve = true;  // false: the control point of a quadratic curve
};
using Contour = std::vector<OutlinePoint>;

class FontFile {
 public:
  // Parses `data` (the bytes of the file at `path`, named in errors). Throws std::runtime_error for
  // a file that is not a TrueType font with a (3,1) format-4 cmap.
  FontFile(std::string data, std::string path);

  const std::string& data() const { return data_; }  // the file's bytes
  const std::string& path() const { return path_; }
  bool covers(char32_t cp) const { return cp < glyphs_.size() && glyphs_[cp] != 0; }
  double units_per_em() const { return units_per_em_; }
  // The advance width of the glyph of `cp` in 1/1000 em, rounded down as libharu measures it
  // (HPDF_Font_GetUnicodeWidth); 0 for a character without a glyph. Read from hmtx, so measuring
  // touches no libharu state and may run on any thread.
  int width(char32_t cp) const;
  // The closed contours of the glyph of `cp`, in font units (y up), composite glyphs resolved;
  // empty for a character without a glyph or with an empty one (a space).
  std::vector<Contour> outline(char32_t cp) const;

 private:
  std::uint32_t u16(std::size_t at) const;
  std::uint32_t u32(std::size_t at) const;
  std::size_t table(const char* tag) const;
  void glyph(std::uint32_t id, double a, double b, double c, double d, double dx, double dy, int depth,
             std::vector<Contour>& out) const;

  std::string data_, path_;
  std::vector<std::uint16_t> glyphs_;  // glyph id per code point of the BMP (0: none)
  std::vector<std::uint16_t> advances_;  // per glyph id, font units (hmtx; the last repeats)
  double units_per_em_ = 1000;
  std::size_t glyf_ = 0, loca_ = 0;
  bool long_loca_ = false;
  std::uint32_t glyph_count_ = 0;
};

}  // namespace zorgcap::pdf
