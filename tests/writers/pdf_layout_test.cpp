// The PDF layout with fixed-width fake metrics: every character is half its size wide, so widths
// are easy to reason about (10 characters at 10 pt = 50 pt).
#include "writers/pdf_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
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

// --- linked labels

TEST(PdfLayout, ALinkedLabelWrapsLikeTextWithItsMarkAfterItsLastWord) {
  // "aaa bbb ccc" linking to entry 7; the mark adds 0.5 + 2.75 pt after "ccc".
  std::vector<Piece> text{Piece{"aaa bbb ccc", 7, true, {}}};
  auto lines = wrap(text, Font::regular, 10, 40, metrics, type);
  ASSERT_EQ(lines.size(), 2u);
  ASSERT_EQ(lines[0].fragments.size(), 1u);  // one fragment per line: one link per line
  EXPECT_EQ(lines[0].fragments[0].piece.text, "aaa bbb");
  EXPECT_EQ(lines[0].fragments[0].piece.mark, 7);
  EXPECT_FALSE(lines[0].fragments[0].piece.superscript);
  ASSERT_EQ(lines[1].fragments.size(), 1u);
  EXPECT_EQ(lines[1].fragments[0].piece.text, "ccc");
  EXPECT_TRUE(lines[1].fragments[0].piece.superscript);
  EXPECT_DOUBLE_EQ(lines[1].width, 15 + 0.5 + 2.75);

  lines = wrap(text, Font::regular, 10, 1000, metrics, type);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].fragments.size(), 1u);
  EXPECT_EQ(lines[0].fragments[0].piece.text, "aaa bbb ccc");
  EXPECT_TRUE(lines[0].fragments[0].piece.superscript);
}

// --- charts, Monte Carlo, Verantwoording

std::string value_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}
ChartBar bar(std::string label, int mark, double from, double to, std::string detail = "") {
  ChartBar b;
  b.label = std::move(label);
  b.detail = std::move(detail);
  b.key = "q" + std::to_string(mark);
  b.mark = mark;
  b.from = from;
  b.to = to;
  b.from_text = value_text(from);
  b.to_text = value_text(to);
  return b;
}
Chart chart(Chart::Kind kind, std::string id, std::string title, std::vector<ChartBar> bars, double base = 0) {
  Chart c;
  c.kind = kind;
  c.id = std::move(id);
  c.title = std::move(title);
  c.bars = std::move(bars);
  c.base = base;
  c.base_text = value_text(base);
  return c;
}
bool same(const std::optional<Color>& a, const Color& b) {
  return a && a->r == b.r && a->g == b.g && a->b == b.b;
}
std::vector<const Fill*> bars_of(const Page& p) {
  std::vector<const Fill*> out;
  for (const Fill& f : p.fills)
    if (f.color) out.push_back(&f);
  return out;
}
std::vector<const Rule*> axis_of(const Page& p) {
  std::vector<const Rule*> out;
  for (const Rule& r : p.rules)
    if (r.width == type.chart_axis) out.push_back(&r);
  return out;
}
double right_of(const TextBox& t) { return t.x + metrics.width(t.text, t.font, t.size); }

