#include "writers/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/number_format.h"
#include "writers/escape.h"

namespace zorgcap {
namespace {

// Each row: the label on its own line across the full width, the bar below it.
constexpr double kWidth = 760, kPlotLeft = 90, kPlotWidth = 580;
constexpr double kBarHeight = 14, kRowHeight = 42, kTop = 6;

std::string num(double v) {
  std::ostringstream s;
  s.precision(1);
  s << std::fixed << v;
  return s.str();
}

}  // namespace

std::string render_svg_chart(const Chart& c, const Document& doc) {
  double lo = c.kind == Chart::Kind::tornado ? c.base : 0, hi = lo;
  for (const ChartBar& b : c.bars) {
    lo = std::min({lo, b.from, b.to});
    hi = std::max({hi, b.from, b.to});
  }
  if (hi == lo) hi = lo + 1;
  auto x = [&](double v) { return kPlotLeft + (v - lo) / (hi - lo) * kPlotWidth; };
  double height = kTop + kRowHeight * static_cast<double>(c.bars.size()) + 24;
  std::ostringstream out;
  out << "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << num(kWidth) << " " << num(height)
      << "\" width=\"" << num(kWidth) << "\" height=\"" << num(height) << "\" role=\"img\" aria-label=\""
      << html_escape(c.title) << "\">\n";
  double axis = x(c.kind == Chart::Kind::tornado ? c.base : 0);
  for (std::size_t i = 0; i < c.bars.size(); ++i) {
    const ChartBar& b = c.bars[i];
    double y = kTop + kRowHeight * static_cast<double>(i);
    const ProvenanceEntry& e = doc.provenance.at(static_cast<std::size_t>(b.mark - 1));
    double x0 = x(std::min(b.from, b.to)), x1 = x(std::max(b.from, b.to));
    bool rising = b.to >= b.from;
    out << "<a href=\"#" << html_escape(e.anchor) << "\"><title>" << html_escape(b.label)
        << (b.detail.empty() ? "" : " (" + b.detail + ")") << ": " << html_escape(b.from_text) << " – "
        << html_escape(b.to_text) << "</title>\n"
        << "<text x=\"0\" y=\"" << num(y + 12) << "\" class=\"label\">" << html_escape(b.label);
    if (!b.detail.empty()) out << " <tspan class=\"detail\">" << html_escape(b.detail) << "</tspan>";
    out << "</text>\n";
    out << "<rect x=\"" << num(x0) << "\" y=\"" << num(y + 18) << "\" width=\"" << num(std::max(1.0, x1 - x0))
        << "\" height=\"" << num(kBarHeight) << "\" class=\"" << (c.kind == Chart::Kind::range ? "range" : rising ? "up" : "down")
        << "\"/>\n"
        << "<text x=\"" << num(x0 - 4) << "\" y=\"" << num(y + 29) << "\" text-anchor=\"end\" class=\"value\">"
        << html_escape(rising ? b.from_text : b.to_text) << "</text>\n"
        << "<text x=\"" << num(x1 + 4) << "\" y=\"" << num(y + 29) << "\" class=\"value\">"
        << html_escape(rising ? b.to_text : b.from_text) << "</text>\n</a>\n";
  }
  double bottom = kTop + kRowHeight * static_cast<double>(c.bars.size());
  out << "<line x1=\"" << num(axis) << "\" y1=\"" << num(kTop + 16) << "\" x2=\"" << num(axis) << "\" y2=\"" << num(bottom)
      << "\" class=\"axis\"/>\n";
  if (c.kind == Chart::Kind::tornado)
    out << "<text x=\"" << num(axis) << "\" y=\"" << num(bottom + 16) << "\" text-anchor=\"middle\" class=\"value\">"
        << "midden: " << html_escape(c.base_text) << " " << html_escape(c.unit) << "</text>\n";
  out << "</svg>\n";
  return std::move(out).str();
}

}  // namespace zorgcap
