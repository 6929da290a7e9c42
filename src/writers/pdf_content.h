#pragma once
// The content stream of one report.pdf page, written as libharu's page operators would write it
// (byte for byte: the same number formatting by HPDF_FToA, the same relative text moves computed in
// single precision, the same local font and form names from the page's resources), but into a
// string: libharu's operators each zero a 512-byte buffer byte by byte, check the graphics state
// and copy into 4 KB chunks, which made painting a sixth of a report's time. The finished bytes
// go to the page compressed (pdf_deflate.h). Only the operators report.pdf uses are here; nothing
// checks their order (the painter in pdf_writer.cpp is the only caller).
#include <hpdf.h>

#include <string>
#include <string_view>

namespace zorgcap::pdf {

// Writes `v` as HPDF_FToA writes it (clamped to ±32767, at most five decimals, truncated after
// adding 0.000005, no trailing zeros, "-0" for a tiny negative), with the same single- and
// double-precision steps, but in one pass: it formats every number of every page. `out` needs room
// for 12 characters; returns the end of what was written (no terminating zero).
char* format_real(char* out, HPDF_REAL v);

class PageContent {
 public:
  explicit PageContent(HPDF_Page page);

  // Graphics: fill and stroke colours, line width, paths.
  void gray_fill(HPDF_REAL g);
  void gray_stroke(HPDF_REAL g);
  void rgb_fill(HPDF_REAL r, HPDF_REAL g, HPDF_REAL b);
  void line_width(HPDF_REAL w);
  void move_to(HPDF_REAL x, HPDF_REAL y);
  void line_to(HPDF_REAL x, HPDF_REAL y);
  void stroke();
  void rectangle(HPDF_REAL x, HPDF_REAL y, HPDF_REAL w, HPDF_REAL h);
  void fill();
  void save_state();     // q
  void restore_state();  // Q
  void concat(HPDF_REAL a, HPDF_REAL b, HPDF_REAL c, HPDF_REAL d, HPDF_REAL x, HPDF_REAL y);
  void draw_form(HPDF_XObject form);  // Do, registering the form in the page's resources

  // Text. `codes` are code points of the Basic Multilingual Plane (libharu's UTF-8 encoding makes
  // them the character codes); `width` is their summed advance in 1/1000 em: text libharu would
  // measure as zero wide is not shown, as HPDF_Page_ShowText does.
  void begin_text();
  void end_text();
  void font(HPDF_Font font, HPDF_REAL size);  // Tf, registering the font in the page's resources
  void char_space(HPDF_REAL v);
  void text_at(HPDF_REAL x, HPDF_REAL y, std::u32string_view codes, long width);  // HPDF_Page_TextOut
  void show(std::u32string_view codes, long width);                              // HPDF_Page_ShowText

  const std::string& bytes() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void real(HPDF_REAL v);
  void op(std::string_view s) { out_.append(s); }

  HPDF_Page page_;
  std::string out_;
  HPDF_REAL text_x_ = 0, text_y_ = 0;  // the text matrix's translation (libharu's text_matrix.x, .y)
  HPDF_REAL char_space_ = 0;
};

}  // namespace zorgcap::pdf
