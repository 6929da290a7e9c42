// Source cells ({KEY|bron}): the Onderbouwing label of an input's source, the scenario override's
// own source where a scenario overrides the input; and no template types a source label itself.
#include <gtest/gtest.h>

#include <filesystem>

#include "document/build.h"
#include "inputs/load_inputs.h"
#include "model/model.h"
#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;

const std::vector<TableTemplate>& templates() {
  static const std::vector<TableTemplate> t = [] {
    Diagnostics diags;
    SourceTexts texts;
    auto loaded = load_table_templates(test::source_dir() + "/templates/tables", diags, texts);
    if (!loaded) throw std::runtime_error(diags.format(texts));
    return *loaded;
  }();
  return t;
}

Document document_for(const std::string& inputs_dir, const std::string& scenario) {
  Diagnostics diags;
  SourceTexts texts;
  auto inputs = load_scenario(inputs_dir, scenario, diags, texts);
  if (!inputs) throw std::runtime_error(diags.format(texts));
  Results results = evaluate(*inputs);
  if (!check_bindings(templates(), results, diags)) throw std::runtime_error(diags.format(texts));
  return build_document(templates(), results, *inputs, "digest");
}

const std::string& cell_text(const Document& d, int table, std::size_t row, std::size_t col) {
  return d.tables.at(static_cast<std::size_t>(table - 1)).body.at(row).at(col).text;
}

// The source id a cell's (only) run names.
const std::string& source_of(const Document& d, int table, std::size_t row, std::size_t col) {
  return d.tables.at(static_cast<std::size_t>(table - 1)).body.at(row).at(col).runs.at(0).source;
}

TEST(SourceLabel, TheBaselinePrintsTheReportsOnderbouwing) {
  Document d = document_for(test::inputs_dir(), "baseline");
  // As the report prints Tabel 10, 13 and 23.
  EXPECT_EQ(cell_text(d, 10, 0, 2), "Onderzoek Nivel (2020)");
  EXPECT_EQ(source_of(d, 10, 0, 2), "nivel-2020");
  EXPECT_EQ(cell_text(d, 10, 1, 2), "Onderzoek Nivel (2022)");
  EXPECT_EQ(cell_text(d, 10, 2, 2), "Literatuur en interviews met experts");
  EXPECT_EQ(cell_text(d, 13, 1, 2), "KNMG (1999)");
  EXPECT_EQ(cell_text(d, 23, 1, 2), "Radboudumc (2024)");
}

TEST(SourceLabel, AScenarioOverrideShowsItsOwnSource) {
  Document d = document_for(test::inputs_dir(), "voorbeeld-nieuwere-cijfers");
  // inputs/scenarios/voorbeeld-nieuwere-cijfers.yaml gives huisartsen.fte the source
  // voorbeeld-nivel-later; the rows it does not override keep the report's sources.
  EXPECT_EQ(cell_text(d, 10, 0, 1), "10.100 fte");
  EXPECT_EQ(cell_text(d, 10, 0, 2), "Voorbeeld: latere Nivel-telling (illustratief)");
  EXPECT_EQ(source_of(d, 10, 0, 2), "voorbeeld-nivel-later");
  EXPECT_EQ(cell_text(d, 10, 1, 2), "Onderzoek Nivel (2022)");
}

TEST(SourceLabel, AnAssumptionOverrideShowsTheAssumption) {
  test::TempDir dir;
  fs::copy(test::inputs_dir(), dir.path(), fs::copy_options::recursive);
  test::write_file((dir.path() / "scenarios" / "aanname.yaml").string(),
                   "scenario: aanname\nextends: baseline\ndescription: \"Test.\"\nparameters:\n  huisartsen.aandeel_patientgebonden:\n"
                   "    value: 0.8\n    assumption: \"Een hoger aandeel, ter illustratie.\"\n");
  Document d = document_for(dir.str(), "aanname");
  EXPECT_EQ(cell_text(d, 10, 1, 1), "80%");
  EXPECT_EQ(cell_text(d, 10, 1, 2), "Aanname in scenario aanname");
  EXPECT_EQ(cell_text(d, 10, 0, 2), "Onderzoek Nivel (2020)");
}

TEST(SourceLabel, OnlyForAnInputParameter) {
  std::vector<TableTemplate> t = templates();
  CellRun computed;
  computed.source_of = "huisarts.vs.netto_fte";
  CellRun unknown;
  unknown.source_of = "bestaat.niet";
  t[9].rows[0][2].runs = {computed, unknown};
  Diagnostics diags;
  EXPECT_FALSE(check_bindings(t, test::baseline_results(), diags));
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags.items()[0].key, "huisarts.vs.netto_fte");
  EXPECT_NE(diags.items()[0].message.find("computed"), std::string::npos);
  EXPECT_EQ(diags.items()[1].key, "bestaat.niet");
  EXPECT_NE(diags.items()[0].file.find("tabel-10.yaml"), std::string::npos);
}

TEST(SourceLabel, NoTemplateTypesASourceLabel) {
  const auto& sources = test::baseline_inputs().sources;
  ASSERT_GT(sources.size(), 20u);
  int cells = 0;
  for (const TableTemplate& t : templates())
    for (const auto* section : {&t.header, &t.rows})
      for (const auto& row : *section)
        for (const CellTemplate& c : row) {
          std::string literal;
          bool only_text = true;
          for (const CellRun& r : c.runs) {
            literal += r.text;
            only_text &= !r.number && r.source_of.empty();
          }
          if (!only_text) continue;
          ++cells;
          for (const auto& [id, s] : sources)
            EXPECT_NE(literal, s.label) << t.file << ": write {KEY|bron} for the source of input KEY, not '" << s.label << "'";
        }
  EXPECT_GT(cells, 300);
}

}  // namespace
}  // namespace zorgcap
