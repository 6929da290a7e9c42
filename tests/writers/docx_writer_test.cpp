// tables.docx read back with python-docx (tests/writers/docx_dump.py, Debian python3-docx) and
// converted to PDF by headless LibreOffice (Debian libreoffice-writer-nogui), then read with
// pdftotext. Expected texts come from the Document (what every writer prints) and, for the cells
// and footnotes the report prints, from the report itself.
#include "writers/docx_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>

#include "test_support.h"
#include "writers/export_documents.h"

namespace zorgcap {
namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The standard output of a shell command; its exit status in `status`.
std::string run_command(const std::string& cmd, int& status) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run " + cmd);
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe.get())) > 0;) out.append(buf, n);
  status = pclose(pipe.release());
  return out;
}

// Debian's python3 (python3-docx is a Debian package: a python3 earlier on PATH may not see it).
std::string python() { return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

// The JSON docx_dump.py prints for `path`; a test failure if python-docx cannot read it.
nlohmann::json dump(const std::string& path) {
  int rc = 0;
  std::string out = run_command(python() + " " + shell_quote(test::source_dir() + "/tests/writers/docx_dump.py") + " " +
                                    shell_quote(path) + " 2>&1",
                                rc);
  if (rc != 0) throw std::runtime_error("docx_dump.py failed (python3-docx installed? make test installs it):\n" + out);
  return nlohmann::json::parse(out);
}

struct Written {
  test::TempDir dir;
  std::string path;
  std::string bytes;
  nlohmann::json json;
};

std::unique_ptr<Written> write(const Document& doc, const DocxOptions& o = {}) {
  auto w = std::make_unique<Written>();
  w->path = w->dir.str() + "/tables.docx";
  w->bytes = render_docx(doc, o);
  test::write_file(w->path, w->bytes);
  w->json = dump(w->path);
  return w;
}

Written& baseline() {
  static std::unique_ptr<Written> w = write(test::baseline_document());
  return *w;
}

std::vector<nlohmann::json> tables(const nlohmann::json& j) {
  std::vector<nlohmann::json> out;
  for (const auto& b : j["body"])
    if (b.contains("table")) out.push_back(b["table"]);
  return out;
}

// The paragraph right before each table.
std::vector<nlohmann::json> captions(const nlohmann::json& j) {
  std::vector<nlohmann::json> out;
  const auto& body = j["body"];
  for (std::size_t i = 0; i < body.size(); ++i)
    if (body[i].contains("table")) out.push_back(i > 0 && body[i - 1].contains("paragraph") ? body[i - 1]["paragraph"] : nullptr);
  return out;
}

// The Word cell (a <w:tc>, as docx_dump gives it) of each grid slot where one starts: the grid
// walked column by column, a span's slots skipped.
void expect_section(const nlohmann::json& word_rows, std::size_t first, const std::vector<std::vector<BuiltCell>>& section,
                    const Grid& grid, bool header, const std::string& where, const DocxOptions& o) {
  for (std::size_t r = 0; r < grid.size(); ++r) {
    const auto& row = word_rows.at(first + r);
    EXPECT_EQ(row["header"].get<bool>(), header) << where << " row " << r;
    EXPECT_EQ(row["slots"].size(), grid[r].size()) << where << " row " << r;
    std::size_t k = 0;
    for (std::size_t c = 0; c < grid[r].size(); ++k) {
      const BuiltCell& cell = cell_at(section, grid[r][c]);
      const std::string at = where + " " + cell.id + " (row " + std::to_string(r) + ", column " + std::to_string(c) + ")";
      ASSERT_LT(k, row["cells"].size()) << at;
      const auto& wc = row["cells"][k];
      EXPECT_EQ(wc["span"].get<int>(), cell.colspan) << at;
      if (static_cast<std::size_t>(cell.row) == r) {
        EXPECT_EQ(wc["text"].get<std::string>(), cell.text) << at;
        EXPECT_EQ(wc["merge"].get<std::string>(), cell.rowspan > 1 ? "restart" : "") << at;
        std::vector<std::vector<std::string>> marks;
        for (const BuiltRun& run : cell.runs)
          if (o.show_marks && run.is_number && run.number.mark > 0)
            marks.push_back(run.number.deviates()
                                ? std::vector<std::string>{"DeviationMark", "\u2260" + std::to_string(run.number.mark)}
                                : std::vector<std::string>{"ProvenanceMark", std::to_string(run.number.mark)});
        EXPECT_EQ(wc["marks"].get<std::vector<std::vector<std::string>>>(), marks) << at;
        std::vector<std::string> notes;
        for (const CellFootnote& f : cell.footnotes) notes.push_back(std::to_string(f.number));
        EXPECT_EQ(wc["notes"].get<std::vector<std::string>>(), notes) << at;
      } else {
        EXPECT_EQ(wc["text"].get<std::string>(), "") << at;
        EXPECT_EQ(wc["merge"].get<std::string>(), "continue") << at;
      }
      c += static_cast<std::size_t>(cell.colspan);
    }
    EXPECT_EQ(k, row["cells"].size()) << where << " row " << r;
  }
}

void expect_tables(const nlohmann::json& j, const Document& doc, const DocxOptions& o = {}) {
  auto ts = tables(j);
  auto cs = captions(j);
  ASSERT_EQ(ts.size(), doc.tables.size());
  for (std::size_t i = 0; i < doc.tables.size(); ++i) {
    const BuiltTable& t = doc.tables[i];
    ASSERT_TRUE(cs[i].is_object()) << t.id << " has no paragraph before it";
    EXPECT_EQ(cs[i]["style"], "Caption") << t.id;
    EXPECT_EQ(cs[i]["text"], t.caption) << t.id;
    EXPECT_EQ(ts[i]["columns"].get<int>(), t.columns) << t.id;
    ASSERT_EQ(ts[i]["rows"].size(), t.header_grid.size() + t.body_grid.size()) << t.id;
    expect_section(ts[i]["rows"], 0, t.header, t.header_grid, true, t.id, o);
    expect_section(ts[i]["rows"], t.header_grid.size(), t.body, t.body_grid, false, t.id, o);
  }
}

TEST(DocxWriter, IsAZipOfWellFormedPartsDated1980) {
  const auto& j = baseline().json;
  EXPECT_TRUE(j["parts_ok"].get<bool>());
  EXPECT_EQ(j["dates"], nlohmann::json::array({"1980-01-01 00:00:00"}));
  EXPECT_EQ(j["names"].at(0), "[Content_Types].xml");
}

TEST(DocxWriter, HoldsAll37TablesAsWordTablesWithCaptionsSpansMarksAndRepeatedHeaders) {
  const Document& doc = test::baseline_document();
  ASSERT_EQ(doc.tables.size(), 37u);
  expect_tables(baseline().json, doc);
  // Every table has at least one header row, and it is marked to repeat.
  for (const auto& t : tables(baseline().json)) EXPECT_TRUE(t["rows"][0]["header"].get<bool>());
}

// Cells as the report prints them (report p. 60, Tabel 26).
TEST(DocxWriter, Table26HasTheReportsAmounts) {
  auto t26 = tables(baseline().json).at(25);
  std::vector<std::string> texts;
  for (const auto& row : t26["rows"])
    for (const auto& c : row["cells"]) texts.push_back(c["text"]);
  auto has = [&](const std::string& s) { return std::find(texts.begin(), texts.end(), s) != texts.end(); };
  EXPECT_TRUE(has("€ 286,44 – € 572,89 miljoen")) << nlohmann::json(texts).dump();
  EXPECT_TRUE(has("Besparing door inzet van VS"));
}

// The report's footnotes in Tabel 6 (¹ ², with their addresses), Tabel 11 (⁷¹) and Tabel 13 (⁸⁰).
TEST(DocxWriter, TheReportsCellFootnotesAreWordFootnotesWithLinks) {
  const auto& j = baseline().json;
  const auto& notes = j["footnotes"];
  ASSERT_EQ(notes.size(), 4u) << notes.dump();
  const std::string u1 = "https://www.rijksoverheid.nl/documenten/publicaties/2023/06/08/"
                         "bijlage-ii-eindrapport-evaluatie-actieplan-dichterbij-dan-je-denkt";
  const std::string u2 = "https://www.rijksoverheid.nl/documenten/kamerstukken/2023/12/05/"
                         "kamerbrief-over-voorhangbrief-stimuleringsregeling-innovatie-taz-wozo";
  EXPECT_EQ(notes[0]["text"], "1 " + u1 + ".");
  EXPECT_EQ(notes[0]["links"], nlohmann::json::array({u1}));
  EXPECT_EQ(notes[1]["text"], "2 " + u2 + ".");
  EXPECT_EQ(notes[1]["links"], nlohmann::json::array({u2}));
  EXPECT_EQ(notes[2]["text"].get<std::string>().rfind("71 Hoewel in sommige gevallen de medisch specialist", 0), 0u)
      << notes[2]["text"];
  EXPECT_EQ(notes[2]["links"].size(), 0u);
  EXPECT_EQ(notes[3]["text"].get<std::string>().rfind("80 Een recentere bron over het onderscheid", 0), 0u) << notes[3]["text"];
  // The references sit in the cells of the right tables (expect_tables checks each cell's list).
  auto ts = tables(j);
  auto refs = [&](std::size_t table) {
    std::vector<std::string> out;
    for (const auto& row : ts.at(table - 1)["rows"])
      for (const auto& c : row["cells"])
        for (const auto& n : c["notes"]) out.push_back(n);
    return out;
  };
  EXPECT_EQ(refs(6), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(refs(11), (std::vector<std::string>{"71"}));
  EXPECT_EQ(refs(13), (std::vector<std::string>{"80"}));
}

TEST(DocxWriter, OnlyWebAndMailAddressesBecomeLinks) {
  Document doc = test::baseline_document();
  doc.tables.resize(1);
  BuiltCell& c = doc.tables[0].body[0][0];
  c.footnotes = {CellFootnote{.number = 7, .text = "zie bijlage", .url = "javascript:alert(1)", .at = 0, .before_run = 0, .anchor = "v7"},
                 CellFootnote{.number = 8, .text = "schrijf ons", .url = "mailto:info@example.nl", .at = 2, .before_run = 0, .anchor = "v8"}};
  auto w = write(doc);
  const auto& notes = w->json["footnotes"];
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0]["text"], "7 zie bijlage javascript:alert(1)");
  EXPECT_EQ(notes[0]["links"].size(), 0u);
  EXPECT_EQ(notes[1]["links"], nlohmann::json::array({"mailto:info@example.nl"}));
  expect_tables(w->json, doc);  // the references at their places, the cell text unchanged
}

