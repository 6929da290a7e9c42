#include "writers/pdf_glyph_forms.h"

#include "writers/pdf_deflate.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <stdexcept>

namespace zorgcap::pdf {

namespace {

// A coordinate in font units, to 1/100 unit (well below a device pixel at any mark size), without
// trailing zeros; std::to_chars does not depend on the locale.
void number(std::string& out, double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
  if (ec != std::errc()) throw std::runtime_error("PDF: a glyph coordinate cannot be written");
  char* last = end;
  while (last > buf && last[-1] == '0') --last;
  if (last > buf && last[-1] == '.') --last;
  if (last - buf == 2 && buf[0] == '-' && buf[1] == '0') {  // -0.001 rounds to "-0"
    out += '0';
    return;
  }
  out.append(buf, last);
}

void op(std::string& out, std::initializer_list<double> values, const char* name) {
  for (double v : values) {
    number(out, v);
    out += ' ';
  }
  out += name;
  out += '\n';
}

}  // namespace

std::string glyph_path(const FontFile& font, char32_t cp) {
  std::string out;
  for (const Contour& c : font.outline(cp)) {
    if (c.size() < 2) continue;
    // Start on an on-curve point (or between two control points); implied on-curve points lie
    // midway between consecutive control points.
    std::size_t n = c.size(), first = 0;
    while (first < n && !c[first].on_curve) ++first;
    const bool all_control = first == n;
    const OutlinePoint start =
        all_control ? OutlinePoint{(c[0].x + c[n - 1].x) / 2, (c[0].y + c[n - 1].y) / 2, true} : c[first];
    op(out, {start.x, start.y}, "m");
    OutlinePoint from = start, control;
    bool pending = false;  // `control` is a control point not yet drawn
    auto quad = [&](const OutlinePoint& q, const OutlinePoint& to) {
      op(out,
         {from.x + 2.0 / 3 * (q.x - from.x), from.y + 2.0 / 3 * (q.y - from.y), to.x + 2.0 / 3 * (q.x - to.x),
          to.y + 2.0 / 3 * (q.y - to.y), to.x, to.y},
         "c");
      from = to;
    };
    for (std::size_t k = all_control ? 0 : 1; k < n; ++k) {
      const OutlinePoint& q = c[all_control ? k : (first + k) % n];
      if (q.on_curve) {
        if (pending) {
          quad(control, q);
          pending = false;
        } else {
          op(out, {q.x, q.y}, "l");
          from = q;
        }
      } else if (pending) {
        quad(control, OutlinePoint{(control.x + q.x) / 2, (control.y + q.y) / 2, true});
        control = q;
      } else {
        control = q;
        pending = true;
      }
    }
    if (pending) quad(control, start);
    out += "h\n";
  }
  if (!out.empty()) out += "f\n";  // nonzero winding, as TrueType
  return out;
}

HPDF_XObject GlyphForms::form(const FontFile& font, char32_t cp) {
  auto key = std::pair{&font, cp};
  if (auto it = forms_.find(key); it != forms_.end()) return it->second;
  const std::string path = glyph_path(font, cp);
  HPDF_XObject form = nullptr;
  if (!path.empty()) {
    double lo_x = std::numeric_limits<double>::max(), lo_y = lo_x, hi_x = -lo_x, hi_y = -lo_x;
    for (const Contour& c : font.outline(cp))
      for (const OutlinePoint& p : c) {
        lo_x = std::min(lo_x, p.x), hi_x = std::max(hi_x, p.x);
        lo_y = std::min(lo_y, p.y), hi_y = std::max(hi_y, p.y);
      }
    form = HPDF_DictStream_New(doc_->mmgr, doc_->xref);
    if (!form) throw std::runtime_error("PDF: libharu refused a glyph form");
    // HPDF_Page_ExecuteXObject takes only objects of this class (libharu makes them for images).
    form->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
    // Control points bound a TrueType outline, so their box holds the glyph.
    HPDF_Box box{static_cast<HPDF_REAL>(lo_x - 1), static_cast<HPDF_REAL>(lo_y - 1), static_cast<HPDF_REAL>(hi_x + 1),
                 static_cast<HPDF_REAL>(hi_y + 1)};
    if (HPDF_Dict_AddName(form, "Type", "XObject") != HPDF_OK || HPDF_Dict_AddName(form, "Subtype", "Form") != HPDF_OK ||
        HPDF_Dict_Add(form, "BBox", HPDF_Box_Array_New(doc_->mmgr, box)) != HPDF_OK ||
        HPDF_Stream_Write(form->stream, reinterpret_cast<const HPDF_BYTE*>(path.data()),
                          static_cast<HPDF_UINT>(path.size())) != HPDF_OK)
      throw std::runtime_error("PDF: libharu refused a glyph form");
    deflate_now(form);
  }
  forms_.emplace(key, form);
  return form;
}

}  // namespace zorgcap::pdf
