// zorgcap report --table N: the usual files of the scenario folder hold only the chosen tables,
// manifest.json says which, and a table number outside 1..37 is a usage error.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/run_binary.h"
#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;

std::vector<int> table_numbers(const fs::path& tables_json) {
  std::vector<int> out;
  const nlohmann::json j = nlohmann::json::parse(test::read_file(tables_json.string()));
  for (const auto& t : j.at("tables"))
    out.push_back(t.at("number").get<int>());
  return out;
}

TEST(TableOption, WritesOnlyTheChosenTablesInEveryFormat) {
  test::TempDir out;
  auto r = test::run_zorgcap("report --scenario baseline --table 26 --format json,tex,docx,html --out '" + out.str() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const fs::path dir = out.path() / "baseline";
  EXPECT_EQ(table_numbers(dir / "tables.json"), std::vector<int>{26});
  EXPECT_TRUE(fs::exists(dir / "latex" / "tabel-26.tex"));
  EXPECT_FALSE(fs::exists(dir / "latex" / "tabel-25.tex"));
  EXPECT_FALSE(fs::exists(dir / "report.pdf"));  // not selected
  ASSERT_TRUE(fs::exists(dir / "tables.docx"));
  std::string html = test::read_file((dir / "report.html").string());
  EXPECT_NE(html.find("Tabel 26. Effecten op doelmatigheid"), std::string::npos);
  EXPECT_EQ(html.find("Tabel 25."), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);  // no charts
  auto manifest = nlohmann::json::parse(test::read_file((dir / "manifest.json").string()));
  EXPECT_EQ(manifest.at("tables"), nlohmann::json::array({26}));
  EXPECT_TRUE(fs::exists(dir / "values.json"));
  EXPECT_TRUE(fs::exists(out.path() / "index.html"));
}

TEST(TableOption, IsRepeatableAndTakesLists) {
  test::TempDir out;
  auto r = test::run_zorgcap("report --scenario baseline --table 29 --table 27,26 --table=29 --format json --out '" +
                             out.str() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(table_numbers(out.path() / "baseline" / "tables.json"), (std::vector<int>{26, 27, 29}));
}

TEST(TableOption, AFullRunsManifestNamesNoTables) {
  test::TempDir out;
  auto r = test::run_zorgcap("report --scenario baseline --format json --out '" + out.str() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(table_numbers(out.path() / "baseline" / "tables.json").size(), 37u);
  EXPECT_FALSE(nlohmann::json::parse(test::read_file((out.path() / "baseline" / "manifest.json").string())).contains("tables"));
}

TEST(TableOption, ANumberOutside1To37IsAUsageError) {
  test::TempDir out;
  for (const char* bad : {"0", "38", "abc", "26,", "-1", "2.5"}) {
    auto r = test::run_zorgcap(std::string("report --scenario baseline --table ") + bad + " --out '" + out.str() + "/o'");
    EXPECT_EQ(r.exit_code, 2) << bad << "\n" << r.err;
    EXPECT_NE(r.err.find("--table: expected a table number from 1 to 37, got '"), std::string::npos) << bad << "\n" << r.err;
    EXPECT_FALSE(fs::exists(out.path() / "o")) << bad;
  }
  auto missing = test::run_zorgcap("report --scenario baseline --table --out '" + out.str() + "/o'");
  EXPECT_EQ(missing.exit_code, 2) << missing.err;
}

}  // namespace
}  // namespace zorgcap
