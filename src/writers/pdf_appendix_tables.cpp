#include "writers/pdf_appendix_tables.h"

#include <algorithm>


namespace zorgcap::pdf {

namespace {

BuiltRun text_run(std::string text) { return BuiltRun{std::move(text), false, {}, {}}; }
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

}  // namespace

BuiltTable appendix_built_table(const AppendixTable& t) {
  BuiltTable out = built_table(t.anchor, t.columns);
  out.landscape = t.landscape;
  const std::string nbsp = "\u00A0";
  for (const AppendixRow& row : t.rows) {
    int r = static_cast<int>(out.body.size());
    std::vector<BuiltCell> cells;
    for (const AppendixCell& c : row.cells) {
      std::vector<BuiltRun> runs;
      bool after_text = false;  // adjacent text runs become one
      for (const AppendixRun& run : c.runs) {
        std::string text = run.style == AppendixRun::Style::label ? run.text + ":" : run.text;
        // Kept together: no-break spaces ("-18,05 – -21,97 mln euro" stays on one line).
        if (c.keep_together)
          for (std::size_t at; (at = text.find(' ')) != std::string::npos;) text.replace(at, 1, nbsp);
        if (run.style == AppendixRun::Style::value) {
          runs.push_back(value_run(std::move(text), run.mark));
          after_text = false;
        } else if (after_text) {
          runs.back().text += text;
        } else {
          runs.push_back(text_run(std::move(text)));
          after_text = true;
        }
      }
      if (runs.empty()) runs.push_back(text_run(""));
      cells.push_back(built_cell(t.anchor, r, static_cast<int>(cells.size()), std::move(runs), false, c.row_header));
    }
    out.body.push_back(std::move(cells));
  }
  return out;
}

}  // namespace zorgcap::pdf
