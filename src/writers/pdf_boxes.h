#pragma once
// The vocabulary of report.pdf's layout: fonts and their metrics, page geometry, typography, and the
// positioned boxes a laid-out page is made of. The layout (pdf_layout.h) knows nothing of libharu;
// text is measured through the small FontMetrics interface, so tests can lay out with fixed-width
// fake metrics and the painter (pdf_writer.cpp) only draws what is here.
//
// Coordinates are PDF points with the origin at the bottom-left corner of the page (y grows upwards),
// so the painter passes them through unchanged.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zorgcap::pdf {

// Lengths closer than this (in points) are equal: what fits within it fits.
inline constexpr double eps = 1e-6;

enum class Font { regular, bold };

// Measures text. Widths are additive (no kerning): width("ab") == width("a") + width("b"). The
// same text always measures the same (layout may measure it more than once, on more than one thread).
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

// A colour for fills, each channel in [0, 1].
struct Color {
  double r = 0, g = 0, b = 0;
};

struct Typography {
  double title = 18;
  double heading = 13;
  double caption = 10;     // table captions, bold
  double cell = 8.5;       // table cells; header rows are bold at the same size
  double mark = 5.5;       // superscript provenance marks after numbers
  double mark_rise = 3.2;  // mark baseline above the text baseline
  double mark_gap = 0.5;   // space between a number and its mark
  double deviation_mark = 7.5;  // the deviation mark (bold, after the provenance mark)
  Color deviation{0xc0 / 255.0, 0x20 / 255.0, 0x20 / 255.0};  // the mark of a number the report prints otherwise
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
  bool marks = true;  // provenance and deviation marks after numbers (false: the numbers only link)
  bool deviation_links = false;  // the Verantwoording entries exist (layout_document sets it)
  // Measure the Verantwoording on a second thread while the parts before it are laid out: only for
  // metrics whose width() may be called from two threads at once.
  bool second_thread = false;
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
  // Drawn as filled glyph outlines instead of text: visible, but never extracted or copied (the
  // superscript marks, which would otherwise glue to the number they follow).
  bool outline = false;
  std::optional<Color> color{};  // when set, this colour instead of `gray`
  // Room left after the last character (for raised marks): added to that character's advance, so
  // that text extraction sees no gap there and adds no space ("19%¹-39%" reads "19%-39%").
  double tail = 0;
  // Continues the text box before it (same line, starting where it ends): drawn without moving the
  // text position, so that extraction reads the line as one run.
  bool follows = false;
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

}  // namespace zorgcap::pdf