TEST(PdfLayout, NeverSplitsAChart) {
  Fixture f;
  f.provenance(8);
  f.doc.tables.push_back(table(1, {"A", "B"}, 3));
  for (int c = 0; c < 25; ++c) {
    std::vector<ChartBar> bars;
    for (int k = 0; k <= c % 8; ++k)
      bars.push_back(bar("u" + std::to_string(c) + " balk " + std::to_string(k), k + 1, 40 - k, 60 + k, "1 – 2"));
    Chart ch = chart(Chart::Kind::tornado, "tornado-" + std::to_string(c), "Uitkomst " + std::to_string(c), bars, 50);
    ch.note = "Dezelfde toelichting.";
    f.doc.tornados.push_back(ch);
  }
  Layout l = layout_document(f.doc, metrics);
  std::set<int> pages;
  for (int c = 0; c < 25; ++c) {
    int title = page_of(l, "Uitkomst " + std::to_string(c));
    ASSERT_GT(title, 0) << c;
    pages.insert(title);
    for (int k = 0; k <= c % 8; ++k)
      EXPECT_EQ(page_of(l, "u" + std::to_string(c) + " balk " + std::to_string(k)), title) << c << "/" << k;
  }
  EXPECT_GE(pages.size(), 4u);
  for (const Page& p : l.pages) {
    for (const TextBox& t : p.texts)
      if (t.text.rfind("pagina", 0) != 0) {
        EXPECT_GE(t.y, 56 - 1e-6) << t.text;
      }
    for (const Fill* b : bars_of(p)) EXPECT_GE(b->rect.bottom, 56 - 1e-6);
  }
  // A note every chart shares is said once, under the heading.
  int notes = 0;
  for (const Page& p : l.pages) notes += has_text(p, "Dezelfde toelichting.");
  EXPECT_EQ(notes, 1);
  // Each chart has a bookmark under "Gevoeligheid van de uitkomsten".
  int under = 0;
  for (const Bookmark& b : l.bookmarks) under += b.level == 1 && b.anchor.rfind("tornado-", 0) == 0;
  EXPECT_EQ(under, 25);

  // A chart taller than a page is an error, not a split.
  std::vector<ChartBar> many;
  for (int k = 0; k < 120; ++k) many.push_back(bar("balk " + std::to_string(k), 1, 1, 2));
  f.doc.tornados = {chart(Chart::Kind::tornado, "tornado-groot", "Groot", many, 1.5)};
  try {
    layout_document(f.doc, metrics);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("tornado-groot"), std::string::npos) << what;
    EXPECT_NE(what.find("never split"), std::string::npos) << what;
  }
}

TEST(PdfLayout, ChartBarsLinkToTheEntriesOfTheirQuantities) {
  Fixture f;
  f.provenance(5);
  f.doc.tornados.push_back(chart(Chart::Kind::tornado, "tornado-x", "Uitkomst",
                                 {bar("Eerste", 3, 10, 30), bar("Tweede", 5, 25, 15), bar("Derde", 1, 18, 22)}, 20));
  Layout l = layout_document(f.doc, metrics);
  int n = page_of(l, "Eerste");
  ASSERT_GT(n, 0);
  const Page& p = l.pages[n - 1];
  std::vector<const Fill*> bars = bars_of(p);
  std::vector<const Link*> links;
  for (const Link& link : p.links)
    if (link.mark > 0) links.push_back(&link);
  ASSERT_EQ(bars.size(), 3u);
  ASSERT_EQ(links.size(), 3u);
  const std::vector<int> marks{3, 5, 1};
  const std::vector<std::pair<std::string, std::string>> values{{"10", "30"}, {"15", "25"}, {"18", "22"}};
  for (std::size_t i = 0; i < 3; ++i) {
    const Link& link = *links[i];
    EXPECT_EQ(link.mark, marks[i]);
    EXPECT_EQ(link.target, mark_anchor(marks[i]));
    // The link covers the bar and both its values.
    const Rect& bar_rect = bars[i]->rect;
    EXPECT_LE(link.rect.left, bar_rect.left);
    EXPECT_GE(link.rect.right, bar_rect.right);
    EXPECT_LE(link.rect.bottom, bar_rect.bottom);
    EXPECT_GE(link.rect.top, bar_rect.top);
    for (const std::string& v : {values[i].first, values[i].second}) {
      const TextBox* t = on(p, v);
      ASSERT_NE(t, nullptr) << v;
      EXPECT_GE(t->x, link.rect.left - 1e-9) << v;
      EXPECT_LE(right_of(*t), link.rect.right + 1e-9) << v;
      EXPECT_GT(t->y, link.rect.bottom) << v;
      EXPECT_LT(t->y, link.rect.top) << v;
    }
    // The lower value left of the bar, the higher one right of it.
    EXPECT_LT(right_of(*on(p, values[i].first)), bar_rect.left);
    EXPECT_GT(on(p, values[i].second)->x, bar_rect.right);
  }
  // The targets exist: the appendix has an anchor per entry.
  std::set<std::string> anchors;
  for (const Page& page : l.pages)
    for (const Anchor& a : page.anchors) anchors.insert(a.name);
  for (int m : marks) EXPECT_TRUE(anchors.count(mark_anchor(m))) << m;
}

