// The PDF layout with fixed-width fake metrics: every character is half its size wide, so widths
// are easy to reason about (10 characters at 10 pt = 50 pt).
#include "writers/pdf_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <map>
#include <set>

namespace zorgcap::pdf {
namespace {

class FixedMetrics final : public FontMetrics {
 public:
  double width(std::string_view text, Font, double size) const override {
    return static_cast<double>(decode_utf8(text).size()) * size * 0.5;
  }
  double ascent(Font, double size) const override { return 0.8 * size; }
  double descent(Font, double size) const override { return 0.2 * size; }
};

const FixedMetrics metrics;
const Typography type;

BuiltCell cell(int row, int col, std::string text, int rowspan = 1, int colspan = 1) {
  BuiltCell c;
  c.row = row;
  c.col = col;
  c.rowspan = rowspan;
  c.colspan = colspan;
  c.text = text;
  c.runs.push_back(BuiltRun{text, false, {}});
  c.id = "r" + std::to_string(row) + "/c" + std::to_string(col);
  return c;
}
BuiltCell head(int row, int col, std::string text, int rowspan = 1, int colspan = 1) {
  BuiltCell c = cell(row, col, std::move(text), rowspan, colspan);
  c.header = true;
  return c;
}
BuiltRun lit(std::string text) { return BuiltRun{std::move(text), false, {}}; }
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

BuiltTable table(int number, std::vector<std::string> header, int rows, std::string row_text = "rij") {
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

// Owns what a Document points to.
struct Fixture {
  std::deque<Quantity> quantities;
  std::deque<Source> sources;
  Document doc;

  // Appendix entries for marks 1..n: odd marks are inputs, even marks are computed from the two below.
  void provenance(int n) {
    sources.push_back(Source{"bron", "Bron (2024)", "Een rapport", "https://example.org/rapport", {}});
    doc.sources.push_back(&sources.back());
    for (int m = 1; m <= n; ++m) {
      Quantity q;
      q.key = "q" + std::to_string(m);
      q.label = "Grootheid " + std::to_string(m);
      quantities.push_back(q);
      ProvenanceEntry e;
      e.mark = m;
      e.key = q.key;
      e.quantity = &quantities.back();
      e.value_text = std::to_string(m) + " fte";
      if (m % 2 == 1 || m < 3) {
        e.source = &sources.back();
      } else {
        e.formula_text = "som van twee";
        e.operand_marks = {m - 1, m - 2};
      }
      doc.provenance.push_back(e);
    }
  }
};

// All text of a page, in drawing order.
std::vector<std::string> texts(const Page& p) {
  std::vector<std::string> out;
  for (const TextBox& t : p.texts) out.push_back(t.text);
  return out;
}
bool has_text(const Page& p, const std::string& s) {
  return std::any_of(p.texts.begin(), p.texts.end(), [&](const TextBox& t) { return t.text == s; });
}
const TextBox* find_text(const Layout& l, const std::string& s, int* page = nullptr) {
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
// The page a text is on, after the title page (which lists the captions in its contents).
int page_of(const Layout& l, const std::string& s) {
  for (const Page& p : l.pages)
    if (p.number > 1 && on(p, s)) return p.number;
  return 0;
}

// --- wrapping

TEST(PdfLayout, WrapsAtSpacesWithinTheWidth) {
  // 5 pt per character at 10 pt: 40 pt holds 8 characters.
  EXPECT_EQ(wrap_plain("aaa bbb ccc", Font::regular, 10, 40, metrics),
            (std::vector<std::string>{"aaa bbb", "ccc"}));
  EXPECT_EQ(wrap_plain("aaa  bbb", Font::regular, 10, 1000, metrics), (std::vector<std::string>{"aaa bbb"}));
  EXPECT_EQ(wrap_plain("", Font::regular, 10, 40, metrics), (std::vector<std::string>{""}));
}

TEST(PdfLayout, HonoursLineBreaks) {
  EXPECT_EQ(wrap_plain("aa\nbb cc", Font::regular, 10, 1000, metrics), (std::vector<std::string>{"aa", "bb cc"}));
  EXPECT_EQ(wrap_plain("a\n\nb", Font::regular, 10, 1000, metrics), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(wrap_plain("eerste regel die lang is\ntwee", Font::regular, 10, 60, metrics),
            (std::vector<std::string>{"eerste regel", "die lang is", "twee"}));
}

TEST(PdfLayout, BreaksAnOverLongWordBetweenCharacters) {
  EXPECT_EQ(wrap_plain("abcdefghij kl", Font::regular, 10, 20, metrics),
            (std::vector<std::string>{"abcd", "efgh", "ij", "kl"}));
  // UTF-8 characters are never cut in half.
  EXPECT_EQ(wrap_plain("ëëëëë", Font::regular, 10, 10, metrics), (std::vector<std::string>{"ëë", "ëë", "ë"}));
  // Narrower than one character: one character per line, and it ends.
  EXPECT_EQ(wrap_plain("€–ë", Font::regular, 10, 1, metrics), (std::vector<std::string>{"€", "–", "ë"}));
  EXPECT_EQ(wrap_plain("abc", Font::regular, 10, 0, metrics).size(), 3u);
}

TEST(PdfLayout, NoBreakAtANonBreakingSpace) {
  EXPECT_EQ(wrap_plain("€\u00A0286 x", Font::regular, 10, 25, metrics), (std::vector<std::string>{"€\u00A0286", "x"}));
}

TEST(PdfLayout, KeepsANumberWithItsMark) {
  // "Totaal " + "1.917" with mark 12: the mark adds 0.5 + 2 × 5.5 × 0.5 = 6 pt after the number.
  std::vector<Piece> text{Piece{"Totaal ", 0, false, {}}, Piece{"1.917", 12, true, {}}, Piece{" fte", 0, false, {}}};
  auto lines = wrap(text, Font::regular, 10, 1000, metrics, type);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].fragments.size(), 3u);
  EXPECT_EQ(lines[0].fragments[1].piece.text, "1.917");
  EXPECT_DOUBLE_EQ(lines[0].fragments[1].x, 35);
  EXPECT_DOUBLE_EQ(lines[0].fragments[2].x, 35 + 25 + 6);
  EXPECT_DOUBLE_EQ(lines[0].width, 35 + 25 + 6 + 20);
  // Too narrow for "1.917" + mark: the number goes to the next line whole, with its mark.
  lines = wrap(text, Font::regular, 10, 50, metrics, type);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1].fragments.at(0).piece.text, "1.917");
  EXPECT_TRUE(lines[1].fragments.at(0).piece.superscript);
}

TEST(PdfLayout, RejectsInvalidUtf8) {
  EXPECT_EQ(decode_utf8("ë€a"), (std::u32string{U'ë', U'€', U'a'}));
  for (std::string bad : {"\xC3", "a\xC3(", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF"})
    EXPECT_THROW(decode_utf8(bad), std::runtime_error) << bad;
  Fixture f;
  f.doc.tables.push_back(table(1, {"A", "B"}, 1));
  f.doc.tables[0].body[0][1] = cell(0, 1, "kapot \xC3(");
  try {
    layout_document(f.doc, metrics);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("tabel-1 cell r0/c1: invalid UTF-8"), std::string::npos) << e.what();
  }
}

// --- column widths

TEST(PdfLayout, ColumnWidthsFitTheirContentAndFillTheWidth) {
  BuiltTable t = table(1, {"", "Aantal"}, 2);
  t.body[0][0] = cell(0, 0, "Een lange omschrijving van de rij die zeker moet worden afgebroken over regels");
  t.body[0][1] = cell(0, 1, "1.917");
  std::vector<double> w = column_widths(t, metrics, type, 300);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_NEAR(w[0] + w[1], 300, 1e-9);
  // The number column keeps at least its widest word ("Aantal", bold header, 6 × 4.25 pt + padding).
  EXPECT_GE(w[1], 6 * 4.25 + 2 * type.cell_pad_x - 1e-9);
  // The text column gets the rest: everything above the columns' narrowest widths goes to it.
  EXPECT_GT(w[0], 5 * w[1]);

  // Everything fits unwrapped: widths in proportion to the content.
  BuiltTable small = table(2, {"ab", "abcd"}, 0);
  w = column_widths(small, metrics, type, 300);
  EXPECT_NEAR(w[0] + w[1], 300, 1e-9);
  EXPECT_NEAR(w[1] / w[0], (4 * 4.25 + 6) / (2 * 4.25 + 6), 1e-9);

  // Not even the widest words fit: scaled down, and the cells' words are broken.
  BuiltTable wide = table(3, {"aaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbb"}, 1);
  w = column_widths(wide, metrics, type, 60);
  EXPECT_NEAR(w[0] + w[1], 60, 1e-9);
  EXPECT_NEAR(w[0], 30, 1e-9);
  Fixture f;
  f.doc.tables.push_back(wide);
  LayoutOptions narrow;
  narrow.page.width = 160;  // 60 pt between the margins
  Layout l = layout_document(f.doc, metrics, narrow);
  // 30 - 6 pt of padding holds 5 bold characters at 8.5 pt.
  const Page& p = l.pages[1];
  auto ts = texts(p);
  EXPECT_EQ(std::count(ts.begin(), ts.end(), "aaaaa"), 4);
  EXPECT_EQ(std::count(ts.begin(), ts.end(), "bbbbb"), 4);
}

TEST(PdfLayout, WrappedCellTextStaysInsideItsColumn) {
  Fixture f;
  BuiltTable t = table(1, {"Knelpunt", "Toelichting"}, 1);
  std::string long_text;
  for (int i = 0; i < 80; ++i) long_text += "woord" + std::to_string(i) + " ";
  t.body[0][1] = cell(0, 1, long_text + "\nLaatste regel.");
  f.doc.tables.push_back(t);
  Layout l = layout_document(f.doc, metrics);
  std::vector<double> w = column_widths(t, metrics, type, 595 - 100);
  double col1_left = 50 + w[0], col1_right = 50 + w[0] + w[1];
  int lines = 0;
  for (const TextBox& box : l.pages[1].texts)
    if (box.text.rfind("woord", 0) == 0 || box.text == "Laatste regel.") {
      ++lines;
      EXPECT_GE(box.x, col1_left + type.cell_pad_x - 1e-6);
      EXPECT_LE(box.x + metrics.width(box.text, box.font, box.size), col1_right - type.cell_pad_x + 1e-6) << box.text;
    }
  EXPECT_GT(lines, 3);
}

// --- pages

TEST(PdfLayout, RepeatsHeaderRowsOnEveryPageATableContinuesOn) {
  Fixture f;
  f.doc.tables.push_back(table(1, {"Kolom A", "Kolom B"}, 150));
  Layout l = layout_document(f.doc, metrics);
  // Page 1 holds the title; the table runs from page 2 over several pages.
  std::vector<int> table_pages;
  for (const Page& p : l.pages)
    if (std::any_of(p.texts.begin(), p.texts.end(), [](const TextBox& t) { return t.text.rfind("rij ", 0) == 0; }))
      table_pages.push_back(p.number);
  ASSERT_GE(table_pages.size(), 3u);
  for (int n : table_pages) {
    const Page& p = l.pages[n - 1];
    EXPECT_TRUE(has_text(p, "Kolom A")) << "page " << n;
    EXPECT_TRUE(has_text(p, "Kolom B")) << "page " << n;
    EXPECT_EQ(has_text(p, "Tabel 1 (vervolg)"), n != table_pages.front()) << "page " << n;
    // The header comes first, above every row.
    const TextBox* header = nullptr;
    for (const TextBox& t : p.texts)
      if (t.text == "Kolom A") header = &t;
    for (const TextBox& t : p.texts)
      if (t.text.rfind("rij ", 0) == 0) {
        EXPECT_LT(t.y, header->y);
      }
    // Nothing runs into the bottom margin.
    for (const TextBox& t : p.texts)
      if (t.text.rfind("pagina", 0) != 0) {
        EXPECT_GE(t.y, 56 - 1e-6) << t.text;
      }
  }
  // Every row exactly once.
  std::map<std::string, int> count;
  for (const Page& p : l.pages)
    for (const TextBox& t : p.texts) count[t.text]++;
  for (int r = 1; r <= 150; ++r) EXPECT_EQ(count["rij " + std::to_string(r)], 1) << r;
}

TEST(PdfLayout, NeverSplitsARow) {
  Fixture f;
  BuiltTable t = table(1, {"A", "B"}, 60);
  for (auto& row : t.body) row[1] = cell(row[1].row, 1, "een\ntwee\ndrie\nvier");
  f.doc.tables.push_back(t);
  Layout l = layout_document(f.doc, metrics);
  ASSERT_GT(l.pages.size(), 3u);
  // Each row's four lines are on one page, with its row header.
  for (const Page& p : l.pages) {
    auto ts = texts(p);
    auto n = [&](const char* s) { return std::count(ts.begin(), ts.end(), s); };
    EXPECT_EQ(n("een"), n("vier")) << "page " << p.number;
    EXPECT_EQ(n("een"), std::count_if(ts.begin(), ts.end(), [](const std::string& s) { return s.rfind("rij ", 0) == 0; }));
  }
}

TEST(PdfLayout, KeepsACaptionWithTheHeaderAndFirstRow) {
  // Whatever the space a first table leaves, the second table's caption is on the page of its header
  // and first row; for some lengths that means it moves to the next page although it would fit.
  bool moved = false;
  for (int rows = 1; rows <= 80; ++rows) {
    Fixture f;
    f.doc.tables.push_back(table(1, {"A", "B"}, rows, "eerste"));
    BuiltTable second = table(2, {"Kop C", "Kop D"}, 3, "tweede");
    second.body[0][1] = cell(0, 1, "a\nb\nc\nd\ne\nf");  // a tall first row
    f.doc.tables.push_back(second);
    Layout l = layout_document(f.doc, metrics);
    int caption = page_of(l, "Tabel 2. Voorbeeld");
    EXPECT_EQ(caption, page_of(l, "Kop C")) << rows;
    EXPECT_EQ(caption, page_of(l, "tweede 1")) << rows;
    if (caption != page_of(l, "eerste " + std::to_string(rows))) {
      const Page& before = l.pages[caption - 2];
      double lowest = 1e9;
      for (const TextBox& t : before.texts)
        if (t.text.rfind("pagina", 0) != 0) lowest = std::min(lowest, t.y);
      if (lowest - 56 > 40) moved = true;  // room for the caption was left behind
    }
  }
  EXPECT_TRUE(moved);
}

TEST(PdfLayout, RowTallerThanAPageIsAnError) {
  Fixture f;
  BuiltTable t = table(7, {"A", "B"}, 3);
  std::string tall;
  for (int i = 0; i < 200; ++i) tall += "regel " + std::to_string(i) + "\n";
  t.body[1][1] = cell(1, 1, tall);
  t.body[1][0].id = "t7/r1/c0";
  f.doc.tables.push_back(t);
  try {
    layout_document(f.doc, metrics);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("tabel-7"), std::string::npos) << what;
    EXPECT_NE(what.find("body row 2 (t7/r1/c0)"), std::string::npos) << what;
  }
}

TEST(PdfLayout, LaysOutColumnAndRowSpans) {
  Fixture f;
  BuiltTable t;
  t.number = 4;
  t.id = "tabel-4";
  t.caption = "Tabel 4. Spanners";
  t.columns = 3;
  t.header = {{head(0, 0, "", 2), head(0, 1, "Groep", 1, 2)}, {head(1, 1, "A"), head(1, 2, "B")}};
  t.body = {{cell(0, 0, "samen", 2), cell(0, 1, "1"), cell(0, 2, "2")}, {cell(1, 1, "3"), cell(1, 2, "4")}};
  f.doc.tables.push_back(t);
  Layout l = layout_document(f.doc, metrics);
  const Page& p = l.pages[1];
  // Header fills in cell order: "" (2 rows), "Groep" (2 columns), "A", "B".
  ASSERT_EQ(p.fills.size(), 4u);
  const Rect &corner = p.fills[0].rect, &group = p.fills[1].rect, &a = p.fills[2].rect, &b = p.fills[3].rect;
  EXPECT_DOUBLE_EQ(group.left, a.left);
  EXPECT_DOUBLE_EQ(group.right, b.right);
  EXPECT_DOUBLE_EQ(group.bottom, a.top);
  EXPECT_DOUBLE_EQ(corner.top, group.top);
  EXPECT_DOUBLE_EQ(corner.bottom, a.bottom);
  EXPECT_DOUBLE_EQ(corner.right, a.left);
  // "Groep" is centred over its two columns.
  const TextBox* g = find_text(l, "Groep");
  ASSERT_NE(g, nullptr);
  EXPECT_NEAR(g->x + metrics.width("Groep", Font::bold, g->size) / 2, (group.left + group.right) / 2, 1e-6);
  // The row-spanning body cell: rows "1" and "3" start below its top; its text is in the first row.
  const TextBox *samen = on(p, "samen"), *one = on(p, "1"), *three = on(p, "3");
  ASSERT_TRUE(samen && one && three);
  EXPECT_DOUBLE_EQ(samen->y, one->y);
  EXPECT_LT(three->y, one->y);
  // No rule crosses the spanning cells: no vertical rule between the "Groep" columns in the first
  // header row, no horizontal rule under "samen" between its two rows.
  double row_height = (0.8 + 0.2 + type.leading) * type.cell + 2 * type.cell_pad_y;
  double between = a.bottom - row_height;
  int vertical_rules = 0, rules_between = 0;
  for (const Rule& r : p.rules) {
    if (r.x1 == r.x2 && std::abs(r.x1 - a.right) < 1e-9) {
      ++vertical_rules;
      EXPECT_LE(std::max(r.y1, r.y2), a.top + 1e-9);
    }
    if (r.y1 == r.y2 && std::abs(r.y1 - between) < 1e-9) {
      ++rules_between;
      EXPECT_GE(std::min(r.x1, r.x2), corner.right - 1e-9);
    }
  }
  EXPECT_EQ(vertical_rules, 3);  // beside "A" and beside "1" and "3"
  EXPECT_EQ(rules_between, 2);   // under "1" and "2"
}

TEST(PdfLayout, KeepsRowsJoinedByARowspanOnOnePage) {
  Fixture f;
  BuiltTable t = table(1, {"A", "B"}, 120);
  // Rows 2k and 2k+1 share a first cell.
  for (int r = 0; r < 120; r += 2) {
    t.body[r][0] = cell(r, 0, "paar " + std::to_string(r), 2);
    t.body[r + 1].erase(t.body[r + 1].begin());
    t.body[r + 1][0] = cell(r + 1, 1, "tweede van " + std::to_string(r));
  }
  f.doc.tables.push_back(t);
  Layout l = layout_document(f.doc, metrics);
  ASSERT_GT(l.pages.size(), 3u);
  for (int r = 0; r < 120; r += 2)
    EXPECT_EQ(page_of(l, "paar " + std::to_string(r)), page_of(l, "tweede van " + std::to_string(r))) << r;
}

TEST(PdfLayout, EveryNumberRunGetsAMarkAndALinkToItsEntry) {
  Fixture f;
  f.provenance(4);
  BuiltTable t = table(1, {"", "Bereik"}, 2);
  t.body[0][1] = runs_cell(0, 1, {num("19%", 1), lit(" - "), num("38%", 2)});
  t.body[1][1] = runs_cell(1, 1, {lit("€ "), num("286,44", 3), lit(" miljoen")});
  f.doc.tables.push_back(t);
  Layout l = layout_document(f.doc, metrics);
  const Page& p = l.pages[1];
  std::vector<const Link*> links;
  for (const Link& link : p.links) links.push_back(&link);
  ASSERT_EQ(links.size(), 3u);
  std::vector<std::pair<std::string, int>> numbers{{"19%", 1}, {"38%", 2}, {"286,44", 3}};
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    const auto& [text, mark] = numbers[i];
    const Link& link = *links[i];
    EXPECT_EQ(link.mark, mark);
    EXPECT_EQ(link.target, mark_anchor(mark));
    const TextBox* n = on(p, text);
    const TextBox* m = on(p, std::to_string(mark));
    ASSERT_TRUE(n && m) << text;
    // The mark is small, raised, right after the number; the rectangle covers both.
    EXPECT_EQ(m->size, type.mark);
    EXPECT_NEAR(m->y, n->y + type.mark_rise, 1e-9);
    EXPECT_NEAR(m->x, n->x + metrics.width(text, n->font, n->size) + type.mark_gap, 1e-9);
    EXPECT_NEAR(link.rect.left, n->x, 1e-9);
    EXPECT_NEAR(link.rect.right, m->x + metrics.width(m->text, m->font, m->size), 1e-9);
    EXPECT_LE(link.rect.bottom, n->y);
    EXPECT_GE(link.rect.top, m->y + 0.8 * m->size - 1e-9);
  }
  // "€ 286,44 miljoen": the mark sits between the number and " miljoen".
  EXPECT_LT(on(p, "3")->x, on(p, " miljoen")->x);

