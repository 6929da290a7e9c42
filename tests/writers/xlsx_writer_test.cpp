// tables.xlsx unpacked with `unzip -p` and its XML read with libxml2: sheets, number cells with
// their values and formats, strings that look like formulas, merged spans, links to "Herkomst",
// and the same bytes from two writes.
#include "writers/xlsx_writer.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <regex>
#include <set>

#include "test_support.h"
#include "writers/export_documents.h"

namespace zorgcap {
namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The output of a shell command (its exit status in `status`).
std::string run_command(const std::string& cmd, int* status = nullptr) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run " + cmd);
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe.get())) > 0;) out.append(buf, n);
  int rc = pclose(pipe.release());
  if (status) *status = rc;
  return out;
}

bool have_unzip() {
  int rc = 0;
  run_command("command -v unzip >/dev/null 2>&1", &rc);
  return rc == 0;
}

std::string unzip(const std::string& file, const std::string& member) {
  int rc = 0;
  std::string out = run_command("unzip -p " + shell_quote(file) + " " + shell_quote(member), &rc);
  if (rc != 0) throw std::runtime_error("unzip -p " + file + " " + member + " failed");
  return out;
}

struct Xml {
  explicit Xml(const std::string& text)
      : doc(xmlReadMemory(text.data(), static_cast<int>(text.size()), "part.xml", "UTF-8", XML_PARSE_NONET), xmlFreeDoc) {}
  std::vector<xmlNodePtr> all(const std::string& xpath) const {
    std::vector<xmlNodePtr> out;
    std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(xmlXPathNewContext(doc.get()), xmlXPathFreeContext);
    xmlXPathRegisterNs(ctx.get(), BAD_CAST "x", BAD_CAST "http://schemas.openxmlformats.org/spreadsheetml/2006/main");
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> res(
        xmlXPathEvalExpression(BAD_CAST xpath.c_str(), ctx.get()), xmlXPathFreeObject);
    if (res && res->nodesetval)
      for (int i = 0; i < res->nodesetval->nodeNr; ++i) out.push_back(res->nodesetval->nodeTab[i]);
    return out;
  }
  static std::string attr(xmlNodePtr n, const char* name) {
    xmlChar* v = xmlGetProp(n, BAD_CAST name);
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
  }
  static std::string text(xmlNodePtr n) {
    xmlChar* v = xmlNodeGetContent(n);
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
  }
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc;
};


// A written workbook, unpacked on demand.
class Workbook {
 public:
  explicit Workbook(const Document& doc) : path_(dir_.str() + "/tables.xlsx") {
    write_xlsx(doc, path_);
    Xml strings(unzip(path_, "xl/sharedStrings.xml"));
    for (xmlNodePtr si : strings.all("/x:sst/x:si")) strings_.push_back(Xml::text(si));
  }
  const std::string& path() const { return path_; }
  const Xml& sheet(int n) {
    auto it = sheets_.find(n);
    if (it == sheets_.end())
      it = sheets_.emplace(n, std::make_unique<Xml>(unzip(path_, "xl/worksheets/sheet" + std::to_string(n) + ".xml"))).first;
    return *it->second;
  }
  xmlNodePtr cell(int sheet_no, const std::string& ref) {
    auto it = cells_.find(sheet_no);
    if (it == cells_.end()) {
      it = cells_.emplace(sheet_no, std::map<std::string, xmlNodePtr>{}).first;
      for (xmlNodePtr c : sheet(sheet_no).all("//x:sheetData/x:row/x:c")) it->second[Xml::attr(c, "r")] = c;
    }
    auto c = it->second.find(ref);
    return c == it->second.end() ? nullptr : c->second;
  }
  // The text of a string cell (shared string), or "" if the cell is not one.
  std::string string_at(int sheet_no, const std::string& ref) {
    xmlNodePtr c = cell(sheet_no, ref);
    if (!c || Xml::attr(c, "t") != "s") return "";
    return strings_.at(std::stoul(Xml::text(c)));
  }

 private:
  test::TempDir dir_;
  std::string path_;
  std::vector<std::string> strings_;
  std::map<int, std::unique_ptr<Xml>> sheets_;
  std::map<int, std::map<std::string, xmlNodePtr>> cells_;
};

Workbook& baseline_workbook() {
  static Workbook wb(test::baseline_document());
  return wb;
}

class XlsxWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have_unzip()) FAIL() << "the XLSX tests read the file with unzip: apt-get install unzip";
  }
};

TEST_F(XlsxWriter, HasOneSheetPerTableThenHerkomstAndBronnen) {
  Xml wb(unzip(baseline_workbook().path(), "xl/workbook.xml"));
  auto sheets = wb.all("//x:sheets/x:sheet");
  ASSERT_EQ(sheets.size(), 37u + 2u);
  for (int i = 0; i < 37; ++i) EXPECT_EQ(Xml::attr(sheets[static_cast<std::size_t>(i)], "name"), "Tabel " + std::to_string(i + 1));
  EXPECT_EQ(Xml::attr(sheets[37], "name"), "Herkomst");
  EXPECT_EQ(Xml::attr(sheets[38], "name"), "Bronnen");
}

