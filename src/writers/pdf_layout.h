#pragma once
// Layout of report.pdf: a pure function from the Document to pages of positioned boxes. It knows
// nothing of libharu; text is measured through the small FontMetrics interface, so tests can lay out
// with fixed-width fake metrics and the painter (pdf_writer.cpp) only draws what is here.
//
// Coordinates are PDF points with the origin at the bottom-left corner of the page (y grows upwards),
// so the painter passes them through unchanged.
#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"

namespace zorgcap::pdf {

enum class Font { regular, bold };

// Measures text. Widths are additive (no kerning): width("ab") == width("a") + width("b").
class FontMetrics {
 public:
  virtual ~FontMetrics() = default;
  // Width in points of valid UTF-8 `text` (no line breaks) set in `font` at `size` points.
  virtual double width(std::string_view text, Font font, double size) const = 0;
  // Distance from the baseline up to the top of the tallest glyph, in points (> 0).
  virtual double ascent(Font font, double size) const = 0;
  // Distance from the baseline down to the bottom of the lowest glyph, in points (> 0).
  virtual double descent(Font font, double size) const = 0;
};

// A4; landscape pages swap width and height.
struct PageGeometry {
  double width = 595;
  double height = 842;
  double margin_top = 50;
  double margin_bottom = 56;
  double margin_left = 50;
  double margin_right = 50;
  double footer_baseline = 30;  // baseline of the page number, from the bottom edge
};

struct Typography {
  double title = 18;
  double heading = 13;
  double caption = 10;     // table captions, bold
  double cell = 8.5;       // table cells; header rows are bold at the same size
  double mark = 5.5;       // superscript provenance marks after numbers
  double mark_rise = 3.2;  // mark baseline above the text baseline
  double mark_gap = 0.5;   // space between a number and its mark
  double body = 9;         // title page, appendix
  double small = 8;        // table notes, keys in the appendix
  double footer = 8;
  double leading = 0.18;   // extra space between lines, as a fraction of the size
  double cell_pad_x = 3;
  double cell_pad_y = 2.5;
  double rule = 0.5;            // table rules
  double header_gray = 0.88;    // header row background (0 black, 1 white)
  double caption_gap = 5;       // between a caption and its table
  double table_gap = 22;        // after a table
  double min_column = 14;       // narrowest column, padding included
};

struct LayoutOptions {
  PageGeometry page;
  Typography type;
  bool table_of_contents = true;
};

struct Rect {
  double left = 0, bottom = 0, right = 0, top = 0;
};

// One line of text in one font and size; (x, y) is the start of its baseline.
struct TextBox {
  std::string text;  // valid UTF-8, no line breaks
  Font font = Font::regular;
  double size = 0;
  double x = 0, y = 0;
};

struct Rule {  // a straight line
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0;
};

struct Fill {  // a filled rectangle
  Rect rect;
  double gray = 1;
};

// A clickable rectangle: to an anchor in this document, or to a web address.
struct Link {
  Rect rect;
  std::string target;  // anchor name (see mark_anchor, table_anchor) or "" for a web link
  int mark = 0;        // the provenance mark when target is mark_anchor(mark), else 0
  std::string uri;     // web address for an external link
};

// A place a link or bookmark can jump to: the top edge of something on this page.
struct Anchor {
  std::string name;
  double top = 0;
};

struct Bookmark {  // one entry of the PDF outline, in document order
  std::string title;
  std::string anchor;  // where it jumps to
};

struct Page {
  double width = 0, height = 0;
  int number = 0;  // 1-based, as printed in the footer
  std::vector<Fill> fills;
  std::vector<Rule> rules;
  std::vector<TextBox> texts;
  std::vector<Link> links;
  std::vector<Anchor> anchors;
};

struct Layout {
  std::vector<Page> pages;
  std::vector<Bookmark> bookmarks;
};

// Lays out the whole report: title page (title, scenario, peildatum, inputs digest, contents), the
// tables (landscape pages for landscape tables), the appendix "Herkomst van de getallen" and
// "Bronnen". Throws std::runtime_error for text that is not valid UTF-8 and for a table row that
// cannot fit on a page.
Layout layout_document(const Document& doc, const FontMetrics& metrics, const LayoutOptions& options = {});

// Anchor names.
std::string mark_anchor(int mark);                 // "herkomst-12": appendix entry 12
std::string table_anchor(const BuiltTable& table); // the table's id: "tabel-10"
inline const char* appendix_anchor = "herkomst";
inline const char* sources_anchor = "bronnen";

// --- building blocks, exposed for tests ---

// The code points of `text`; throws std::runtime_error naming the byte offset if it is not valid
// UTF-8 (overlong forms, surrogates and values above U+10FFFF are invalid).
std::u32string decode_utf8(std::string_view text);

// A piece of rich text: plain text, a number with its provenance mark, or a web address.
struct Piece {
  std::string text;
  int mark = 0;              // > 0: the text links to appendix entry `mark`
  bool superscript = false;  // show `mark` as a small raised number after the text
  std::string uri;           // the text links to this web address
};

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
// always ends). A number and its superscript mark are never separated. An empty paragraph ("a\n\nb")
// gives an empty line.
std::vector<Line> wrap(const std::vector<Piece>& text, Font font, double size, double width,
                       const FontMetrics& metrics, const Typography& type);

// Plain-text convenience: the lines' texts.
std::vector<std::string> wrap_plain(std::string_view text, Font font, double size, double width,
                                    const FontMetrics& metrics, const Typography& type = {});

// Column widths (padding included) summing to `available`, derived from the cells' content: see
// pdf_layout.cpp for the algorithm.
std::vector<double> column_widths(const BuiltTable& table, const FontMetrics& metrics, const Typography& type,
                                  double available);

}  // namespace zorgcap::pdf