TEST(PdfLayout, TornadoAxisStandsAtTheBaseAndBarsShowTheirDirection) {
  Fixture f;
  f.provenance(3);
  Chart c = chart(Chart::Kind::tornado, "tornado-x", "Uitkomst",
                  {bar("Eerste", 1, 10, 30), bar("Tweede", 2, 25, 15), bar("Derde", 3, 18, 22)}, 20);
  c.unit = "fte";
  c.group = "Casus 1a";
  f.doc.tornados.push_back(c);
  Layout l = layout_document(f.doc, metrics);
  const TextBox* title = find_text(l, "Casus 1a: Uitkomst (fte)");
  ASSERT_NE(title, nullptr);
  const Page& p = l.pages[page_of(l, "Eerste") - 1];
  std::vector<const Fill*> bars = bars_of(p);
  ASSERT_EQ(bars.size(), 3u);
  // The first bar spans the whole scale (10 to 30), so the base, 20, is at its middle.
  double axis_x = (bars[0]->rect.left + bars[0]->rect.right) / 2;
  std::vector<const Rule*> axis = axis_of(p);
  ASSERT_FALSE(axis.empty());
  for (const Rule* r : axis) {
    EXPECT_NEAR(r->x1, axis_x, 1e-9);
    EXPECT_NEAR(r->x2, axis_x, 1e-9);
  }
  // It runs from the first bar to the last.
  double top = -1e9, bottom = 1e9;
  for (const Rule* r : axis) top = std::max({top, r->y1, r->y2}), bottom = std::min({bottom, r->y1, r->y2});
  EXPECT_GE(top, bars[0]->rect.top);
  EXPECT_LE(bottom, bars[2]->rect.bottom);
  // Bars are placed by value: 25 → 15 spans a quarter of the scale on each side of the base.
  double unit = (bars[0]->rect.right - bars[0]->rect.left) / 20;
  EXPECT_NEAR(bars[1]->rect.left, axis_x - 5 * unit, 1e-9);
  EXPECT_NEAR(bars[1]->rect.right, axis_x + 5 * unit, 1e-9);
  // Rising outcomes in one colour, falling ones in another.
  const Palette palette;
  EXPECT_TRUE(same(bars[0]->color, palette.rising));
  EXPECT_TRUE(same(bars[1]->color, palette.falling));
  EXPECT_TRUE(same(bars[2]->color, palette.rising));
  // "midden: 20 fte" under the axis, centred on it.
  const TextBox* base = on(p, "midden: 20 fte");
  ASSERT_NE(base, nullptr);
  EXPECT_NEAR((base->x + right_of(*base)) / 2, axis_x, 1e-9);
  EXPECT_LT(base->y, bottom);
}

TEST(PdfLayout, RangeChartAxisStandsAtZeroWithTheLabelsRightOfIt) {
  Fixture f;
  f.provenance(2);
  f.doc.case_charts.push_back(chart(Chart::Kind::range, "figuur-1", "Casus 1a: capaciteit (fte)",
                                    {bar("Van nul", 1, 0, 40), bar("Verder", 2, 10, 20)}));
  Layout l = layout_document(f.doc, metrics);
  const Page& p = l.pages[page_of(l, "Van nul") - 1];
  std::vector<const Fill*> bars = bars_of(p);
  ASSERT_EQ(bars.size(), 2u);
  const Palette palette;
  EXPECT_TRUE(same(bars[0]->color, palette.range));
  EXPECT_TRUE(same(bars[1]->color, palette.range));
  double axis_x = bars[0]->rect.left;  // the first bar starts at 0
  std::vector<const Rule*> axis = axis_of(p);
  ASSERT_EQ(axis.size(), 1u);  // unbroken: no text crosses it
  EXPECT_NEAR(axis[0]->x1, axis_x, 1e-9);
  EXPECT_GT(on(p, "Van nul")->x, axis_x);
  EXPECT_GT(on(p, "Verder")->x, axis_x);
  EXPECT_EQ(on(p, "midden: 0"), nullptr);  // only tornados name their base
  EXPECT_TRUE(has_text(p, "Figuren per casus"));
}

