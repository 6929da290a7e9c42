#include "writers/pdf_table_layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "core/utf8.h"
#include "writers/pdf_anchors.h"

namespace zorgcap::pdf {

namespace {

// Inserts the cell's footnotes: each raised after the character it follows (CellFootnote::at).
void insert_footnotes(std::vector<Piece>& pieces, const std::vector<CellFootnote>& footnotes) {
  for (const CellFootnote& f : footnotes) {
    std::size_t seen = 0;  // code points before pieces[i]
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      std::size_t n = utf8::decode(pieces[i].text).size();
      if (f.at > seen + n && i + 1 < pieces.size()) {
        seen += n;
        continue;
      }
      if (f.at > seen && f.at < seen + n && pieces[i].mark == 0) {  // inside plain text: split it there
        std::size_t bytes = 0;
        for (std::size_t k = 0; k < f.at - seen; ++k) bytes += utf8::sequence_length(pieces[i].text, bytes);
        Piece rest = pieces[i];
        rest.text = pieces[i].text.substr(bytes);
        pieces[i].text.resize(bytes);
        pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(rest));
      }
      pieces[i].footnote = f.number;
      break;
    }
  }
}

}  // namespace

std::vector<Piece> cell_pieces(const BuiltCell& cell, const CellMarks& marks) {
  std::vector<Piece> out;
  if (cell.runs.empty()) {
    out.push_back(Piece{cell.text, 0, false, {}});
  } else {
    bool after_number = false;
    for (const BuiltRun& run : cell.runs) {
      std::string_view text = run.text;
      // A "%" right after a number belongs to it: the mark goes after the "%" ("19%¹", not "19¹%")
      // and the link covers it.
      if (after_number && text.substr(0, 1) == "%") {
        out.back().text += '%';
        text.remove_prefix(1);
      }
      after_number = run.is_number && run.number.mark > 0;
      if (after_number) {
        Piece p{std::string(text), run.number.mark, marks.provenance, {}};
        if (marks.deviations && run.number.deviates()) p.deviation = deviation_anchor(*run.number.printed);
        out.push_back(std::move(p));
      } else if (!text.empty()) {
        out.push_back(Piece{std::string(text), 0, false, {}});
      }
    }
  }
  insert_footnotes(out, cell.footnotes);
  return out;
}