TEST(DocxWriter, DeviatingNumbersGetADistinctMarkAndMarksCanBeLeftOut) {
  Document doc = test::baseline_document();
  BuiltRun* number = nullptr;
  for (auto& row : doc.tables[3].body)
    for (BuiltCell& c : row)
      for (BuiltRun& r : c.runs)
        if (r.is_number && !number) number = &r;
  ASSERT_NE(number, nullptr);
  number->number.printed = std::make_shared<const PrintedComparison>(PrintedComparison{.status = PrintedComparison::Status::erratum, .id = "t4.x", .printed = "48%",
                                             .computed = "10%", .erratum = "I5", .kind = "fout in het rapport",
                                             .reason = "r", .anchor = "v-t4.x", .note = ""});
  auto w = write(doc);
  expect_tables(w->json, doc);  // the deviating number's mark is "≠N" in DeviationMark

  DocxOptions clean;
  clean.show_marks = false;
  auto c = write(doc, clean);
  expect_tables(c->json, doc, clean);  // no marks at all, the same texts
}

TEST(DocxWriter, SpansOfAHandMadeTable) {
  Document doc = test::span_document();
  doc.tables.erase(doc.tables.begin(), doc.tables.end() - 1);
  auto w = write(doc);
  expect_tables(w->json, doc);
}

