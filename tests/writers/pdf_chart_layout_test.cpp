// Charts: case charts and tornados (pdf_chart_layout.h).
// Fixed-width fake metrics: every character is half its size wide (10 characters at 10 pt = 50 pt).
#include "writers/pdf_chart_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "writers/pdf_layout.h"
#include "writers/pdf_layout_fixtures.h"

namespace zorgcap::pdf {
namespace {

using namespace fixtures;

TEST(PdfChartLayout, NeverSplitsAChart) {
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

TEST(PdfChartLayout, ChartBarsLinkToTheEntriesOfTheirQuantities) {
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

TEST(PdfChartLayout, TornadoAxisStandsAtTheBaseAndBarsShowTheirDirection) {
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

TEST(PdfChartLayout, RangeChartAxisStandsAtZeroWithTheLabelsRightOfIt) {
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

TEST(PdfChartLayout, NeitherTheAxisNorAValueCrossesText) {
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

}  // namespace
}  // namespace zorgcap::pdf
