#include "writers/pdf_text.h"

#include <algorithm>
#include <stdexcept>

#include "core/utf8.h"
#include "writers/pdf_anchors.h"

namespace zorgcap::pdf {

namespace {

// Up to 40 bytes of valid text before `at`, for error messages.
std::string excerpt_before(std::string_view s, std::size_t at) {
  std::size_t from = at > 40 ? at - 40 : 0;
  while (from < at && utf8::is_continuation(s[from])) ++from;
  return std::string(s.substr(from, at - from));
}

}  // namespace

std::u32string decode_utf8(std::string_view s) {
  if (std::size_t at = utf8::first_invalid(s); at != std::string_view::npos)
    throw std::runtime_error("invalid UTF-8 at byte " + std::to_string(at) + " (after \"" + excerpt_before(s, at) + "\")");
  return utf8::decode(s);
}

namespace {

struct Measure {
  const FontMetrics& metrics;
  const Typography& type;
  Font font;
  double size;

  double text(std::string_view s) const { return s.empty() ? 0 : metrics.width(s, font, size); }
  double raised(std::string_view s, Font f = Font::regular, double sz = 0) const {
    return type.mark_gap + metrics.width(s, f, sz > 0 ? sz : type.mark);
  }
  // What is raised after the piece's text (see Piece).
  double after(const Piece& p) const {
    double w = 0;
    if (p.superscript && p.mark > 0) w += raised(std::to_string(p.mark));
    if (!p.deviation.empty()) w += raised(deviation_glyph, Font::bold, type.deviation_mark);
    if (p.footnote > 0) w += raised(std::to_string(p.footnote));
    return w;
  }
  double piece(const Piece& p) const { return text(p.text) + after(p); }
};

using Word = std::vector<Piece>;  // no break opportunity inside

// How a word joins the word before it (see wrap).
enum class Join { free, after_dash, unit, glued };
struct Token {
  Word word;
  Join join = Join::free;
};
using Paragraph = std::vector<Token>;  // words separated by spaces

void clear_decorations(Piece& p) {
  p.superscript = false;
  p.deviation.clear();
  p.footnote = 0;
}
void copy_decorations(Piece& to, const Piece& from) {
  to.superscript = from.superscript;
  to.deviation = from.deviation;
  to.footnote = from.footnote;
}

// Whether text of `b` can be appended to piece `a`: the same link (or none) and nothing raised in
// between; `b` may end with a raised mark.
bool mergeable(const Piece& a, const Piece& b) {
  return a.uri == b.uri && a.mark == b.mark && !decorated(a) && (b.mark > 0 || !b.superscript);
}

void append_piece(std::vector<Piece>& to, const Piece& p) {
  if (!to.empty() && mergeable(to.back(), p)) {
    to.back().text += p.text;
    copy_decorations(to.back(), p);
  } else {
    to.push_back(p);
  }
}

std::string word_text(const Word& w) {
  std::string s;
  for (const Piece& p : w) s += p.text;
  return s;
}

bool is_dash(const std::string& w) { return w == "\u2013" || w == "-" || w == "\u2014" || w == "\u2212"; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
// A word that starts like a number: "1.917", "19%", "-2,5", "−3", "+4".
bool is_number_word(const std::string& w) {
  if (w.empty()) return false;
  if (is_digit(w[0])) return true;
  if ((w[0] == '-' || w[0] == '+') && w.size() > 1) return is_digit(w[1]);
  const std::string minus = "\u2212";
  return w.size() > minus.size() && w.compare(0, minus.size(), minus) == 0 && is_digit(w[minus.size()]);
}

Join join_of(const std::string& before, const std::string& word) {
  if (is_dash(word)) return Join::glued;      // never a line starting with the dash of a range
  if (is_dash(before)) return Join::after_dash;
  if (before == "\u20AC") return Join::glued;  // € with its amount
  if (is_number_word(before) && !is_number_word(word)) return Join::unit;  // a number with its unit
  return Join::free;
}

// Splits rich text into paragraphs ('\n') of words (spaces). A piece with a mark and no spaces is one
// unbreakable unit, glued to whatever touches it without a space; one with spaces (a linked label)
// splits into words that each link, the raised marks after the last.
std::vector<Paragraph> tokenize(const std::vector<Piece>& text) {
  std::vector<std::vector<Word>> paragraphs(1);
  Word word;
  auto end_word = [&] {
    if (!word.empty()) paragraphs.back().push_back(std::move(word));
    word.clear();
  };
  for (const Piece& piece : text) {
    if (std::size_t at = utf8::first_invalid(piece.text); at != std::string::npos)
      decode_utf8(piece.text);  // throws, naming the place
    if (piece.mark > 0 && piece.text.find_first_of(" \t\n") == std::string::npos) {
      word.push_back(piece);
      continue;
    }
    Piece like = piece;
    like.text.clear();
    clear_decorations(like);
    // The raised marks go after the last non-space character.
    std::size_t last = piece.text.find_last_not_of(" \t\r\n");
    if (decorated(piece) && last == std::string::npos) {
      word.push_back(piece);  // only spaces: the marks alone
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
      if (i == last && decorated(piece)) copy_decorations(like, piece);
    }
    flush();
  }
  end_word();
  std::vector<Paragraph> out;
  for (auto& words : paragraphs) {
    Paragraph para;
    std::string before;
    for (Word& w : words) {
      std::string t = word_text(w);
      Join j = para.empty() ? Join::free : join_of(before, t);
      para.push_back({std::move(w), j});
      before = std::move(t);
    }
    out.push_back(std::move(para));
  }
  return out;
}

double word_width(const Word& w, const Measure& m) {
  double sum = 0;
  for (const Piece& p : w) sum += m.piece(p);
  return sum;
}

// Breaks a word wider than `width` between characters: each chunk holds at least one character,
// the raised marks stay with the last character of their piece.
// `first`: the room left on the current line for the first chunk (it may stay empty).
std::vector<Word> break_word(const Word& word, double width, const Measure& m, double first) {
  struct Atom {
    std::size_t piece;
    std::string bytes;
    double w;
    bool with_marks;
  };
  std::vector<Atom> atoms;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const Piece& p = word[i];
    std::size_t first = atoms.size();
    for (std::size_t b = 0; b < p.text.size();) {
      std::size_t n = std::max<std::size_t>(utf8::sequence_length(p.text, b), 1);  // valid text: never 0
      std::string bytes = p.text.substr(b, n);
      atoms.push_back({i, bytes, m.text(bytes), false});
      b += n;
    }
    if (decorated(p)) {
      if (atoms.size() == first) atoms.push_back({i, "", 0, false});
      atoms.back().w += m.after(p);
      atoms.back().with_marks = true;
    }
  }
  std::vector<std::vector<Atom>> chunks(1);
  double used = 0;
  for (Atom& a : atoms) {
    double limit = chunks.size() == 1 ? first : width;
    if ((!chunks.back().empty() || chunks.size() == 1) && used + a.w > limit + eps &&
        !(chunks.size() > 1 && chunks.back().empty())) {
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
        clear_decorations(p);
        w.push_back(p);
      }
      w.back().text += a.bytes;
      if (a.with_marks) copy_decorations(w.back(), word[a.piece]);
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
    x += f.width + m.after(p);
    line.fragments.push_back(std::move(f));
  }
  line.width = x;
  return line;
}

// Where a paragraph may break, from the strongest level down: 0 between runs that break freely,
// 1 also after the dash of a range; only for runs wider than a line: 2 also between a number and
// the word after it, 3 at every space.
constexpr int last_level = 3;
bool breaks_at(Join j, int level) {
  switch (level) {
    case 0: return j == Join::free;
    case 1: return j == Join::free || j == Join::after_dash;
    case 2: return j != Join::glued;
    default: return true;
  }
}

// The width of words [from, to) of a paragraph on one line.
double span_width(const Paragraph& para, std::size_t from, std::size_t to, const Measure& m) {
  double w = 0;
  for (std::size_t i = from; i < to; ++i) w += (i > from ? m.text(" ") : 0) + word_width(para[i].word, m);
  return w;
}

// The widest run of words [from, to) between breaks at `level`.
double widest_run(const Paragraph& para, int level, const Measure& m) {
  double widest = 0;
  for (std::size_t from = 0; from < para.size();) {
    std::size_t to = from + 1;
    while (to < para.size() && !breaks_at(para[to].join, level)) ++to;
    widest = std::max(widest, span_width(para, from, to, m));
    from = to;
  }
  return widest;
}

ContentWidths measure_content(const std::vector<Piece>& text, const Measure& m) {
  ContentWidths c;
  for (const Paragraph& para : tokenize(text)) {
    c.min = std::max(c.min, widest_run(para, 1, m));
    c.whole = std::max(c.whole, widest_run(para, 0, m));
    c.max = std::max(c.max, span_width(para, 0, para.size(), m));
  }
  return c;
}

// Fills lines greedily with the runs of a paragraph; a run wider than a line is placed by the runs
// of the next level inside it.
class Filler {
 public:
  Filler(const Measure& m, double width, std::vector<Line>& lines) : m_(m), width_(width), lines_(lines) {}