  // Appendix: an anchor per entry; each computed entry links to its operands.
  std::set<std::string> anchors;
  int operand_links = 0;
  for (const Page& page : l.pages) {
    for (const Anchor& a : page.anchors) anchors.insert(a.name);
    if (page.number > 2)
      for (const Link& link : page.links) operand_links += link.mark > 0;
  }
  for (int m = 1; m <= 4; ++m) EXPECT_TRUE(anchors.count(mark_anchor(m))) << m;
  EXPECT_EQ(operand_links, 2);  // entry 4 = f(3, 2)
}

TEST(PdfLayout, AMarkGoesAfterThePercentSignOfItsNumber) {
  Fixture f;
  f.provenance(2);
  BuiltTable t = table(1, {"", "Bereik"}, 1);
  t.body[0][1] = runs_cell(0, 1, {num("19", 1), lit("% - "), num("38", 2), lit("%")});
  f.doc.tables.push_back(t);
  Layout l = layout_document(f.doc, metrics);
  const Page& p = l.pages[1];
  const TextBox *low = on(p, "19%"), *high = on(p, "38%"), *mark = on(p, "1");
  ASSERT_TRUE(low && high && mark) << ::testing::PrintToString(texts(p));
  EXPECT_NEAR(mark->x, low->x + metrics.width("19%", low->font, low->size) + type.mark_gap, 1e-9);
  EXPECT_NE(on(p, " - "), nullptr);
  EXPECT_NEAR(p.links.at(0).rect.left, low->x, 1e-9);
  EXPECT_NEAR(p.links.at(1).rect.left, high->x, 1e-9);
}