// The tables' cells, numbers and links are read back with openpyxl in xlsx_readback_test.cpp.

TEST_F(XlsxWriter, HerkomstAndBronnenListEveryEntryAndSource) {
  Workbook& wb = baseline_workbook();
  const Document& doc = test::baseline_document();
  EXPECT_EQ(wb.string_at(38, "A1"), "Nr");
  EXPECT_EQ(wb.sheet(38).all("//x:sheetData/x:row").size(), doc.provenance.size() + 1);
  for (const ProvenanceEntry& e : doc.provenance) {
    std::string r = std::to_string(e.mark + 1);
    EXPECT_EQ(wb.string_at(38, "C" + r), e.label);
    EXPECT_EQ(wb.string_at(38, "D" + r), e.value_text);
    EXPECT_EQ(wb.string_at(38, "H" + r), e.source ? e.source->label + (e.note.empty() ? "" : " (" + e.note + ")")
                                                  : e.formula_text);
    if (e.source && !e.source->url.empty()) {
      EXPECT_EQ(wb.string_at(38, "J" + r), e.source->url);
    }
  }
  EXPECT_EQ(wb.sheet(39).all("//x:sheetData/x:row").size(), doc.sources.size() + 1);
  EXPECT_EQ(wb.string_at(39, "B2"), doc.sources[0].label);
}

TEST_F(XlsxWriter, TextThatLooksLikeAFormulaStaysText) {
  Workbook wb(test::span_document());
  const int sheet = 38;  // table 99 follows the 37
  // Body starts after the caption and 2 header rows: row 4 (Excel) is the section row.
  EXPECT_EQ(wb.string_at(sheet, "D5"), "=SUM(A1:A2)");
  EXPECT_EQ(wb.string_at(sheet, "D6"), "@home");
  EXPECT_TRUE(wb.sheet(sheet).all("//x:f").empty());
  EXPECT_TRUE(wb.sheet(sheet).all("//x:c[@t='str']").empty());
  // No formula anywhere in the workbook.
  std::string all_sheets = unzip(wb.path(), "xl/worksheets/sheet*.xml");
  EXPECT_GT(all_sheets.size(), 100000u);
  EXPECT_EQ(all_sheets.find("<f>"), std::string::npos);
  EXPECT_EQ(all_sheets.find("t=\"str\""), std::string::npos);
}

TEST_F(XlsxWriter, SpansAreMergedCells) {
  Workbook wb(test::span_document());
  std::set<std::string> merged;
  for (xmlNodePtr m : wb.sheet(38).all("//x:mergeCells/x:mergeCell")) merged.insert(Xml::attr(m, "ref"));
  // A8:D8: the note under the table, wrapped over its width.
  EXPECT_EQ(merged, (std::set<std::string>{"A2:A3", "B2:C2", "D2:D3", "A4:D4", "A5:A6", "A8:D8"}));
  EXPECT_EQ(wb.string_at(38, "B2"), "Huisarts & VS");
  EXPECT_EQ(wb.string_at(38, "A5"), "Groep\nA");
  EXPECT_EQ(wb.string_at(38, "B6"), test::kSpecialText);
  EXPECT_DOUBLE_EQ(std::stod(Xml::text(wb.cell(38, "B5"))), 1916.56);
  EXPECT_DOUBLE_EQ(std::stod(Xml::text(wb.cell(38, "C5"))), 0.19);
}

TEST_F(XlsxWriter, TwoWritesGiveTheSameBytesWithAFixedDate) {
  const Document& doc = test::baseline_document();
  test::TempDir dir;
  std::string a = dir.str() + "/a.xlsx", b = dir.str() + "/b.xlsx";
  write_xlsx(doc, a);
  write_xlsx(doc, b);
  std::string bytes_a = test::read_file(a), bytes_b = test::read_file(b);
  EXPECT_GT(bytes_a.size(), 10000u);
  EXPECT_TRUE(bytes_a == bytes_b) << "tables.xlsx differs between two writes of the same Document";

  // Not the clock: the creation date is 1 January of the peildatum's year (2024), and the zip
  // entries carry libxlsxwriter's fixed 1980-01-01 00:00.
  std::string core = unzip(a, "docProps/core.xml");
  EXPECT_NE(core.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-01-01T00:00:00Z</dcterms:created>"),
            std::string::npos) << core;
  EXPECT_NE(core.find("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-01-01T00:00:00Z</dcterms:modified>"),
            std::string::npos) << core;
  int rc = 0;
  std::string listing = run_command("unzip -Z -T " + shell_quote(a), &rc);  // zipinfo, times as yyyymmdd.hhmmss
  ASSERT_EQ(rc, 0) << listing;
  std::regex entry(R"((\d{8}\.\d{6}) (\S+)\n)");
  int entries = 0;
  for (std::sregex_iterator it(listing.begin(), listing.end(), entry), end; it != end; ++it, ++entries)
    EXPECT_EQ((*it)[1].str(), "19800101.000000") << (*it)[2].str();
  EXPECT_GE(entries, 39 + 5);
}

