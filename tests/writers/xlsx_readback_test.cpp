// tables.xlsx as openpyxl (python3-openpyxl) reads it: numbers are numeric cells in the printed
// format, a range takes two cells, € amounts are numbers, deviations and footnotes are visible,
// Herkomst filters and links, rows have heights, sheets fit the page width, and text that XML or
// Excel cannot hold is cleaned with a warning.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include "writers/export_documents.h"
#include "writers/readback.h"
#include "writers/xlsx_writer.h"

namespace zorgcap {
namespace {

using nlohmann::json;

json read_back(const Document& doc) {
  test::TempDir dir;
  std::string path = dir.str() + "/tables.xlsx";
  write_xlsx(doc, path);
  return test::readback("xlsx_dump.py", path);
}

const json& baseline() {
  static const json j = read_back(test::reconciled_document());
  return j;
}

const json& sheet(const json& wb, const std::string& name) {
  for (const json& s : wb.at("sheets"))
    if (s.at("name") == name) return s;
  throw std::runtime_error("no sheet " + name);
}

// The report prints Tabel 26 row 1 as "€ 286,44 – € 572,89 miljoen": two numbers, in millions.
TEST(XlsxReadback, Table26EuroAmountsAreTwoNumericCellsInAEuroFormat) {
  const json& t = sheet(baseline(), "Tabel 26");
  const json& cells = t.at("cells");
  EXPECT_EQ(cells.at("D2").at("v"), "Omvang in euro’s");
  EXPECT_EQ(cells.at("D3").at("v"), "min");
  EXPECT_EQ(cells.at("E3").at("v"), "max");
  const json& lo = cells.at("D4");
  const json& hi = cells.at("E4");
  EXPECT_EQ(lo.at("t"), "n");
  EXPECT_EQ(hi.at("t"), "n");
  EXPECT_NEAR(lo.at("v").get<double>() / 1e6, 286.44, 0.005);
  EXPECT_NEAR(hi.at("v").get<double>() / 1e6, 572.89, 0.005);
  EXPECT_EQ(lo.at("f"), "\"€ \"#,##0.00,,\" miljoen\";\"€ -\"#,##0.00,,\" miljoen\"");
  EXPECT_EQ(lo.at("link"), "#Herkomst!A" + std::to_string(test::baseline_document().tables[25].body[0][2].runs[1].number.mark + 1));
  // "3,35 – 6,70 miljoen uren" (report): the hours too.
  EXPECT_NEAR(cells.at("B4").at("v").get<double>() / 1e6, 3.35, 0.005);
  EXPECT_EQ(cells.at("B4").at("f"), "#,##0.00,,\" miljoen uren\"");
  EXPECT_NEAR(cells.at("C4").at("v").get<double>() / 1e6, 6.70, 0.005);
}

// In Tables 26–29 no € amount is left as text in the body rows.
TEST(XlsxReadback, EveryEuroAmountOfTables26To29IsANumber) {
  const Document& doc = test::baseline_document();
  std::regex amount("€ ?-?[0-9]");
  int numeric = 0;
  for (int n = 26; n <= 29; ++n) {
    const BuiltTable& t = doc.tables[static_cast<std::size_t>(n - 1)];
    const int first = 2 + static_cast<int>(t.header.size()) + 1;  // caption, header rows, "min"/"max" row
    const int last = first + static_cast<int>(t.body.size()) - 1;
    for (const auto& [ref, c] : sheet(baseline(), "Tabel " + std::to_string(n)).at("cells").items()) {
      int row = std::stoi(ref.substr(ref.find_first_of("0123456789")));
      if (row < first || row > last) continue;
      if (c.at("t") == "s") {
        EXPECT_FALSE(std::regex_search(c.at("v").get<std::string>(), amount)) << n << " " << ref << ": " << c.at("v");
      }
      if (c.at("t") == "n" && c.at("f").get<std::string>().find("€") != std::string::npos) ++numeric;
    }
  }
  EXPECT_GE(numeric, 2 * 23);  // the report's 23 € ranges in these tables, two numbers each
}

// Every number of a table is a numeric cell, except those inside prose (Tabel 24, 25: "344,
// waarvan 117 door werkdruk"); the count of numbers comes from the Document, not from the file.
TEST(XlsxReadback, EveryNumberOutsideProseIsANumericCell) {
  const Document& doc = test::baseline_document();
  int numbers = 0, in_prose = 0;
  for (const BuiltTable& t : doc.tables)
    for (const auto& row : t.body)
      for (const BuiltCell& c : row) {
        int k = 0;
        for (const BuiltRun& r : c.runs) k += r.is_number;
        if (k == 0) continue;
        if (xlsx_parts(c).empty()) {
          EXPECT_TRUE(t.number == 24 || t.number == 25) << t.id << ": " << c.text;
          in_prose += k;
        } else {
          numbers += k;
        }
      }
  int numeric = 0;
  for (const json& s : baseline().at("sheets")) {
    if (s.at("name").get<std::string>().rfind("Tabel ", 0) != 0) continue;
    for (const auto& [ref, c] : s.at("cells").items()) numeric += c.at("t") == "n";
  }
  EXPECT_EQ(numeric, numbers);
  EXPECT_GT(numbers, 360);  // there were 87 numeric cells before a range took two
  // The 11 sentences of Tabel 24 and 25 with 23 numbers ("(273 van 2.826 tot 3.553)").
  EXPECT_LE(in_prose, 23);
}

TEST(XlsxReadback, PercentagesAreSharesInAPercentFormat) {
  // Tabel 1 prints 19% - 39% (the report): the share in a % format, two cells.
  const json& cells = sheet(baseline(), "Tabel 1").at("cells");
  bool found = false;
  for (const auto& [ref, c] : cells.items())
    if (c.at("t") == "n" && c.at("f") == "#,##0%" && std::fabs(c.at("v").get<double>() - 0.19) < 0.005) found = true;
  EXPECT_TRUE(found) << cells.dump().substr(0, 2000);
}

// Tabel 4: zorgcap's 10% where the report prints 48% (erratum I5) has its own fill and a comment.
TEST(XlsxReadback, DeviatingNumbersAreMarkedWithACommentAndAFill) {
  const json& cells = sheet(baseline(), "Tabel 4").at("cells");
  int marked = 0;
  for (const auto& [ref, c] : cells.items()) {
    if (!c.contains("comment")) continue;
    ++marked;
    EXPECT_EQ(c.at("fill"), "FFFCE4D6") << ref;
    if (c.at("comment").get<std::string>().find("het rapport drukt 48%, zorgcap 10%") != std::string::npos) {
      EXPECT_EQ(c.at("t"), "n");
      EXPECT_NEAR(c.at("v").get<double>(), 0.097, 0.001);
    }
  }
  EXPECT_EQ(marked, 3);  // 820 (I6), 10% and 12% (I5)
  bool note = false;
  for (const auto& [ref, c] : cells.items())
    note |= c.at("t") == "s" && c.at("v").get<std::string>().rfind("† 10 (benutting.heelkunde.pa.benut_aandeel): Wijkt af", 0) == 0;
  EXPECT_TRUE(note);
}

// The report's footnotes: markers in the cell, the notes with their addresses under the table.
TEST(XlsxReadback, Table6FootnotesAreMarkedAndListedWithLinks) {
  const json& cells = sheet(baseline(), "Tabel 6").at("cells");
  bool marker = false, note = false, link = false;
  const std::string url =
      "https://www.rijksoverheid.nl/documenten/publicaties/2023/06/08/bijlage-ii-eindrapport-evaluatie-actieplan-dichterbij-dan-je-denkt";
  for (const auto& [ref, c] : cells.items()) {
    if (c.at("t") != "s") continue;
    std::string v = c.at("v");
    marker |= v.find("‘Dichterbij dan je denkt’¹, wat eerder") != std::string::npos && v.find("TAZ-WOZO²") != std::string::npos;
    note |= v.rfind("¹ ", 0) == 0;
    link |= c.contains("link") && c.at("link") == url;
  }
  EXPECT_TRUE(marker);
  EXPECT_TRUE(note);
  EXPECT_TRUE(link);
  bool nvt = false;
  for (const auto& [ref, c] : sheet(baseline(), "Tabel 11").at("cells").items()) nvt |= c.at("v") == "n.v.t⁷¹";
  EXPECT_TRUE(nvt);
}

TEST(XlsxReadback, HerkomstHasAnAutofilterAndLinks) {
  const json& h = sheet(baseline(), "Herkomst");
  EXPECT_EQ(h.at("autofilter"), "A1:J" + std::to_string(test::baseline_document().provenance.size() + 1));
  int internal = 0, web = 0;
  for (const auto& [ref, c] : h.at("cells").items()) {
    if (!c.contains("link")) continue;
    std::string l = c.at("link");
    if (l.rfind("#Bronnen!A", 0) == 0) ++internal;
    else if (l.rfind("https://", 0) == 0 || l.rfind("http://", 0) == 0) ++web;
    else ADD_FAILURE() << ref << ": " << l;
  }
  EXPECT_GT(internal, 50);
  EXPECT_GT(web, 10);
}

TEST(XlsxReadback, EverySheetFitsThePageWidthAndWrappedRowsHaveHeights) {
  for (const json& s : baseline().at("sheets")) {
    EXPECT_TRUE(s.at("fit_to_page").get<bool>()) << s.at("name");
    EXPECT_EQ(s.at("fit_width"), 1) << s.at("name");
    EXPECT_EQ(s.at("fit_height"), 0) << s.at("name");
  }
  // Tabel 6's body rows hold paragraphs: each row is many lines high.
  const json& t6 = sheet(baseline(), "Tabel 6");
  const int first = 2 + static_cast<int>(test::baseline_document().tables[5].header.size());
  for (int r = first; r < first + static_cast<int>(test::baseline_document().tables[5].body.size()); ++r) {
    ASSERT_TRUE(t6.at("heights").contains(std::to_string(r))) << r;
    EXPECT_GE(t6.at("heights").at(std::to_string(r)).get<double>(), 60) << r;
  }
}

// U+FFFE, control characters and over-long text in a label: the file stays loadable, the text is
// cleaned and cut to Excel's 32,767 characters, and stderr names the quantity.
TEST(XlsxReadback, ForbiddenCharactersAreDroppedAndLongTextTruncatedWithAWarning) {
  Document doc = test::span_document();
  doc.provenance[0].label = "vóór\uFFFE\x01na";
  doc.provenance[1].label = std::string(40000, 'x');
  doc.sources[0].url = "javascript:alert(1)";
  testing::internal::CaptureStderr();
  json wb = read_back(doc);
  std::string err = testing::internal::GetCapturedStderr();
  const json& h = sheet(wb, "Herkomst").at("cells");
  EXPECT_EQ(h.at("C2").at("v"), "vóórna");
  EXPECT_EQ(h.at("C3").at("v").get<std::string>().size(), 32767u);
  EXPECT_NE(err.find("tables.xlsx: Herkomst, quantity " + doc.provenance[0].key + ": dropped 2 character(s)"), std::string::npos) << err;
  EXPECT_NE(err.find("tables.xlsx: Herkomst, quantity " + doc.provenance[1].key + ": text truncated to 32767"), std::string::npos) << err;
  const json& b = sheet(wb, "Bronnen").at("cells");
  EXPECT_EQ(b.at("D2").at("v"), "javascript:alert(1)");
  EXPECT_FALSE(b.at("D2").contains("link"));
}

}  // namespace
}  // namespace zorgcap