  void paragraph(const Paragraph& para) {
    place(para, 0, para.size(), 0);
    finish();
  }

 private:
  void place(const Paragraph& para, std::size_t from, std::size_t to, int level) {
    for (std::size_t a = from; a < to;) {
      std::size_t b = a + 1;
      while (b < to && !breaks_at(para[b].join, level)) ++b;
      double w = span_width(para, a, b, m_);
      if (!empty_ && used_ + m_.text(" ") + w <= width_ + eps) {
        add(para, a, b);
      } else if (w <= width_ + eps) {
        if (!empty_) finish();
        add(para, a, b);
      } else if (level < last_level) {
        place(para, a, b, level + 1);
      } else {
        // A word wider than a line: its first chunk fills the rest of this line.
        double room = empty_ ? width_ : width_ - used_ - m_.text(" ");
        std::vector<Word> chunks = break_word(para[a].word, width_, m_, room);
        for (std::size_t i = 0; i < chunks.size(); ++i) {
          if (!chunks[i].empty()) add_word(chunks[i]);
          if (i + 1 < chunks.size() && !empty_) finish();
        }
      }
      a = b;
    }
  }

  void add(const Paragraph& para, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) add_word(para[i].word);
  }

  void add_word(const Word& w) {
    if (!empty_) {
      // A space between two words of one link belongs to it (one fragment, one link per line).
      const Piece &before = current_.back(), &after = w.front();
      bool inside = before.mark == after.mark && before.uri == after.uri && !decorated(before);
      Piece space{" ", inside ? before.mark : 0, false, inside ? before.uri : std::string()};
      append_piece(current_, space);
      used_ += m_.text(" ");
    }
    for (const Piece& p : w) append_piece(current_, p);
    used_ += word_width(w, m_);
    empty_ = false;
  }

