// The composition of the pages: parts, bookmarks, contents, appendices (pdf_layout.h).
// Fixed-width fake metrics: every character is half its size wide (10 characters at 10 pt = 50 pt).
#include "writers/pdf_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "document/appendix_build.h"
#include "writers/pdf_layout_fixtures.h"

namespace zorgcap::pdf {
namespace {

using namespace fixtures;

TEST(PdfLayout, NumbersPagesAndBookmarksTablesAndAppendix) {
  Fixture f;
  f.provenance(3);
  f.doc.tables.push_back(table(1, {"A", "B"}, 100));
  // Too wide for a portrait page (495 pt): three columns of 45 unbreakable characters (4.25 pt each
  // at 8.5 pt) need 3 × (191.25 + 6) pt.
  BuiltTable wide = table(2, {"A", "B", "C"}, 3);
  for (auto& row : wide.body)
    for (BuiltCell& c : row) c = cell(c.row, c.col, std::string(45, 'w'));
  f.doc.tables.push_back(wide);
  // Marked landscape by its template, but it fits portrait: portrait.
  BuiltTable narrow = table(3, {"A", "B"}, 2);
  narrow.landscape = true;
  f.doc.tables.push_back(narrow);
  Layout l = layout_document(f.doc, metrics);
  for (const Page& p : l.pages) {
    const TextBox* footer = nullptr;
    for (const TextBox& t : p.texts)
      if (t.text == "pagina " + std::to_string(p.number)) footer = &t;
    ASSERT_NE(footer, nullptr) << p.number;
    EXPECT_DOUBLE_EQ(footer->y, 30);
  }
  // Only the table too wide for portrait has a landscape page; the next table goes back to portrait.
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

TEST(PdfLayout, VerantwoordingRepeatsItsHeaderOnEveryPageAndShadesErrata) {
  Fixture f;
  f.provenance(4);
  f.doc.tables.push_back(table(1, {"A", "B"}, 2));
  f.doc.reconciliation = reconciliation(300);
  f.doc.reconciliation_table = build_reconciliation_table(*f.doc.reconciliation);
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
  f.doc.uncertainty_table = build_uncertainty_table(u);
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
  f.doc.uncertainty_table = build_uncertainty_table(u);
  Chart t = chart(Chart::Kind::tornado, "tornado-q4", "Uitkomst", {bar("Parameter", 3, 1, 2)}, 1.5);
  t.group = "Casus 1b";
  f.doc.tornados.push_back(t);
  f.doc.reconciliation = reconciliation(3);
  f.doc.reconciliation_table = build_reconciliation_table(*f.doc.reconciliation);
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

// Everything a page holds, as text: two pages print the same when their dumps are equal.
std::string dump(const Page& p) {
  std::ostringstream o;
  o.precision(17);
  o << p.width << "x" << p.height << " #" << p.number << "\n";
  for (const Fill& f : p.fills)
    o << "fill " << f.rect.left << " " << f.rect.bottom << " " << f.rect.right << " " << f.rect.top << " " << f.gray
      << " " << (f.color ? f.color->r + 2 * f.color->g + 4 * f.color->b : -1) << "\n";
  for (const Rule& r : p.rules) o << "rule " << r.x1 << " " << r.y1 << " " << r.x2 << " " << r.y2 << " " << r.width << "\n";
  for (const TextBox& t : p.texts)
    o << "text " << t.text << " " << static_cast<int>(t.font) << " " << t.size << " " << t.x << " " << t.y << " "
      << t.gray << " " << t.outline << " " << t.tail << " " << t.follows << "\n";
  for (const Link& l : p.links)
    o << "link " << l.rect.left << " " << l.rect.bottom << " " << l.rect.right << " " << l.rect.top << " " << l.target
      << " " << l.mark << " " << l.uri << "\n";
  for (const Anchor& a : p.anchors) o << "anchor " << a.name << " " << a.top << "\n";
  return o.str();
}

// A sink gets the pages as layout_document would return them, each once, as soon as they are
// complete: in order, the contents page last; the Layout returned keeps only sizes and anchors.
TEST(PdfLayout, ASinkGetsEveryPageOnceAsItWouldBeReturned) {
  Fixture f;
  f.provenance(120);  // the appendix takes several pages
  for (int t = 1; t <= 6; ++t) f.doc.tables.push_back(table(t, {"A", "B"}, 40));
  f.doc.case_charts.push_back(chart(Chart::Kind::range, "figuur-1", "Casus 1a: capaciteit (fte)", {bar("Balk", 1, 1, 2)}));
  f.doc.reconciliation = reconciliation(200);
  f.doc.reconciliation_table = build_reconciliation_table(*f.doc.reconciliation);
  f.doc.sources.push_back(Source{"s1", "Bron een", "Een verwijzing", "https://example.org/een", {}});
  const Layout whole = layout_document(f.doc, metrics);
  ASSERT_GE(whole.pages.size(), 10u);

  std::vector<std::size_t> order;
  std::map<std::size_t, std::string> got;
  const Layout rest = layout_document(f.doc, metrics, {}, [&](const Layout& so_far, std::size_t i, Page& p) {
    order.push_back(i);
    got[i] = dump(p);
    EXPECT_LT(i, so_far.pages.size());
    EXPECT_EQ(&p, &so_far.pages[i]);
    // Handed over only once the flow has moved past it (the last page and the contents: at the end).
    if (i != 0 && i + 1 != whole.pages.size()) {
      EXPECT_LT(i + 1, so_far.pages.size()) << i;
    }
  });

  ASSERT_EQ(order.size(), whole.pages.size());
  EXPECT_EQ(order.back(), 0u) << "the contents page comes last";
  for (std::size_t k = 1; k < order.size(); ++k) EXPECT_EQ(order[k - 1], k) << "in page order";
  ASSERT_EQ(rest.pages.size(), whole.pages.size());
  EXPECT_EQ(rest.bookmarks.size(), whole.bookmarks.size());
  for (std::size_t i = 0; i < whole.pages.size(); ++i) {
    EXPECT_EQ(got[i], dump(whole.pages[i])) << "page " << i + 1;
    const Page& kept = rest.pages[i];
    EXPECT_TRUE(kept.texts.empty() && kept.fills.empty() && kept.rules.empty() && kept.links.empty()) << i + 1;
    EXPECT_EQ(kept.number, whole.pages[i].number);
    EXPECT_EQ(kept.width, whole.pages[i].width);
    ASSERT_EQ(kept.anchors.size(), whole.pages[i].anchors.size());
    for (std::size_t a = 0; a < kept.anchors.size(); ++a) EXPECT_EQ(kept.anchors[a].name, whole.pages[i].anchors[a].name);
  }
  EXPECT_NE(got[0].find("text pagina 1 "), std::string::npos) << "the contents page has its footer";
}

// The Verantwoording may be measured on a second thread while the parts before it are laid out:
// the pages are the same, box for box.
Fixture long_report() {
  Fixture f;
  f.provenance(60);
  for (int t = 1; t <= 4; ++t) f.doc.tables.push_back(table(t, {"A", "B"}, 30));
  f.doc.reconciliation = reconciliation(150);
  f.doc.reconciliation_table = build_reconciliation_table(*f.doc.reconciliation);
  return f;
}

TEST(PdfLayout, MeasuringTheVerantwoordingOnASecondThreadGivesTheSamePages) {
  const Fixture f = long_report();
  LayoutOptions parallel;
  parallel.second_thread = true;
  const Layout one = layout_document(f.doc, metrics);
  const Layout two = layout_document(f.doc, metrics, parallel);
  ASSERT_GE(one.pages.size(), 8u);
  ASSERT_EQ(two.pages.size(), one.pages.size());
  for (std::size_t i = 0; i < one.pages.size(); ++i) EXPECT_EQ(dump(two.pages[i]), dump(one.pages[i])) << "page " << i + 1;
  EXPECT_GT(page_of(one, "Verantwoording (vervolg)"), page_of(one, "Verantwoording")) << "the table spans pages";
}

TEST(PdfLayout, ARowTooTallInTheVerantwoordingFailsTheSameOnASecondThread) {
  Fixture f = long_report();
  std::string tall;
  for (int i = 0; i < 4000; ++i) tall += "woord ";
  f.doc.reconciliation_table->rows[3].cells.back().runs = {AppendixRun{tall, AppendixRun::Style::text, 0}};
  std::string serial, parallel;
  try {
    layout_document(f.doc, metrics);
  } catch (const std::runtime_error& e) {
    serial = e.what();
  }
  LayoutOptions o;
  o.second_thread = true;
  try {
    layout_document(f.doc, metrics, o);
  } catch (const std::runtime_error& e) {
    parallel = e.what();
  }
  EXPECT_NE(serial.find("body row 4"), std::string::npos) << serial;
  EXPECT_EQ(parallel, serial);
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