TEST_F(XlsxWriter, FailureThrowsAndLeavesNoScratchFile) {
  test::TempDir dir;
  EXPECT_THROW(write_xlsx(test::baseline_document(), dir.str() + "/missing/tables.xlsx"), std::runtime_error);
  // An existing file is replaced whole.
  std::string path = dir.str() + "/tables.xlsx";
  test::write_file(path, "old");
  write_xlsx(test::baseline_document(), path);
  EXPECT_EQ(test::read_file(path).substr(0, 2), "PK");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& f : std::filesystem::directory_iterator(dir.path())) ++files;
  EXPECT_EQ(files, 1u);
}

// ---- xlsx_number, cell by cell ----

BuiltCell cell_of(std::vector<BuiltRun> runs) {
  return test::make_cell(1, false, 0, 1, std::move(runs));
}
// A number `value` printed as `text` in template format `format`.
BuiltRun num(double value, const std::string& text, const char* format = "n0") {
  BuiltRun r = test::text_run(text);
  r.is_number = true;
  r.number.key = "x";
  r.number.value = value;
  r.number.format = parse_number_format(format).value();
  r.number.text = text;
  r.number.mark = 1;
  return r;
}

TEST(XlsxNumber, PlainNumberKeepsTheRawValueAndPrintedDecimals) {
  auto n = xlsx_number(cell_of({num(9842.4, "9.842")}));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->value, 9842.4);
  EXPECT_EQ(n->format, "#,##0");
  n = xlsx_number(cell_of({num(19.3949, "19,39", "n2"), test::text_run(" fte")}));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->value, 19.3949);
  EXPECT_EQ(n->format, "#,##0.00\" fte\"");
}

TEST(XlsxNumber, PercentIsAnExcelPercentOfTheShare) {
  auto n = xlsx_number(cell_of({num(0.19, "19", "pct0"), test::text_run("%")}));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->value, 0.19);
  EXPECT_EQ(n->format, "#,##0%");
  n = xlsx_number(cell_of({num(0.125, "12,5", "pct1"), test::text_run(" %")}));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->format, "#,##0.0\" \"%");
  // Without a % sign Excel would not scale: the percentage itself is written.
  n = xlsx_number(cell_of({num(0.19, "19", "pct0"), test::text_run(" procent")}));
  ASSERT_TRUE(n);
  EXPECT_DOUBLE_EQ(n->value, 19);
  EXPECT_EQ(n->format, "#,##0\" procent\"");
}

TEST(XlsxNumber, MillionsAreScaledByTheFormat) {
  auto n = xlsx_number(cell_of({test::text_run("€ "), num(286443210.5, "286,44", "mln2"), test::text_run(" miljoen")}));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->value, 286443210.5);
  EXPECT_EQ(n->format, "\"€ \"#,##0.00,,\" miljoen\";\"€ -\"#,##0.00,,\" miljoen\"");
  n = xlsx_number(cell_of({num(12345, "12", "dzd0"), test::text_run(" duizend")}));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->format, "#,##0,\" duizend\"");
}

TEST(XlsxNumber, TheTemplateFormatDecidesTheScaleEvenForAZero) {
  // A zero prints "0,00" on every scale; without "miljoen" beside it the text cannot tell, the
  // format (mln2) can: Excel's millions scaling.
  auto n = xlsx_number(cell_of({test::text_run("€ "), num(0, "0,00", "mln2")}));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->value, 0);
  EXPECT_EQ(n->format, "\"€ \"#,##0.00,,;\"€ -\"#,##0.00,,");
  n = xlsx_number(cell_of({num(0, "0", "pct0"), test::text_run("%")}));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->format, "#,##0%");
}

TEST(XlsxNumber, OnlyOneNumberWithAUnitIsANumber) {
  EXPECT_FALSE(xlsx_number(cell_of({num(1916.56, "1.917"), test::text_run("-"), num(3833.1, "3.833"), test::text_run(" fte")})));
  EXPECT_FALSE(xlsx_number(cell_of({test::text_run("ca. "), num(5, "5")})));
  EXPECT_FALSE(xlsx_number(cell_of({num(5, "5"), test::text_run(" (2020)")})));
  EXPECT_FALSE(xlsx_number(cell_of({num(5, "5"), test::text_run(" huisartsen met inzet")})));
  EXPECT_FALSE(xlsx_number(cell_of({test::text_run("=5")})));
  EXPECT_FALSE(xlsx_number(cell_of({num(NAN, "n.b.")})));
}

TEST(XlsxNumber, WhatExcelWouldShowDifferentlyIsWrittenAsPrinted) {
  // A half through binary floating point: the report and Excel (15 digits) both round it up.
  auto n = xlsx_number(cell_of({num(2.675, "2,68", "n2")}));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->value, 2.675);
  // A negative that the report prints as "0": Excel would show "-0".
  n = xlsx_number(cell_of({num(-0.2, "0"), test::text_run(" fte")}));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->value, 0);
}

}  // namespace
}  // namespace zorgcap