  void finish() {
    lines_.push_back(make_line(current_, m_));
    current_.clear();
    used_ = 0;
    empty_ = true;
  }

  const Measure& m_;
  double width_;
  std::vector<Line>& lines_;
  std::vector<Piece> current_;
  double used_ = 0;
  bool empty_ = true;
};

}  // namespace

ContentWidths content_widths(const std::vector<Piece>& text, Font font, double size, const FontMetrics& metrics,
                             const Typography& type) {
  return measure_content(text, Measure{metrics, type, font, size});
}

namespace {

// wrap for one piece of plain text (no mark, nothing raised; a web link is allowed), most of the
// report's paragraphs: the same lines as the Filler gives, from words measured once and kept as
// views, without a Piece per word. Returns false, having done nothing, when a word is wider than a
// line (the Filler then breaks it between characters).
bool wrap_plain_piece(const Piece& piece, const Measure& m, double width, std::vector<Line>& lines) {
  struct PlainWord {
    std::string text;  // without '\r'
    double width;
    Join join;
  };
  std::vector<std::vector<PlainWord>> paragraphs(1);
  std::string before;  // the previous word of the paragraph
  std::string word;
  auto end_word = [&] {
    if (word.empty()) return;
    auto& para = paragraphs.back();
    const Join j = para.empty() ? Join::free : join_of(before, word);
    const double w = m.text(word);
    para.push_back({word, w, j});
    before = std::move(word);
    word.clear();
  };
  for (char c : piece.text) {
    if (c == ' ' || c == '\t') {
      end_word();
    } else if (c == '\n') {
      end_word();
      paragraphs.emplace_back();
      before.clear();
    } else if (c != '\r') {
      word += c;
    }
  }
  end_word();
  for (const auto& para : paragraphs)
    for (const PlainWord& w : para)
      if (w.width > width + eps) return false;

  const double space = m.text(" ");
  for (const auto& para : paragraphs) {
    std::string current;
    double used = 0;
    bool empty = true;
    auto finish = [&] {
      Line line;
      if (!empty) {
        Piece p = piece;
        p.text = std::move(current);
        clear_decorations(p);
        LineFragment f;
        f.piece = std::move(p);
        f.width = m.text(f.piece.text);
        line.width = f.width + m.after(f.piece);
        line.fragments.push_back(std::move(f));
      }
      lines.push_back(std::move(line));
      current.clear();
      used = 0;
      empty = true;
    };
    auto add = [&](std::size_t from, std::size_t to) {
      for (std::size_t i = from; i < to; ++i) {
        if (!empty) {
          current += ' ';
          used += space;
        }
        current += para[i].text;
        used += para[i].width;
        empty = false;
      }
    };
    // The Filler's levels: a run too wide for the rest of the line goes to the next line whole, or,
    // wider than a line, is placed by the runs of the next level (no word is wider than a line).
    auto place = [&](auto&& self, std::size_t from, std::size_t to, int level) -> void {
      for (std::size_t a = from; a < to;) {
        std::size_t b = a + 1;
        while (b < to && !breaks_at(para[b].join, level)) ++b;
        double w = 0;
        for (std::size_t i = a; i < b; ++i) w += (i > a ? space : 0) + para[i].width;
        if (!empty && used + space + w <= width + eps) {
          add(a, b);
        } else if (w <= width + eps) {
          if (!empty) finish();
          add(a, b);
        } else {
          self(self, a, b, level + 1);  // level < last_level: at the last level a run is one word
        }
        a = b;
      }
    };
    place(place, 0, para.size(), 0);
    finish();
  }
  return true;
}

}  // namespace

