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
      std::size_t n = std::max<std::size_t>(utf8::sequence_length(p.text, b), 1);  // valid text: never 0
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

ContentWidths measure_content(const std::vector<Piece>& text, const Measure& m) {
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

ContentWidths content_widths(const std::vector<Piece>& text, Font font, double size, const FontMetrics& metrics,
                             const Typography& type) {
  return measure_content(text, Measure{metrics, type, font, size});
}

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

void TextSetter::emit_line(Page& p, const Line& line, Font f, double size, double x0, double baseline,
                           double gray) const {
  double asc = ascent(f, size), desc = descent(f, size);
  for (const LineFragment& frag : line.fragments) {
    const Piece& piece = frag.piece;
    if (piece.text.find_first_not_of(' ') != std::string::npos)
      p.texts.push_back({piece.text, f, size, x0 + frag.x, baseline, gray});
    double right = x0 + frag.x + frag.width;
    double top = baseline + asc;
    if (piece.superscript && piece.mark > 0) {
      std::string m = std::to_string(piece.mark);
      double mx = right + type_.mark_gap;
      double my = baseline + type_.mark_rise;
      p.texts.push_back({m, Font::regular, type_.mark, mx, my});
      right = mx + metrics_.width(m, Font::regular, type_.mark);
      top = std::max(top, my + ascent(Font::regular, type_.mark));
    }
    if (piece.mark > 0)
      p.links.push_back({Rect{x0 + frag.x, baseline - desc, right, top}, mark_anchor(piece.mark), piece.mark, {}});
    else if (!piece.uri.empty())
      p.links.push_back({Rect{x0 + frag.x, baseline - desc, right, top}, {}, 0, piece.uri});
  }
}

}  // namespace zorgcap::pdf
