#pragma once
// Layout of report.pdf: a pure function from the Document to pages of positioned boxes. It knows
// nothing of libharu; text is measured through the small FontMetrics interface, so tests can lay out
// with fixed-width fake metrics and the painter (pdf_writer.cpp) only draws what is here.
//
// Coordinates are PDF points with the origin at the bottom-left corner of the page (y grows upwards),
// so the painter passes them through unchanged.
#include <optional>
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

  // Charts (case charts and tornados): each bar a row of its own, its label line above it.
  double chart_title = 10;      // bold, like table captions
  double chart_label = 8;       // what a bar stands for
  double chart_detail = 7;      // muted, after the label (a parameter's range)
  double chart_value = 7.5;     // the values at the bar's ends, and "midden: …" under the axis
  double chart_bar = 8;         // bar thickness
  double chart_label_gap = 1.5; // between a label and its bar
  double chart_row_gap = 5;     // below each bar
  double chart_value_gap = 3;   // between a bar's end and its value
  double chart_axis = 0.8;      // axis line width
  double chart_axis_clear = 1;  // the axis stops this far above and below text it would cross
  double chart_gap = 20;        // after a chart
  double muted_gray = 0.4;      // detail text
};

// A colour for fills, each channel in [0, 1].
struct Color {
  double r = 0, g = 0, b = 0;
};

// Colours, the same as the HTML stylesheet's.
struct Palette {
  Color range{0x4a / 255.0, 0x7f / 255.0, 0xb0 / 255.0};    // a case chart's bars (min–max)
  Color rising{0x4a / 255.0, 0x7f / 255.0, 0xb0 / 255.0};   // tornado: the outcome rises with the parameter
  Color falling{0xc8 / 255.0, 0x79 / 255.0, 0x4a / 255.0};  // tornado: the outcome falls
  Color erratum{1.0, 0xf8 / 255.0, 0xe6 / 255.0};           // Verantwoording rows with an inconsistency
};

struct LayoutOptions {
  PageGeometry page;
  Typography type;
  Palette colors;
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
  double gray = 0;  // text colour: 0 black (muted text is gray)
};

struct Rule {  // a straight line
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0;
};

struct Fill {  // a filled rectangle
  Rect rect;
  double gray = 1;
  std::optional<Color> color{};  // when set, this colour instead of `gray`
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
  int level = 0;       // 0: top level; 1: under the closest level-0 entry before it (a chart in its section)
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

// Lays out the whole report, in the order of report.html: title page (title, scenario, peildatum,
// inputs digest, contents), the tables (landscape pages for landscape tables), "Figuren per casus"
// (the case charts), "Onzekerheid (Monte Carlo)" (when the Document has it), "Gevoeligheid van de
// uitkomsten" (the tornados), the appendix "Verantwoording" (when the Document has it), the appendix
// "Herkomst van de getallen" and "Bronnen". Each part after the tables starts on a new page and has
// a bookmark; each chart has a bookmark under its part's and is kept whole on one page.
//
// A chart is drawn as vectors: per bar a label line (the label, then its detail in gray) and the bar
// below it, coloured by kind (range) or direction (tornado: rising or falling outcome), with its
// values at its ends; a vertical axis at 0 (range) or at the base value (tornado, "midden: …" under
// it), interrupted where it would cross text. Each bar and its values are one link to the appendix
// entry of the bar's quantity. The Monte Carlo and Verantwoording tables use the tables' layout
// (header repeated on every page); Verantwoording rows with an erratum are shaded.
//
// Throws std::runtime_error for text that is not valid UTF-8, for a table row that cannot fit on a
// page and for a chart taller than a page.
Layout layout_document(const Document& doc, const FontMetrics& metrics, const LayoutOptions& options = {});

// Anchor names.
std::string mark_anchor(int mark);                 // "herkomst-12": appendix entry 12
std::string table_anchor(const BuiltTable& table); // the table's id: "tabel-10"
inline const char* appendix_anchor = "herkomst";
inline const char* sources_anchor = "bronnen";
inline const char* figures_anchor = "figuren";               // "Figuren per casus"
inline const char* uncertainty_anchor = "onzekerheid";       // "Onzekerheid (Monte Carlo)"
inline const char* sensitivity_anchor = "gevoeligheid";      // "Gevoeligheid van de uitkomsten"
inline const char* reconciliation_anchor = "verantwoording"; // "Verantwoording"
std::string chart_anchor(const Chart& chart);  // the chart's id: "figuur-1", "tornado-huisarts.vs.netto_fte"

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
// always ends). A number and its superscript mark are never separated. A linked piece with spaces
// (a label linking to its appendix entry) breaks at them like plain text, its mark after its last
// word; on each line its words form one fragment (one link). An empty paragraph ("a\n\nb") gives an
// empty line.
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
