// report.pdf checked with the tools a reader's PDF viewer would rely on: qpdf (structure, links,
// outlines), pdffonts (embedding) and pdftotext (the text comes back out, € and ë included).
#include "writers/pdf_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <regex>
#include <thread>

#include "document/analysis_build.h"
#include "document/analysis_template.h"
#include "document/build.h"
#include "document/appendix_build.h"
#include "document/reconciliation_build.h"
#include "inputs/published.h"
#include "model/reconcile.h"
#include "test_support.h"
#include "writers/pdf_deflate.h"

namespace zorgcap {
namespace {

struct Output {
  int status = -1;
  std::string text;
};

// Runs a shell command; stdout (and stderr when asked) as text.
Output run(const std::string& command, bool with_stderr = false) {
  Output out;
  std::string full = command + (with_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* pipe = ::popen(full.c_str(), "r");
  if (!pipe) return out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.text.append(buf, n);
  int status = ::pclose(pipe);
  out.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

// The Debian packages the checks need (both are in the Makefile's DEBIAN_PACKAGES).
::testing::AssertionResult have_tools() {
  for (auto [tool, package] : {std::pair{"qpdf", "qpdf"}, std::pair{"pdftotext", "poppler-utils"},
                               std::pair{"pdffonts", "poppler-utils"},
                               std::pair{"pdfinfo", "poppler-utils"}})
    if (run(std::string("command -v ") + tool).status != 0)
      return ::testing::AssertionFailure() << tool << " is missing: apt-get install " << package;
  return ::testing::AssertionSuccess();
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

// ASCII whitespace runs as one space (pdftotext breaks lines where the layout did).
std::string squeeze(const std::string& s) {
  return std::regex_replace(s, std::regex("[ \t\r\n\f]+"), " ");
}

BuiltRun lit(std::string text) { return BuiltRun{std::move(text), false, {}, {}}; }
BuiltRun num(std::string text, int mark) {
  BuiltRun r;
  r.text = text;
  r.is_number = true;
  r.number.text = text;
  r.number.mark = mark;
  return r;
}
BuiltCell cell(int row, int col, std::vector<BuiltRun> runs, bool header = false) {
  BuiltCell c;
  c.row = row;
  c.col = col;
  c.header = header;
  c.row_header = !header && col == 0;
  c.runs = std::move(runs);
  for (const BuiltRun& r : c.runs) c.text += r.text;
  return c;
}

// A small report by hand: two tables (one landscape), three appendix entries, two sources.
struct Sample {
  std::deque<Quantity> quantities;
  std::deque<Source> sources;
  Document doc;

  Sample() {
    sources.push_back({"nivel", "Onderzoek Nivel (2020)", "Nivel, Taakherschikking in de huisartsenzorg (2020)",
                       "https://www.nivel.nl/taakherschikking", {}});
    sources.push_back({"cbs", "CBS Statline (2024)", "Centraal Bureau voor de Statistiek, Statline", "", {}});
    auto entry = [&](int mark, std::string key, std::string label, std::string value) {
      ProvenanceEntry e;
      e.mark = mark;
      e.anchor = "q-" + key;
      e.key = std::move(key);
      e.label = std::move(label);
      e.value_text = std::move(value);
      return e;
    };
    ProvenanceEntry e1 = entry(1, "huisartsen.fte", "Huisartsen in fte", "9.842 fte");
    e1.source = sources[0];
    ProvenanceEntry e2 = entry(2, "kosten.fte", "Kosten per fte – café-tarief", "€ 29.104");
    e2.source = sources[1];
    ProvenanceEntry e3 = entry(3, "kosten.totaal", "Totale kosten", "€ 286,44 (min) – € 572,89 (max) miljoen");
    e3.formula_text = "Huisartsen in fte × Kosten per fte";
    e3.formula = {{"", 0}, {" × ", -1}, {"", 1}};
    e3.operand_marks = {1, 2};
    doc.provenance = {e1, e2, e3};
    doc.sources = {sources[1], sources[0]};
    doc.title = "Zorgcapaciteit in België – een proef";
    doc.scenario = "baseline";
    doc.peildatum = "1 januari 2025";
    doc.inputs_digest = "3f1e2d4c5b6a79880011223344556677889900aabbccddeeff00112233445566";

    BuiltTable t1;
    t1.number = 1;
    t1.id = "tabel-1";
    t1.caption = "Tabel 1. Potentiële zorgcapaciteit";
    t1.columns = 3;
    t1.header = {{cell(0, 0, {lit("")}, true), cell(0, 1, {lit("Aantal")}, true), cell(0, 2, {lit("Kosten")}, true)}};
    t1.body = {{cell(0, 0, {lit("Huisartsen in België")}), cell(0, 1, {num("9.842", 1), lit(" fte")}),
                cell(0, 2, {lit("€\u00A0"), num("286,44", 3), lit(" – € "), num("572,89", 3), lit(" miljoen")})}};
    t1.notes = {"Bron: Onderzoek Nivel (2020); bewerking café-gegevens."};
    BuiltTable t2;
    t2.number = 2;
    t2.id = "tabel-2";
    t2.caption = "Tabel 2. Één praktijk, liggend";
    t2.landscape = true;
    t2.columns = 2;
    t2.header = {{cell(0, 0, {lit("Omschrijving")}, true), cell(0, 1, {lit("Kosten per fte")}, true)}};
    t2.body = {{cell(0, 0, {lit("Eén-persoons praktijk\nmet een tweede regel")}), cell(0, 1, {lit("€ "), num("29.104", 2)})}};
    doc.tables = {t1, t2};
  }

  // The analyses and the appendix "Verantwoording", as add_analyses and add_reconciliation make them.
  void add_analyses() {
    Chart range;
    range.kind = Chart::Kind::range;
    range.id = "figuur-1";
    range.title = "Casus 1a: netto vrijgekomen capaciteit (fte)";
    range.note = "Elke balk loopt van de minimum- tot de maximumwaarde van het rekenmodel.";
    range.bars = {{"Huisartsen in fte", "", "huisartsen.fte", 1, 1917, 3833, "1.917", "3.833"},
                  {"Totale kosten", "", "kosten.totaal", 3, 5366, 6900, "5.366", "6.900"}};
    doc.case_charts = {range};
    Chart tornado;
    tornado.kind = Chart::Kind::tornado;
    tornado.id = "tornado-kosten.totaal";
    tornado.title = "Totale kosten";
    tornado.group = "Doelmatigheid";
    tornado.unit = "mln euro";
    tornado.base = 400;
    tornado.base_text = "400,00";
    tornado.note = "Elke balk: de uitkomst als alleen deze parameter over zijn bereik loopt.";
    tornado.bars = {{"Kosten per fte – café-tarief", "€ 20 – € 30", "kosten.fte", 2, 300, 500, "300,00", "500,00"},
                    {"Huisartsen in fte", "7.874 – 11.810 (±20%)", "huisartsen.fte", 1, 450, 350, "450,00", "350,00"}};
    doc.tornados = {tornado};
    Uncertainty u;
    u.draws = 2000;
    u.seed = 42;
    u.distribution = "uniform";
    u.rows = {{"kosten.totaal", "Totale kosten", "Doelmatigheid", "mln euro", 3, "286,44", "572,89", "300,10", "420,50",
               "560,20", 0, 0, 0}};
    doc.uncertainty = u;
    doc.uncertainty_table = build_uncertainty_table(u);
    ReconciliationSummary r;
    r.total = 3;
    r.reproduced = 2;
    r.explained = 1;
    r.rows = {{"t1.huisartsen", "Tabel 1", "9.842", "9.842", "gereproduceerd", "", "", 1},
              {"t1.kosten.min", "Tabel 1", "286,44", "286,44", "gereproduceerd", "", "", 3},
              {"txt.kosten", "tekst", "290", "286", "inconsistentie in het rapport", "I1",
               "Het rapport rondt af vóór het optellen.", 3},
              {"txt.los", "tekst", "12", "", "niet gekoppeld", "", "", 0}};
    doc.reconciliation = r;
    doc.reconciliation_table = build_reconciliation_table(r);
  }

  // The parts after the tables that are present.
  int parts() const {
    return !doc.case_charts.empty() + doc.uncertainty.has_value() + !doc.tornados.empty() +
           doc.reconciliation.has_value();
  }
  // Bookmarks: one per table, part and chart, the appendix and the sources.
  int bookmarks() const {
    return static_cast<int>(doc.tables.size() + doc.case_charts.size() + doc.tornados.size()) + parts() + 2;
  }
  int web_links() const {
    int n = 0;
    for (const ProvenanceEntry& e : doc.provenance) n += e.source && !e.source->url.empty();
    for (const Source& s : doc.sources) n += !s.url.empty();
    return n;
  }

  int number_runs() const {
    int n = 0;
    for (const BuiltTable& t : doc.tables)
      for (const auto& row : t.body)
        for (const BuiltCell& c : row)
          for (const BuiltRun& r : c.runs) n += r.is_number;
    return n;
  }
  // The PDF's links: one per number in the tables, one per operand in the appendix, one per entry
  // of the contents (the tables, each part present, the appendix, the sources), one per web address
  // shown (for inputs in the appendix, for sources in "Bronnen"), one per chart bar (its bar and
  // values), one per outcome in the Monte Carlo table (its label, one line here) and one per value
  // with an appendix entry in "Verantwoording".
  int expected_links() const {
    int n = number_runs() + static_cast<int>(doc.tables.size()) + 2 + parts();
    for (const auto* charts : {&doc.case_charts, &doc.tornados})
      for (const Chart& c : *charts)
        for (const ChartBar& b : c.bars) n += b.mark > 0;
    if (doc.uncertainty)
      for (const UncertaintyRow& r : doc.uncertainty->rows) n += r.mark > 0;
    if (doc.reconciliation)
      for (const ReconciliationRow& r : doc.reconciliation->rows) n += r.mark > 0;
    for (const ProvenanceEntry& e : doc.provenance) {
      n += static_cast<int>(e.operand_marks.size());
      if (e.source && !e.source->url.empty()) ++n;
    }
    for (const Source& s : doc.sources) n += !s.url.empty();
    return n;
  }
};

std::string font_dir() { return ZORGCAP_FONT_DIR; }

struct Rendered {
  test::TempDir dir;
  std::string path;
  std::string bytes;
};

void render_to_file(const Document& doc, Rendered& out) {
  out.bytes = render_pdf(doc, font_dir());
  out.path = out.dir.str() + "/report.pdf";
  test::write_file(out.path, out.bytes);
}

TEST(PdfWriter, PassesQpdfCheckWithEveryFontEmbedded) {
  ASSERT_TRUE(have_tools());
  Sample s;
  Rendered r;
  render_to_file(s.doc, r);
  ASSERT_EQ(r.bytes.rfind("%PDF-", 0), 0u);
  Output check = run("qpdf --check '" + r.path + "'", true);
  EXPECT_EQ(check.status, 0) << check.text;
  EXPECT_NE(check.text.find("No syntax or stream encoding errors"), std::string::npos) << check.text;

  Output fonts = run("pdffonts '" + r.path + "'");
  ASSERT_EQ(fonts.status, 0);
  // name, type, encoding, emb, sub, uni, object, ID after two header lines.
  std::regex row(R"(^(\S+)\s+CID TrueType\s+Identity-H\s+(yes|no)\s+(yes|no)\s+(yes|no))");
  int rows = 0;
  std::istringstream lines(fonts.text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("name", 0) == 0 || line.rfind("---", 0) == 0 || line.empty()) continue;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(line, m, row)) << line;
    EXPECT_EQ(m[2], "yes") << "not embedded: " << line;
    EXPECT_EQ(m[3], "yes") << "not a subset: " << line;
    EXPECT_EQ(m[4], "yes") << "no ToUnicode map: " << line;
    ++rows;
  }
  EXPECT_EQ(rows, 2) << fonts.text;  // DejaVu Sans and DejaVu Sans Bold
}

TEST(PdfWriter, TextComesBackOutWithDutchCharacters) {
  ASSERT_TRUE(have_tools());
  Sample s;
  Rendered r;
  render_to_file(s.doc, r);
  // pdftotext warns about libharu's ToUnicode maps on stderr; the text on stdout is right.
  Output text = run("pdftotext -enc UTF-8 '" + r.path + "' -");
  ASSERT_EQ(text.status, 0);
  std::string t = squeeze(text.text);
  for (const char* expected : {"Tabel 1. Potentiële zorgcapaciteit", "Tabel 2. Één praktijk, liggend",
                               "Huisartsen in België", "€", "ë", "é", "–", "€ 286,44" /* the NBSP comes out as a space */, "Herkomst van de getallen",
                               "Bronnen", "Onderzoek Nivel (2020)", "https://www.nivel.nl/taakherschikking",
                               "Huisartsen in fte × Kosten per fte", "pagina 1", "Inhoud"})
    EXPECT_NE(t.find(expected), std::string::npos) << expected << "\n" << text.text;
}

TEST(PdfWriter, LinksEveryNumberAndOperandWithoutBorders) {
  ASSERT_TRUE(have_tools());
  Sample s;
  Rendered r;
  render_to_file(s.doc, r);
  Output qdf = run("qpdf --qdf --object-streams=disable '" + r.path + "' -");
  ASSERT_EQ(qdf.status, 0);
  EXPECT_EQ(count(qdf.text, "/Subtype /Link"), s.expected_links());
  EXPECT_EQ(count(qdf.text, "/Border [\n    0\n    0\n    0\n  ]"), s.expected_links()) << "links with a border";
  EXPECT_EQ(count(qdf.text, "/URI ("), s.web_links());
  EXPECT_EQ(s.web_links(), 2);
  EXPECT_EQ(count(qdf.text, "/FitH"), s.expected_links() - s.web_links() + s.bookmarks());  // internal links, bookmarks
}

TEST(PdfWriter, HasABookmarkPerTableAndTheAppendixAndOpensWithThem) {
  ASSERT_TRUE(have_tools());
  Sample s;
  Rendered r;
  render_to_file(s.doc, r);
  Output json = run("qpdf --json --json-key=outlines '" + r.path + "'");
  ASSERT_EQ(json.status, 0) << json.text;
  EXPECT_EQ(count(json.text, "\"title\":"), 4) << json.text;  // 2 tables, the appendix, the sources
  EXPECT_NE(json.text.find("\"title\": \"Tabel 2. Één praktijk, liggend\""), std::string::npos) << json.text;
  EXPECT_NE(json.text.find("\"title\": \"Herkomst van de getallen\""), std::string::npos);
  EXPECT_NE(r.bytes.find("/PageMode /UseOutlines"), std::string::npos);
  // Tabel 2 is marked landscape but fits a portrait page: every page is portrait.
  Output qdf = run("qpdf --qdf --object-streams=disable '" + r.path + "' -");
  EXPECT_EQ(count(qdf.text, "/MediaBox [\n    0\n    0\n    842\n    595\n  ]"), 0);
  EXPECT_GE(count(qdf.text, "/MediaBox [\n    0\n    0\n    595\n    842\n  ]"), 1);
}

TEST(PdfWriter, DrawsTheAnalysesAndVerantwoordingWithTheirLinksAndBookmarks) {
  ASSERT_TRUE(have_tools());
  Sample s;
  s.add_analyses();
  Rendered r;
  render_to_file(s.doc, r);
  Output check = run("qpdf --check '" + r.path + "'", true);
  EXPECT_EQ(check.status, 0) << check.text;
  EXPECT_NE(check.text.find("No syntax or stream encoding errors"), std::string::npos) << check.text;

  std::string t = squeeze(run("pdftotext -enc UTF-8 '" + r.path + "' -").text);
  for (const char* expected :
       {"Figuren per casus", "Casus 1a: netto vrijgekomen capaciteit (fte)", "Gevoeligheid van de uitkomsten",
        "Doelmatigheid: Totale kosten (mln euro)", "Kosten per fte – café-tarief € 20 – € 30", "midden: 400,00 mln euro",
        "Onzekerheid (Monte Carlo)", "2000 trekkingen; elke parameter met een bereik onafhankelijk getrokken (uniform)",
        "seed 42.", "286,44 – 572,89 mln euro", "Verantwoording",
        "Gereproduceerd: 2 van 3; verklaarde afwijkingen (inconsistenties in het rapport): 1; onverklaard: 0; niet "
        "gekoppeld: 0.",
        "I1: Het rapport rondt af vóór het optellen.", "Herkomst van de getallen"})
    EXPECT_NE(t.find(expected), std::string::npos) << expected << "\n" << t;
  // The parts in the order of report.html.
  std::size_t figures = t.rfind("Figuren per casus"), uncertainty = t.rfind("Onzekerheid (Monte Carlo)"),
              sensitivity = t.rfind("Gevoeligheid van de uitkomsten"), reconciliation = t.rfind("Verantwoording"),
              appendix = t.rfind("Herkomst van de getallen");
  EXPECT_LT(figures, uncertainty);
  EXPECT_LT(uncertainty, sensitivity);
  EXPECT_LT(sensitivity, reconciliation);
  EXPECT_LT(reconciliation, appendix);

  Output qdf = run("qpdf --qdf --object-streams=disable '" + r.path + "' -");
  ASSERT_EQ(qdf.status, 0);
  EXPECT_EQ(s.expected_links(), Sample().expected_links() + 4 + 4 + 1 + 3);  // 4 parts, 4 bars, 1 outcome, 3 values
  EXPECT_EQ(count(qdf.text, "/Subtype /Link"), s.expected_links());
  EXPECT_EQ(count(qdf.text, "/Border [\n    0\n    0\n    0\n  ]"), s.expected_links()) << "links with a border";
  EXPECT_EQ(count(qdf.text, "/FitH"), s.expected_links() - s.web_links() + s.bookmarks());
  // Bars are filled in colour (the rest of the report is black and gray).
  EXPECT_GE(count(qdf.text, " rg\n"), 1);

  Output json = run("qpdf --json --json-key=outlines '" + r.path + "'");
  ASSERT_EQ(json.status, 0) << json.text;
  EXPECT_EQ(count(json.text, "\"title\":"), s.bookmarks()) << json.text;
  for (const char* title : {"Figuren per casus", "Onzekerheid (Monte Carlo)", "Gevoeligheid van de uitkomsten",
                            "Doelmatigheid: Totale kosten (mln euro)", "Verantwoording"})
    EXPECT_NE(json.text.find(std::string("\"title\": \"") + title + "\""), std::string::npos) << title;

  // Deterministic, analyses included.
  EXPECT_EQ(render_pdf(s.doc, font_dir()), r.bytes);
}

TEST(PdfWriter, SameDocumentGivesTheSameBytes) {
  Sample s;
  std::string a = render_pdf(s.doc, font_dir()), b = render_pdf(s.doc, font_dir());
  EXPECT_EQ(a, b);
  // No dates, a fixed producer (the document info dictionary is not compressed); an /ID derived
  // from the content (the same in both runs, since the bytes are; another for other content), and
  // both halves stamped, none left as the placeholder libharu wrote.
  EXPECT_EQ(a.find("/CreationDate"), std::string::npos);
  EXPECT_EQ(a.find("/ModDate"), std::string::npos);
  std::smatch id;
  ASSERT_TRUE(std::regex_search(a, id, std::regex("/ID \\[ ?<([0-9A-Fa-f]{32})> ?<([0-9A-Fa-f]{32})> ?\\]"))) << "no /ID";
  std::string first_id = id[1];
  s.doc.tables[0].caption += " (gewijzigd)";
  std::string c = render_pdf(s.doc, font_dir());
  ASSERT_TRUE(std::regex_search(c, id, std::regex("/ID \\[ ?<([0-9A-Fa-f]{32})> ?<([0-9A-Fa-f]{32})> ?\\]")));
  EXPECT_NE(id[1], first_id);
  EXPECT_EQ(id[1], id[2]);
  EXPECT_EQ(a.find("zorgcap:pdf-id"), std::string::npos);
  EXPECT_EQ(a.find("7A6F72676361703A"), std::string::npos);  // the placeholder's hex
  EXPECT_EQ(a.find("Haru"), std::string::npos);
  EXPECT_EQ(a.find("/Encrypt"), std::string::npos);
  ASSERT_TRUE(have_tools());
  test::TempDir dir;
  test::write_file(dir.str() + "/a.pdf", a);
  std::string info = run("pdfinfo '" + dir.str() + "/a.pdf'").text;
  EXPECT_TRUE(std::regex_search(info, std::regex("Producer: +zorgcap\n"))) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex("Title: +Zorgcapaciteit in België – een proef\n"))) << info;
}

// The fonts can be loaded before the Document is complete: the same bytes as render_pdf, the
// Document read only when render() is called, and a missing font found at once.
TEST(PdfRenderer, LoadsTheFontsFirstAndRendersRenderPdfsBytes) {
  Sample s;
  const std::string expected = render_pdf(s.doc, font_dir());
  PdfRenderer renderer(font_dir());
  Sample later;  // completed after the fonts were loaded
  EXPECT_EQ(renderer.render(later.doc), expected);
  EXPECT_THROW(renderer.render(later.doc), std::logic_error) << "one document per renderer";
  test::TempDir empty;
  try {
    PdfRenderer missing(empty.str());
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("DejaVuSans.ttf not found"), std::string::npos) << e.what();
  }
}

