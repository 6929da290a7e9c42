#include "writers/pdf_layout_fixtures.h"

#include <algorithm>
#include <cstdio>

namespace zorgcap::pdf::fixtures {

BuiltCell cell(int row, int col, std::string text, int rowspan, int colspan) {
  BuiltCell c;
  c.row = row;
  c.col = col;
  c.rowspan = rowspan;
  c.colspan = colspan;
  c.text = text;
  c.runs.push_back(BuiltRun{text, false, {}, {}});
  c.id = "r" + std::to_string(row) + "/c" + std::to_string(col);
  return c;
}

BuiltCell head(int row, int col, std::string text, int rowspan, int colspan) {
  BuiltCell c = cell(row, col, std::move(text), rowspan, colspan);
  c.header = true;
  return c;
}

BuiltRun lit(std::string text) { return BuiltRun{std::move(text), false, {}, {}}; }

BuiltRun num(std::string text, int mark) {
  BuiltRun r;
  r.text = text;
  r.is_number = true;
  r.number.text = text;
  r.number.key = "q" + std::to_string(mark);
  r.number.mark = mark;
  return r;
}

BuiltCell runs_cell(int row, int col, std::vector<BuiltRun> runs) {
  BuiltCell c = cell(row, col, "");
  c.runs = std::move(runs);
  c.text.clear();
  for (const BuiltRun& r : c.runs) c.text += r.text;
  return c;
}

BuiltTable table(int number, std::vector<std::string> header, int rows, std::string row_text) {
  BuiltTable t;
  t.number = number;
  t.id = "tabel-" + std::to_string(number);
  t.caption = "Tabel " + std::to_string(number) + ". Voorbeeld";
  t.columns = static_cast<int>(header.size());
  t.header.emplace_back();
  for (std::size_t c = 0; c < header.size(); ++c) t.header[0].push_back(head(0, static_cast<int>(c), header[c]));
  for (int r = 0; r < rows; ++r) {
    t.body.emplace_back();
    t.body.back().push_back(cell(r, 0, row_text + " " + std::to_string(r + 1)));
    t.body.back().back().row_header = true;
    for (std::size_t c = 1; c < header.size(); ++c) t.body.back().push_back(cell(r, static_cast<int>(c), "x"));
  }
  return t;
}

void Fixture::provenance(int n) {
  const Source source{"bron", "Bron (2024)", "Een rapport", "https://example.org/rapport", {}};
  doc.sources.push_back(source);
  for (int m = 1; m <= n; ++m) {
    ProvenanceEntry e;
    e.mark = m;
    e.key = "q" + std::to_string(m);
    e.label = "Grootheid " + std::to_string(m);
    e.value_text = std::to_string(m) + " fte";
    if (m % 2 == 1 || m < 3) {
      e.source = source;
    } else {
      e.formula_text = "som van twee";
      e.operand_marks = {m - 1, m - 2};
    }
    doc.provenance.push_back(e);
  }
}

std::vector<std::string> texts(const Page& p) {
  std::vector<std::string> out;
  for (const TextBox& t : p.texts) out.push_back(t.text);
  return out;
}

bool has_text(const Page& p, const std::string& s) {
  return std::any_of(p.texts.begin(), p.texts.end(), [&](const TextBox& t) { return t.text == s; });
}

const TextBox* find_text(const Layout& l, const std::string& s, int* page) {
  for (const Page& p : l.pages)
    for (const TextBox& t : p.texts)
      if (t.text == s) {
        if (page) *page = p.number;
        return &t;
      }
  return nullptr;
}

const TextBox* on(const Page& p, const std::string& s) {
  for (const TextBox& t : p.texts)
    if (t.text == s) return &t;
  return nullptr;
}

int page_of(const Layout& l, const std::string& s) {
  for (const Page& p : l.pages)
    if (p.number > 1 && on(p, s)) return p.number;
  return 0;
}

std::string value_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

ChartBar bar(std::string label, int mark, double from, double to, std::string detail) {
  ChartBar b;
  b.label = std::move(label);
  b.detail = std::move(detail);
  b.key = "q" + std::to_string(mark);
  b.mark = mark;
  b.from = from;
  b.to = to;
  b.from_text = value_text(from);
  b.to_text = value_text(to);
  return b;
}

Chart chart(Chart::Kind kind, std::string id, std::string title, std::vector<ChartBar> bars, double base) {
  Chart c;
  c.kind = kind;
  c.id = std::move(id);
  c.title = std::move(title);
  c.bars = std::move(bars);
  c.base = base;
  c.base_text = value_text(base);
  return c;
}

bool same(const std::optional<Color>& a, const Color& b) {
  return a && a->r == b.r && a->g == b.g && a->b == b.b;
}

std::vector<const Fill*> bars_of(const Page& p) {
  std::vector<const Fill*> out;
  for (const Fill& f : p.fills)
    if (f.color) out.push_back(&f);
  return out;
}

std::vector<const Rule*> axis_of(const Page& p) {
  std::vector<const Rule*> out;
  for (const Rule& r : p.rules)
    if (r.width == type.chart_axis) out.push_back(&r);
  return out;
}

ReconciliationSummary reconciliation(int rows) {
  ReconciliationSummary s;
  for (int r = 0; r < rows; ++r) {
    ReconciliationRow row;
    row.id = "t1.rij" + std::to_string(r);
    row.where = "Tabel 1";
    row.printed = std::to_string(r) + ",0";
    row.computed = std::to_string(r) + ",0";
    row.mark = r % 5;  // 0: no entry
    if (r % 7 == 3) {
      row.status = "inconsistentie in het rapport";
      row.erratum = "I1";
      row.explanation = "Het rapport rekent hier met een afgerond tussenresultaat.";
      ++s.explained;
    } else {
      row.status = "gereproduceerd";
      ++s.reproduced;
    }
    s.rows.push_back(row);
  }
  s.total = rows;
  return s;
}

}  // namespace zorgcap::pdf::fixtures
