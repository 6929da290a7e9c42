#include "writers/pdf_appendix_tables.h"

#include <algorithm>

#include "writers/pdf_anchors.h"

namespace zorgcap::pdf {

namespace {

BuiltRun text_run(std::string text) { return BuiltRun{std::move(text), false, {}}; }
// A value that aligns right like a number; with a mark, it links to that appendix entry (a label
// with a mark links too, its words wrapping like text).
BuiltRun value_run(std::string text, int mark = 0) {
  BuiltRun r;
  r.text = text;
  r.is_number = true;
  r.number.text = std::move(text);
  r.number.mark = mark;
  return r;
}

BuiltCell built_cell(const std::string& table, int row, int col, std::vector<BuiltRun> runs, bool header,
                     bool row_header = false) {
  BuiltCell c;
  c.id = table + (header ? "/h" : "/r") + std::to_string(row) + "/c" + std::to_string(col);
  c.row = row;
  c.col = col;
  c.header = header;
  c.row_header = row_header;
  c.runs = std::move(runs);
  for (const BuiltRun& r : c.runs) c.text += r.text;
  return c;
}

BuiltTable built_table(const std::string& id, const std::vector<std::string>& columns) {
  BuiltTable t;
  t.id = id;
  t.columns = static_cast<int>(columns.size());
  t.header.emplace_back();
  for (std::size_t c = 0; c < columns.size(); ++c)
    t.header[0].push_back(built_cell(id, 0, static_cast<int>(c), {text_run(columns[c])}, true));
  return t;
}

// Casus | Uitkomst | Rapport (min – max) | P5 | P50 | P95; the outcome links to its appendix entry.
}  // namespace

BuiltTable uncertainty_table(const Uncertainty& u) {
  BuiltTable t = built_table(uncertainty_anchor, {"Casus", "Uitkomst", "Rapport (min – max)", "P5", "P50", "P95"});
  for (const UncertaintyRow& r : u.rows) {
    int row = static_cast<int>(t.body.size());
    const std::string& id = t.id;
    std::vector<BuiltCell> cells;
    cells.push_back(built_cell(id, row, 0, {text_run(r.group)}, false));
    cells.push_back(built_cell(id, row, 1, {r.mark > 0 ? value_run(r.label, r.mark) : text_run(r.label)}, false, true));
    // No break inside a range: "-18,05 – -21,97 mln euro" stays on one line (no-break spaces).
    const std::string nbsp = "\u00A0";
    std::string unit = r.unit;
    for (std::size_t at; (at = unit.find(' ')) != std::string::npos;) unit.replace(at, 1, nbsp);
    cells.push_back(built_cell(id, row, 2,
                               {value_run(r.min_text), text_run(nbsp + "–" + nbsp), value_run(r.max_text),
                                text_run(unit.empty() ? "" : nbsp + unit)},
                               false));
    cells.push_back(built_cell(id, row, 3, {value_run(r.p5_text)}, false));
    cells.push_back(built_cell(id, row, 4, {value_run(r.p50_text)}, false));
    cells.push_back(built_cell(id, row, 5, {value_run(r.p95_text)}, false));
    t.body.push_back(std::move(cells));
  }
  return t;
}

// Plaats | Rapport | zorgcap | Status | Toelichting; zorgcap's value links to its appendix entry.
BuiltTable reconciliation_table(const ReconciliationSummary& s) {
  BuiltTable t = built_table(reconciliation_anchor, {"Plaats", "Rapport", "zorgcap", "Status", "Toelichting"});
  t.landscape = true;  // the places (ids up to ~50 characters) and the explanations need the width
  for (const ReconciliationRow& r : s.rows) {
    int row = static_cast<int>(t.body.size());
    const std::string& id = t.id;
    std::string where = r.where.empty() ? r.id : r.id.empty() ? r.where : r.where + " " + r.id;
    std::vector<BuiltCell> cells;
    cells.push_back(built_cell(id, row, 0, {text_run(where)}, false, true));
    cells.push_back(built_cell(id, row, 1, {value_run(r.printed)}, false));
    cells.push_back(built_cell(id, row, 2, {value_run(r.computed, std::max(r.mark, 0))}, false));
    cells.push_back(built_cell(id, row, 3, {text_run(r.status)}, false));
    cells.push_back(built_cell(id, row, 4, {text_run(r.erratum.empty() ? "" : r.erratum + ": " + r.explanation)}, false));
    t.body.push_back(std::move(cells));
  }
  return t;
}

}  // namespace zorgcap::pdf