TEST(PdfLayout, NeitherTheAxisNorAValueCrossesText) {
  Fixture f;
  f.provenance(4);
  Chart c = chart(Chart::Kind::tornado, "tornado-x", "Uitkomst",
                  {bar("Net rechts", 2, 100.5, 101),                        // its low value would cross the axis
                   bar(std::string(90, 'x'), 1, 50, 150, "een detail"),  // a label running across the axis
                   bar("Net links", 3, 99, 99.5),                           // its high value would cross the axis
                   bar("Een waarde", 4, 120, 120)},
                  100);
  f.doc.tornados.push_back(c);
  Layout l = layout_document(f.doc, metrics);
  const Page& p = l.pages[page_of(l, "Net rechts") - 1];
  std::vector<const Rule*> axis = axis_of(p);
  ASSERT_GE(axis.size(), 2u);  // interrupted by the long label
  double axis_x = axis[0]->x1;
  int crossing = 0;
  for (const TextBox& t : p.texts) {
    if (t.text.rfind("pagina", 0) == 0) continue;
    // Every text within the margins.
    EXPECT_GE(t.x, 50 - 1e-9) << t.text;
    EXPECT_LE(right_of(t), 595 - 50 + 1e-9) << t.text;
    if (t.x > axis_x || right_of(t) < axis_x) continue;
    ++crossing;
    double bottom = t.y - metrics.descent(t.font, t.size), top = t.y + metrics.ascent(t.font, t.size);
    for (const Rule* r : axis)
      EXPECT_TRUE(std::max(r->y1, r->y2) <= bottom || std::min(r->y1, r->y2) >= top) << t.text;
  }
  EXPECT_GE(crossing, 2);  // the long label and "midden: 100"
  // Values that would cross the axis join the other value on the far side.
  const TextBox* right = on(p, "100.5 – 101");
  const TextBox* left = on(p, "99 – 99.5");
  ASSERT_TRUE(right && left) << ::testing::PrintToString(texts(p));
  EXPECT_GT(right->x, axis_x);
  EXPECT_LT(right_of(*left), axis_x);
  // A bar of one value shows it once.
  auto ts = texts(p);
  EXPECT_EQ(std::count(ts.begin(), ts.end(), "120"), 1);
}

ReconciliationSummary reconciliation(int rows) {
  ReconciliationSummary s;
  for (int r = 0; r < rows; ++r) {
    ReconciliationRow row;
    row.id = "t1.rij" + std::to_string(r);
    row.where = "Tabel 1";
    row.printed = std::to_string(r) + ",0";
    row.computed = std::to_string(r) + ",0";
    row.mark = r % 5;  // 0: no entry
    if (r % 7 == 3) {
      row.status = "inconsistentie in het rapport";
      row.erratum = "I1";
      row.explanation = "Het rapport rekent hier met een afgerond tussenresultaat.";
      ++s.explained;
    } else {
      row.status = "gereproduceerd";
      ++s.reproduced;
    }
    s.rows.push_back(row);
  }
  s.total = rows;
  return s;
}

