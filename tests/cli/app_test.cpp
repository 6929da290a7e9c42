// The zorgcap command end to end: the real binary on the shipped inputs and on broken copies.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "cli/run_binary.h"
#include "core/sha256.h"
#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;
using test::run_zorgcap;

const std::vector<std::string> kOutputs = {"report.html", "report.pdf", "tables.json", "tables.csv", "values.json",
                                           "manifest.json"};

TEST(App, ReportWritesEveryOutputOfTheBaseline) {
  test::TempDir out;
  auto r = run_zorgcap("report --out '" + out.str() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string& f : kOutputs) EXPECT_TRUE(fs::exists(out.path() / "baseline" / f)) << f;
  std::string values = test::read_file((out.path() / "baseline" / "values.json").string());
  EXPECT_NE(values.find("\"scenario\": \"baseline\""), std::string::npos);
  EXPECT_NE(values.find("\"key\": \"huisarts.vs.netto_fte\""), std::string::npos);
  // Nothing temporary is left behind.
  for (const auto& e : fs::directory_iterator(out.path()))
    EXPECT_EQ(e.path().filename().string().find("zorgcap-tmp"), std::string::npos) << e.path();
}

TEST(App, TwoRunsGiveIdenticalBytes) {
  test::TempDir a, b;
  ASSERT_EQ(run_zorgcap("report --out '" + a.str() + "'").exit_code, 0);
  ASSERT_EQ(run_zorgcap("report --out '" + b.str() + "'").exit_code, 0);
  for (const std::string& f : kOutputs)
    EXPECT_EQ(test::read_file((a.path() / "baseline" / f).string()), test::read_file((b.path() / "baseline" / f).string()))
        << f;
}

TEST(App, BadInputIsReportedWithLocationAndLeavesThePreviousOutputs) {
  test::TempDir out, in;
  ASSERT_EQ(run_zorgcap("report --out '" + out.str() + "'").exit_code, 0);
  std::string before = test::read_file((out.path() / "baseline" / "report.html").string());

  fs::copy(test::inputs_dir(), in.path(), fs::copy_options::recursive);
  std::string baseline = test::read_file((in.path() / "baseline.yaml").string());
  std::size_t key = baseline.find("huisartsen.aandeel_patientgebonden:");
  std::size_t value = baseline.find("value: 0.8", key);
  ASSERT_NE(value, std::string::npos);
  baseline.replace(value, 10, "value: 0,8");
  test::write_file((in.path() / "baseline.yaml").string(), baseline);
  int line = 1 + static_cast<int>(std::count(baseline.begin(), baseline.begin() + static_cast<long>(value), '\n'));

  auto r = run_zorgcap("report --inputs '" + in.str() + "' --out '" + out.str() + "'");
  EXPECT_EQ(r.exit_code, 1);
  std::string where = (in.path() / "baseline.yaml").string() + ":" + std::to_string(line) + ":12: error: " +
                      "parameters.huisartsen.aandeel_patientgebonden.value: '0,8' is not a number";
  EXPECT_NE(r.err.find(where), std::string::npos) << r.err;
  EXPECT_EQ(test::read_file((out.path() / "baseline" / "report.html").string()), before);
}

TEST(App, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run_zorgcap("").exit_code, 2);
  EXPECT_EQ(run_zorgcap("frobnicate").exit_code, 2);
  EXPECT_EQ(run_zorgcap("report --nope").exit_code, 2);
  EXPECT_EQ(run_zorgcap("explain").exit_code, 2);
  auto help = run_zorgcap("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Usage: zorgcap"), std::string::npos);
  auto version = run_zorgcap("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("zorgcap ", 0), 0u);
}

TEST(App, ExplainAndReconcile) {
  auto e = run_zorgcap("explain huisarts.pa.benodigd_fte");
  EXPECT_EQ(e.exit_code, 0) << e.err;
  EXPECT_NE(e.out.find("huisarts.pa.benodigd_fte — Benodigd aantal fte (PA) = 6.285 (min) – 8.081 (max) fte"),
            std::string::npos)
      << e.out;
  EXPECT_EQ(run_zorgcap("explain bestaat.niet").exit_code, 1);
  auto rec = run_zorgcap("reconcile");
  EXPECT_EQ(rec.exit_code, 0) << rec.out;
  EXPECT_NE(rec.out.find("printed numbers reproduced: 448/540, explained deviations: 92, unexplained: 0"), std::string::npos);
}

}  // namespace
}  // namespace zorgcap

namespace zorgcap {
namespace {

TEST(App, ManifestNamesEveryFileWithItsHashAndTheResolvedParameters) {
  test::TempDir out;
  ASSERT_EQ(test::run_zorgcap("report --out '" + out.str() + "' --scenario verdubbeling-instroom --format json").exit_code, 0);
  std::string m = test::read_file((out.path() / "verdubbeling-instroom" / "manifest.json").string());
  std::string baseline = test::read_file(test::inputs_dir() + "/baseline.yaml");
  std::string scenario = test::read_file(test::inputs_dir() + "/scenarios/verdubbeling-instroom.yaml");
  EXPECT_NE(m.find("\"path\": \"inputs/baseline.yaml\",\n      \"sha256\": \"" + sha256_hex(baseline) + "\""),
            std::string::npos)
      << m.substr(0, 600);
  EXPECT_NE(m.find("\"sha256\": \"" + sha256_hex(scenario) + "\""), std::string::npos);
  EXPECT_NE(m.find("templates/tables/tabel-37.yaml"), std::string::npos);
  // The override after `extends`, with its assumption as the source.
  EXPECT_NE(m.find("\"eerste_lijn.vs.instroom_per_jaar\": {\n      \"value\": 138.0"), std::string::npos);
  EXPECT_NE(m.find("\"zorgcap_version\""), std::string::npos);
}

}  // namespace
}  // namespace zorgcap
