#include "document/build.h"

#include <map>

#include "core/utf8.h"
#include "document/grid.h"
#include "inputs/parameter_specs.h"
#include "document/value_text.h"
#include "document/wording.h"

namespace zorgcap {
namespace {

std::string cell_id(int table, bool header, int row, int col) {
  return "t" + std::to_string(table) + (header ? "/h" : "/r") + std::to_string(row) + "/c" + std::to_string(col);
}

// Assigns each quantity a mark: in order of first use in the tables, then the rest by key.
class Marks {
 public:
  int of(const std::string& key) {
    auto [it, added] = marks_.emplace(key, static_cast<int>(order_.size()) + 1);
    if (added) order_.push_back(key);
    return it->second;
  }
  const std::vector<std::string>& order() const { return order_; }

 private:
  std::map<std::string, int, std::less<>> marks_;
  std::vector<std::string> order_;
};

// Resolves one section's spans into grid positions (same placement rule as the template loader).
BuiltNumber bind_number(const NumberRef& ref, const Quantity& q, Marks& marks) {
  BuiltNumber n;
  n.key = ref.key;
  n.bound = ref.bound;
  n.min = q.min;
  n.max = q.max;
  n.value = ref.bound == Bound::max ? q.max : q.min;
  n.format = ref.format;
  n.unit = std::string(unit_name(q.unit));
  n.text = ref.format.apply(n.value);
  n.mark = marks.of(ref.key);
  return n;
}

std::vector<std::vector<BuiltCell>> build_rows(const TableTemplate& t, const std::vector<std::vector<CellTemplate>>& rows,
                                               bool header, const Results& results, const Inputs& inputs, Marks& marks) {
  std::vector<std::vector<BuiltCell>> out;
  std::vector<std::vector<bool>> taken;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<BuiltCell> built;
    int col = 0;
    auto is_taken = [&](std::size_t row, int c) {
      return row < taken.size() && static_cast<std::size_t>(c) < taken[row].size() && taken[row][c];
    };
    for (const CellTemplate& ct : rows[r]) {
      while (is_taken(r, col)) ++col;
      BuiltCell cell;
      cell.row = static_cast<int>(r);
      cell.col = col;
      cell.rowspan = ct.rowspan;
      cell.colspan = ct.colspan;
      cell.header = header;
      cell.row_header = !header && col < t.row_header_columns;
      cell.id = cell_id(t.number, header, cell.row, cell.col);
      for (const CellRun& run : ct.runs) {
        if (run.footnote > 0) {
          for (const FootnoteTemplate& f : t.footnotes)
            if (f.number == run.footnote)
              cell.footnotes.push_back({f.number, f.text, f.url, utf8::count(cell.text), cell.runs.size(),
                                        "tabel-" + std::to_string(t.number) + "-voetnoot-" + std::to_string(f.number)});
          continue;
        }
        BuiltRun br;
        if (run.number) {
          br.is_number = true;
          br.number = bind_number(*run.number, results.at(run.number->key), marks);
          br.text = br.number.text;
        } else if (!run.source_of.empty()) {
          const Source& s = inputs.sources.at(results.at(run.source_of).source);
          br.text = s.label;
          br.source = s.id;
          cell.source_of[cell.runs.size()] = run.source_of;
        } else {
          br.text = run.text;
        }
        cell.text += br.text;
        cell.runs.push_back(std::move(br));
      }
      for (int rr = 0; rr < ct.rowspan; ++rr) {
        if (taken.size() <= r + rr) taken.resize(r + rr + 1);
        auto& line = taken[r + rr];
        if (line.size() < static_cast<std::size_t>(col + ct.colspan)) line.resize(col + ct.colspan, false);
        for (int cc = 0; cc < ct.colspan; ++cc) line[col + cc] = true;
      }
      col += ct.colspan;
      built.push_back(std::move(cell));
    }
    out.push_back(std::move(built));
  }
  return out;
}

// The formula with each operand's value filled in: one line, or one per scenario when the quantity
// or any operand has a range.
std::vector<FormulaLine> recompute_lines(const Quantity& q, const Results& results) {
  bool ranged = !q.single();
  for (const std::string& op : q.operands) ranged = ranged || !results.at(op).single();
  std::vector<FormulaLine> lines;
  for (Bound bound : {Bound::min, Bound::max}) {
    if (!ranged && bound == Bound::max) break;
    auto value = [&](const Quantity& x) { return reader_value(x, bound == Bound::max ? x.max : x.min); };
    FormulaLine line;
    if (ranged) line.scenario = bound == Bound::max ? wording::kMaxScenario : wording::kMinScenario;
    std::string formula = render_formula_with(
        q,
        [&](std::size_t i) {
          line.pieces.push_back({value(results.at(q.operands[i])), static_cast<int>(i)});
          return line.pieces.back().text;
        },
        [&](std::string_view text) {
          if (!text.empty()) line.pieces.push_back({std::string(text), -1});
          return std::string(text);
        });
    line.result = value(q);
    line.text = (ranged ? line.scenario + ": " : std::string()) + "= " + formula + " = " + line.result;
    lines.push_back(std::move(line));
  }
  return lines;
}

int column_count(const std::vector<std::vector<CellTemplate>>& header) {
  int n = 0;
  if (!header.empty())
    for (const CellTemplate& c : header.front()) n += c.colspan;
  return n;
}

}  // namespace

