// tables.json: the report's footnotes in cells (Tabel 6, 11 and 13), with their text and URL.
#include "writers/tables_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "writers/export_documents.h"

namespace zorgcap {
namespace {

using nlohmann::json;

const json& tables() {
  static const json j = json::parse(render_tables_json(test::baseline_document()));
  return j.at("tables");
}

const json& body_cell(int table, std::size_t row, std::size_t index) {
  return tables().at(static_cast<std::size_t>(table - 1)).at("rows").at(row).at(index);
}

// The text before a footnote's marker: its first `at` code points.
std::string before(const std::string& text, std::size_t at) {
  std::size_t i = 0;
  for (std::size_t n = 0; i < text.size() && n < at; ++n)
    do ++i; while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80);
  return text.substr(0, i);
}

TEST(TablesJson, Table6CarriesTheReportsFootnotesWithTheirAddresses) {
  const json& c = body_cell(6, 1, 1);
  ASSERT_TRUE(c.contains("footnotes")) << c.dump(2);
  const json& f = c.at("footnotes");
  ASSERT_EQ(f.size(), 2u);
  const std::string text = c.at("text");
  EXPECT_EQ(f[0].at("number"), 1);
  std::string b = before(text, f[0].at("at"));
  EXPECT_EQ(b.substr(b.size() - std::string("‘Dichterbij dan je denkt’").size()), "‘Dichterbij dan je denkt’");
  EXPECT_EQ(f[0].at("url"),
            "https://www.rijksoverheid.nl/documenten/publicaties/2023/06/08/bijlage-ii-eindrapport-evaluatie-actieplan-dichterbij-dan-je-denkt");
  EXPECT_EQ(f[1].at("number"), 2);
  b = before(text, f[1].at("at"));
  EXPECT_EQ(b.substr(b.size() - 8), "TAZ-WOZO");
  EXPECT_EQ(f[1].at("url"),
            "https://www.rijksoverheid.nl/documenten/kamerstukken/2023/12/05/kamerbrief-over-voorhangbrief-stimuleringsregeling-innovatie-taz-wozo");
  // The marker prints nothing (yet): the text is the report's, without footnote digits.
  EXPECT_NE(text.find("‘Dichterbij dan je denkt’, wat eerder"), std::string::npos);
}

TEST(TablesJson, Tables11And13CarryTheirFootnoteTexts) {
  const json& nvt = body_cell(11, 1, 1);
  EXPECT_EQ(nvt.at("text"), "n.v.t");
  ASSERT_EQ(nvt.at("footnotes").size(), 1u);
  EXPECT_EQ(nvt.at("footnotes")[0].at("number"), 71);
  EXPECT_EQ(nvt.at("footnotes")[0].at("at"), 5);
  EXPECT_EQ(nvt.at("footnotes")[0].at("text"),
            "Hoewel in sommige gevallen de medisch specialist bij een tekort aan basisartsen zaal draait, gaan we ervan "
            "uit dat dat in principe niet tot hun takenpakket behoort.");
  EXPECT_FALSE(nvt.at("footnotes")[0].contains("url"));
  const json& knmg = body_cell(13, 1, 2);
  EXPECT_EQ(knmg.at("text"), "KNMG (1999)");
  ASSERT_EQ(knmg.at("footnotes").size(), 1u);
  EXPECT_EQ(knmg.at("footnotes")[0].at("number"), 80);
  EXPECT_EQ(knmg.at("footnotes")[0].at("at"), 11);
  EXPECT_EQ(knmg.at("footnotes")[0].at("text").get<std::string>().rfind("Een recentere bron over het onderscheid", 0), 0u);
}

TEST(TablesJson, OnlyThoseCellsHaveFootnotes) {
  int with = 0;
  for (const json& t : tables())
    for (const char* section : {"header", "rows"})
      for (const json& row : t.at(section))
        for (const json& c : row) with += c.contains("footnotes");
  EXPECT_EQ(with, 3);  // Tabel 6 (two footnotes in one cell), 11 and 13
}

}  // namespace
}  // namespace zorgcap
