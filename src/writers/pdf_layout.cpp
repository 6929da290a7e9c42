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

bool plain_like(const Piece& p) { return p.mark == 0 && !p.superscript; }
// Whether text of `b` can be appended to piece `a` (same link, no mark in between).
bool mergeable(const Piece& a, const Piece& b) { return plain_like(a) && plain_like(b) && a.uri == b.uri; }

void append_piece(std::vector<Piece>& to, const Piece& p) {
  if (!to.empty() && mergeable(to.back(), p))
    to.back().text += p.text;
  else
    to.push_back(p);
}

// Splits rich text into paragraphs ('\n') of words (spaces). A piece with a mark is one unbreakable
// unit, glued to whatever touches it without a space.
std::vector<Paragraph> tokenize(const std::vector<Piece>& text) {
  std::vector<Paragraph> paragraphs(1);
  Word word;
  auto end_word = [&] {
    if (!word.empty()) paragraphs.back().push_back(std::move(word));
    word.clear();
  };
  for (const Piece& piece : text) {
    decode_utf8(piece.text);  // throws on invalid text
    if (piece.mark > 0) {
      word.push_back(piece);
      continue;
    }
    Piece like = piece;
    like.text.clear();
    auto flush = [&] {
      if (!like.text.empty()) append_piece(word, like);
      like.text.clear();
    };
    for (char c : piece.text) {
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
      if (!empty) append_piece(current, Piece{" ", 0, false, {}});
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
// Pages

class Composer {
 public:
  Composer(const Document& doc, const FontMetrics& metrics, const LayoutOptions& options)
      : doc_(doc), metrics_(metrics), o_(options), t_(options.type), g_(options.page) {}

  Layout run() {
    check_document();
    title_page();
    for (const BuiltTable& t : doc_.tables) table(t);
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
  double content_width() { return page().width - g_.margin_left - g_.margin_right; }
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
  void emit_line(Page& p, const Line& line, Font f, double size, double x0, double baseline) const {
    double asc = ascent(f, size), desc = descent(f, size);
    for (const LineFragment& frag : line.fragments) {
      const Piece& piece = frag.piece;
      if (piece.text.find_first_not_of(' ') != std::string::npos)
        p.texts.push_back({piece.text, f, size, x0 + frag.x, baseline});
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
        emit_line(page(), l, p.font, p.size, left() + p.indent, y_ - ascent(p.font, p.size));
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
    entry("Herkomst van de getallen", appendix_anchor);
    entry("Bronnen", sources_anchor);
  }

  void table(const BuiltTable& t) {
    bool ls = t.landscape;
    new_page_for_table_if_needed(ls);
    const double width = content_width();
    const int n = column_count(t);
    std::vector<double> widths = column_widths(t, metrics_, t_, width);
    std::vector<double> xs(n + 1, left());
    for (int c = 0; c < n; ++c) xs[c + 1] = xs[c] + widths[c];

    std::vector<bool> numeric = numeric_columns(t, n);
    Section header = section(t.header, n, xs, numeric);
    Section body = section(t.body, n, xs, numeric);
    const double header_h = header.height(0, static_cast<int>(header.row_heights.size()));

    // Unbreakable blocks of body rows: a rowspan ties rows together.
    std::vector<std::pair<int, int>> blocks;
    {
      int rows = static_cast<int>(body.row_heights.size());
      int start = 0, reach = 0;
      std::vector<int> reach_of(rows, 0);
      for (const CellBox& c : body.cells) reach_of[c.row] = std::max(reach_of[c.row], c.row + c.rowspan);
      for (int r = 0; r < rows; ++r) {
        reach = std::max({reach, reach_of[r], r + 1});
        if (reach == r + 1) {
          blocks.emplace_back(start, r + 1);
          start = r + 1;
        }
      }
    }

    std::vector<Line> caption = lines(t.caption, Font::bold, t_.caption, width);
    std::vector<Line> continued =
        lines("Tabel " + std::to_string(t.number) + " (vervolg)", Font::bold, t_.caption, width);
    auto caption_height = [&](const std::vector<Line>& ls_) {
      return static_cast<double>(ls_.size()) * line_height(Font::bold, t_.caption) + t_.caption_gap;
    };
    const double full = full_height(ls);
    for (const auto& [from, to] : blocks) {
      double need = caption_height(continued) + header_h + body.height(from, to);
      if (need > full + eps) {
        std::string rows = to - from == 1 ? "body row " + std::to_string(from + 1)
                                          : "body rows " + std::to_string(from + 1) + "–" + std::to_string(to) +
                                                " (joined by a rowspan)";
        const BuiltCell* first = t.body[from].empty() ? nullptr : &t.body[from].front();
        throw std::runtime_error("PDF: " + table_anchor(t) + ": " + rows + (first ? " (" + first->id + ")" : "") +
                                 " is " + std::to_string(static_cast<int>(std::ceil(body.height(from, to)))) +
                                 " pt tall, but a " + (ls ? "landscape" : "portrait") + " page holds only " +
                                 std::to_string(static_cast<int>(full - caption_height(continued) - header_h)) +
                                 " pt below the table header; shorten the text of that row or split it");
      }
    }

    // The caption stays with the header and the first rows.
    double first_h = caption_height(caption) + header_h + (blocks.empty() ? 0 : body.height(blocks[0].first, blocks[0].second));
    keep(first_h);
    anchor(table_anchor(t));
    std::string title = t.caption;
    std::replace(title.begin(), title.end(), '\n', ' ');
    layout_.bookmarks.push_back({title, table_anchor(t)});
    emit_lines(caption, Font::bold, t_.caption, left());
    down(t_.caption_gap);
    const int header_rows = static_cast<int>(header.row_heights.size());
    draw(header, 0, header_rows, xs, true);
    bool rows_above = header_rows > 0;  // rows of this table directly above the cursor
    for (const auto& [from, to] : blocks) {
      if (body.height(from, to) > remaining() + eps) {
        new_page(ls);
        emit_lines(continued, Font::bold, t_.caption, left());
        down(t_.caption_gap);
        draw(header, 0, header_rows, xs, true);
        rows_above = header_rows > 0;
      }
      draw(body, from, to, xs, !rows_above);
      rows_above = true;
    }
    for (const std::string& note : t.notes) {
      down(3);
      std::vector<Para> p{{lines(note, Font::regular, t_.small, width), Font::regular, t_.small, 0, 0}};
      place(p);
    }
    down(t_.table_gap);
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
  void draw(const Section& s, int from, int to, const std::vector<double>& xs, bool top_rule) {
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