TEST(PdfLayout, NumbersPagesAndBookmarksTablesAndAppendix) {
  Fixture f;
  f.provenance(3);
  f.doc.tables.push_back(table(1, {"A", "B"}, 100));
  BuiltTable wide = table(2, {"A", "B", "C"}, 3);
  wide.landscape = true;
  f.doc.tables.push_back(wide);
  f.doc.tables.push_back(table(3, {"A", "B"}, 2));
  Layout l = layout_document(f.doc, metrics);
  for (const Page& p : l.pages) {
    const TextBox* footer = nullptr;
    for (const TextBox& t : p.texts)
      if (t.text == "pagina " + std::to_string(p.number)) footer = &t;
    ASSERT_NE(footer, nullptr) << p.number;
    EXPECT_DOUBLE_EQ(footer->y, 30);
  }
  // The landscape table has its own landscape page; the next table goes back to portrait.
  int landscape = page_of(l, "Tabel 2. Voorbeeld");
  EXPECT_EQ(l.pages[landscape - 1].width, 842);
  EXPECT_EQ(l.pages[landscape - 1].height, 595);
  int next = page_of(l, "Tabel 3. Voorbeeld");
  EXPECT_EQ(next, landscape + 1);
  EXPECT_EQ(l.pages[next - 1].width, 595);

  std::vector<std::string> titles;
  for (const Bookmark& b : l.bookmarks) titles.push_back(b.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"Tabel 1. Voorbeeld", "Tabel 2. Voorbeeld", "Tabel 3. Voorbeeld",
                                               "Herkomst van de getallen", "Bronnen"}));
  // The contents on page 1 give each table's page, and link to it.
  const Page& first = l.pages[0];
  EXPECT_TRUE(has_text(first, "Inhoud"));
  EXPECT_TRUE(has_text(first, std::to_string(landscape)));
  EXPECT_EQ(first.links.size(), 5u);
  for (const Link& link : first.links) EXPECT_FALSE(link.target.empty());
}

