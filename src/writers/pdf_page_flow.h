#pragma once
// The flow of report.pdf's pages: a cursor moving down the current page, page breaks, and blocks of
// text kept together on one page when they fit.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "writers/pdf_boxes.h"
#include "writers/pdf_text.h"

namespace zorgcap::pdf {

// A paragraph of a block that is kept on one page when it fits.
struct Para {
  std::vector<Line> lines;
  Font font = Font::regular;
  double size = 0;
  double indent = 0;
  double space_after = 0;
  double gray = 0;
};

class PageFlow {
 public:
  PageFlow(const FontMetrics& metrics, const LayoutOptions& options)
      : metrics_(metrics), o_(options), t_(options.type), g_(options.page), text_(metrics, options.type) {}

  const TextSetter& text() const { return text_; }
  const LayoutOptions& options() const { return o_; }
  const Typography& type() const { return t_; }
  Layout& layout() { return layout_; }

  // --- the cursor and page breaks

  void new_page(bool landscape);
  Page& page() { return layout_.pages.back(); }
  bool landscape() const { return landscape_; }
  double y() const { return y_; }  // the cursor: the top of what comes next
  double left() const { return g_.margin_left; }
  double content_width() const { return layout_.pages.back().width - g_.margin_left - g_.margin_right; }
  double remaining() const { return y_ - g_.margin_bottom; }
  double full_height(bool landscape) const {
    return (landscape ? g_.width : g_.height) - g_.margin_top - g_.margin_bottom;
  }
  void down(double h) {
    y_ -= h;
    fresh_ = false;
  }
  // Starts a new page (same orientation) unless `h` fits below the cursor or the page is fresh.
  void keep(double h) {
    if (!fresh_ && h > remaining() + eps) new_page(landscape_);
  }
  void anchor(const std::string& name) { page().anchors.push_back({name, y_}); }

  // --- text

  double ascent(Font f, double size) const { return text_.ascent(f, size); }
  double descent(Font f, double size) const { return text_.descent(f, size); }
  double line_height(Font f, double size) const { return text_.line_height(f, size); }
  std::vector<Line> lines(const std::vector<Piece>& text, Font f, double size, double width) const {
    return text_.lines(text, f, size, width);
  }
  std::vector<Line> lines(const std::string& text, Font f, double size, double width) const {
    return text_.lines(text, f, size, width);
  }
  void emit_line(Page& p, const Line& line, Font f, double size, double x0, double baseline, double gray = 0) const {
    text_.emit_line(p, line, f, size, x0, baseline, gray);
  }

  // Draws lines top-down from the cursor (no page breaks) and moves the cursor below them.
  void emit_lines(const std::vector<Line>& ls, Font f, double size, double x0);

  double height(const std::vector<Para>& paras) const;
  // Places a block, on the next page if it does not fit here but fits on a page; a block taller than
  // a page flows line by line. Returns the page index and cursor of its top.
  std::pair<std::size_t, double> place(const std::vector<Para>& paras);

 protected:
  const FontMetrics& metrics_;
  const LayoutOptions& o_;
  const Typography& t_;
  const PageGeometry& g_;
  TextSetter text_;
  Layout layout_;
  bool landscape_ = false;
  bool fresh_ = true;
  double y_ = 0;
};

}  // namespace zorgcap::pdf
