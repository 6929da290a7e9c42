// zorgcap diff between two real runs: nothing for identical runs; exactly the dependent cells and the
// changed input after one input changes.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/run_binary.h"
#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;
using test::run_zorgcap;

TEST(Diff, IdenticalRunsReportNothing) {
  test::TempDir a, b;
  ASSERT_EQ(run_zorgcap("report --out '" + a.str() + "'").exit_code, 0);
  ASSERT_EQ(run_zorgcap("report --out '" + b.str() + "'").exit_code, 0);
  auto d = run_zorgcap("diff '" + a.str() + "' '" + b.str() + "'");
  EXPECT_EQ(d.exit_code, 0) << d.out << d.err;
  EXPECT_EQ(d.out, "no changes\n");
}

TEST(Diff, OneChangedInputGivesExactlyItsDependentCells) {
  test::TempDir a, b, in;
  ASSERT_EQ(run_zorgcap("report --out '" + a.str() + "'").exit_code, 0);
  fs::copy(test::inputs_dir(), in.path(), fs::copy_options::recursive);
  std::string baseline = test::read_file((in.path() / "baseline.yaml").string());
  std::size_t key = baseline.find("\n  kostprijs.anios:");
  std::size_t value = baseline.find("value: 56", key);
  ASSERT_NE(value, std::string::npos);
  baseline.replace(value, 9, "value: 60");
  test::write_file((in.path() / "baseline.yaml").string(), baseline);
  ASSERT_EQ(run_zorgcap("report --inputs '" + in.str() + "' --out '" + b.str() + "'").exit_code, 0);

  auto d = run_zorgcap("diff '" + a.str() + "' '" + b.str() + "' --json");
  EXPECT_EQ(d.exit_code, 1) << d.err;
  auto changes = nlohmann::json::parse(d.out).at("changes");
  std::set<std::string> cells, inputs;
  for (const auto& c : changes) {
    if (c.at("kind") == "number") cells.insert(c.at("cell").get<std::string>());
    if (c.at("kind") == "input") inputs.insert(c.at("parameter").get<std::string>());
  }
  EXPECT_EQ(inputs, std::set<std::string>{"kostprijs.anios"});

  // Expected: every table cell showing a quantity that depends on kostprijs.anios.
  auto tables = nlohmann::json::parse(test::read_file((a.path() / "baseline" / "tables.json").string()));
  std::set<std::string> dependent;
  for (const auto& t : tables.at("tables"))
    for (const auto& row : t.at("rows"))
      for (const auto& c : row) {
        if (!c.contains("quantity")) continue;
        auto keys = c.at("quantity").is_array() ? c.at("quantity") : nlohmann::json::array({c.at("quantity")});
        for (const auto& k : keys) {
          std::string q = k.get<std::string>().substr(0, k.get<std::string>().find('@'));
          if (q == "kostprijs.anios" || test::ancestors(test::baseline_results(), q).count("kostprijs.anios"))
            dependent.insert(c.at("id").get<std::string>());
        }
      }
  EXPECT_FALSE(dependent.empty());
  EXPECT_EQ(cells, dependent);
}

TEST(Diff, AMissingFolderIsAUsageError) {
  EXPECT_EQ(run_zorgcap("diff /nonexistent/a /nonexistent/b").exit_code, 2);
  EXPECT_EQ(run_zorgcap("diff onlyone").exit_code, 2);
}

}  // namespace
}  // namespace zorgcap
