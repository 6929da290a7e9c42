// Tables: column widths and pagination (pdf_table_layout.h).
// Fixed-width fake metrics: every character is half its size wide (10 characters at 10 pt = 50 pt).
#include "writers/pdf_table_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "writers/pdf_layout.h"
#include "writers/pdf_layout_fixtures.h"
#include "writers/pdf_page_flow.h"

namespace zorgcap::pdf {
namespace {

using namespace fixtures;

TEST(PdfTableLayout, ColumnWidthsFitTheirContentAndFillTheWidth) {
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
  // 60 pt between the margins, portrait and landscape alike (too narrow for either).
  narrow.page.width = narrow.page.height = 160;
  narrow.page.margin_top = 5;
  narrow.page.margin_bottom = 10;
  narrow.page.footer_baseline = 3;
  Layout l = layout_document(f.doc, metrics, narrow);
  // 30 - 6 pt of padding holds 5 bold characters at 8.5 pt.
  std::vector<std::string> ts;
  for (const Page& p : l.pages)
    for (const std::string& t : texts(p)) ts.push_back(t);
  EXPECT_EQ(std::count(ts.begin(), ts.end(), "aaaaa"), 4) << ::testing::PrintToString(ts);
  EXPECT_EQ(std::count(ts.begin(), ts.end(), "bbbbb"), 4);
}

TEST(PdfTableLayout, WrappedCellTextStaysInsideItsColumn) {
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

TEST(PdfTableLayout, RepeatsHeaderRowsOnEveryPageATableContinuesOn) {
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

TEST(PdfTableLayout, NeverSplitsARow) {
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

TEST(PdfTableLayout, KeepsACaptionWithTheHeaderAndFirstRow) {
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

TEST(PdfTableLayout, RowTallerThanAPageIsAnError) {
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

TEST(PdfTableLayout, LaysOutColumnAndRowSpans) {
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

TEST(PdfTableLayout, KeepsRowsJoinedByARowspanOnOnePage) {
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

TEST(PdfTableLayout, EveryNumberRunGetsAMarkAndALinkToItsEntry) {
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

TEST(PdfTableLayout, AMarkGoesAfterThePercentSignOfItsNumber) {
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
  // One run for extraction: "19%" leaves room for its mark after its last character, " - " follows it.
  EXPECT_NEAR(low->tail, type.mark_gap + metrics.width("1", Font::regular, type.mark), 1e-9);
  EXPECT_TRUE(on(p, " - ")->follows);
  EXPECT_FALSE(low->follows);
  EXPECT_NEAR(p.links.at(0).rect.left, low->x, 1e-9);
  EXPECT_NEAR(p.links.at(1).rect.left, high->x, 1e-9);
}

}  // namespace
}  // namespace zorgcap::pdf

namespace zorgcap::pdf {
namespace {

using namespace fixtures;

// FixedMetrics, counting how often text is measured.
class CountingMetrics final : public FontMetrics {
 public:
  mutable int widths = 0;
  double width(std::string_view text, Font f, double size) const override {
    ++widths;
    return metrics.width(text, f, size);
  }
  double ascent(Font f, double size) const override { return metrics.ascent(f, size); }
  double descent(Font f, double size) const override { return metrics.descent(f, size); }
};

// Portrait or landscape, the column widths and the cells' lines read the cells measured once.
TEST(PdfTableLayout, MeasuresEachCellOnceForWidthsAndLines) {
  CountingMetrics counting;
  std::string text;
  for (int i = 0; i < 6; ++i) text += "een rij met een omschrijving van enige lengte ";
  BuiltTable t = table(1, {"Casus", "Omschrijving", "Aantal"}, 40, text);
  const LayoutOptions o;
  PageFlow flow(counting, o);
  flow.new_page(false);
  const MeasuredCells cells(t, counting, o.type, cell_marks(o));
  ASSERT_EQ(cells.cells().size(), 3u + 40u * 3u);
  EXPECT_GT(counting.widths, 0);
  counting.widths = 0;
  for (double available : {80.0, 300.0, 2000.0}) {  // below and above the min-content widths
    EXPECT_EQ(fits_width(t, cells, o.type, available), fits_width(t, metrics, o.type, available, cell_marks(o)));
    EXPECT_EQ(column_widths(t, cells, o.type, available), column_widths(t, metrics, o.type, available, cell_marks(o)));
  }
  EXPECT_EQ(counting.widths, 0) << "the widths were measured again";

  const TableFlow with = prepare_table(flow, t, "Tabel 1", "Tabel 1 (vervolg)", &cells);
  const TableFlow without = prepare_table(flow, t, "Tabel 1", "Tabel 1 (vervolg)");
  EXPECT_EQ(with.xs, without.xs);
  EXPECT_EQ(with.body.row_heights, without.body.row_heights);
  ASSERT_EQ(with.body.cells.size(), without.body.cells.size());
  for (std::size_t i = 0; i < with.body.cells.size(); ++i) {
    ASSERT_EQ(with.body.cells[i].lines.size(), without.body.cells[i].lines.size()) << i;
    for (std::size_t k = 0; k < with.body.cells[i].lines.size(); ++k)
      EXPECT_EQ(with.body.cells[i].lines[k].width, without.body.cells[i].lines[k].width) << i;
  }
  EXPECT_GT(with.body.cells[0].lines.size(), 1u) << "a wrapped cell";

  // Cells measured for another table, or with other marks, are refused.
  const BuiltTable other = t;
  EXPECT_THROW(prepare_table(flow, other, "", "", &cells), std::logic_error);
  const MeasuredCells unmarked(t, counting, o.type, CellMarks{false, false});
  EXPECT_THROW(prepare_table(flow, t, "", "", &unmarked), std::logic_error);
}

}  // namespace
}  // namespace zorgcap::pdf
