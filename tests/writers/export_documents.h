// Documents for the export writers' tests (XLSX, LaTeX, Markdown): the baseline report, and a
// small one whose single table has row and column spans and text full of special characters.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include "document/build.h"
#include "document/reconciliation_build.h"
#include "inputs/published.h"
#include "model/reconcile.h"
#include "document/grid.h"
#include "test_support.h"

namespace zorgcap::test {

inline const Document& baseline_document() {
  static const Document doc = [] {
    Diagnostics diags;
    SourceTexts texts;
    auto t = load_table_templates(source_dir() + "/templates/tables", diags, texts);
    if (!t || !check_bindings(*t, baseline_results(), diags)) throw std::runtime_error(diags.format(texts));
    return build_document(*t, baseline_results(), baseline_inputs(), std::string(64, 'a'));
  }();
  return doc;
}

// The baseline as `zorgcap report` builds it: with the comparison against the printed report
// (deviation marks, the Verantwoording rows).
inline const Document& reconciled_document() {
  static const Document doc = [] {
    Document d = baseline_document();
    Diagnostics diags;
    SourceTexts texts;
    auto published = load_published(source_dir() + "/inputs/published.yaml", diags, texts);
    auto errata = load_errata(source_dir() + "/inputs/errata.yaml", diags, texts);
    if (!published || !errata) throw std::runtime_error(diags.format(texts));
    add_reconciliation(d, reconcile(baseline_results(), *published), *errata);
    return d;
  }();
  return doc;
}

inline BuiltRun text_run(const std::string& text) {
  BuiltRun r;
  r.text = text;
  return r;
}

// A number run bound to the baseline's provenance entry `mark`, displayed as `text` (which is
// `value` in the template format `format`).
inline BuiltRun number_run(const Document& doc, int mark, double value, const std::string& text,
                           const char* format = "n0") {
  BuiltRun r;
  r.text = text;
  r.is_number = true;
  r.number.key = doc.provenance.at(static_cast<std::size_t>(mark - 1)).key;
  r.number.value = r.number.min = r.number.max = value;
  r.number.format = parse_number_format(format).value();
  r.number.text = text;
  r.number.mark = mark;
  return r;
}

inline BuiltCell make_cell(int table, bool header, int row, int col, std::vector<BuiltRun> runs, int rowspan = 1,
                           int colspan = 1) {
  BuiltCell c;
  c.id = "t" + std::to_string(table) + (header ? "/h" : "/r") + std::to_string(row) + "/c" + std::to_string(col);
  c.row = row;
  c.col = col;
  c.rowspan = rowspan;
  c.colspan = colspan;
  c.header = header;
  c.row_header = !header && col == 0;
  c.runs = std::move(runs);
  for (const BuiltRun& r : c.runs) c.text += r.text;
  return c;
}

inline const char* kSpecialCaption = "Tabel 99. R&D: 50% van _alle_ #1-kosten in € – ë\u00A0| {x} ~ ^ \\ [y]";
inline const char* kSpecialText = "50% € – ë\u00A0x #1 _y_ ~z ^w \\v {u} | <b> $5 `c`";

// The baseline document with one more table (number 99, 4 columns):
//   header: "Indicator" (2 rows) | "Huisarts & VS" over "min" "max" | "Bron_1" (2 rows)
//   body:   a section row over all 4 columns, "Sectie | een"
//           "Groep\nA" (2 rows) | 1.917 fte | 19% | "=SUM(A1:A2)"
//                               | kSpecialText | 3.833 fte | "@home"
inline Document span_document() {
  Document doc = baseline_document();
  BuiltTable t;
  t.number = 99;
  t.id = "tabel-99";
  t.caption = kSpecialCaption;
  t.columns = 4;
  t.header = {{make_cell(99, true, 0, 0, {text_run("Indicator")}, 2, 1),
               make_cell(99, true, 0, 1, {text_run("Huisarts & VS")}, 1, 2),
               make_cell(99, true, 0, 3, {text_run("Bron_1")}, 2, 1)},
              {make_cell(99, true, 1, 1, {text_run("min")}), make_cell(99, true, 1, 2, {text_run("max")})}};
  t.body = {{make_cell(99, false, 0, 0, {text_run("Sectie | een")}, 1, 4)},
            {make_cell(99, false, 1, 0, {text_run("Groep\nA")}, 2, 1),
             make_cell(99, false, 1, 1, {number_run(doc, 1, 1916.56, "1.917"), text_run(" fte")}),
             make_cell(99, false, 1, 2, {number_run(doc, 2, 0.19, "19", "pct0"), text_run("%")}),
             make_cell(99, false, 1, 3, {text_run("=SUM(A1:A2)")})},
            {make_cell(99, false, 2, 1, {text_run(kSpecialText)}),
             make_cell(99, false, 2, 2, {number_run(doc, 1, 3833.11, "3.833"), text_run(" fte")}),
             make_cell(99, false, 2, 3, {text_run("@home")})}};
  t.notes = {"- een noot met 5% & _nadruk_"};
  resolve_grid(t);
  doc.tables.push_back(std::move(t));
  return doc;
}

}  // namespace zorgcap::test
