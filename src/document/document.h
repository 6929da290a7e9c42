#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/expression.h"
#include "core/source.h"
#include "document/bound.h"
#include "document/number_format.h"

namespace zorgcap {

// How a printed number compares with the report (inputs/published.yaml and errata.yaml; only for
// the report's own inputs, the baseline).
struct PrintedComparison {
  enum class Status {
    reproduced,  // zorgcap prints what the report prints
    erratum,     // the report contradicts itself here; zorgcap prints the documented consistent value
    deviation,   // neither: a difference zorgcap cannot account for
  };
  Status status = Status::reproduced;
  std::string id;       // the published number: "t4.pa.pct_benut.min"
  std::string printed;  // as the report prints it: "48%"
  std::string computed; // zorgcap's value, formatted like the printed number: "12%"
  std::string erratum;  // the explanation's id in errata.yaml (I5 …), for an erratum
  // Where it deviates (status != reproduced), ready to print:
  std::string kind;     // the kind of deviation: an erratum's kind from errata.yaml ("fout in het rapport",
                        // "afronding van eigen invoer", "rekenen met afgeronde tussenwaarde",
                        // "afrondingsfout", "typografische fout"), or "onverklaarde afwijking"
  std::string reason;   // the explanation (errata.yaml; "" for an unexplained deviation)
  std::string anchor;   // its row in "Verantwoording" (AppendixRow::anchor): "v-t4.pa.pct_benut.min"
  std::string note;     // ready to print beside the cell (XLSX comment, LaTeX note): "Wijkt af van het
                        // rapport: het rapport drukt 48%, zorgcap 10%. Fout in het rapport (I5): <reason>"
};

// A number as it appears in a built cell.
struct BuiltNumber {
  std::string key;     // quantity key
  Bound bound = Bound::single;  // which of the quantity's values this is
  double value = 0;    // the raw value (unscaled, full precision): min or max per `bound`
  double min = 0, max = 0;  // the quantity's values (equal for a single-valued quantity)
  NumberFormat format;      // decimals and scale, as the template prints it
  std::string unit;         // the quantity's unit ("fte", "aandeel", "euro")
  std::string text;    // as displayed: "1.917"
  int mark = 0;        // the number of its entry in the appendix "Herkomst van de getallen" (1-based)
  // baseline: the report's number this one stands for; shared by the cells that stand for it, and
  // a pointer so that the many numbers without one stay small
  std::shared_ptr<const PrintedComparison> printed;
  // A deviating number carries a distinct mark (wording::kDeviationMark) linking to printed->anchor.
  bool deviates() const { return printed && printed->status != PrintedComparison::Status::reproduced; }
};

// A piece of a built cell: literal text, a source label (text too) or a number.
struct BuiltRun {
  std::string text;  // the displayed text of this run (for a number: its formatted value)
  bool is_number = false;
  BuiltNumber number;  // when is_number
  std::string source;  // a source label ({KEY|bron}): the id of that source (its entry in Bronnen)
};

// A footnote of a cell, as the report gives it. Its marker (the number, superscript) is not part of
// the cell's `text`; writers print it before run `before_run` and the note under the table.
struct CellFootnote {
  int number = 0;
  std::string text;
  std::string url;     // where the report gives one (writers link only http, https and mailto)
  std::size_t at = 0;  // its marker stands after this many characters (code points) of the cell text
  std::size_t before_run = 0;  // … that is, before the cell's run with this index (runs.size(): at the end)
  std::string anchor;  // the note under the table: "tabel-6-voetnoot-1"
};

struct BuiltCell {
  std::string id;      // "t10/r3/c2" (header cells: "t10/h0/c1"), from the cell's grid position
  std::vector<BuiltRun> runs;
  std::string text;    // all runs joined: exactly what is displayed; may contain '\n' line breaks
  int row = 0, col = 0;          // top-left grid position within its section (header or body)
  int rowspan = 1, colspan = 1;
  bool header = false;           // a column header cell
  bool row_header = false;       // a row header cell (leading columns of a body row)
  std::vector<CellFootnote> footnotes;
  std::map<std::size_t, std::string> source_of;  // run index of a source label -> the input it names
  bool has_numbers() const;
};

// One slot of a section's grid (row × column): the cell that fills it, which starts there
// (content) or spans over it from above or from the left (continuation).
struct GridSlot {
  enum class Kind { content, continuation };
  Kind kind = Kind::content;
  int row = 0, index = 0;  // the owning cell: section[row][index]
};
using Grid = std::vector<std::vector<GridSlot>>;  // [row][column]; every row `columns` wide

// A table after the build pass: spans resolved into a rectangular grid of `columns` columns.
// Each row lists only the cells that start in it (cells covered by a span are omitted); the grids
// give, for every slot, its cell (see document/grid.h), so no writer re-derives what a span covers.
struct BuiltTable {
  int number = 0;
  std::string id;       // "tabel-10"
  std::string caption;
  bool landscape = false;
  int columns = 0;
  std::vector<std::vector<BuiltCell>> header;  // header rows
  std::vector<std::vector<BuiltCell>> body;    // body rows
  Grid header_grid, body_grid;
  std::vector<std::string> notes;
};

// The cell that fills `slot` of `section` (a BuiltTable's header or body).
inline const BuiltCell& cell_at(const std::vector<std::vector<BuiltCell>>& section, const GridSlot& slot) {
  return section[static_cast<std::size_t>(slot.row)][static_cast<std::size_t>(slot.index)];
}

// A piece of a formula in words: literal text, or an operand (an index into operand_marks).
struct FormulaPiece {
  std::string text;  // literal text; in a FormulaLine also an operand's value ("1.916,56 fte")
  int operand = -1;  // >= 0: the operand (linked to its entry); in `formula` shown by its label
};

// The formula of one scenario with the operands' values filled in, so a reader can recompute it:
// "= 1.916,56 fte ÷ 9.842 fte = 19,47%". Values use the decimals of their quantity (the same in
// every entry and both scenarios), shares as percentages.
struct FormulaLine {
  std::string scenario;              // "minimumscenario", "maximumscenario"; "" for a single value
  std::vector<FormulaPiece> pieces;  // the formula, each operand's piece holding its value text
  std::string result;                // the quantity's value in this scenario: "19,47%"
  std::string text;                  // the whole line, ready to print: "minimumscenario: = … = 19,47%"
};

// A printed number of the report that this quantity stands for and that deviates from it.
struct ProvenanceDeviation {
  std::string where;             // "Tabel 4" or "tekst"
  PrintedComparison comparison;  // printed, computed, kind, reason, anchor (its Verantwoording row)
  std::string text;              // ready to print: "Tabel 4: het rapport drukt 48% af, zorgcap 12%
                                 // (fout in het rapport, I5). <reason>"
};

// The values an input parameter may take: at least `lower` (above it when `lower_open`) and, when
// `bounded_above`, at most `upper` (below it when `upper_open`).
struct InputDomain {
  double lower = 0;
  bool lower_open = false;
  bool bounded_above = false;
  double upper = 0;
  bool upper_open = false;
  bool upper_is_ceiling = false;  // `upper` is the realistic ceiling of its unit, not the domain's own bound
};

// One entry of the appendix "Herkomst van de getallen": a copy of what writers show of the quantity.
struct ProvenanceEntry {
  int mark = 0;  // 1-based, in order of first appearance in the tables, then the remaining ones by key
  std::string key;
  std::string anchor;  // "q-huisarts.vs.netto_fte"
  std::string label;   // the quantity's label
  std::string unit;    // its unit ("fte", "aandeel")
  std::string note;    // an input's remark ("" for none)
  double min = 0, max = 0;   // its values (unrounded)
  std::string value_text;    // "1.916,56 fte (minimumscenario) – 3.833,11 fte (maximumscenario)", the same
                             // decimals for both; it adds when the smaller value belongs to the maximum scenario
  std::string formula_text;  // rendered with operand labels ("" for an input)
  std::vector<FormulaPiece> formula;  // the same, in pieces, for writers that link the operands
  std::vector<int> operand_marks;  // the operands' entry marks, in formula order
  std::vector<FormulaLine> recompute;  // the formula with values: one line, or one per scenario (derived only)
  std::vector<ProvenanceDeviation> deviations;  // baseline: printed numbers of this quantity that differ
  std::optional<Source> source;    // for an input
  // The graph itself, for writers that recompute (explore.html): a derived quantity's formula as
  // a tree whose refs index `operands` (keys); an input's domain and whether it is a range.
  std::vector<std::string> operands;
  Expr expr;
  bool ranged = false;
  std::optional<InputDomain> domain;
};

// A bar of a chart: a range between two values, already in the chart's display unit.
struct ChartBar {
  std::string label;   // what the bar stands for
  std::string detail;  // e.g. the range a parameter moves over: "25% – 50%"
  std::string key;     // the quantity it links to (case chart: the outcome; tornado: the parameter)
  int mark = 0;        // that quantity's provenance entry
  double from = 0, to = 0;
  std::string from_text, to_text;
};

// A chart as data: writers draw it (SVG in HTML, vectors in PDF) and list it in tables.json.
struct Chart {
  enum class Kind { range, tornado };
  Kind kind = Kind::range;
  std::string id;     // "figuur-1", "tornado-huisarts.vs.netto_fte"
  std::string title;
  std::string group;  // "Casus 1a"
  std::string unit;   // "fte", "mln euro"
  double base = 0;    // tornado: the outcome with every parameter at its midpoint
  std::string base_text;
  std::string note;
  std::vector<ChartBar> bars;
  NumberFormat format;  // how the bars' values are printed (from_text, to_text, base_text)
  std::string outcome;  // tornado: the outcome's key
  int max_bars = 0;     // tornado: the most bars it shows (the parameters with the largest swing)
};

// Monte Carlo percentiles of the headline outcomes, beside the report's min–max.
struct UncertaintyRow {
  std::string key, label, group, unit;
  int mark = 0;
  std::string min_text, max_text, p5_text, p50_text, p95_text;
  double p5 = 0, p50 = 0, p95 = 0;  // raw values (unscaled)
};
struct Uncertainty {
  std::size_t draws = 0;
  std::uint64_t seed = 0;
  std::string distribution;  // "uniform" / "triangular"
  std::vector<UncertaintyRow> rows;
};

// The appendix "Verantwoording": every number the report prints beside zorgcap's value.
struct ReconciliationRow {
  std::string id;        // "t10.netto_fte_vs.min"
  std::string where;     // "Tabel 10" or "tekst"
  std::string printed;   // as the report prints it
  std::string computed;  // zorgcap's value, formatted like the printed number
  std::string status;    // "gereproduceerd", the kind of an erratum (PrintedComparison::kind), "onverklaarde
                         // afwijking", "niet gekoppeld"
  std::string erratum;   // I1 … (empty when reproduced)
  std::string explanation;
  int mark = 0;          // the quantity's provenance entry (0: none)
};
struct ReconciliationSummary {
  int total = 0, reproduced = 0, explained = 0, unexplained = 0, unmapped = 0;
  std::vector<ReconciliationRow> rows;
};

// The tables of the parts "Onzekerheid (Monte Carlo)" and "Verantwoording", ready to print: a
// writer maps each run style to its markup and adds nothing of its own.
struct AppendixRun {
  enum class Style {
    text,   // plain text
    value,  // a value, aligned like a number; it links to provenance entry `mark` when that is > 0
    code,   // an identifier (HTML <code>)
    label,  // the id that heads an explanation ("I5"): set apart (HTML bold; PDF "I5:")
  };
  std::string text;
  Style style = Style::text;
  int mark = 0;
};
struct AppendixCell {
  std::vector<AppendixRun> runs;
  bool row_header = false;
  bool keep_together = false;  // never broken across lines (a range with its unit)
};
struct AppendixRow {
  std::string anchor;  // a link target for the row ("" for none): Verantwoording's "v-<id>"
  std::vector<AppendixCell> cells;
  bool highlight = false;  // a row that needs the reader's attention (an erratum)
};
struct AppendixTable {
  std::string anchor;   // "onzekerheid", "verantwoording"
  std::string heading;  // "Onzekerheid (Monte Carlo)"
  std::string intro;    // the paragraph before the table
  std::string summary;  // a second paragraph, set in bold ("" for none)
  bool landscape = false;
  std::vector<std::string> columns;
  std::vector<AppendixRow> rows;
};

// The whole report of one scenario, ready for writers: nothing in it needs the model any more.
struct Document {
  std::string scenario;
  std::string title;
  std::string peildatum;
  std::string inputs_digest;  // sha256 of the input files, hex (short form shown to readers)
  std::vector<BuiltTable> tables;
  std::vector<ProvenanceEntry> provenance;  // ordered by mark
  std::vector<Source> sources;              // all sources, by id
  std::vector<Chart> case_charts;           // one per case: capacity freed per profession
  std::vector<Chart> tornados;              // one per headline outcome
  std::optional<Uncertainty> uncertainty;   // with --montecarlo
  std::optional<ReconciliationSummary> reconciliation;  // for the report's own inputs (baseline)
  std::optional<AppendixTable> uncertainty_table;       // `uncertainty` as a table (document/appendix_build.h)
  std::optional<AppendixTable> reconciliation_table;    // `reconciliation` as a table
};

}  // namespace zorgcap