TEST(PdfLayout, VerantwoordingRepeatsItsHeaderOnEveryPageAndShadesErrata) {
  Fixture f;
  f.provenance(4);
  f.doc.tables.push_back(table(1, {"A", "B"}, 2));
  f.doc.reconciliation = reconciliation(300);
  Layout l = layout_document(f.doc, metrics);
  std::vector<int> pages;
  for (const Page& p : l.pages)
    if (std::any_of(p.texts.begin(), p.texts.end(), [](const TextBox& t) { return t.text.rfind("Tabel 1 t1.rij", 0) == 0; }))
      pages.push_back(p.number);
  ASSERT_GE(pages.size(), 3u);
  const Palette palette;
  int shaded = 0, links = 0;
  for (int n : pages) {
    const Page& p = l.pages[n - 1];
    EXPECT_EQ(p.width, 842) << "landscape, page " << n;
    for (const char* h : {"Plaats", "Rapport", "zorgcap", "Status", "Toelichting"}) EXPECT_TRUE(has_text(p, h)) << h << " " << n;
    EXPECT_EQ(has_text(p, "Verantwoording (vervolg)"), n != pages.front()) << n;
    const TextBox* header = on(p, "Plaats");
    for (const TextBox& t : p.texts)
      if (t.text.rfind("Tabel 1 t1.rij", 0) == 0) {
        EXPECT_LT(t.y, header->y);
      }
    for (const Fill& fill : p.fills) shaded += same(fill.color, palette.erratum);
    for (const Link& link : p.links)
      if (link.mark > 0) {
        ++links;
        EXPECT_EQ(link.target, mark_anchor(link.mark));
      }
  }
  const Page& first = l.pages[pages.front() - 1];
  EXPECT_TRUE(has_text(first, "Verantwoording"));
  EXPECT_NE(on(first, "Gereproduceerd: 257 van 300; verklaarde afwijkingen (inconsistenties in het rapport): 43; "
                     "onverklaard: 0; niet gekoppeld: 0."),
            nullptr)
      << ::testing::PrintToString(texts(first));
  // Every row exactly once; the rows with an erratum shaded (5 cells each); a link per value with an entry.
  std::map<std::string, int> count;
  for (const Page& p : l.pages)
    for (const TextBox& t : p.texts) count[t.text]++;
  for (int r = 0; r < 300; ++r) EXPECT_EQ(count["Tabel 1 t1.rij" + std::to_string(r)], 1) << r;
  EXPECT_EQ(shaded, 43 * 5);
  EXPECT_EQ(links, 240);
  // Before "Herkomst van de getallen", as in report.html.
  EXPECT_LT(pages.back(), page_of(l, "Herkomst van de getallen"));
}

TEST(PdfLayout, MonteCarloTableLinksEachOutcomeToItsEntry) {
  Fixture f;
  f.provenance(3);
  Uncertainty u;
  u.draws = 2000;
  u.seed = 7;
  u.distribution = "triangular";
  u.rows.push_back({"q2", "Netto fte (VS)", "Casus 1a", "mln euro", 2, "1.917", "3.833", "2.015", "2.893", "3.735", 0, 0, 0});
  u.rows.push_back({"q3", "Besparing", "Doelmatigheid", "fte", 3, "-26,33", "-52,66", "-51,32", "-39,74", "-27,68", 0, 0, 0});
  f.doc.uncertainty = u;
  Layout l = layout_document(f.doc, metrics);
  int n = page_of(l, "Onzekerheid (Monte Carlo)");
  ASSERT_GT(n, 0);
  const Page& p = l.pages[n - 1];
  std::string all;
  for (const TextBox& t : p.texts) all += t.text + " ";
  EXPECT_NE(all.find("2000 trekkingen;"), std::string::npos) << all;
  EXPECT_NE(all.find("(driehoeksverdeling, top in het midden)"), std::string::npos) << all;
  EXPECT_NE(all.find("seed 7."), std::string::npos) << all;
  for (const char* h : {"Casus", "Uitkomst", "Rapport (min – max)", "P5", "P50", "P95", "Casus 1a", "2.893"})
    EXPECT_TRUE(has_text(p, h)) << h;
  // A range does not break: one piece with no-break spaces.
  EXPECT_TRUE(has_text(p, "-26,33\u00A0–\u00A0-52,66\u00A0fte"));
  EXPECT_TRUE(has_text(p, "1.917\u00A0–\u00A03.833\u00A0mln\u00A0euro"));
  // The outcome links to its entry and carries its mark.
  const TextBox* label = on(p, "Netto fte (VS)");
  ASSERT_NE(label, nullptr);
  std::vector<const Link*> links;
  for (const Link& link : p.links)
    if (link.mark > 0) links.push_back(&link);
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0]->target, mark_anchor(2));
  EXPECT_NEAR(links[0]->rect.left, label->x, 1e-9);
  EXPECT_GT(links[0]->rect.right, right_of(*label));  // and over its mark
  EXPECT_EQ(links[1]->target, mark_anchor(3));
  // Numbers align right: P50 values end at the same x.
  EXPECT_NEAR(right_of(*on(p, "2.893")), right_of(*on(p, "-39,74")), 1e-9);
}

