#include "writers/pdf_chart_layout.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "writers/pdf_anchors.h"

namespace zorgcap::pdf {

namespace {

// The [bottom, top] intervals of `blocked` removed from [bottom, top]: the pieces of a vertical line
// that cross no text, top first.
std::vector<std::pair<double, double>> unblocked(double bottom, double top, std::vector<std::pair<double, double>> blocked) {
  std::sort(blocked.begin(), blocked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::pair<double, double>> out;
  double y = top;
  for (const auto& [b, t] : blocked) {
    if (t < y && t > bottom) out.emplace_back(t, y);
    y = std::min(y, b);
    if (y <= bottom) break;
  }
  if (y > bottom) out.emplace_back(bottom, y);
  std::vector<std::pair<double, double>> kept;
  for (const auto& seg : out)
    if (seg.second - seg.first > 0.5) kept.push_back(seg);
  return kept;
}

double draw_chart(const PageFlow& flow, const Chart& c, bool with_note, Page& d) {
  const Typography& type = flow.type();
  const Palette& colors = flow.options().colors;
  const double l = flow.left(), w = flow.content_width(), r = l + w;
  const bool tornado = c.kind == Chart::Kind::tornado;
  const Font f = Font::regular;
  double y = 0;
  for (const Line& line : flow.lines(chart_title(c), Font::bold, type.chart_title, w)) {
    flow.emit_line(d, line, Font::bold, type.chart_title, l, y - flow.ascent(Font::bold, type.chart_title));
    y -= flow.line_height(Font::bold, type.chart_title);
  }
  y -= type.caption_gap;

  // The value scale spans every bar, and 0 (range) or the base (tornado) where the axis stands.
  const double axis_value = tornado ? c.base : 0;
  double lo = axis_value, hi = lo;
  for (const ChartBar& b : c.bars) {
    if (std::isfinite(b.from)) lo = std::min(lo, b.from), hi = std::max(hi, b.from);
    if (std::isfinite(b.to)) lo = std::min(lo, b.to), hi = std::max(hi, b.to);
  }
  if (!(hi > lo)) hi = lo + 1;

  // Where the bars and their values go. The lower value stands left of its bar, the higher one
  // right of it (a bar of one value: that value once, right); a value that would cross the axis
  // joins the other one on the far side ("19 – 39" right of a bar that starts just after 0). The
  // plot narrows until every value is inside the margins.
  struct Placed {
    double x0 = 0, x1 = 0;    // the bar
    std::string left, right;  // the values beside it
  };
  const double gap = type.chart_value_gap, clear = type.chart_axis_clear;
  auto value_width = [&](const std::string& s) { return flow.text().width(s, f, type.chart_value); };
  auto joined = [](const std::string& a, const std::string& b) { return a.empty() ? b : b.empty() ? a : a + " – " + b; };
  double plot_left = l, plot_right = r, axis_x = l;
  std::vector<Placed> bars;
  for (int pass = 0; pass < 12; ++pass) {
    auto x = [&](double v) {
      if (!std::isfinite(v)) v = lo;
      return plot_left + (v - lo) / (hi - lo) * (plot_right - plot_left);
    };
    axis_x = x(axis_value);
    bars.clear();
    double leftmost = l, rightmost = r;
    for (const ChartBar& b : c.bars) {
      Placed p;
      p.x0 = x(std::min(b.from, b.to)), p.x1 = x(std::max(b.from, b.to));
      if (p.x1 - p.x0 < 1) {  // a bar of (almost) one value stays visible
        double mid = (p.x0 + p.x1) / 2;
        p.x0 = mid - 0.5, p.x1 = mid + 0.5;
      }
      bool rising = b.to >= b.from;
      p.left = rising ? b.from_text : b.to_text;
      p.right = rising ? b.to_text : b.from_text;
      if (p.left == p.right) p.left.clear();
      auto crosses = [&](double from, double to) { return from - clear <= axis_x && axis_x <= to + clear; };
      double rw = value_width(p.right), lw = value_width(p.left);
      if (!p.right.empty() && crosses(p.x1 + gap, p.x1 + gap + rw)) {
        p.left = joined(p.left, p.right);
        p.right.clear();
      } else if (!p.left.empty() && crosses(p.x0 - gap - lw, p.x0 - gap)) {
        p.right = joined(p.left, p.right);
        p.left.clear();
      }
      if (!p.left.empty()) leftmost = std::min(leftmost, p.x0 - gap - value_width(p.left));
      if (!p.right.empty()) rightmost = std::max(rightmost, p.x1 + gap + value_width(p.right));
      bars.push_back(std::move(p));
    }
    if (leftmost >= l - eps && rightmost <= r + eps) break;
    if (plot_right - plot_left < w / 4) break;  // values wider than the page: let them be
    plot_left += l - leftmost;
    plot_right -= rightmost - r;
  }

  // Text the axis would cross: the axis leaves it out.
  std::vector<std::pair<double, double>> blocked;
  auto text_at = [&](const std::string& text, Font font, double size, double tx, double baseline, double gray) {
    if (text.empty()) return;
    d.texts.push_back({text, font, size, tx, baseline, gray});
    double tw = flow.text().width(text, font, size);
    if (tx - clear <= axis_x && axis_x <= tx + tw + clear)
      blocked.emplace_back(baseline - flow.descent(font, size) - clear, baseline + flow.ascent(font, size) + clear);
  };
  auto line_at = [&](const Line& line, Font font, double size, double x0, double baseline, double gray) {
    for (const LineFragment& frag : line.fragments)
      if (frag.piece.text.find_first_not_of(' ') != std::string::npos)
        text_at(frag.piece.text, font, size, x0 + frag.x, baseline, gray);
  };

  // When no bar reaches left of the axis (a range chart from 0), the labels start right of it, so
  // the axis runs unbroken.
  const double label_x = axis_x <= plot_left + eps && axis_x + 4 < r - w / 2 ? axis_x + 4 : l;
  const double label_w = r - label_x;
  const double space = flow.text().width(" ", f, type.chart_label);
  const double value_asc = flow.ascent(f, type.chart_value), value_desc = flow.descent(f, type.chart_value);
  const double band = std::max(type.chart_bar, value_asc + value_desc);
  double axis_top = y, axis_bottom = y;
  for (std::size_t i = 0; i < c.bars.size(); ++i) {
    const ChartBar& b = c.bars[i];
    const Placed& p = bars[i];
    // The label line(s), the detail in gray after the label (or on a line of its own).
    std::vector<Line> label = flow.lines(b.label, f, type.chart_label, label_w);
    double detail_w = flow.text().width(b.detail, f, type.chart_detail);
    bool detail_inline = !b.detail.empty() && label.back().width + space + detail_w <= label_w + eps;
    for (std::size_t k = 0; k < label.size(); ++k) {
      double baseline = y - flow.ascent(f, type.chart_label);
      line_at(label[k], f, type.chart_label, label_x, baseline, 0);
      if (k + 1 == label.size() && detail_inline)
        text_at(b.detail, f, type.chart_detail, label_x + label[k].width + space, baseline, type.muted_gray);
      y -= flow.line_height(f, type.chart_label);
    }
    if (!b.detail.empty() && !detail_inline)
      for (const Line& line : flow.lines(b.detail, f, type.chart_detail, label_w)) {
        line_at(line, f, type.chart_detail, label_x, y - flow.ascent(f, type.chart_detail), type.muted_gray);
        y -= flow.line_height(f, type.chart_detail);
      }
    y -= type.chart_label_gap;

    // The bar, centred in its band, its values beside it; bar and values are one link.
    if (i == 0) axis_top = y;
    double bar_top = y - (band - type.chart_bar) / 2, bar_bottom = bar_top - type.chart_bar;
    Color color = !tornado ? colors.range : b.to >= b.from ? colors.rising : colors.falling;
    d.fills.push_back({Rect{p.x0, bar_bottom, p.x1, bar_top}, 1, color});
    double baseline = (bar_top + bar_bottom) / 2 - (value_asc - value_desc) / 2;  // text centred on the bar
    Rect link{p.x0, std::min(bar_bottom, baseline - value_desc), p.x1, std::max(bar_top, baseline + value_asc)};
    if (!p.left.empty()) {
      link.left = p.x0 - gap - value_width(p.left);
      text_at(p.left, f, type.chart_value, link.left, baseline, 0);
    }
    if (!p.right.empty()) {
      text_at(p.right, f, type.chart_value, p.x1 + gap, baseline, 0);
      link.right = p.x1 + gap + value_width(p.right);
    }
    if (b.mark > 0) d.links.push_back({link, mark_anchor(b.mark), b.mark, {}});
    y -= band;
    axis_bottom = y;
    y -= type.chart_row_gap;
  }

  // The axis, from just above the first bar to just below the last, around the text it crosses.
  if (!c.bars.empty()) {
    double top = axis_top + 2, bottom = axis_bottom - 2;
    for (const auto& [from, to] : unblocked(bottom, top, blocked))
      d.rules.push_back({axis_x, to, axis_x, from, type.chart_axis});
    y = std::min(y, bottom - 1);
  }
  if (tornado) {
    std::string base = "midden: " + c.base_text + (c.unit.empty() ? "" : " " + c.unit);
    double tw = value_width(base);
    double bx = std::clamp(axis_x - tw / 2, l, std::max(l, r - tw));
    d.texts.push_back({base, f, type.chart_value, bx, y - value_asc});
    y -= flow.line_height(f, type.chart_value);
  }
  if (with_note && !c.note.empty()) {
    y -= 3;
    for (const Line& line : flow.lines(c.note, f, type.small, w)) {
      flow.emit_line(d, line, f, type.small, l, y - flow.ascent(f, type.small), type.muted_gray);
      y -= flow.line_height(f, type.small);
    }
  }
  return -y;
}

}  // namespace

std::string chart_title(const Chart& c) {
  std::string title = c.title;
  if (c.kind == Chart::Kind::tornado) {
    if (!c.group.empty()) title = c.group + ": " + title;
    if (!c.unit.empty()) title += " (" + c.unit + ")";
  }
  std::replace(title.begin(), title.end(), '\n', ' ');
  return title;
}

// A chart drawn on a scratch page with its top at y = 0 (everything below is negative); returns

// A chart, whole on one page: on the next one if it does not fit below the cursor.
void place_chart(PageFlow& flow, const Chart& c, bool with_note) {
  const Typography& type = flow.type();
  Page d;
  double h = draw_chart(flow, c, with_note, d);
  double full = flow.full_height(flow.landscape());
  if (h > full + eps)
    throw std::runtime_error("PDF: chart " + chart_anchor(c) + " (" + chart_title(c) + ") with " +
                             std::to_string(c.bars.size()) + " bars is " + std::to_string(static_cast<int>(std::ceil(h))) +
                             " pt tall, but a page holds only " + std::to_string(static_cast<int>(full)) +
                             " pt and a chart is never split; show fewer bars (tornado_bars, case_charts in "
                             "templates/analysis.yaml)");
  flow.keep(h);
  flow.anchor(chart_anchor(c));
  flow.layout().bookmarks.push_back({chart_title(c), chart_anchor(c), 1});
  Page& p = flow.page();
  double top = flow.y();
  for (Fill fl : d.fills) {
    fl.rect.bottom += top, fl.rect.top += top;
    p.fills.push_back(fl);
  }
  for (Rule ru : d.rules) {
    ru.y1 += top, ru.y2 += top;
    p.rules.push_back(ru);
  }
  for (TextBox tb : d.texts) {
    tb.y += top;
    p.texts.push_back(std::move(tb));
  }
  for (Link li : d.links) {
    li.rect.bottom += top, li.rect.top += top;
    p.links.push_back(std::move(li));
  }
  flow.down(h);
  flow.down(type.chart_gap);
}

}  // namespace zorgcap::pdf