namespace {

Font cell_font(const BuiltCell& cell) { return cell.header ? Font::bold : Font::regular; }

int column_count(const BuiltTable& t) {
  int n = std::max(t.columns, 0);
  for (const auto* section : {&t.header, &t.body})
    for (const auto& row : *section)
      for (const BuiltCell& c : row) n = std::max(n, c.col + std::max(c.colspan, 1));
  return n;
}

int span_of(int start, int span, int count) { return std::max(1, std::min(std::max(span, 1), count - start)); }

// Distributes `extra` over widths[from, from+n), in proportion to `weights` (evenly if they are 0).
void distribute(std::vector<double>& widths, const std::vector<double>& weights, int from, int n, double extra) {
  double total = 0;
  for (int c = from; c < from + n; ++c) total += weights[c];
  for (int c = from; c < from + n; ++c) widths[c] += extra * (total > 0 ? weights[c] / total : 1.0 / n);
}

// Columns whose body cells are all numbers: right-aligned, and so are their single-column headers.
std::vector<bool> numeric_columns(const BuiltTable& t, int columns) {
  std::vector<int> numbers(columns, 0), others(columns, 0);
  for (const auto& row : t.body)
    for (const BuiltCell& c : row) {
      if (c.col < 0 || c.col >= columns || c.colspan > 1 || c.text.empty()) continue;
      (c.has_numbers() && !c.row_header ? numbers : others)[c.col]++;
    }
  std::vector<bool> out(columns);
  for (int c = 0; c < columns; ++c) out[c] = numbers[c] > 0 && others[c] == 0;
  return out;
}

double caption_height(const PageFlow& flow, const std::vector<Line>& caption) {
  const Typography& type = flow.type();
  return caption.empty() ? 0
                         : static_cast<double>(caption.size()) * flow.line_height(Font::bold, type.caption) + type.caption_gap;
}

// `measured`: the section's first cell in MeasuredCells::cells, the others after it in order.
Section section(const PageFlow& flow, const std::vector<std::vector<BuiltCell>>& rows, int n,
                const std::vector<double>& xs, const std::vector<bool>& numeric, const MeasuredCells::Cell* measured) {
  const Typography& type = flow.type();
  Section s;
  int count = static_cast<int>(rows.size());
  s.row_heights.assign(count, flow.line_height(Font::regular, type.cell) + 2 * type.cell_pad_y);
  for (int r = 0; r < count; ++r)
    for (const BuiltCell& c : rows[r]) {
      const MeasuredCells::Cell& m = *measured++;
      if (c.col < 0 || c.col >= n) continue;
      CellBox b;
      b.cell = &c;
      b.row = r;
      b.col = c.col;
      b.rowspan = span_of(r, c.rowspan, count);
      b.colspan = span_of(c.col, c.colspan, n);
      b.font = cell_font(c);
      if (c.header)
        b.align = b.colspan > 1 ? Align::center : numeric[c.col] ? Align::right : Align::left;
      else
        b.align = b.colspan == 1 && numeric[c.col] && !c.row_header ? Align::right : Align::left;
      double text_width = xs[c.col + b.colspan] - xs[c.col] - 2 * type.cell_pad_x;
      b.lines = flow.lines(m.pieces, b.font, type.cell, text_width);
      b.height = static_cast<double>(b.lines.size()) * flow.line_height(b.font, type.cell) + 2 * type.cell_pad_y;
      s.cells.push_back(std::move(b));
    }
  for (const CellBox& b : s.cells)
    if (b.rowspan == 1) s.row_heights[b.row] = std::max(s.row_heights[b.row], b.height);
  std::vector<const CellBox*> spanning;
  for (const CellBox& b : s.cells)
    if (b.rowspan > 1) spanning.push_back(&b);
  std::stable_sort(spanning.begin(), spanning.end(), [](auto* a, auto* b) { return a->rowspan < b->rowspan; });
  for (const CellBox* b : spanning) {
    double have = s.height(b->row, b->row + b->rowspan);
    if (b->height > have + eps)
      for (int r = b->row; r < b->row + b->rowspan; ++r) s.row_heights[r] += (b->height - have) / b->rowspan;
  }
  return s;
}

// Draws rows [from, to) of a section with their top at the cursor, and moves the cursor below them.
// `top_rule`: draw the rule above the rows (not when they continue rows drawn just above them).
// `shaded`: rows (by index) with a tinted background.
void draw(PageFlow& flow, const Section& s, int from, int to, const std::vector<double>& xs, bool top_rule,
          const std::vector<bool>& shaded = {}) {
  const Typography& type = flow.type();
  if (from >= to) return;
  Page& p = flow.page();
  double top = flow.y();
  std::vector<double> row_top(to - from + 1, top);
  for (int r = from; r < to; ++r) row_top[r - from + 1] = row_top[r - from] - s.row_heights[r];
  double bottom = row_top.back();
  if (top_rule) p.rules.push_back({xs.front(), top, xs.back(), top, type.rule});
  p.rules.push_back({xs.front(), top, xs.front(), bottom, type.rule});
  for (const CellBox& b : s.cells) {
    if (b.row < from || b.row >= to) continue;
    double x0 = xs[b.col], x1 = xs[b.col + b.colspan];
    double y0 = row_top[b.row - from], y1 = row_top[b.row - from + b.rowspan];
    if (b.cell->header) p.fills.push_back({Rect{x0, y1, x1, y0}, type.header_gray});
    if (static_cast<std::size_t>(b.row) < shaded.size() && shaded[b.row])
      p.fills.push_back({Rect{x0, y1, x1, y0}, 1, flow.options().colors.erratum});
    p.rules.push_back({x0, y1, x1, y1, type.rule});
    p.rules.push_back({x1, y0, x1, y1, type.rule});
    double lh = flow.line_height(b.font, type.cell);
    double baseline = y0 - type.cell_pad_y - flow.ascent(b.font, type.cell);
    double inner = x1 - x0 - 2 * type.cell_pad_x;
    for (const Line& l : b.lines) {
      double offset = b.align == Align::right ? inner - l.width : b.align == Align::center ? (inner - l.width) / 2 : 0;
      flow.emit_line(p, l, b.font, type.cell, x0 + type.cell_pad_x + std::max(0.0, offset), baseline);
      baseline -= lh;
    }
  }
  flow.down(top - bottom);
}

// The report's footnotes in the table's cells, by number (each once).
std::map<int, const CellFootnote*> table_footnotes(const BuiltTable& t) {
  std::map<int, const CellFootnote*> out;
  for (const auto* section : {&t.header, &t.body})
    for (const auto& row : *section)
      for (const BuiltCell& c : row)
        for (const CellFootnote& f : c.footnotes) out.emplace(f.number, &f);
  return out;
}

// A footnote under its table: its number, its text, its web address as a link (in the text where
// the text shows it, else after it).
std::vector<Piece> footnote_pieces(const CellFootnote& f) {
  std::vector<Piece> out{Piece{std::to_string(f.number) + " ", 0, false, {}}};
  std::size_t at = f.url.empty() ? std::string::npos : f.text.find(f.url);
  if (f.url.empty()) {
    out.push_back(Piece{f.text, 0, false, {}});
  } else if (at != std::string::npos) {
    out.push_back(Piece{f.text.substr(0, at), 0, false, {}});
    out.push_back(Piece{f.url, 0, false, f.url});
    out.push_back(Piece{f.text.substr(at + f.url.size()), 0, false, {}});
  } else {
    out.push_back(Piece{f.text + " ", 0, false, {}});
    out.push_back(Piece{f.url, 0, false, f.url});
  }
  return out;
}

struct Needs {
  std::vector<double> min, max;
};
// The columns' min- and max-content widths, with the cells' min-content widths taken by `min_of`.
Needs column_needs(const BuiltTable& table, const MeasuredCells& cells, const Typography& type, int n,
                   double ContentWidths::*min_of) {
  Needs d{std::vector<double>(n, type.min_column), std::vector<double>(n, type.min_column)};
  struct Spanning {
    int col, span;
    double min, max;
  };
  std::vector<Spanning> spanning;
  double pad = 2 * type.cell_pad_x;
  auto measured = cells.cells().begin();
  for (const auto* section : {&table.header, &table.body})
    for (const auto& row : *section)
      for (const BuiltCell& c : row) {
        const ContentWidths& w = (measured++)->widths;
        if (c.col < 0 || c.col >= n) continue;
        double lo = w.*min_of + pad, hi = w.max + pad;
        int span = span_of(c.col, c.colspan, n);
        if (span == 1) {
          d.min[c.col] = std::max(d.min[c.col], lo);
          d.max[c.col] = std::max(d.max[c.col], hi);
        } else {
          spanning.push_back({c.col, span, lo, hi});
        }
      }
  std::stable_sort(spanning.begin(), spanning.end(), [](const Spanning& a, const Spanning& b) { return a.span < b.span; });
  for (const Spanning& s : spanning) {
    double have_min = std::accumulate(d.min.begin() + s.col, d.min.begin() + s.col + s.span, 0.0);
    if (s.min > have_min) distribute(d.min, d.max, s.col, s.span, s.min - have_min);
    double have_max = std::accumulate(d.max.begin() + s.col, d.max.begin() + s.col + s.span, 0.0);
    if (s.max > have_max) distribute(d.max, d.max, s.col, s.span, s.max - have_max);
  }
  for (int c = 0; c < n; ++c) d.max[c] = std::max(d.max[c], d.min[c]);
  return d;
}

}  // namespace

