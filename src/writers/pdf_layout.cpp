#include "writers/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <stdexcept>

namespace zorgcap::pdf {

std::string mark_anchor(int mark) { return "herkomst-" + std::to_string(mark); }
std::string table_anchor(const BuiltTable& table) {
  return table.id.empty() ? "tabel-" + std::to_string(table.number) : table.id;
}
std::string chart_anchor(const Chart& chart) { return chart.id.empty() ? "figuur-" + chart.title : chart.id; }

namespace {

constexpr double eps = 1e-6;

// The byte length of the UTF-8 sequence starting with `lead` (valid text assumed).
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  return 4;
}

// Up to 40 bytes of valid text before `at`, for error messages.
std::string excerpt_before(std::string_view s, std::size_t at) {
  std::size_t from = at > 40 ? at - 40 : 0;
  while (from < at && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) ++from;
  return std::string(s.substr(from, at - from));
}

}  // namespace

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t i = 0;
  auto fail = [&](std::size_t at) {
    throw std::runtime_error("invalid UTF-8 at byte " + std::to_string(at) + " (after \"" + excerpt_before(s, at) + "\")");
  };
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char32_t>(c);
      ++i;
      continue;
    }
    std::size_t n = 0;
    char32_t cp = 0, least = 0;
    if ((c & 0xE0) == 0xC0) {
      n = 1, cp = c & 0x1F, least = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2, cp = c & 0x0F, least = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3, cp = c & 0x07, least = 0x10000;
    } else {
      fail(i);
    }
    if (i + n >= s.size()) fail(i);
    for (std::size_t k = 1; k <= n; ++k) {
      auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) fail(i);
      cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) fail(i);
    out += cp;
    i += n + 1;
  }
  return out;
}