TEST(PdfLayout, PartsFollowTheOrderOfTheHtmlReportWithBookmarksAndContents) {
  Fixture f;
  f.provenance(4);
  f.doc.tables.push_back(table(1, {"A", "B"}, 2));
  f.doc.case_charts.push_back(chart(Chart::Kind::range, "figuur-1", "Casus 1a: capaciteit (fte)", {bar("Balk", 1, 1, 2)}));
  Uncertainty u;
  u.draws = 10;
  u.rows.push_back({"q2", "Netto fte", "Casus 1a", "fte", 2, "1", "2", "1", "1,5", "2", 0, 0, 0});
  f.doc.uncertainty = u;
  Chart t = chart(Chart::Kind::tornado, "tornado-q4", "Uitkomst", {bar("Parameter", 3, 1, 2)}, 1.5);
  t.group = "Casus 1b";
  f.doc.tornados.push_back(t);
  f.doc.reconciliation = reconciliation(3);
  Layout l = layout_document(f.doc, metrics);

  std::vector<std::pair<std::string, int>> outline;
  for (const Bookmark& b : l.bookmarks) outline.emplace_back(b.title, b.level);
  EXPECT_EQ(outline, (std::vector<std::pair<std::string, int>>{{"Tabel 1. Voorbeeld", 0},
                                                               {"Figuren per casus", 0},
                                                               {"Casus 1a: capaciteit (fte)", 1},
                                                               {"Onzekerheid (Monte Carlo)", 0},
                                                               {"Gevoeligheid van de uitkomsten", 0},
                                                               {"Casus 1b: Uitkomst", 1},
                                                               {"Verantwoording", 0},
                                                               {"Herkomst van de getallen", 0},
                                                               {"Bronnen", 0}}));
  std::vector<int> pages;
  for (const char* part : {"Tabel 1. Voorbeeld", "Figuren per casus", "Onzekerheid (Monte Carlo)",
                           "Gevoeligheid van de uitkomsten", "Verantwoording", "Herkomst van de getallen", "Bronnen"}) {
    pages.push_back(page_of(l, part));
    EXPECT_TRUE(has_text(l.pages[0], part)) << part << " in the contents";
  }
  EXPECT_TRUE(std::is_sorted(pages.begin(), pages.end())) << ::testing::PrintToString(pages);
  EXPECT_EQ(std::set<int>(pages.begin(), pages.end()).size(), pages.size());  // each part on its own page
  EXPECT_EQ(l.pages[0].links.size(), 7u);
  // Every bookmark's target exists.
  std::set<std::string> anchors;
  for (const Page& p : l.pages)
    for (const Anchor& a : p.anchors) anchors.insert(a.name);
  for (const Bookmark& b : l.bookmarks) EXPECT_TRUE(anchors.count(b.anchor)) << b.anchor;
}

TEST(PdfLayout, RejectsInvalidUtf8InTheAnalyses) {
  Fixture f;
  f.provenance(1);
  f.doc.tornados.push_back(chart(Chart::Kind::tornado, "tornado-x", "Uitkomst", {bar("kapot \xC3(", 1, 1, 2)}, 1.5));
  try {
    layout_document(f.doc, metrics);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("chart tornado-x bar q1: invalid UTF-8"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace zorgcap::pdf