std::vector<Line> wrap(const std::vector<Piece>& text, Font font, double size, double width, const FontMetrics& metrics,
                       const Typography& type) {
  Measure m{metrics, type, font, size};
  std::vector<Line> lines;
  if (text.size() == 1 && text[0].mark == 0 && !decorated(text[0])) {
    if (std::size_t at = utf8::first_invalid(text[0].text); at != std::string::npos) decode_utf8(text[0].text);
    if (wrap_plain_piece(text[0], m, width, lines)) return lines;
  }
  Filler fill(m, width, lines);
  for (const Paragraph& para : tokenize(text)) fill.paragraph(para);
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

void TextSetter::emit_line(Page& p, const Line& line, Font f, double size, double x0, double baseline,
                           double gray) const {
  double asc = ascent(f, size), desc = descent(f, size);
  const double raised_top = baseline + type_.mark_rise + ascent(Font::regular, type_.mark);
  bool chained = false;  // the previous fragment's text ends where this one starts
  for (const LineFragment& frag : line.fragments) {
    const Piece& piece = frag.piece;
    if (!piece.text.empty()) {
      TextBox box{piece.text, f, size, x0 + frag.x, baseline, gray};
      Measure m{metrics_, type_, f, size};
      box.tail = m.after(piece);
      box.follows = chained;
      p.texts.push_back(std::move(box));
      chained = true;
    } else if (decorated(piece)) {
      chained = false;  // marks without text: the next text starts after them
    }
    double right = x0 + frag.x + frag.width;
    double top = baseline + asc;
    // A raised mark, drawn as outlines; returns its right edge.
    auto raise = [&](const std::string& text, std::optional<Color> color, Font font = Font::regular, double sz = 0) {
      if (sz <= 0) sz = type_.mark;
      double mx = right + type_.mark_gap;
      TextBox box{text, font, sz, mx, baseline + type_.mark_rise, color ? 0 : gray};
      box.outline = true;
      box.color = color;
      p.texts.push_back(std::move(box));
      return mx + metrics_.width(text, font, sz);
    };
    if (piece.superscript && piece.mark > 0) {
      right = raise(std::to_string(piece.mark), std::nullopt);
      top = std::max(top, raised_top);
    }
    if (piece.mark > 0)
      p.links.push_back({Rect{x0 + frag.x, baseline - desc, right, top}, mark_anchor(piece.mark), piece.mark, {}});
    else if (!piece.uri.empty())
      p.links.push_back({Rect{x0 + frag.x, baseline - desc, right, top}, {}, 0, piece.uri});
    if (!piece.deviation.empty()) {
      double from = right;
      right = raise(deviation_glyph, type_.deviation, Font::bold, type_.deviation_mark);
      p.links.push_back({Rect{from, baseline - desc, right, raised_top}, piece.deviation, 0, {}});
    }
    if (piece.footnote > 0) right = raise(std::to_string(piece.footnote), std::nullopt);
  }
}

}  // namespace zorgcap::pdf
