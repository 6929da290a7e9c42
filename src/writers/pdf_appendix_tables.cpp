#include "writers/pdf_appendix_tables.h"

#include <string>

namespace zorgcap::pdf {

namespace {

constexpr const char* nbsp = "\u00A0";

std::string cell_id(const std::string& table, int row, int col, bool header) {
  return table + (header ? "/h" : "/r") + std::to_string(row) + "/c" + std::to_string(col);
}

// The cell's text: all its runs joined.
void join_runs(BuiltCell& c) {
  std::size_t size = 0;
  for (const BuiltRun& r : c.runs) size += r.text.size();
  c.text.reserve(size);
  for (const BuiltRun& r : c.runs) c.text += r.text;
}

BuiltCell header_cell(const std::string& table, int col, std::string text) {
  BuiltCell c;
  c.id = cell_id(table, 0, col, true);
  c.col = col;
  c.header = true;
  c.runs.push_back(BuiltRun{std::move(text), false, {}, {}});
  join_runs(c);
  return c;
}

BuiltTable built_table(const std::string& id, const std::vector<std::string>& columns) {
  BuiltTable t;
  t.id = id;
  t.columns = static_cast<int>(columns.size());
  t.header.emplace_back();
  for (std::size_t c = 0; c < columns.size(); ++c)
    t.header[0].push_back(header_cell(id, static_cast<int>(c), columns[c]));
  return t;
}

}  // namespace

BuiltTable appendix_built_table(const AppendixTable& t) {
  BuiltTable out = built_table(t.anchor, t.columns);
  out.landscape = t.landscape;
  // The Verantwoording has hundreds of rows: each cell and run is built in place, without copies.
  out.body.reserve(t.rows.size());
  for (const AppendixRow& row : t.rows) {
    const int r = static_cast<int>(out.body.size());
    std::vector<BuiltCell>& cells = out.body.emplace_back();
    cells.reserve(row.cells.size());
    for (const AppendixCell& c : row.cells) {
      const int col = static_cast<int>(cells.size());
      BuiltCell& cell = cells.emplace_back();
      cell.id = cell_id(t.anchor, r, col, false);
      cell.row = r;
      cell.col = col;
      cell.row_header = c.row_header;
      cell.runs.reserve(c.runs.size());
      bool after_text = false;  // adjacent text runs become one
      for (const AppendixRun& run : c.runs) {
        const bool value = run.style == AppendixRun::Style::value;
        if (value || !after_text) cell.runs.emplace_back();
        BuiltRun& to = cell.runs.back();
        const std::size_t from = to.text.size();
        to.text += run.text;
        if (run.style == AppendixRun::Style::label) to.text += ':';
        // Kept together: no-break spaces ("-18,05 – -21,97 mln euro" stays on one line).
        if (c.keep_together)
          for (std::size_t at = from; (at = to.text.find(' ', at)) != std::string::npos;) to.text.replace(at, 1, nbsp);
        if (value) {
          to.is_number = true;
          to.number.text = to.text;
          to.number.mark = run.mark;
        }
        after_text = !value;
      }
      if (cell.runs.empty()) cell.runs.emplace_back();
      join_runs(cell);
    }
  }
  return out;
}

}  // namespace zorgcap::pdf