namespace {

// Validates text that goes into the layout, naming where it comes from.
void check_utf8(std::string_view text, const std::string& where) {
  try {
    decode_utf8(text);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error("PDF: " + where + ": " + e.what());
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring and wrapping

struct Measure {
  const FontMetrics& metrics;
  const Typography& type;
  Font font;
  double size;

  double text(std::string_view s) const { return s.empty() ? 0 : metrics.width(s, font, size); }
  double mark(int m) const { return type.mark_gap + metrics.width(std::to_string(m), Font::regular, type.mark); }
  double piece(const Piece& p) const { return text(p.text) + (p.superscript && p.mark > 0 ? mark(p.mark) : 0); }
};

using Word = std::vector<Piece>;       // no break opportunity inside
using Paragraph = std::vector<Word>;   // words separated by spaces

// Whether text of `b` can be appended to piece `a`: the same link (or none) and no superscript mark
// in between; `b` may end with one (the last word of a linked label).
bool mergeable(const Piece& a, const Piece& b) {
  return a.uri == b.uri && a.mark == b.mark && !a.superscript && (b.mark > 0 || !b.superscript);
}

void append_piece(std::vector<Piece>& to, const Piece& p) {
  if (!to.empty() && mergeable(to.back(), p)) {
    to.back().text += p.text;
    to.back().superscript = p.superscript;
  } else {
    to.push_back(p);
  }
}

// Splits rich text into paragraphs ('\n') of words (spaces). A piece with a mark and no spaces is one
// unbreakable unit, glued to whatever touches it without a space; one with spaces (a linked label)
// splits into words that each link, the superscript mark after the last.
std::vector<Paragraph> tokenize(const std::vector<Piece>& text) {
  std::vector<Paragraph> paragraphs(1);
  Word word;
  auto end_word = [&] {
    if (!word.empty()) paragraphs.back().push_back(std::move(word));
    word.clear();
  };
  for (const Piece& piece : text) {
    decode_utf8(piece.text);  // throws on invalid text
    if (piece.mark > 0 && piece.text.find_first_of(" \t\n") == std::string::npos) {
      word.push_back(piece);
      continue;
    }
    Piece like = piece;
    like.text.clear();
    like.superscript = false;
    // The superscript mark goes after the last non-space character.
    std::size_t last = piece.text.find_last_not_of(" \t\r\n");
    if (piece.superscript && piece.mark > 0 && last == std::string::npos) {
      word.push_back(piece);  // only spaces: the mark alone
      continue;
    }
    auto flush = [&] {
      if (!like.text.empty()) append_piece(word, like);
      like.text.clear();
    };
    for (std::size_t i = 0; i < piece.text.size(); ++i) {
      char c = piece.text[i];
      if (c == ' ' || c == '\t') {
        flush();
        end_word();
      } else if (c == '\n') {
        flush();
        end_word();
        paragraphs.emplace_back();
      } else if (c != '\r') {
        like.text += c;
      }
      if (i == last && piece.superscript && piece.mark > 0) like.superscript = true;
    }
    flush();
  }
  end_word();
  return paragraphs;
}

double word_width(const Word& w, const Measure& m) {
  double sum = 0;
  for (const Piece& p : w) sum += m.piece(p);
  return sum;
}

// Breaks a word wider than `width` between characters: each chunk holds at least one character,
// a superscript mark stays with the last character of its number.
std::vector<Word> break_word(const Word& word, double width, const Measure& m) {
  struct Atom {
    std::size_t piece;
    std::string bytes;
    double w;
    bool with_mark;
  };
  std::vector<Atom> atoms;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const Piece& p = word[i];
    std::size_t first = atoms.size();
    for (std::size_t b = 0; b < p.text.size();) {
      std::size_t n = std::min(sequence_length(static_cast<unsigned char>(p.text[b])), p.text.size() - b);
      std::string bytes = p.text.substr(b, n);
      atoms.push_back({i, bytes, m.text(bytes), false});
      b += n;
    }
    if (p.superscript && p.mark > 0) {
      if (atoms.size() == first) atoms.push_back({i, "", 0, false});
      atoms.back().w += m.mark(p.mark);
      atoms.back().with_mark = true;
    }
  }
  std::vector<std::vector<Atom>> chunks(1);
  double used = 0;
  for (Atom& a : atoms) {
    if (!chunks.back().empty() && used + a.w > width + eps) {
      chunks.emplace_back();
      used = 0;
    }
    used += a.w;
    chunks.back().push_back(std::move(a));
  }
  std::vector<Word> out;
  for (const auto& chunk : chunks) {
    Word w;
    for (std::size_t k = 0; k < chunk.size(); ++k) {
      const Atom& a = chunk[k];
      if (k == 0 || chunk[k - 1].piece != a.piece) {
        Piece p = word[a.piece];
        p.text.clear();
        p.superscript = false;
        w.push_back(p);
      }
      w.back().text += a.bytes;
      if (a.with_mark) w.back().superscript = true;
    }
    out.push_back(std::move(w));
  }
  return out;
}

Line make_line(const std::vector<Piece>& pieces, const Measure& m) {
  Line line;
  double x = 0;
  for (const Piece& p : pieces) {
    LineFragment f;
    f.piece = p;
    f.x = x;
    f.width = m.text(p.text);
    x += f.width + (p.superscript && p.mark > 0 ? m.mark(p.mark) : 0);
    line.fragments.push_back(std::move(f));
  }
  line.width = x;
  return line;
}

struct ContentWidths {
  double min = 0;  // the widest word
  double max = 0;  // the widest paragraph, unwrapped
};

ContentWidths content_widths(const std::vector<Piece>& text, const Measure& m) {
  ContentWidths c;
  double space = m.text(" ");
  for (const Paragraph& para : tokenize(text)) {
    double line = 0;
    for (std::size_t i = 0; i < para.size(); ++i) {
      double w = word_width(para[i], m);
      c.min = std::max(c.min, w);
      line += (i > 0 ? space : 0) + w;
    }
    c.max = std::max(c.max, line);
  }
  return c;
}

}  // namespace

std::vector<Line> wrap(const std::vector<Piece>& text, Font font, double size, double width, const FontMetrics& metrics,
                       const Typography& type) {
  Measure m{metrics, type, font, size};
  double space = m.text(" ");
  std::vector<Line> lines;
  for (const Paragraph& para : tokenize(text)) {
    std::vector<Piece> current;
    double used = 0;
    bool empty = true;
    auto finish = [&] {
      lines.push_back(make_line(current, m));
      current.clear();
      used = 0;
      empty = true;
    };
    auto add = [&](const Word& w, double ww) {
      if (!empty) {
        // A space between two words of one link belongs to it (one fragment, one link per line).
        const Piece &before = current.back(), &after = w.front();
        bool inside = before.mark == after.mark && before.uri == after.uri && !before.superscript;
        append_piece(current, inside ? Piece{" ", before.mark, false, before.uri} : Piece{" ", 0, false, {}});
      }
      for (const Piece& p : w) append_piece(current, p);
      used += (empty ? 0 : space) + ww;
      empty = false;
    };
    for (const Word& word : para) {
      double ww = word_width(word, m);
      if (!empty && used + space + ww <= width + eps) {
        add(word, ww);
        continue;
      }
      if (!empty) finish();
      if (ww <= width + eps) {
        add(word, ww);
        continue;
      }
      std::vector<Word> chunks = break_word(word, width, m);
      for (std::size_t i = 0; i < chunks.size(); ++i) {
        add(chunks[i], word_width(chunks[i], m));
        if (i + 1 < chunks.size()) finish();
      }
    }
    finish();
  }
  return lines;
}

std::vector<std::string> wrap_plain(std::string_view text, Font font, double size, double width,
                                    const FontMetrics& metrics, const Typography& type) {
  std::vector<std::string> out;
  for (const Line& line : wrap({Piece{std::string(text), 0, false, {}}}, font, size, width, metrics, type)) {
    std::string s;
    for (const LineFragment& f : line.fragments) s += f.piece.text;
    out.push_back(std::move(s));
  }
  return out;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Tables

// A cell's runs as rich text: each number with its mark. A "%" right after a number belongs to it:
// the mark goes after the "%" ("19%¹", not "19¹%") and the link covers it.
std::vector<Piece> cell_pieces(const BuiltCell& cell) {
  if (cell.runs.empty()) return {Piece{cell.text, 0, false, {}}};
  std::vector<Piece> out;
  for (const BuiltRun& run : cell.runs) {
    std::string_view text = run.text;
    if (!out.empty() && out.back().superscript && text.substr(0, 1) == "%") {
      out.back().text += '%';
      text.remove_prefix(1);
    }
    if (run.is_number && run.number.mark > 0)
      out.push_back(Piece{std::string(text), run.number.mark, true, {}});
    else if (!text.empty())
      out.push_back(Piece{std::string(text), 0, false, {}});
  }
  return out;
}

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

enum class Align { left, right, center };

struct CellBox {
  const BuiltCell* cell = nullptr;
  int row = 0, col = 0, rowspan = 1, colspan = 1;
  Font font = Font::regular;
  Align align = Align::left;
  std::vector<Line> lines;
  double height = 0;  // content + padding
};

struct Section {
  std::vector<CellBox> cells;       // in row order
  std::vector<double> row_heights;  // one per row
  double height(int from, int to) const {
    double h = 0;
    for (int r = from; r < to; ++r) h += row_heights[r];
    return h;
  }
};

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

}  // namespace

// Column widths, like a browser's automatic table layout:
//  - each column's min-content width is its widest word (a number with its mark counts as one word)
//    and its max-content width its widest unwrapped line, over the cells that span only that
//    column; a spanning cell that needs more than its columns give widens them in proportion to
//    their max-content widths;
//  - if every column fits at max-content, the columns are widened in proportion to it to fill
//    `available`;
//  - else each column gets its min-content width plus a share of the remaining space in proportion
//    to (max - min): columns with much text (row headers, explanations) get most of it, columns of
//    short numbers keep their natural width;
//  - if even the min-content widths do not fit, all are scaled down and over-long words are broken
//    between characters.
std::vector<double> column_widths(const BuiltTable& table, const FontMetrics& metrics, const Typography& type,
                                  double available) {
  int n = column_count(table);
  if (n == 0) return {};
  std::vector<double> mins(n, type.min_column), maxs(n, type.min_column);
  struct Spanning {
    int col, span;
    ContentWidths w;
  };
  std::vector<Spanning> spanning;
  double pad = 2 * type.cell_pad_x;
  for (const auto* section : {&table.header, &table.body})
    for (const auto& row : *section)
      for (const BuiltCell& c : row) {
        if (c.col < 0 || c.col >= n) continue;
        ContentWidths w = content_widths(cell_pieces(c), Measure{metrics, type, cell_font(c), type.cell});
        w.min += pad;
        w.max += pad;
        int span = span_of(c.col, c.colspan, n);
        if (span == 1) {
          mins[c.col] = std::max(mins[c.col], w.min);
          maxs[c.col] = std::max(maxs[c.col], w.max);
        } else {
          spanning.push_back({c.col, span, w});
        }
      }
  std::stable_sort(spanning.begin(), spanning.end(), [](const Spanning& a, const Spanning& b) { return a.span < b.span; });
  for (const Spanning& s : spanning) {
    double have_min = std::accumulate(mins.begin() + s.col, mins.begin() + s.col + s.span, 0.0);
    if (s.w.min > have_min) distribute(mins, maxs, s.col, s.span, s.w.min - have_min);
    double have_max = std::accumulate(maxs.begin() + s.col, maxs.begin() + s.col + s.span, 0.0);
    if (s.w.max > have_max) distribute(maxs, maxs, s.col, s.span, s.w.max - have_max);
  }
  for (int c = 0; c < n; ++c) maxs[c] = std::max(maxs[c], mins[c]);
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

namespace {

// ---------------------------------------------------------------------------------------------
// The analyses' tables, built here as BuiltTables so they are laid out like the report's tables.

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

// The [bottom, top] intervals of `blocked` removed from [bottom, top]: the pieces of a vertical line
// that cross no text, top first.
std::vector<std::pair<double, double>> unblocked(double bottom, double top, std::vector<std::pair<double, double>> blocked) {
  std::sort(blocked.begin(), blocked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::pair<double, double>> out;
  double y = top;
  for (const auto& [b, t] : blocked) {
    if (t < y && t > bottom) out.emplace_back(t, y);
    y = std::min(y, b);
    if (y <= bottom) break;
  }
  if (y > bottom) out.emplace_back(bottom, y);
  std::vector<std::pair<double, double>> kept;
  for (const auto& seg : out)
    if (seg.second - seg.first > 0.5) kept.push_back(seg);
  return kept;
}

// ---------------------------------------------------------------------------------------------
// Pages

class Composer {
 public:
  Composer(const Document& doc, const FontMetrics& metrics, const LayoutOptions& options)
      : doc_(doc), metrics_(metrics), o_(options), t_(options.type), g_(options.page) {}

  Layout run() {
    check_document();
    title_page();
    for (const BuiltTable& t : doc_.tables) table(t);
    charts(doc_.case_charts, "Figuren per casus", figures_anchor);
    uncertainty();
    charts(doc_.tornados, "Gevoeligheid van de uitkomsten", sensitivity_anchor);
    reconciliation();
    appendix();
    sources();
    footers();
    fill_contents_page_numbers();
    return std::move(layout_);
  }

 private:
  // --- the flow of pages

  void new_page(bool landscape) {
    Page p;
    p.width = landscape ? g_.height : g_.width;
    p.height = landscape ? g_.width : g_.height;
    p.number = static_cast<int>(layout_.pages.size()) + 1;
    layout_.pages.push_back(std::move(p));
    landscape_ = landscape;
    y_ = page().height - g_.margin_top;
    fresh_ = true;
  }
  Page& page() { return layout_.pages.back(); }
  double left() const { return g_.margin_left; }
  double content_width() const { return layout_.pages.back().width - g_.margin_left - g_.margin_right; }
  double remaining() const { return y_ - g_.margin_bottom; }
  double full_height(bool landscape) const {
    return (landscape ? g_.width : g_.height) - g_.margin_top - g_.margin_bottom;
  }
  void down(double h) {
    y_ -= h;
    fresh_ = false;
  }
  // Starts a new page (same orientation) unless `h` fits below the cursor or the page is fresh.
  void keep(double h) {
    if (!fresh_ && h > remaining() + eps) new_page(landscape_);
  }
  void anchor(const std::string& name) { page().anchors.push_back({name, y_}); }

  // --- text

  double ascent(Font f, double size) const { return metrics_.ascent(f, size); }
  double descent(Font f, double size) const { return metrics_.descent(f, size); }
  double line_height(Font f, double size) const { return ascent(f, size) + descent(f, size) + t_.leading * size; }

  std::vector<Line> lines(const std::vector<Piece>& text, Font f, double size, double width) const {
    return wrap(text, f, size, width, metrics_, t_);
  }
  std::vector<Line> lines(const std::string& text, Font f, double size, double width) const {
    return lines(std::vector<Piece>{Piece{text, 0, false, {}}}, f, size, width);
  }

  // Draws one line with its baseline at `baseline`, starting at x0.
  void emit_line(Page& p, const Line& line, Font f, double size, double x0, double baseline, double gray = 0) const {
    double asc = ascent(f, size), desc = descent(f, size);
    for (const LineFragment& frag : line.fragments) {
      const Piece& piece = frag.piece;
      if (piece.text.find_first_not_of(' ') != std::string::npos)
        p.texts.push_back({piece.text, f, size, x0 + frag.x, baseline, gray});
      double right = x0 + frag.x + frag.width;
      double top = baseline + asc;
      if (piece.superscript && piece.mark > 0) {
        std::string m = std::to_string(piece.mark);
        double mx = right + t_.mark_gap;
        double my = baseline + t_.mark_rise;
        p.texts.push_back({m, Font::regular, t_.mark, mx, my});
        right = mx + metrics_.width(m, Font::regular, t_.mark);
        top = std::max(top, my + ascent(Font::regular, t_.mark));
      }
      if (piece.mark > 0)
        p.links.push_back({Rect{x0 + frag.x, baseline - desc, right, top}, mark_anchor(piece.mark), piece.mark, {}});
      else if (!piece.uri.empty())
        p.links.push_back({Rect{x0 + frag.x, baseline - desc, right, top}, {}, 0, piece.uri});
    }
  }

  // Draws lines top-down from the cursor (no page breaks) and moves the cursor below them.
  void emit_lines(const std::vector<Line>& ls, Font f, double size, double x0) {
    for (const Line& l : ls) {
      emit_line(page(), l, f, size, x0, y_ - ascent(f, size));
      down(line_height(f, size));
    }
  }

  // A paragraph of a block that is kept on one page when it fits.
  struct Para {
    std::vector<Line> lines;
    Font font = Font::regular;
    double size = 0;
    double indent = 0;
    double space_after = 0;
    double gray = 0;
  };
  double height(const std::vector<Para>& paras) const {
    double h = 0;
    for (const Para& p : paras) h += static_cast<double>(p.lines.size()) * line_height(p.font, p.size) + p.space_after;
    return h;
  }
  // Places a block, on the next page if it does not fit here but fits on a page; a block taller than
  // a page flows line by line. Returns the page index and cursor of its top.
  std::pair<std::size_t, double> place(const std::vector<Para>& paras) {
    double h = height(paras);
    bool whole = h <= full_height(landscape_) + eps;
    if (whole) keep(h);
    std::size_t first_page = layout_.pages.size() - 1;
    double top = y_;
    bool first = true;
    for (const Para& p : paras) {
      for (const Line& l : p.lines) {
        if (!whole) keep(line_height(p.font, p.size));
        if (first) first_page = layout_.pages.size() - 1, top = y_, first = false;
        emit_line(page(), l, p.font, p.size, left() + p.indent, y_ - ascent(p.font, p.size), p.gray);
        down(line_height(p.font, p.size));
      }
      down(p.space_after);
    }
    return {first_page, top};
  }

  // --- the parts of the report

  void check_document() const {
    check_utf8(doc_.title, "the title");
    check_utf8(doc_.scenario, "the scenario name");
    check_utf8(doc_.peildatum, "the peildatum");
    check_utf8(doc_.inputs_digest, "the inputs digest");
    for (const BuiltTable& t : doc_.tables) {
      check_utf8(t.caption, table_anchor(t) + " caption");
      for (const auto* section : {&t.header, &t.body})
        for (const auto& row : *section)
          for (const BuiltCell& c : row) {
            check_utf8(c.text, table_anchor(t) + " cell " + c.id);
            for (const BuiltRun& r : c.runs) check_utf8(r.text, table_anchor(t) + " cell " + c.id);
          }
      for (const std::string& n : t.notes) check_utf8(n, table_anchor(t) + " note");
    }
    for (const ProvenanceEntry& e : doc_.provenance) {
      std::string where = "appendix entry " + std::to_string(e.mark) + " (" + e.key + ")";
      check_utf8(e.key, where);
      check_utf8(e.value_text, where);
      check_utf8(e.formula_text, where);
      if (e.quantity) check_utf8(e.quantity->label, where), check_utf8(e.quantity->note, where);
    }
    for (const Source* s : doc_.sources)
      if (s) check_utf8(s->label + s->reference + s->url, "source " + s->id);
    for (const ProvenanceEntry& e : doc_.provenance)
      if (e.source) check_utf8(e.source->label + e.source->url, "source " + e.source->id);
    for (const auto* charts : {&doc_.case_charts, &doc_.tornados})
      for (const Chart& c : *charts) {
        std::string where = "chart " + chart_anchor(c);
        check_utf8(c.id, "a chart id");
        for (const std::string* text : {&c.title, &c.group, &c.unit, &c.base_text, &c.note}) check_utf8(*text, where);
        for (const ChartBar& b : c.bars)
          for (const std::string* text : {&b.label, &b.detail, &b.from_text, &b.to_text})
            check_utf8(*text, where + " bar " + b.key);
      }
    if (doc_.uncertainty)
      for (const UncertaintyRow& r : doc_.uncertainty->rows)
        for (const std::string* text : {&r.label, &r.group, &r.unit, &r.min_text, &r.max_text, &r.p5_text, &r.p50_text,
                                        &r.p95_text})
          check_utf8(*text, "Monte Carlo row " + r.key);
    if (doc_.reconciliation)
      for (const ReconciliationRow& r : doc_.reconciliation->rows)
        for (const std::string* text : {&r.id, &r.where, &r.printed, &r.computed, &r.status, &r.erratum, &r.explanation})
          check_utf8(*text, "Verantwoording row " + r.id);
  }

  void title_page() {
    new_page(false);
    double w = content_width();
    std::vector<Para> block;
    block.push_back({lines(doc_.title.empty() ? std::string("Rapport") : doc_.title, Font::bold, t_.title, w), Font::bold,
                     t_.title, 0, 12});
    auto info = [&](const std::string& label, const std::string& value) {
      if (value.empty()) return;
      block.push_back({lines(label + ": " + value, Font::regular, t_.body, w), Font::regular, t_.body, 0, 2});
    };
    info("Scenario", doc_.scenario);
    info("Peildatum", doc_.peildatum);
    info("Invoer (sha256)", doc_.inputs_digest);
    place(block);
    down(20);
    if (!o_.table_of_contents) return;

    std::vector<Para> heading{{lines(std::string("Inhoud"), Font::bold, t_.heading, w), Font::bold, t_.heading, 0, 6}};
    place(heading);
    const double number_column = 36;
    auto entry = [&](const std::string& text, const std::string& target) {
      Para para{lines(text, Font::regular, t_.body, w - number_column), Font::regular, t_.body, 0, 3};
      auto [page_index, top] = place({para});
      double lh = line_height(Font::regular, t_.body);
      auto count = static_cast<double>(para.lines.size());
      Page& p = layout_.pages[page_index];
      p.links.push_back({Rect{left(), top - count * lh, left() + w, top}, target, 0, {}});
      contents_numbers_.push_back({page_index, p.texts.size(), target, left() + w});
      p.texts.push_back({"", Font::regular, t_.body, left() + w, top - ascent(Font::regular, t_.body) - (count - 1) * lh});
    };
    for (const BuiltTable& t : doc_.tables) entry(t.caption, table_anchor(t));
    if (!doc_.case_charts.empty()) entry("Figuren per casus", figures_anchor);
    if (doc_.uncertainty) entry("Onzekerheid (Monte Carlo)", uncertainty_anchor);
    if (!doc_.tornados.empty()) entry("Gevoeligheid van de uitkomsten", sensitivity_anchor);
    if (doc_.reconciliation) entry("Verantwoording", reconciliation_anchor);
    entry("Herkomst van de getallen", appendix_anchor);
    entry("Bronnen", sources_anchor);
  }

  // A table measured for the current page's width, ready to flow over pages.
  struct TableFlow {
    std::vector<double> xs;  // column edges
    Section header, body;
    std::vector<std::pair<int, int>> blocks;  // unbreakable runs of body rows, [from, to)
    std::vector<Line> caption;                // on the first page (none: a heading above says it)
    std::vector<Line> continued;              // on every later page
    std::vector<bool> shaded;                 // body rows with a tinted background
    double first_height = 0;                  // caption, header and first block: kept together
    bool landscape = false;
  };

  double caption_height(const std::vector<Line>& caption) const {
    return caption.empty() ? 0
                           : static_cast<double>(caption.size()) * line_height(Font::bold, t_.caption) + t_.caption_gap;
  }

  TableFlow prepare_table(const BuiltTable& t, const std::string& caption, const std::string& continued) {
    TableFlow f;
    f.landscape = landscape_;
    const double width = content_width();
    const int n = column_count(t);
    std::vector<double> widths = column_widths(t, metrics_, t_, width);
    f.xs.assign(n + 1, left());
    for (int c = 0; c < n; ++c) f.xs[c + 1] = f.xs[c] + widths[c];

    std::vector<bool> numeric = numeric_columns(t, n);
    f.header = section(t.header, n, f.xs, numeric);
    f.body = section(t.body, n, f.xs, numeric);
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

    if (!caption.empty()) f.caption = lines(caption, Font::bold, t_.caption, width);
    f.continued = lines(continued, Font::bold, t_.caption, width);
    const bool ls = f.landscape;
    const double full = full_height(ls);
    for (const auto& [from, to] : f.blocks) {
      double need = caption_height(f.continued) + header_h + f.body.height(from, to);
      if (need > full + eps) {
        std::string rows = to - from == 1 ? "body row " + std::to_string(from + 1)
                                          : "body rows " + std::to_string(from + 1) + "–" + std::to_string(to) +
                                                " (joined by a rowspan)";
        const BuiltCell* first = t.body[from].empty() ? nullptr : &t.body[from].front();
        throw std::runtime_error("PDF: " + table_anchor(t) + ": " + rows + (first ? " (" + first->id + ")" : "") +
                                 " is " + std::to_string(static_cast<int>(std::ceil(f.body.height(from, to)))) +
                                 " pt tall, but a " + (ls ? "landscape" : "portrait") + " page holds only " +
                                 std::to_string(static_cast<int>(full - caption_height(f.continued) - header_h)) +
                                 " pt below the table header; shorten the text of that row or split it");
      }
    }
    // The caption stays with the header and the first rows.
    f.first_height = caption_height(f.caption) + header_h +
                     (f.blocks.empty() ? 0 : f.body.height(f.blocks[0].first, f.blocks[0].second));
    return f;
  }

  // Draws a prepared table from the cursor: its caption, header, rows over as many pages as they
  // need (each later page starting with the continued caption and the header), then its notes.
  void flow_table(const BuiltTable& t, const TableFlow& f) {
    if (!f.caption.empty()) {
      emit_lines(f.caption, Font::bold, t_.caption, left());
      down(t_.caption_gap);
    }
    const int header_rows = static_cast<int>(f.header.row_heights.size());
    draw(f.header, 0, header_rows, f.xs, true);
    bool rows_above = header_rows > 0;  // rows of this table directly above the cursor
    for (const auto& [from, to] : f.blocks) {
      if (f.body.height(from, to) > remaining() + eps) {
        new_page(f.landscape);
        emit_lines(f.continued, Font::bold, t_.caption, left());
        down(t_.caption_gap);
        draw(f.header, 0, header_rows, f.xs, true);
        rows_above = header_rows > 0;
      }
      draw(f.body, from, to, f.xs, !rows_above, f.shaded);
      rows_above = true;
    }
    for (const std::string& note : t.notes) {
      down(3);
      std::vector<Para> p{{lines(note, Font::regular, t_.small, content_width()), Font::regular, t_.small, 0, 0}};
      place(p);
    }
    down(t_.table_gap);
  }

  void table(const BuiltTable& t) {
    new_page_for_table_if_needed(t.landscape);
    TableFlow f = prepare_table(t, t.caption, "Tabel " + std::to_string(t.number) + " (vervolg)");
    keep(f.first_height);
    anchor(table_anchor(t));
    std::string title = t.caption;
    std::replace(title.begin(), title.end(), '\n', ' ');
    layout_.bookmarks.push_back({title, table_anchor(t)});
    flow_table(t, f);
  }

  void new_page_for_table_if_needed(bool landscape) {
    if (!in_tables_ || landscape != landscape_) {
      new_page(landscape);
      in_tables_ = true;
    }
  }

  Section section(const std::vector<std::vector<BuiltCell>>& rows, int n, const std::vector<double>& xs,
                  const std::vector<bool>& numeric) const {
    Section s;
    int count = static_cast<int>(rows.size());
    s.row_heights.assign(count, line_height(Font::regular, t_.cell) + 2 * t_.cell_pad_y);
    for (int r = 0; r < count; ++r)
      for (const BuiltCell& c : rows[r]) {
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
        double text_width = xs[c.col + b.colspan] - xs[c.col] - 2 * t_.cell_pad_x;
        b.lines = lines(cell_pieces(c), b.font, t_.cell, text_width);
        b.height = static_cast<double>(b.lines.size()) * line_height(b.font, t_.cell) + 2 * t_.cell_pad_y;
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
  void draw(const Section& s, int from, int to, const std::vector<double>& xs, bool top_rule,
            const std::vector<bool>& shaded = {}) {
    if (from >= to) return;
    Page& p = page();
    double top = y_;
    std::vector<double> row_top(to - from + 1, top);
    for (int r = from; r < to; ++r) row_top[r - from + 1] = row_top[r - from] - s.row_heights[r];
    double bottom = row_top.back();
    if (top_rule) p.rules.push_back({xs.front(), top, xs.back(), top, t_.rule});
    p.rules.push_back({xs.front(), top, xs.front(), bottom, t_.rule});
    for (const CellBox& b : s.cells) {
      if (b.row < from || b.row >= to) continue;
      double x0 = xs[b.col], x1 = xs[b.col + b.colspan];
      double y0 = row_top[b.row - from], y1 = row_top[b.row - from + b.rowspan];
      if (b.cell->header) p.fills.push_back({Rect{x0, y1, x1, y0}, t_.header_gray});
      if (static_cast<std::size_t>(b.row) < shaded.size() && shaded[b.row])
        p.fills.push_back({Rect{x0, y1, x1, y0}, 1, o_.colors.erratum});
      p.rules.push_back({x0, y1, x1, y1, t_.rule});
      p.rules.push_back({x1, y0, x1, y1, t_.rule});
      double lh = line_height(b.font, t_.cell);
      double baseline = y0 - t_.cell_pad_y - ascent(b.font, t_.cell);
      double inner = x1 - x0 - 2 * t_.cell_pad_x;
      for (const Line& l : b.lines) {
        double offset = b.align == Align::right ? inner - l.width : b.align == Align::center ? (inner - l.width) / 2 : 0;
        emit_line(p, l, b.font, t_.cell, x0 + t_.cell_pad_x + std::max(0.0, offset), baseline);
        baseline -= lh;
      }
    }
    down(top - bottom);
  }

  // --- the analyses and the appendix "Verantwoording"

  // Starts a part of the report on a new page: its heading, with an anchor and a bookmark.
  void part(const std::string& title, const std::string& anchor_name, bool landscape = false) {
    new_page(landscape);
    anchor(anchor_name);
    layout_.bookmarks.push_back({title, anchor_name, 0});
    std::vector<Para> head{{lines(title, Font::bold, t_.heading, content_width()), Font::bold, t_.heading, 0, 6}};
    place(head);
  }

  Para paragraph(const std::string& text, Font f, double size, double space_after, double gray = 0) const {
    return Para{lines(text, f, size, content_width()), f, size, 0, space_after, gray};
  }

  void charts(const std::vector<Chart>& charts, const std::string& title, const std::string& anchor_name) {
    if (charts.empty()) return;
    part(title, anchor_name);
    // A note every chart of the part shares is said once, under the heading.
    bool shared = charts.size() > 1 && !charts.front().note.empty() &&
                  std::all_of(charts.begin(), charts.end(), [&](const Chart& c) { return c.note == charts.front().note; });
    if (shared) place({paragraph(charts.front().note, Font::regular, t_.body, 10)});
    for (const Chart& c : charts) chart(c, !shared);
  }

  static std::string chart_title(const Chart& c) {
    std::string title = c.title;
    if (c.kind == Chart::Kind::tornado) {
      if (!c.group.empty()) title = c.group + ": " + title;
      if (!c.unit.empty()) title += " (" + c.unit + ")";
    }
    std::replace(title.begin(), title.end(), '\n', ' ');
    return title;
  }

  // A chart drawn on a scratch page with its top at y = 0 (everything below is negative); returns
  // its height.
  double draw_chart(const Chart& c, bool with_note, Page& d) const {
    const double l = left(), w = content_width(), r = l + w;
    const bool tornado = c.kind == Chart::Kind::tornado;
    const Font f = Font::regular;
    double y = 0;
    for (const Line& line : lines(chart_title(c), Font::bold, t_.chart_title, w)) {
      emit_line(d, line, Font::bold, t_.chart_title, l, y - ascent(Font::bold, t_.chart_title));
      y -= line_height(Font::bold, t_.chart_title);
    }
    y -= t_.caption_gap;

    // The value scale spans every bar, and 0 (range) or the base (tornado) where the axis stands.
    const double axis_value = tornado ? c.base : 0;
    double lo = axis_value, hi = lo;
    for (const ChartBar& b : c.bars) {
      if (std::isfinite(b.from)) lo = std::min(lo, b.from), hi = std::max(hi, b.from);
      if (std::isfinite(b.to)) lo = std::min(lo, b.to), hi = std::max(hi, b.to);
    }
    if (!(hi > lo)) hi = lo + 1;

    // Where the bars and their values go. The lower value stands left of its bar, the higher one
    // right of it (a bar of one value: that value once, right); a value that would cross the axis
    // joins the other one on the far side ("19 – 39" right of a bar that starts just after 0). The
    // plot narrows until every value is inside the margins.
    struct Placed {
      double x0 = 0, x1 = 0;    // the bar
      std::string left, right;  // the values beside it
    };
    const double gap = t_.chart_value_gap, clear = t_.chart_axis_clear;
    auto value_width = [&](const std::string& s) { return metrics_.width(s, f, t_.chart_value); };
    auto joined = [](const std::string& a, const std::string& b) { return a.empty() ? b : b.empty() ? a : a + " – " + b; };
    double plot_left = l, plot_right = r, axis_x = l;
    std::vector<Placed> bars;
    for (int pass = 0; pass < 12; ++pass) {
      auto x = [&](double v) {
        if (!std::isfinite(v)) v = lo;
        return plot_left + (v - lo) / (hi - lo) * (plot_right - plot_left);
      };
      axis_x = x(axis_value);
      bars.clear();
      double leftmost = l, rightmost = r;
      for (const ChartBar& b : c.bars) {
        Placed p;
        p.x0 = x(std::min(b.from, b.to)), p.x1 = x(std::max(b.from, b.to));
        if (p.x1 - p.x0 < 1) {  // a bar of (almost) one value stays visible
          double mid = (p.x0 + p.x1) / 2;
          p.x0 = mid - 0.5, p.x1 = mid + 0.5;
        }
        bool rising = b.to >= b.from;
        p.left = rising ? b.from_text : b.to_text;
        p.right = rising ? b.to_text : b.from_text;
        if (p.left == p.right) p.left.clear();
        auto crosses = [&](double from, double to) { return from - clear <= axis_x && axis_x <= to + clear; };
        double rw = value_width(p.right), lw = value_width(p.left);
        if (!p.right.empty() && crosses(p.x1 + gap, p.x1 + gap + rw)) {
          p.left = joined(p.left, p.right);
          p.right.clear();
        } else if (!p.left.empty() && crosses(p.x0 - gap - lw, p.x0 - gap)) {
          p.right = joined(p.left, p.right);
          p.left.clear();
        }
        if (!p.left.empty()) leftmost = std::min(leftmost, p.x0 - gap - value_width(p.left));
        if (!p.right.empty()) rightmost = std::max(rightmost, p.x1 + gap + value_width(p.right));
        bars.push_back(std::move(p));
      }
      if (leftmost >= l - eps && rightmost <= r + eps) break;
      if (plot_right - plot_left < w / 4) break;  // values wider than the page: let them be
      plot_left += l - leftmost;
      plot_right -= rightmost - r;
    }

    // Text the axis would cross: the axis leaves it out.
    std::vector<std::pair<double, double>> blocked;
    auto text_at = [&](const std::string& text, Font font, double size, double tx, double baseline, double gray) {
      if (text.empty()) return;
      d.texts.push_back({text, font, size, tx, baseline, gray});
      double tw = metrics_.width(text, font, size);
      if (tx - clear <= axis_x && axis_x <= tx + tw + clear)
        blocked.emplace_back(baseline - descent(font, size) - clear, baseline + ascent(font, size) + clear);
    };
    auto line_at = [&](const Line& line, Font font, double size, double x0, double baseline, double gray) {
      for (const LineFragment& frag : line.fragments)
        if (frag.piece.text.find_first_not_of(' ') != std::string::npos)
          text_at(frag.piece.text, font, size, x0 + frag.x, baseline, gray);
    };

    // When no bar reaches left of the axis (a range chart from 0), the labels start right of it, so
    // the axis runs unbroken.
    const double label_x = axis_x <= plot_left + eps && axis_x + 4 < r - w / 2 ? axis_x + 4 : l;
    const double label_w = r - label_x;
    const double space = metrics_.width(" ", f, t_.chart_label);
    const double value_asc = ascent(f, t_.chart_value), value_desc = descent(f, t_.chart_value);
    const double band = std::max(t_.chart_bar, value_asc + value_desc);
    double axis_top = y, axis_bottom = y;
    for (std::size_t i = 0; i < c.bars.size(); ++i) {
      const ChartBar& b = c.bars[i];
      const Placed& p = bars[i];
      // The label line(s), the detail in gray after the label (or on a line of its own).
      std::vector<Line> label = lines(b.label, f, t_.chart_label, label_w);
      double detail_w = metrics_.width(b.detail, f, t_.chart_detail);
      bool detail_inline = !b.detail.empty() && label.back().width + space + detail_w <= label_w + eps;
      for (std::size_t k = 0; k < label.size(); ++k) {
        double baseline = y - ascent(f, t_.chart_label);
        line_at(label[k], f, t_.chart_label, label_x, baseline, 0);
        if (k + 1 == label.size() && detail_inline)
          text_at(b.detail, f, t_.chart_detail, label_x + label[k].width + space, baseline, t_.muted_gray);
        y -= line_height(f, t_.chart_label);
      }
      if (!b.detail.empty() && !detail_inline)
        for (const Line& line : lines(b.detail, f, t_.chart_detail, label_w)) {
          line_at(line, f, t_.chart_detail, label_x, y - ascent(f, t_.chart_detail), t_.muted_gray);
          y -= line_height(f, t_.chart_detail);
        }
      y -= t_.chart_label_gap;

      // The bar, centred in its band, its values beside it; bar and values are one link.
      if (i == 0) axis_top = y;
      double bar_top = y - (band - t_.chart_bar) / 2, bar_bottom = bar_top - t_.chart_bar;
      Color color = !tornado ? o_.colors.range : b.to >= b.from ? o_.colors.rising : o_.colors.falling;
      d.fills.push_back({Rect{p.x0, bar_bottom, p.x1, bar_top}, 1, color});
      double baseline = (bar_top + bar_bottom) / 2 - (value_asc - value_desc) / 2;  // text centred on the bar
      Rect link{p.x0, std::min(bar_bottom, baseline - value_desc), p.x1, std::max(bar_top, baseline + value_asc)};
      if (!p.left.empty()) {
        link.left = p.x0 - gap - value_width(p.left);
        text_at(p.left, f, t_.chart_value, link.left, baseline, 0);
      }
      if (!p.right.empty()) {
        text_at(p.right, f, t_.chart_value, p.x1 + gap, baseline, 0);
        link.right = p.x1 + gap + value_width(p.right);
      }
      if (b.mark > 0) d.links.push_back({link, mark_anchor(b.mark), b.mark, {}});
      y -= band;
      axis_bottom = y;
      y -= t_.chart_row_gap;
    }

    // The axis, from just above the first bar to just below the last, around the text it crosses.
    if (!c.bars.empty()) {
      double top = axis_top + 2, bottom = axis_bottom - 2;
      for (const auto& [from, to] : unblocked(bottom, top, blocked))
        d.rules.push_back({axis_x, to, axis_x, from, t_.chart_axis});
      y = std::min(y, bottom - 1);
    }
    if (tornado) {
      std::string base = "midden: " + c.base_text + (c.unit.empty() ? "" : " " + c.unit);
      double tw = value_width(base);
      double bx = std::clamp(axis_x - tw / 2, l, std::max(l, r - tw));
      d.texts.push_back({base, f, t_.chart_value, bx, y - value_asc});
      y -= line_height(f, t_.chart_value);
    }
    if (with_note && !c.note.empty()) {
      y -= 3;
      for (const Line& line : lines(c.note, f, t_.small, w)) {
        emit_line(d, line, f, t_.small, l, y - ascent(f, t_.small), t_.muted_gray);
        y -= line_height(f, t_.small);
      }
    }
    return -y;
  }

  // A chart, whole on one page: on the next one if it does not fit below the cursor.
  void chart(const Chart& c, bool with_note) {
    Page d;
    double h = draw_chart(c, with_note, d);
    double full = full_height(landscape_);
    if (h > full + eps)
      throw std::runtime_error("PDF: chart " + chart_anchor(c) + " (" + chart_title(c) + ") with " +
                               std::to_string(c.bars.size()) + " bars is " + std::to_string(static_cast<int>(std::ceil(h))) +
                               " pt tall, but a page holds only " + std::to_string(static_cast<int>(full)) +
                               " pt and a chart is never split; show fewer bars (tornado_bars, case_charts in "
                               "templates/analysis.yaml)");
    keep(h);
    anchor(chart_anchor(c));
    layout_.bookmarks.push_back({chart_title(c), chart_anchor(c), 1});
    Page& p = page();
    double top = y_;
    for (Fill fl : d.fills) {
      fl.rect.bottom += top, fl.rect.top += top;
      p.fills.push_back(fl);
    }
    for (Rule ru : d.rules) {
      ru.y1 += top, ru.y2 += top;
      p.rules.push_back(ru);
    }
    for (TextBox tb : d.texts) {
      tb.y += top;
      p.texts.push_back(std::move(tb));
    }
    for (Link li : d.links) {
      li.rect.bottom += top, li.rect.top += top;
      p.links.push_back(std::move(li));
    }
    down(h);
    down(t_.chart_gap);
  }

  struct Intro {
    std::string text;
    Font font = Font::regular;
    double space_after = 0;
  };
  // A part made of a heading, an introduction and a table: the introduction stays with the table's
  // header and first rows.
  void table_part(const std::string& title, const std::string& anchor_name, const std::vector<Intro>& texts,
                  const BuiltTable& t, std::vector<bool> shaded) {
    part(title, anchor_name, t.landscape);
    std::vector<Para> intro;  // measured for this part's pages
    for (const Intro& i : texts) intro.push_back(paragraph(i.text, i.font, t_.body, i.space_after));
    TableFlow f = prepare_table(t, "", title + " (vervolg)");
    f.shaded = std::move(shaded);
    keep(height(intro) + f.first_height);
    place(intro);
    flow_table(t, f);
  }

  void uncertainty() {
    if (!doc_.uncertainty) return;
    const Uncertainty& u = *doc_.uncertainty;
    std::string text = std::to_string(u.draws) +
                       " trekkingen; elke parameter met een bereik onafhankelijk getrokken (" +
                       (u.distribution == "uniform" ? "uniform" : "driehoeksverdeling, top in het midden") +
                       "), de andere op hun waarde; seed " + std::to_string(u.seed) + ".";
    BuiltTable t = uncertainty_table(u);
    table_part("Onzekerheid (Monte Carlo)", uncertainty_anchor, {{text, Font::regular, 8}}, t, {});
  }

  void reconciliation() {
    if (!doc_.reconciliation) return;
    const ReconciliationSummary& s = *doc_.reconciliation;
    std::vector<Intro> intro{
        {"Elk getal dat het rapport afdrukt, naast de waarde die zorgcap berekent (afgerond zoals het "
         "rapport). Waar het rapport zichzelf tegenspreekt, geeft zorgcap de consistente waarde; de "
         "toelichting staat erbij.",
         Font::regular, 6},
        {"Gereproduceerd: " + std::to_string(s.reproduced) + " van " + std::to_string(s.total) +
             "; verklaarde afwijkingen (inconsistenties in het rapport): " + std::to_string(s.explained) +
             "; onverklaard: " + std::to_string(s.unexplained) + "; niet gekoppeld: " + std::to_string(s.unmapped) +
             ".",
         Font::bold, 8}};
    BuiltTable t = reconciliation_table(s);
    std::vector<bool> shaded;
    for (const ReconciliationRow& r : s.rows) shaded.push_back(!r.erratum.empty());
    table_part("Verantwoording", reconciliation_anchor, intro, t, std::move(shaded));
  }

  void appendix() {
    new_page(false);
    double w = content_width();
    anchor(appendix_anchor);
    layout_.bookmarks.push_back({"Herkomst van de getallen", appendix_anchor});
    std::vector<Para> head{
        {lines(std::string("Herkomst van de getallen"), Font::bold, t_.heading, w), Font::bold, t_.heading, 0, 6},
        {lines(std::string("Elk getal in de tabellen draagt een klein nummer. Onder dat nummer staat hier hoe het "
                            "getal is verkregen: uit een bron, of berekend uit andere getallen (met hun nummers)."),
               Font::regular, t_.body, w),
         Font::regular, t_.body, 0, 10}};
    place(head);

    int widest = 0;
    for (const ProvenanceEntry& e : doc_.provenance) widest = std::max(widest, e.mark);
    const double indent = metrics_.width(std::to_string(widest), Font::bold, t_.body) + 8;
    const double tw = w - indent;
    for (const ProvenanceEntry& e : doc_.provenance) {
      std::string label = e.quantity && !e.quantity->label.empty() ? e.quantity->label : e.key;
      std::vector<Para> block;
      block.push_back({lines(label, Font::bold, t_.body, tw), Font::bold, t_.body, indent, 0});
      block.push_back({lines(e.key, Font::regular, t_.small, tw), Font::regular, t_.small, indent, 1});
      block.push_back({lines("Waarde: " + e.value_text, Font::regular, t_.body, tw), Font::regular, t_.body, indent, 0});
      if (!e.formula_text.empty())
        block.push_back({lines("Berekening: " + e.formula_text, Font::regular, t_.body, tw), Font::regular, t_.body, indent, 0});
      if (!e.operand_marks.empty()) {
        std::vector<Piece> text{Piece{"Berekend uit: ", 0, false, {}}};
        for (std::size_t i = 0; i < e.operand_marks.size(); ++i) {
          if (i > 0) text.push_back(Piece{", ", 0, false, {}});
          int m = e.operand_marks[i];
          text.push_back(Piece{std::to_string(m), m, false, {}});
        }
        block.push_back({lines(text, Font::regular, t_.body, tw), Font::regular, t_.body, indent, 0});
      }
      if (e.source) {
        block.push_back({lines("Bron: " + e.source->label, Font::regular, t_.body, tw), Font::regular, t_.body, indent, 0});
        if (!e.source->url.empty())
          block.push_back({lines(url_pieces(e.source->url), Font::regular, t_.small, tw), Font::regular, t_.small, indent, 0});
      }
      if (e.quantity && !e.quantity->note.empty())
        block.push_back({lines("Toelichting: " + e.quantity->note, Font::regular, t_.body, tw), Font::regular, t_.body,
                         indent, 0});
      block.back().space_after = 7;
      auto [page_index, top] = place(block);
      Page& p = layout_.pages[page_index];
      p.anchors.push_back({mark_anchor(e.mark), top});
      p.texts.push_back({std::to_string(e.mark), Font::bold, t_.body, left(), top - ascent(Font::bold, t_.body)});
    }
  }

  static std::vector<Piece> url_pieces(const std::string& url) {
    // A web address becomes a link only when it is plain printable ASCII without spaces.
    bool linkable = !url.empty() && std::all_of(url.begin(), url.end(), [](char c) { return c > ' ' && c < 0x7F; });
    return {Piece{url, 0, false, linkable ? url : std::string()}};
  }

  void sources() {
    new_page(false);
    double w = content_width();
    anchor(sources_anchor);
    layout_.bookmarks.push_back({"Bronnen", sources_anchor});
    std::vector<Para> head{{lines(std::string("Bronnen"), Font::bold, t_.heading, w), Font::bold, t_.heading, 0, 8}};
    place(head);
    for (const Source* s : doc_.sources) {
      if (!s) continue;
      std::vector<Para> block;
      block.push_back({lines(s->label.empty() ? s->id : s->label, Font::bold, t_.body, w), Font::bold, t_.body, 0, 0});
      if (!s->reference.empty())
        block.push_back({lines(s->reference, Font::regular, t_.body, w), Font::regular, t_.body, 0, 0});
      if (!s->url.empty())
        block.push_back({lines(url_pieces(s->url), Font::regular, t_.small, w), Font::regular, t_.small, 0, 0});
      block.back().space_after = 7;
      place(block);
    }
  }

  void footers() {
    for (Page& p : layout_.pages) {
      std::string text = "pagina " + std::to_string(p.number);
      double x = (p.width - metrics_.width(text, Font::regular, t_.footer)) / 2;
      p.texts.push_back({text, Font::regular, t_.footer, x, g_.footer_baseline});
    }
  }

  void fill_contents_page_numbers() {
    std::map<std::string, int> page_of;
    for (const Page& p : layout_.pages)
      for (const Anchor& a : p.anchors) page_of.emplace(a.name, p.number);
    for (const ContentsNumber& c : contents_numbers_) {
      TextBox& box = layout_.pages[c.page].texts[c.text];
      auto it = page_of.find(c.anchor);
      box.text = it == page_of.end() ? "" : std::to_string(it->second);
      box.x = c.right - metrics_.width(box.text, Font::regular, t_.body);
    }
  }

  struct ContentsNumber {
    std::size_t page;
    std::size_t text;
    std::string anchor;
    double right;
  };

  const Document& doc_;
  const FontMetrics& metrics_;
  const LayoutOptions& o_;
  const Typography& t_;
  const PageGeometry& g_;
  Layout layout_;
  bool landscape_ = false;
  bool fresh_ = true;
  bool in_tables_ = false;
  double y_ = 0;
  std::vector<ContentsNumber> contents_numbers_;
};

}  // namespace

Layout layout_document(const Document& doc, const FontMetrics& metrics, const LayoutOptions& options) {
  return Composer(doc, metrics, options).run();
}

}  // namespace zorgcap::pdf