// One PdfFonts, read once, serves two reports rendered at the same time: each is render_pdf's.
TEST(PdfRenderer, SharesOneSetOfFontsBetweenReportsOnSeveralThreads) {
  Sample s;
  const std::string expected = render_pdf(s.doc, font_dir());
  const auto fonts = PdfFonts::load(font_dir());
  std::string a, b;
  std::thread other([&] { a = PdfRenderer(fonts).render(s.doc); });
  b = PdfRenderer(fonts).render(s.doc);
  other.join();
  EXPECT_EQ(a, expected);
  EXPECT_EQ(b, expected);
  EXPECT_EQ(PdfRenderer(fonts).render(s.doc), expected) << "and again, after both";
}

// Reports sharing a run's page cache come out as each alone: a page the report before had is taken
// from the cache, a changed one is compressed again.
TEST(PdfRenderer, SharesTheRunsCompressedPagesBetweenReports) {
  Sample a, b;
  b.doc.tables[0].caption = "Tabel 1. Een ander opschrift";
  const std::string expected_a = render_pdf(a.doc, font_dir()), expected_b = render_pdf(b.doc, font_dir());
  ASSERT_NE(expected_a, expected_b);
  const auto fonts = PdfFonts::load(font_dir());
  pdf::PageCache pages;
  EXPECT_EQ(PdfRenderer(fonts, {}, &pages).render(a.doc), expected_a);
  EXPECT_EQ(pages.hits(), 0u);
  EXPECT_EQ(PdfRenderer(fonts, {}, &pages).render(b.doc), expected_b);
  const std::size_t after_b = pages.hits();
  EXPECT_EQ(PdfRenderer(fonts, {}, &pages).render(b.doc), expected_b);
  EXPECT_GT(pages.hits(), after_b) << "the same report again: its pages from the cache";
  WriterOptions threaded;
  threaded.spare_thread = true;
  EXPECT_EQ(PdfRenderer(fonts, threaded, &pages).render(a.doc), expected_a);
}

