#include "writers/pdf_content.h"

#include <hpdf_pages.h>

#include <stdexcept>

namespace zorgcap::pdf {

char* format_real(char* out, HPDF_REAL v) {
  if (v > HPDF_LIMIT_MAX_REAL)
    v = HPDF_LIMIT_MAX_REAL;
  else if (v < HPDF_LIMIT_MIN_REAL)
    v = HPDF_LIMIT_MIN_REAL;
  if (v < 0) {
    *out++ = '-';
    v = -v;
  }
  // HPDF_FToA's own expressions, types included: a float plus a double, a float difference.
  const auto int_val = static_cast<HPDF_INT32>(v + 0.000005);
  const auto fpart_val = static_cast<HPDF_INT32>(static_cast<HPDF_REAL>(v - int_val + 0.000005) * 100000);
  char digits[8];
  char* d = digits + sizeof digits;
  HPDF_INT32 i = int_val;
  do {
    *--d = static_cast<char>('0' + i % 10);
    i /= 10;
  } while (i > 0);
  while (d < digits + sizeof digits) *out++ = *d++;
  // Five decimals (HPDF_FToA keeps the last five digits of the fraction), trailing zeros dropped.
  HPDF_INT32 f = fpart_val % 100000;
  if (f == 0) return out;
  int places = 5;
  while (f % 10 == 0) {
    f /= 10;
    --places;
  }
  *out++ = '.';
  char* end = out + places;
  for (char* p = end; p > out;) {
    *--p = static_cast<char>('0' + f % 10);
    f /= 10;
  }
  return end;
}

PageContent::PageContent(HPDF_Page page) : page_(page) { out_.reserve(32 * 1024); }

void PageContent::real(HPDF_REAL v) {
  char buf[16];
  out_.append(buf, format_real(buf, v));  // as HPDF_Stream_WriteReal
}

void PageContent::gray_fill(HPDF_REAL g) {
  real(g);
  op(" g\012");
}

void PageContent::gray_stroke(HPDF_REAL g) {
  real(g);
  op(" G\012");
}

void PageContent::rgb_fill(HPDF_REAL r, HPDF_REAL g, HPDF_REAL b) {
  real(r);
  op(" ");
  real(g);
  op(" ");
  real(b);
  op(" rg\012");
}

void PageContent::line_width(HPDF_REAL w) {
  real(w);
  op(" w\012");
}

void PageContent::move_to(HPDF_REAL x, HPDF_REAL y) {
  real(x);
  op(" ");
  real(y);
  op(" m\012");
}

void PageContent::line_to(HPDF_REAL x, HPDF_REAL y) {
  real(x);
  op(" ");
  real(y);
  op(" l\012");
}

void PageContent::stroke() { op("S\012"); }

void PageContent::rectangle(HPDF_REAL x, HPDF_REAL y, HPDF_REAL w, HPDF_REAL h) {
  real(x);
  op(" ");
  real(y);
  op(" ");
  real(w);
  op(" ");
  real(h);
  op(" re\012");
}

void PageContent::fill() { op("f\012"); }
void PageContent::save_state() { op("q\012"); }
void PageContent::restore_state() { op("Q\012"); }

void PageContent::concat(HPDF_REAL a, HPDF_REAL b, HPDF_REAL c, HPDF_REAL d, HPDF_REAL x, HPDF_REAL y) {
  for (HPDF_REAL v : {a, b, c, d, x}) {
    real(v);
    op(" ");
  }
  real(y);
  op(" cm\012");
}

void PageContent::draw_form(HPDF_XObject form) {
  const char* name = HPDF_Page_GetXObjectName(page_, form);
  if (!name) throw std::runtime_error("PDF: libharu cannot add a glyph form to a page");
  op("/");
  op(name);
  op(" Do\012");
}

void PageContent::begin_text() {
  op("BT\012");
  text_x_ = text_y_ = 0;
}

void PageContent::end_text() { op("ET\012"); }

void PageContent::font(HPDF_Font font, HPDF_REAL size) {
  const char* name = HPDF_Page_GetLocalFontName(page_, font);
  if (!name) throw std::runtime_error("PDF: libharu cannot add a font to a page");
  op("/");
  op(name);
  op(" ");
  real(size);
  op(" Tf\012");
}

void PageContent::char_space(HPDF_REAL v) {
  real(v);
  op(" Tc\012");
  char_space_ = v;
}

void PageContent::text_at(HPDF_REAL x, HPDF_REAL y, std::u32string_view codes, long width) {
  // libharu's TextPos_AbsToRel and MoveTextPos for the identity text matrix, in float as there.
  const HPDF_REAL dx = x - text_x_;
  const HPDF_REAL dy = y - text_y_;
  real(dx);
  op(" ");
  real(dy);
  op(" Td\012");
  text_x_ += dx;
  text_y_ += dy;
  show(codes, width);
}

void PageContent::show(std::u32string_view codes, long width) {
  if (codes.empty() || (width == 0 && char_space_ == 0)) return;
  static constexpr char hex[] = "0123456789ABCDEF";  // as HPDF_Stream_WriteBinary
  out_ += '<';
  for (char32_t cp : codes) {
    const unsigned c = cp <= 0xFFFF ? static_cast<unsigned>(cp) : 0x20u;  // as libharu's UTF-8 encoder
    const char digits[4] = {hex[(c >> 12) & 0xF], hex[(c >> 8) & 0xF], hex[(c >> 4) & 0xF], hex[c & 0xF]};
    out_.append(digits, 4);
  }
  op("> Tj\012");
}

}  // namespace zorgcap::pdf