bool BuiltCell::has_numbers() const {
  for (const BuiltRun& r : runs)
    if (r.is_number) return true;
  return false;
}

bool check_bindings(const std::vector<TableTemplate>& templates, const Results& results, Diagnostics& diags) {
  std::size_t before = diags.size();
  for (const TableTemplate& t : templates)
    for (const auto* section : {&t.header, &t.rows})
      for (const auto& row : *section)
        for (const CellTemplate& c : row)
          for (const CellRun& run : c.runs) {
            if (!run.source_of.empty()) {
              const Quantity* q = results.find(run.source_of);
              if (!q || !q->is_input)
                diags.error(t.file, c.where, run.source_of,
                            q ? "a source label is for an input parameter; this quantity is computed"
                              : "no input parameter with this key (zorgcap report lists every key in values.json)");
              continue;
            }
            if (!run.number) continue;
            const Quantity* q = results.find(run.number->key);
            if (!q)
              diags.error(t.file, c.where, run.number->key, "no quantity with this key (zorgcap report lists every key in values.json)");
            else if (!q->single() && run.number->bound == Bound::single)
              diags.error(t.file, c.where, run.number->key,
                          "this quantity has a min and a max value: write @min, @max or @min..max");
          }
  return diags.size() == before;
}

Document build_document(const std::vector<TableTemplate>& templates, const Results& results, const Inputs& inputs,
                        const std::string& inputs_digest) {
  Document doc;
  doc.scenario = inputs.scenario;
  doc.title = inputs.title;
  doc.peildatum = inputs.peildatum;
  doc.inputs_digest = inputs_digest;
  Marks marks;
  for (const TableTemplate& t : templates) {
    BuiltTable bt;
    bt.number = t.number;
    bt.id = "tabel-" + std::to_string(t.number);
    bt.caption = t.caption;
    bt.landscape = t.landscape;
    bt.columns = column_count(t.header);
    bt.header = build_rows(t, t.header, true, results, inputs, marks);
    bt.body = build_rows(t, t.rows, false, results, inputs, marks);
    bt.notes = t.notes;
    resolve_grid(bt);
    doc.tables.push_back(std::move(bt));
  }
  results.for_each([&](const Quantity& q) { marks.of(q.key); });
  for (const std::string& key : marks.order()) {
    const Quantity& q = results.at(key);
    ProvenanceEntry e;
    e.mark = marks.of(key);
    e.key = key;
    e.anchor = "q-" + key;
    e.label = q.label;
    e.unit = std::string(unit_name(q.unit));
    e.note = q.note;
    e.min = q.min;
    e.max = q.max;
    e.value_text = describe_value(q);
    if (q.is_input) {
      e.source = inputs.sources.at(q.source);
      if (auto p = inputs.parameters.find(key); p != inputs.parameters.end()) e.ranged = p->second.ranged;
      if (const ParameterSpec* spec = find_parameter_spec(key)) {
        DomainBounds b = parameter_limits(*spec), own = domain_limits(spec->domain);
        e.domain = InputDomain{b.lower, b.lower_open, b.bounded_above, b.upper, b.upper_open,
                               b.bounded_above && (!own.bounded_above || own.upper != b.upper)};
      }
    } else {
      e.operands = q.operands;
      e.expr = q.expr;
      e.formula_text = render_formula(q, [&](const std::string& k) { return results.at(k).label; });
      render_formula_with(
          q,
          [&](std::size_t i) {
            e.formula.push_back({"", static_cast<int>(i)});
            return std::string();
          },
          [&](std::string_view text) {
            if (!text.empty()) e.formula.push_back({std::string(text), -1});
            return std::string();
          });
      for (const std::string& op : q.operands) e.operand_marks.push_back(marks.of(op));
      e.recompute = recompute_lines(q, results);
    }
    doc.provenance.push_back(std::move(e));
  }
  for (const auto& [id, s] : inputs.sources) doc.sources.push_back(s);
  return doc;
}

}  // namespace zorgcap
