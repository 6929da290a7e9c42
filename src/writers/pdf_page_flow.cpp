#include "writers/pdf_page_flow.h"

namespace zorgcap::pdf {

void PageFlow::new_page(bool landscape) {
  Page p;
  p.width = landscape ? g_.height : g_.width;
  p.height = landscape ? g_.width : g_.height;
  p.number = static_cast<int>(layout_.pages.size()) + 1;
  layout_.pages.push_back(std::move(p));
  landscape_ = landscape;
  y_ = page().height - g_.margin_top;
  fresh_ = true;
}

void PageFlow::emit_lines(const std::vector<Line>& ls, Font f, double size, double x0) {
  for (const Line& l : ls) {
    emit_line(page(), l, f, size, x0, y_ - ascent(f, size));
    down(line_height(f, size));
  }
}

double PageFlow::height(const std::vector<Para>& paras) const {
  double h = 0;
  for (const Para& p : paras) h += static_cast<double>(p.lines.size()) * line_height(p.font, p.size) + p.space_after;
  return h;
}

std::pair<std::size_t, double> PageFlow::place(const std::vector<Para>& paras) {
  double h = height(paras);
  bool whole = h <= full_height(landscape_) + eps;
  if (whole) keep(h);
  std::size_t first_page = layout_.pages.size() - 1;
  double top = y_;
  bool first = true;
  for (const Para& p : paras) {
    for (const Line& l : p.lines) {
      if (!whole) keep(line_height(p.font, p.size));
      if (first) first_page = layout_.pages.size() - 1, top = y_, first = false;
      emit_line(page(), l, p.font, p.size, left() + p.indent, y_ - ascent(p.font, p.size), p.gray);
      down(line_height(p.font, p.size));
    }
    down(p.space_after);
  }
  return {first_page, top};
}

}  // namespace zorgcap::pdf