TEST(DocxWriter, SameDocumentSameBytesInEveryTimeZone) {
  const char* old = std::getenv("TZ");
  std::string saved = old ? old : "";
  setenv("TZ", "Pacific/Kiritimati", 1);  // UTC+14
  tzset();
  std::string other = render_docx(test::baseline_document());
  if (old) setenv("TZ", saved.c_str(), 1); else unsetenv("TZ");
  tzset();
  EXPECT_TRUE(other == baseline().bytes) << "the bytes depend on the time zone";
  EXPECT_TRUE(render_docx(test::baseline_document()) == baseline().bytes) << "two renders differ";
}

// Headless LibreOffice opens it and makes a PDF in which pdftotext finds every caption and footnote.
TEST(DocxWriter, LibreOfficeConvertsItToAPdfWithEveryCaption) {
  Written& w = baseline();
  int rc = 0;
  run_command("command -v soffice >/dev/null 2>&1", rc);
  ASSERT_EQ(rc, 0) << "soffice not found: apt-get install libreoffice-writer-nogui (make test installs it)";
  test::TempDir profile, out;
  std::string log = run_command("timeout 300 soffice -env:UserInstallation=file://" + profile.str() +
                                    " --headless --norestore --convert-to pdf --outdir " + shell_quote(out.str()) + " " +
                                    shell_quote(w.path) + " 2>&1",
                                rc);
  ASSERT_EQ(rc, 0) << log;
  EXPECT_EQ(log.find("Error"), std::string::npos) << log;
  const std::string pdf = out.str() + "/tables.pdf";
  ASSERT_TRUE(std::filesystem::exists(pdf)) << log;
  std::string text = run_command("pdftotext -enc UTF-8 " + shell_quote(pdf) + " - 2>&1", rc);
  ASSERT_EQ(rc, 0) << text;
  // Runs of white space (no-break spaces too) as one space; "- " dropped, as pdftotext joins a
  // word broken after a hyphen at the end of a line ("verpleeghuis-" | "en" → "verpleeghuisen").
  auto flat = [](std::string s) {
    for (std::size_t at; (at = s.find("\u00a0")) != std::string::npos;) s.replace(at, 2, " ");
    s = std::regex_replace(s, std::regex("\\s+"), " ");
    return std::regex_replace(s, std::regex("- "), "");
  };
  text = flat(text);
  for (const BuiltTable& t : test::baseline_document().tables)
    EXPECT_NE(text.find(flat(t.caption)), std::string::npos) << t.caption;
  EXPECT_NE(text.find("Hoewel in sommige gevallen de medisch specialist"), std::string::npos);
}

}  // namespace
}  // namespace zorgcap
