#include "writers/pdf_anchors.h"

namespace zorgcap::pdf {

std::string mark_anchor(int mark) { return "herkomst-" + std::to_string(mark); }
std::string table_anchor(const BuiltTable& table) {
  return table.id.empty() ? "tabel-" + std::to_string(table.number) : table.id;
}
std::string deviation_anchor(const PrintedComparison& p) { return "verantwoording-" + p.id; }
std::string chart_anchor(const Chart& chart) { return chart.id.empty() ? "figuur-" + chart.title : chart.id; }

}  // namespace zorgcap::pdf