TEST(PdfLayout, TitlePageAndAppendixShowTheirFacts) {
  Fixture f;
  f.doc.title = "Zorgcapaciteit";
  f.doc.scenario = "baseline";
  f.doc.peildatum = "2025-01-01";
  f.doc.inputs_digest = std::string(64, 'a');
  f.provenance(4);
  f.doc.tables.push_back(table(1, {"A", "B"}, 1));
  Layout l = layout_document(f.doc, metrics);
  EXPECT_TRUE(has_text(l.pages[0], "Zorgcapaciteit"));
  EXPECT_TRUE(has_text(l.pages[0], "Scenario: baseline"));
  EXPECT_TRUE(has_text(l.pages[0], "Peildatum: 2025-01-01"));
  EXPECT_TRUE(has_text(l.pages[0], "Invoer (sha256): " + std::string(64, 'a')));
  EXPECT_NE(find_text(l, "Herkomst van de getallen"), nullptr);
  EXPECT_NE(find_text(l, "Grootheid 4"), nullptr);
  EXPECT_NE(find_text(l, "Berekening: som van twee"), nullptr);
  EXPECT_NE(find_text(l, "Bron: Bron (2024)"), nullptr);
  EXPECT_NE(find_text(l, "Een rapport"), nullptr);
  int web_links = 0;
  for (const Page& p : l.pages)
    for (const Link& link : p.links) web_links += link.uri == "https://example.org/rapport";
  EXPECT_EQ(web_links, 3 + 1);  // inputs 1, 2, 3 in the appendix, and the source in "Bronnen"
}

}  // namespace
}  // namespace zorgcap::pdf
