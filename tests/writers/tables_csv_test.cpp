// tables.csv as Python's csv module reads it: a UTF-8 BOM, the documented columns, raw minimum
// and maximum as numbers with a "." decimal point, and text a spreadsheet would execute protected.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include "writers/export_documents.h"
#include "writers/readback.h"
#include "writers/tables_json.h"

namespace zorgcap {
namespace {

using nlohmann::json;

json read_back(const Document& doc) {
  test::TempDir dir;
  std::string path = dir.str() + "/tables.csv";
  test::write_file(path, render_tables_csv(doc));
  return test::readback("csv_dump.py", path);
}

const json& baseline() {
  static const json j = read_back(test::baseline_document());
  return j;
}

const std::vector<std::string> kColumns = {"table", "section", "row", "column", "text", "quantity", "unit", "min", "max"};

TEST(TablesCsv, StartsWithABomAndHasTheDocumentedColumns) {
  EXPECT_TRUE(baseline().at("bom").get<bool>());
  const json& rows = baseline().at("rows");
  EXPECT_EQ(rows.at(0).get<std::vector<std::string>>(), kColumns);
  for (const json& r : rows) ASSERT_EQ(r.size(), kColumns.size()) << r.dump();
  // The BOM makes the text UTF-8 for the importer: "Potentiële", not "PotentiÃ«le".
  bool found = false;
  for (const json& r : rows) found |= r.at(4).get<std::string>().rfind("Potentiële netto capaciteitsbesparing", 0) == 0;
  EXPECT_TRUE(found);
}

// The report's Tabel 26: "€ 286,44 – € 572,89 miljoen" is one line with its raw min and max.
TEST(TablesCsv, RawMinimumAndMaximumAreSeparateNumbers) {
  const json& rows = baseline().at("rows");
  bool found = false;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const json& r = rows[i];
    for (int c : {7, 8}) {
      std::string v = r.at(static_cast<std::size_t>(c));
      if (v.empty()) continue;
      char* end = nullptr;
      std::strtod(v.c_str(), &end);
      EXPECT_EQ(*end, '\0') << "not a number: " << v;
      EXPECT_EQ(v.find(';'), std::string::npos);
      EXPECT_EQ(v.find(','), std::string::npos);
    }
    if (r.at(0) == "26" && r.at(1) == "body" && r.at(2) == "0" && r.at(3) == "2") {
      found = true;
      EXPECT_EQ(r.at(4), "€ 286,44 – € 572,89 miljoen");
      EXPECT_EQ(r.at(5), "doelmatigheid.huisarts.vs.netto_eur");
      EXPECT_EQ(r.at(6), "euro");
      EXPECT_NEAR(std::stod(r.at(7).get<std::string>()) / 1e6, 286.44, 0.005);
      EXPECT_NEAR(std::stod(r.at(8).get<std::string>()) / 1e6, 572.89, 0.005);
    }
  }
  EXPECT_TRUE(found);
}

// A cell with two quantities ("1.917-3.833 fte (19-39%)") gives a line per quantity.
TEST(TablesCsv, ACellWithTwoQuantitiesHasALinePerQuantity) {
  int lines = 0;
  for (const json& r : baseline().at("rows"))
    if (r.at(0) == "10" && r.at(1) == "body" && r.at(4).get<std::string>().find(" fte (") != std::string::npos) ++lines;
  EXPECT_GE(lines, 2);
  EXPECT_EQ(lines % 2, 0);
}

TEST(TablesCsv, TextASpreadsheetWouldExecuteIsProtected) {
  Document doc = test::span_document();
  BuiltTable& t = doc.tables.back();
  const char* risky[] = {"-2+3", "+1", "@SUM(A1)", "\tx", "\rx"};
  std::size_t i = 0;
  for (const char* text : risky) {
    BuiltCell& c = t.header[1][i++ % 2];
    c.runs = {test::text_run(text)};
    c.text = text;
    json rows = read_back(doc).at("rows");
    bool seen = false;
    for (const json& r : rows)
      if (r.at(0) == "99" && r.at(1) == "header" && r.at(2) == "1" && r.at(3) == std::to_string(c.col)) {
        EXPECT_EQ(r.at(4), std::string("'") + text);
        seen = true;
      }
    EXPECT_TRUE(seen) << text;
  }
  json rows = read_back(doc).at("rows");
  bool sum = false, home = false;
  for (const json& r : rows) {
    sum |= r.at(4) == "'=SUM(A1:A2)";
    home |= r.at(4) == "'@home";
  }
  EXPECT_TRUE(sum);
  EXPECT_TRUE(home);
}

}  // namespace
}  // namespace zorgcap
