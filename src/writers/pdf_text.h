#pragma once
// Rich text for report.pdf: decoding, measuring, wrapping into lines, and setting lines on a page.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "writers/pdf_boxes.h"

namespace zorgcap::pdf {

// The code points of `text`; throws std::runtime_error naming the byte offset if it is not valid
// UTF-8 (overlong forms, surrogates and values above U+10FFFF are invalid).
std::u32string decode_utf8(std::string_view text);

// A piece of rich text: plain text, a number with its provenance mark, or a web address. Raised
// after its text, in this order: the provenance mark, the deviation mark, the footnote number. They
// are drawn as glyph outlines, not as text, so that copying or extracting the text gives exactly
// the printed words ("19%", never "19%1").
struct Piece {
  Piece() = default;
  Piece(std::string t, int m = 0, bool sup = false, std::string u = {})
      : text(std::move(t)), mark(m), superscript(sup), uri(std::move(u)) {}

  std::string text;
  int mark = 0;              // > 0: the text links to appendix entry `mark`
  bool superscript = false;  // show `mark` as a small raised number after the text
  std::string uri;           // the text links to this web address
  std::string deviation;     // not empty: a deviation mark after the text, linking to this anchor
  int footnote = 0;          // > 0: the report's footnote number, raised after the text
};

// The deviation mark: a number that differs from the one the report prints.
inline constexpr const char* deviation_glyph = "\u2260";  // ≠

// Whether something is raised after the piece's text.
inline bool decorated(const Piece& p) {
  return (p.superscript && p.mark > 0) || !p.deviation.empty() || p.footnote > 0;
}

// One laid-out line: fragments with their x offset from the line start.
struct LineFragment {
  Piece piece;
  double x = 0;
  double width = 0;  // the text's width, without the superscript mark
};
struct Line {
  std::vector<LineFragment> fragments;
  double width = 0;  // including superscript marks
};

// Wraps rich text into lines no wider than `width` (when possible): breaks at spaces, honours '\n',
// and breaks a word wider than `width` between characters (at least one character per line, so it
// always ends). A number and its superscript mark are never separated. Spaces differ in strength:
// none is a break before a dash, after "€" or between a number and the word after it (its unit);
// a space after a dash ("10.226 – 13.238 fte") breaks only when the whole range does not fit on a
// line (the range goes to the next line whole first); every other space breaks freely. Only a run
// wider than a line breaks between a number and the next word, then at its other spaces, then
// between characters; a word wider than a line starts on the current line. A linked piece with spaces
// (a label linking to its appendix entry) breaks at them like plain text, its mark after its last
// word; on each line its words form one fragment (one link). An empty paragraph ("a\n\nb") gives an
// empty line.
std::vector<Line> wrap(const std::vector<Piece>& text, Font font, double size, double width,
                       const FontMetrics& metrics, const Typography& type);

// Plain-text convenience: the lines' texts.
std::vector<std::string> wrap_plain(std::string_view text, Font font, double size, double width,
                                    const FontMetrics& metrics, const Typography& type = {});

// The widths of rich text set in `font` at `size`: its widest unbreakable run (a number with its mark
// and unit, "€ 572,89 miljoen"), its widest range kept whole, and its widest paragraph, unwrapped.
struct ContentWidths {
  double min = 0;    // the widest run without a break opportunity
  double whole = 0;  // the widest run without a free break (a range with its units on one line)
  double max = 0;    // the widest paragraph, unwrapped
};
ContentWidths content_widths(const std::vector<Piece>& text, Font font, double size, const FontMetrics& metrics,
                             const Typography& type);

// Sets text with one FontMetrics and Typography: measures lines, wraps text and draws lines.
class TextSetter {
 public:
  TextSetter(const FontMetrics& metrics, const Typography& type) : metrics_(metrics), type_(type) {}

  const FontMetrics& metrics() const { return metrics_; }
  const Typography& type() const { return type_; }
  double width(std::string_view text, Font f, double size) const { return metrics_.width(text, f, size); }
  double ascent(Font f, double size) const { return metrics_.ascent(f, size); }
  double descent(Font f, double size) const { return metrics_.descent(f, size); }
  double line_height(Font f, double size) const { return ascent(f, size) + descent(f, size) + type_.leading * size; }

  std::vector<Line> lines(const std::vector<Piece>& text, Font f, double size, double width) const {
    return wrap(text, f, size, width, metrics_, type_);
  }
  std::vector<Line> lines(const std::string& text, Font f, double size, double width) const {
    return lines(std::vector<Piece>{Piece{text, 0, false, {}}}, f, size, width);
  }

  // Draws one line on `p` with its baseline at `baseline`, starting at x0: its texts, superscript
  // marks (as outlines, see Piece), and links (to appendix entries, Verantwoording entries or web
  // addresses).
  void emit_line(Page& p, const Line& line, Font f, double size, double x0, double baseline, double gray = 0) const;

 private:
  const FontMetrics& metrics_;
  const Typography& type_;
};

}  // namespace zorgcap::pdf