TEST(PdfWriter, ShipsSubsetFonts) {
  for (const char* file : {pdf_regular_font_file, pdf_bold_font_file}) {
    std::string bytes = test::read_file(font_dir() + "/" + file);
    EXPECT_LT(bytes.size(), 100'000u) << file << " is not a subset";
    EXPECT_GT(bytes.size(), 5'000u) << file;
  }
}

TEST(PdfWriter, ACharacterMissingFromTheFontIsDrawnAsTheReplacementAndReported) {
  Sample s;
  s.doc.tables[0].body[0][0] = cell(0, 0, {lit("Huisartsen in \u4E2D\u56FD\u2248 \U0001F600")});
  std::vector<char32_t> replaced;
  std::string pdf = render_pdf(s.doc, font_dir(), {}, &replaced);
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  // Each missing character once, in code point order; the emoji lies outside libharu's plane.
  EXPECT_EQ(replaced, (std::vector<char32_t>{0x2248, 0x4E2D, 0x56FD, 0x1F600}));
  std::vector<char32_t> none;
  render_pdf(Sample().doc, font_dir(), {}, &none);
  EXPECT_TRUE(none.empty());
}

TEST(PdfWriter, InvalidUtf8IsAnError) {
  Sample s;
  s.doc.tables[1].caption = "Tabel 2. \xE2\x82";
  EXPECT_THROW(render_pdf(s.doc, font_dir()), std::runtime_error);
}

TEST(PdfWriter, AMissingFontIsAClearError) {
  Sample s;
  test::TempDir empty;
  try {
    render_pdf(s.doc, empty.str());
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("DejaVuSans.ttf not found"), std::string::npos) << e.what();
  }
  // Not a font at all: a clear error, not a crash.
  test::write_file(empty.str() + "/DejaVuSans.ttf", "not a font");
  EXPECT_THROW(render_pdf(s.doc, empty.str()), std::runtime_error);
}

TEST(PdfWriter, RendersTheWholeBaselineReport) {
  ASSERT_TRUE(have_tools());
  Diagnostics diags;
  SourceTexts texts;
  auto templates = load_table_templates(test::source_dir() + "/templates/tables", diags, texts);
  ASSERT_TRUE(templates) << diags.format(texts);
  Document doc = build_document(*templates, test::baseline_results(), test::baseline_inputs(), std::string(64, 'a'));
  Rendered r;
  render_to_file(doc, r);  // every character of every table, label and formula is in the fonts
  Output check = run("qpdf --check '" + r.path + "'", true);
  EXPECT_EQ(check.status, 0) << check.text;
  std::string t = squeeze(run("pdftotext -enc UTF-8 '" + r.path + "' -").text);
  for (const BuiltTable& table : doc.tables)
    EXPECT_NE(t.find(table.caption.substr(0, table.caption.find(' ', 9))), std::string::npos) << table.caption;
  EXPECT_NE(t.find("Herkomst van de getallen"), std::string::npos);
}

// The baseline report as `zorgcap report --montecarlo` makes it: tables, charts, the Monte Carlo
// table and "Verantwoording" (so the numbers that differ from the report carry deviation marks).
Document baseline_report() {
  Diagnostics diags;
  SourceTexts texts;
  auto templates = load_table_templates(test::source_dir() + "/templates/tables", diags, texts);
  auto analysis = load_analysis_template(test::source_dir() + "/templates/analysis.yaml", diags, texts);
  auto published = load_published(test::inputs_dir() + "/published.yaml", diags, texts);
  auto errata = load_errata(test::inputs_dir() + "/errata.yaml", diags, texts);
  if (!(templates && analysis && published && errata)) throw std::runtime_error(diags.format(texts));
  const Results& results = test::baseline_results();
  const Inputs& inputs = test::baseline_inputs();
  Document doc = build_document(*templates, results, inputs, std::string(64, 'a'));
  add_analyses(doc, *analysis, run_analyses(inputs, *analysis, MonteCarloOptions{200, 1, Distribution::uniform}),
               results, inputs);
  add_reconciliation(doc, reconcile(results, *published), *errata);
  return doc;
}

// Every chart, the Monte Carlo table and the 540 rows of "Verantwoording" fit the pages and the
// fonts.
TEST(PdfWriter, RendersTheWholeBaselineReportWithItsAnalysesAndVerantwoording) {
  ASSERT_TRUE(have_tools());
  Document doc = baseline_report();
  ASSERT_FALSE(doc.case_charts.empty());
  ASSERT_FALSE(doc.tornados.empty());
  ASSERT_TRUE(doc.uncertainty && doc.reconciliation);

  Rendered r;
  render_to_file(doc, r);
  Output check = run("qpdf --check '" + r.path + "'", true);
  EXPECT_EQ(check.status, 0) << check.text;
  std::string t = squeeze(run("pdftotext -enc UTF-8 '" + r.path + "' -").text);
  for (const char* part : {"Figuren per casus", "Onzekerheid (Monte Carlo)", "Gevoeligheid van de uitkomsten",
                           "Verantwoording (vervolg)", "Herkomst van de getallen"})
    EXPECT_NE(t.find(part), std::string::npos) << part;
  for (const Chart& c : doc.tornados) EXPECT_NE(t.find(c.group + ": " + c.title), std::string::npos) << c.title;
  Output json = run("qpdf --json --json-key=outlines '" + r.path + "'");
  EXPECT_EQ(count(json.text, "\"title\":"),
            static_cast<int>(doc.tables.size() + doc.case_charts.size() + doc.tornados.size()) + 4 + 2);
}

// The pages' texts as pdftotext gives them (pages end with a form feed).
std::vector<std::string> pages_of(const std::string& text) {
  std::vector<std::string> pages;
  std::size_t from = 0;
  for (std::size_t ff; (ff = text.find('\f', from)) != std::string::npos; from = ff + 1)
    pages.push_back(text.substr(from, ff - from));
  return pages;
}

// The text of every page as python3-pypdf (Debian python3-pypdf) extracts it, then the catalog's /Lang.
Output pypdf_text(const std::string& pdf) {
  test::TempDir dir;
  std::string script = dir.str() + "/extract.py";
  test::write_file(script,
                   "import sys, pypdf\n"
                   "r = pypdf.PdfReader(sys.argv[1])\n"
                   "for p in r.pages: sys.stdout.write(p.extract_text() + '\\n\\f')\n"
                   "sys.stdout.write('Lang=' + str(r.trailer['/Root'].get('/Lang')) + '\\n')\n");
  return run("/usr/bin/python3 '" + script + "' '" + pdf + "'", true);
}

struct BaselinePdf {
  Document doc = baseline_report();
  Rendered herkomst, none;
  BaselinePdf() {
    render_to_file(doc, herkomst);
    none.bytes = render_pdf(doc, font_dir(), WriterOptions{Marks::none});
    none.path = none.dir.str() + "/report.pdf";
    test::write_file(none.path, none.bytes);
  }
};
const BaselinePdf& baseline_pdf() {
  static const BaselinePdf pdf;
  return pdf;
}

// Cell texts exactly as the report prints them (the issue quotes Tabel 26 and Tabel 1).
const char* const printed_cells[] = {"€ 286,44 – € 572,89 miljoen", "19% - 39%", "3,35 – 6,70 miljoen uren"};

TEST(PdfWriter, CopyingANumberGivesExactlyThePrintedText) {
  ASSERT_TRUE(have_tools());
  const BaselinePdf& b = baseline_pdf();
  for (const Rendered* r : {&b.herkomst, &b.none}) {
    Output raw = run("pdftotext -raw -enc UTF-8 '" + r->path + "' -");
    Output layout = run("pdftotext -layout -enc UTF-8 '" + r->path + "' -");
    Output py = pypdf_text(r->path);
    ASSERT_EQ(raw.status, 0);
    ASSERT_EQ(layout.status, 0);
    ASSERT_EQ(py.status, 0) << py.text;  // a missing pypdf is a failure: apt-get install python3-pypdf
    for (const char* cell : printed_cells) {
      EXPECT_NE(raw.text.find(cell), std::string::npos) << "pdftotext -raw: " << cell;
      EXPECT_NE(py.text.find(cell), std::string::npos) << "pypdf: " << cell;
      // -layout spreads words to their places on the page: compare with runs of spaces as one.
      EXPECT_NE(squeeze(layout.text).find(cell), std::string::npos) << "pdftotext -layout: " << cell;
    }
    // No mark digit glued to a number, in any client ("€ 286,44118", "19%1" before).
    for (const std::string* text : {&raw.text, &layout.text, &py.text}) {
      EXPECT_FALSE(std::regex_search(*text, std::regex("286,44[0-9]"))) << "mark glued to 286,44";
      EXPECT_FALSE(std::regex_search(*text, std::regex("19%[0-9]"))) << "mark glued to 19%";
      EXPECT_EQ(text->find("TAZ-WOZO2"), std::string::npos) << "footnote glued";
    }
    EXPECT_NE(py.text.find("Lang=nl\n"), std::string::npos) << py.text.substr(py.text.size() - 200);
  }
}

TEST(PdfWriter, PopplerReadsTheBaselineReportWithoutAWarning) {
  ASSERT_TRUE(have_tools());
  const std::string& pdf = baseline_pdf().herkomst.path;
  Output text = run("pdftotext '" + pdf + "' /dev/null", true);
  EXPECT_EQ(text.status, 0);
  EXPECT_EQ(text.text, "") << "pdftotext warnings";
  test::TempDir dir;
  Output png = run("pdftoppm -png -r 12 '" + pdf + "' '" + dir.str() + "/page'", true);
  EXPECT_EQ(png.status, 0);
  EXPECT_EQ(png.text, "") << "pdftoppm warnings";
  Output check = run("qpdf --check '" + pdf + "'", true);
  EXPECT_EQ(check.status, 0) << check.text;
  // The same document gives the same bytes, /ID included.
  EXPECT_EQ(render_pdf(baseline_pdf().doc, font_dir()), baseline_pdf().herkomst.bytes);
  Output trailer = run("qpdf --show-object=trailer '" + pdf + "'");
  EXPECT_TRUE(std::regex_search(trailer.text, std::regex("/ID \\[ <[0-9a-f]{32}> <[0-9a-f]{32}> \\]"))) << trailer.text;
}

TEST(PdfWriter, TablesOneToThirtySevenTakeAtMostElevenPortraitPages) {
  ASSERT_TRUE(have_tools());
  const BaselinePdf& b = baseline_pdf();
  ASSERT_EQ(b.doc.tables.size(), 37u);
  std::vector<std::string> pages = pages_of(run("pdftotext -raw -enc UTF-8 '" + b.herkomst.path + "' -").text);
  std::size_t first = 0, next_part = 0;  // 0-based: the page of Tabel 1, the page after the tables
  for (std::size_t i = 0; i < pages.size() && !first; ++i)
    if (pages[i].find("Inhoud") == std::string::npos && pages[i].find("Tabel 1. ") != std::string::npos) first = i;
  for (std::size_t i = first + 1; i < pages.size() && !next_part; ++i)
    if (pages[i].rfind("Figuren per casus", 0) == 0) next_part = i;
  ASSERT_GT(first, 0u);
  ASSERT_GT(next_part, first);
  EXPECT_LE(next_part - first, 11u) << "pages " << first + 1 << "–" << next_part;
  EXPECT_NE(pages[next_part - 1].find("Tabel 37. "), std::string::npos);
  // Every table fits a portrait page, so none is landscape.
  Output info = run("pdfinfo -f " + std::to_string(first + 1) + " -l " + std::to_string(next_part) + " '" +
                    b.herkomst.path + "'");
  EXPECT_EQ(count(info.text, " 595 x 842 pts (A4)"), static_cast<int>(next_part - first)) << info.text;
}

TEST(PdfWriter, TheReportsFootnotesStandInTheirCellsAndUnderTheirTables) {
  ASSERT_TRUE(have_tools());
  const BaselinePdf& b = baseline_pdf();
  std::string raw = run("pdftotext -raw -enc UTF-8 '" + b.herkomst.path + "' -").text;
  std::string t = squeeze(raw);
  // The cells read as printed (the footnote numbers are raised marks, not text). pdftotext reads
  // the room of a mark before a comma as a space ("denkt’ , wat"); pypdf reads it exactly.
  for (const char* cell : {"Innovatie TAZ-WOZO mogelijk", "KNMG (1999)", "actieplan ‘Dichterbij dan je denkt’"})
    EXPECT_NE(t.find(cell), std::string::npos) << cell;
  EXPECT_NE(squeeze(pypdf_text(b.herkomst.path).text).find("actieplan ‘Dichterbij dan je denkt’, wat"), std::string::npos);
  // ... and the notes under the tables give number and text (Tabel 6, 11, 13).
  for (const char* note : {"1 https://www.rijksoverheid.nl/documenten/publicaties/2023/06/08/",
                           "2 https://www.rijksoverheid.nl/documenten/kamerstukken/2023/12/05/",
                           "71 Hoewel in sommige gevallen de medisch specialist bij een tekort aan basisartsen zaal",
                           "80 Een recentere bron over het onderscheid tussen patiëntgebonden tijd"})
    EXPECT_NE(t.find(note), std::string::npos) << note;
  // The web addresses are links.
  Output qdf = run("qpdf --qdf --object-streams=disable '" + b.herkomst.path + "' -");
  for (const char* url : {"https://www.rijksoverheid.nl/documenten/publicaties/2023/06/08/"
                          "bijlage-ii-eindrapport-evaluatie-actieplan-dichterbij-dan-je-denkt",
                          "https://www.rijksoverheid.nl/documenten/kamerstukken/2023/12/05/"
                          "kamerbrief-over-voorhangbrief-stimuleringsregeling-innovatie-taz-wozo"})
    EXPECT_NE(qdf.text.find(std::string("/URI (") + url + ")"), std::string::npos) << url;
}

// --marks none: no provenance or deviation marks drawn, every number still a link to its entry.
TEST(PdfWriter, WithoutMarksEveryNumberStillLinks) {
  ASSERT_TRUE(have_tools());
  const BaselinePdf& b = baseline_pdf();
  int numbers = 0, deviating = 0;
  for (const BuiltTable& t : b.doc.tables)
    for (const auto* section : {&t.header, &t.body})
      for (const auto& row : *section)
        for (const BuiltCell& c : row)
          for (const BuiltRun& r : c.runs) {
          numbers += r.is_number && r.number.mark > 0;
          deviating += r.is_number && r.number.deviates();
        }
  ASSERT_GT(deviating, 0);  // Tabel 4 prints "10% - 12%" where the report prints "48% - 65%"
  Output marked = run("qpdf --qdf --object-streams=disable '" + b.herkomst.path + "' -");
  Output clean = run("qpdf --qdf --object-streams=disable '" + b.none.path + "' -");
  ASSERT_EQ(marked.status, 0);
  ASSERT_EQ(clean.status, 0);
  // With marks, each deviating number has a red deviation mark and one more link (to its
  // Verantwoording entry; labels that wrap differently with and without marks may add links too).
  EXPECT_EQ(count(marked.text, "0.75294 0.12549 0.12549 rg"), deviating);
  EXPECT_EQ(count(clean.text, "0.75294 0.12549 0.12549 rg"), 0);
  EXPECT_GE(count(marked.text, "/Subtype /Link"), count(clean.text, "/Subtype /Link") + deviating);
  // Each mark is filled outlines: at least one glyph form placed per number, each form a filled
  // path written once.
  EXPECT_GE(count(marked.text, " Do\n") - count(clean.text, " Do\n"), numbers);
  EXPECT_GE(count(marked.text, "/Subtype /Form"), 10);  // the digits at least
  EXPECT_LT(count(marked.text, "/Subtype /Form"), 100);  // once per glyph, not per mark
  std::string t = squeeze(run("pdftotext -enc UTF-8 '" + b.none.path + "' -").text);
  EXPECT_NE(t.find("Elk getal in de tabellen is een link naar zijn nummer hier."), std::string::npos);
}

}  // namespace
}  // namespace zorgcap