MeasuredCells::MeasuredCells(const BuiltTable& table, const FontMetrics& metrics, const Typography& type,
                             const CellMarks& marks)
    : table_(table), metrics_(metrics), type_(type), marks_(marks) {
  const int n = column_count(table);
  for (const auto* section : {&table.header, &table.body})
    for (const auto& row : *section)
      for (const BuiltCell& c : row) {
        Cell& m = cells_.emplace_back();
        if (c.col < 0 || c.col >= n) continue;
        m.pieces = cell_pieces(c, marks);
        m.widths = content_widths(m.pieces, cell_font(c), type.cell, metrics, type);
      }
}

bool fits_width(const BuiltTable& table, const MeasuredCells& cells, const Typography& type, double available) {
  Needs d = column_needs(table, cells, type, column_count(table), &ContentWidths::whole);
  return std::accumulate(d.min.begin(), d.min.end(), 0.0) <= available + eps;
}

bool fits_width(const BuiltTable& table, const FontMetrics& metrics, const Typography& type, double available,
                const CellMarks& marks) {
  return fits_width(table, MeasuredCells(table, metrics, type, marks), type, available);
}

// Column widths, like a browser's automatic table layout:
//  - each column's min-content width is its widest unbreakable run (a number with its mark and unit,
//    pdf_text.h) and its max-content width its widest unwrapped line, over the cells that span only
//    that column; a spanning cell that needs more than its columns give widens them in proportion
//    to their max-content widths;
//  - if every column fits at max-content, the columns are widened in proportion to it to fill
//    `available`;
//  - else each column gets its min-content width plus a share of the remaining space in proportion
//    to (max - min): columns with much text (row headers, explanations) get most of it, columns of
//    short numbers keep their natural width. The min-content width is first taken with every range
//    kept on one line ("10.226 – 13.238 fte"), and only when that does not fit with ranges broken
//    after their dash;
//  - if even the min-content widths do not fit, all are scaled down and over-long words are broken
//    between characters.
std::vector<double> column_widths(const BuiltTable& table, const MeasuredCells& cells, const Typography& type,
                                  double available) {
  int n = column_count(table);
  if (n == 0) return {};
  Needs d = column_needs(table, cells, type, n, &ContentWidths::whole);
  if (std::accumulate(d.min.begin(), d.min.end(), 0.0) > available)
    d = column_needs(table, cells, type, n, &ContentWidths::min);
  const std::vector<double>&mins = d.min, &maxs = d.max;
  double sum_min = std::accumulate(mins.begin(), mins.end(), 0.0);
  double sum_max = std::accumulate(maxs.begin(), maxs.end(), 0.0);
  std::vector<double> widths(n);
  if (sum_max <= available) {
    for (int c = 0; c < n; ++c) widths[c] = maxs[c] * available / sum_max;
  } else if (sum_min <= available) {
    double share = (available - sum_min) / (sum_max - sum_min);
    for (int c = 0; c < n; ++c) widths[c] = mins[c] + (maxs[c] - mins[c]) * share;
  } else {
    for (int c = 0; c < n; ++c) widths[c] = mins[c] * available / sum_min;
  }
  return widths;
}

