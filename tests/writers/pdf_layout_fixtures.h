#pragma once
// Shared by the PDF layout tests: fixed-width fake metrics (every character is half its size wide,
// so 10 characters at 10 pt are 50 pt), builders of tables, charts and documents, and finders of
// what a laid-out page shows.
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "document/document.h"
#include "writers/pdf_boxes.h"
#include "writers/pdf_text.h"

namespace zorgcap::pdf::fixtures {

class FixedMetrics final : public FontMetrics {
 public:
  double width(std::string_view text, Font, double size) const override {
    return static_cast<double>(decode_utf8(text).size()) * size * 0.5;
  }
  double ascent(Font, double size) const override { return 0.8 * size; }
  double descent(Font, double size) const override { return 0.2 * size; }
};

inline const FixedMetrics metrics;
inline const Typography type;

BuiltCell cell(int row, int col, std::string text, int rowspan = 1, int colspan = 1);
BuiltCell head(int row, int col, std::string text, int rowspan = 1, int colspan = 1);
BuiltRun lit(std::string text);
BuiltRun num(std::string text, int mark);
BuiltCell runs_cell(int row, int col, std::vector<BuiltRun> runs);
BuiltTable table(int number, std::vector<std::string> header, int rows, std::string row_text = "rij");

// A Document built by hand.
struct Fixture {
  Document doc;

  // Appendix entries for marks 1..n: odd marks are inputs, even marks are computed from the two below.
  void provenance(int n);
};

// All text of a page, in drawing order.
std::vector<std::string> texts(const Page& p);
bool has_text(const Page& p, const std::string& s);

// The first text box showing exactly `s`, and the number of its page.
const TextBox* find_text(const Layout& l, const std::string& s, int* page = nullptr);
const TextBox* on(const Page& p, const std::string& s);

// The page a text is on, after the title page (which lists the captions in its contents).
int page_of(const Layout& l, const std::string& s);

// Charts whose values print with %g.
std::string value_text(double v);
ChartBar bar(std::string label, int mark, double from, double to, std::string detail = "");
Chart chart(Chart::Kind kind, std::string id, std::string title, std::vector<ChartBar> bars, double base = 0);

bool same(const std::optional<Color>& a, const Color& b);
// The bars of a chart (coloured fills) and the pieces of its axis.
std::vector<const Fill*> bars_of(const Page& p);
std::vector<const Rule*> axis_of(const Page& p);

inline double right_of(const TextBox& t) { return t.x + metrics.width(t.text, t.font, t.size); }

// `rows` Verantwoording rows; every 7th (from the 4th) has an erratum.
ReconciliationSummary reconciliation(int rows);

}  // namespace zorgcap::pdf::fixtures