std::vector<double> column_widths(const BuiltTable& table, const FontMetrics& metrics, const Typography& type,
                                  double available, const CellMarks& marks) {
  return column_widths(table, MeasuredCells(table, metrics, type, marks), type, available);
}

TableFlow prepare_table(const PageFlow& flow, const BuiltTable& t, const std::string& caption,
                        const std::string& continued, const MeasuredCells* cells) {
  const Typography& type = flow.type();
  const CellMarks marks = cell_marks(flow.options());
  std::optional<MeasuredCells> own;
  if (!cells) cells = &own.emplace(t, flow.text().metrics(), type, marks);
  if (!cells->measured_for(t, flow.text().metrics(), type, marks))
    throw std::logic_error("prepare_table: the cells were measured for another table or typography");
  TableFlow f;
  f.landscape = flow.landscape();
  const double width = flow.content_width();
  const int n = column_count(t);
  std::vector<double> widths = column_widths(t, *cells, type, width);
  f.xs.assign(n + 1, flow.left());
  for (int c = 0; c < n; ++c) f.xs[c + 1] = f.xs[c] + widths[c];

  std::vector<bool> numeric = numeric_columns(t, n);
  const MeasuredCells::Cell* measured = cells->cells().data();
  f.header = section(flow, t.header, n, f.xs, numeric, measured);
  for (const auto& row : t.header) measured += row.size();
  f.body = section(flow, t.body, n, f.xs, numeric, measured);
  const double header_h = f.header.height(0, static_cast<int>(f.header.row_heights.size()));

  // Unbreakable blocks of body rows: a rowspan ties rows together.
  {
    int rows = static_cast<int>(f.body.row_heights.size());
    int start = 0, reach = 0;
    std::vector<int> reach_of(rows, 0);
    for (const CellBox& c : f.body.cells) reach_of[c.row] = std::max(reach_of[c.row], c.row + c.rowspan);
    for (int r = 0; r < rows; ++r) {
      reach = std::max({reach, reach_of[r], r + 1});
      if (reach == r + 1) {
        f.blocks.emplace_back(start, r + 1);
        start = r + 1;
      }
    }
  }

  if (!caption.empty()) f.caption = flow.lines(caption, Font::bold, type.caption, width);
  f.continued = flow.lines(continued, Font::bold, type.caption, width);
  const bool ls = f.landscape;
  const double full = flow.full_height(ls);
  for (const auto& [from, to] : f.blocks) {
    double need = caption_height(flow, f.continued) + header_h + f.body.height(from, to);
    if (need > full + eps) {
      std::string rows = to - from == 1 ? "body row " + std::to_string(from + 1)
                                        : "body rows " + std::to_string(from + 1) + "–" + std::to_string(to) +
                                              " (joined by a rowspan)";
      const BuiltCell* first = t.body[from].empty() ? nullptr : &t.body[from].front();
      throw std::runtime_error("PDF: " + table_anchor(t) + ": " + rows + (first ? " (" + first->id + ")" : "") +
                               " is " + std::to_string(static_cast<int>(std::ceil(f.body.height(from, to)))) +
                               " pt tall, but a " + (ls ? "landscape" : "portrait") + " page holds only " +
                               std::to_string(static_cast<int>(full - caption_height(flow, f.continued) - header_h)) +
                               " pt below the table header; shorten the text of that row or split it");
    }
  }
  // The caption stays with the header and the first rows.
  f.first_height = caption_height(flow, f.caption) + header_h +
                   (f.blocks.empty() ? 0 : f.body.height(f.blocks[0].first, f.blocks[0].second));
  return f;
}

// Draws a prepared table from the cursor: its caption, header, rows over as many pages as they
// need (each later page starting with the continued caption and the header), then its notes.
void flow_table(PageFlow& flow, const BuiltTable& t, const TableFlow& f) {
  const Typography& type = flow.type();
  if (!f.caption.empty()) {
    flow.emit_lines(f.caption, Font::bold, type.caption, flow.left());
    flow.down(type.caption_gap);
  }
  const int header_rows = static_cast<int>(f.header.row_heights.size());
  draw(flow, f.header, 0, header_rows, f.xs, true);
  bool rows_above = header_rows > 0;  // rows of this table directly above the cursor
  for (const auto& [from, to] : f.blocks) {
    if (f.body.height(from, to) > flow.remaining() + eps) {
      flow.new_page(f.landscape);
      flow.emit_lines(f.continued, Font::bold, type.caption, flow.left());
      flow.down(type.caption_gap);
      draw(flow, f.header, 0, header_rows, f.xs, true);
      rows_above = header_rows > 0;
    }
    for (int r = from; r < to; ++r)
      if (static_cast<std::size_t>(r) < f.row_anchors.size() && !f.row_anchors[r].empty())
        flow.page().anchors.push_back({f.row_anchors[r], flow.y() - f.body.height(from, r)});
    draw(flow, f.body, from, to, f.xs, !rows_above, f.shaded);
    rows_above = true;
  }
  for (const std::string& note : t.notes) {
    flow.down(3);
    std::vector<Para> p{{flow.lines(note, Font::regular, type.small, flow.content_width()), Font::regular, type.small, 0, 0}};
    flow.place(p);
  }
  for (const auto& [number, note] : table_footnotes(t)) {
    flow.down(3);
    std::vector<Para> p{{flow.lines(footnote_pieces(*note), Font::regular, type.small, flow.content_width()), Font::regular,
                         type.small, 0, 0}};
    flow.place(p);
  }
  flow.down(type.table_gap);
}

}  // namespace zorgcap::pdf
