// zorgcap report over several scenarios: each into OUT/<scenario>/, in parallel, one failure reported
// while the others complete, an index page linking into each report.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli/run_binary.h"
#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;

TEST(Batch, EveryScenarioGetsItsFolderAndTheIndexComparesThem) {
  test::TempDir out;
  auto r = test::run_zorgcap("report --out '" + out.str() + "' --jobs 2 --format html,json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* s : {"baseline", "verdubbeling-instroom", "midden", "laag", "hoog", "voorbeeld-nieuwere-cijfers"}) {
    EXPECT_TRUE(fs::exists(out.path() / s / "report.html")) << s;
    EXPECT_TRUE(fs::exists(out.path() / s / "manifest.json")) << s;
    EXPECT_FALSE(fs::exists(out.path() / s / "report.pdf")) << s << ": pdf was not asked for";
  }
  std::string index = test::read_file((out.path() / "index.html").string());
  EXPECT_NE(index.find("href=\"verdubbeling-instroom/report.html#q-huisarts.vs.netto_aandeel\""), std::string::npos);
  EXPECT_NE(index.find("href=\"baseline/report.html\""), std::string::npos);
  // The doubled inflow relieves more huisartsen: Table 24 differs from the baseline.
  std::string base = test::read_file((out.path() / "baseline" / "tables.json").string());
  std::string doubled = test::read_file((out.path() / "verdubbeling-instroom" / "tables.json").string());
  EXPECT_NE(base.find("\"text\": \"46 huisartsen met inzet VS\\n60 huisartsen met inzet PA\""), std::string::npos);
  EXPECT_NE(doubled.find("\"text\": \"91 huisartsen met inzet VS\\n119 huisartsen met inzet PA\""), std::string::npos);
}

// The index takes the values of the scenarios a run wrote from memory and the others from their
// values.json: both give the same page, and a later one-scenario run rewrites it unchanged.
TEST(Batch, TheIndexIsTheSameWhetherItsValuesComeFromThisRunOrFromDisk) {
  test::TempDir out;
  auto all = test::run_zorgcap("report --out '" + out.str() + "' --jobs 2 --format json");
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const std::string whole_run = test::read_file((out.path() / "index.html").string());
  auto one = test::run_zorgcap("report --out '" + out.str() + "' --scenario hoog --format json");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(test::read_file((out.path() / "index.html").string()), whole_run);
  // And the values shown are the scenario's: its index cell links into its report.
  EXPECT_NE(whole_run.find("href=\"hoog/report.html#q-"), std::string::npos);
}

// A lone scenario with a spare thread reads the printed numbers and writes report.pdf beside the
// rest: the files are the same bytes as on one thread.
TEST(Batch, ALoneScenarioGivesTheSameBytesOnOneThreadAndOnTwo) {
  test::TempDir one, two;
  auto a = test::run_zorgcap("report --out '" + one.str() + "' --scenario baseline --jobs 1 --format html,pdf,json");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  auto b = test::run_zorgcap("report --out '" + two.str() + "' --scenario baseline --jobs 2 --format html,pdf,json");
  ASSERT_EQ(b.exit_code, 0) << b.err;
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(one.path())) {
    if (!e.is_regular_file()) continue;
    fs::path rel = fs::relative(e.path(), one.path());
    ASSERT_TRUE(fs::exists(two.path() / rel)) << rel;
    EXPECT_EQ(test::read_file(e.path().string()), test::read_file((two.path() / rel).string())) << rel;
    ++files;
  }
  EXPECT_GE(files, 6);  // report.html, report.pdf, tables.json, values.json, manifest.json, index.html
}

TEST(Batch, OneFailingScenarioIsReportedAndTheOthersComplete) {
  test::TempDir in, out;
  fs::copy(test::inputs_dir(), in.path(), fs::copy_options::recursive);
  test::write_file((in.path() / "scenarios" / "kapot.yaml").string(),
                   "scenario: kapot\nextends: baseline\ndescription: d\nparameters:\n  huisartsen.fte:\n    value: 0,9\n"
                   "    assumption: x\n");
  auto r = test::run_zorgcap("report --inputs '" + in.str() + "' --out '" + out.str() + "' --format json");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("kapot.yaml:6:12: error: parameters.huisartsen.fte.value: '0,9' is not a number"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(out.path() / "kapot"));
  EXPECT_TRUE(fs::exists(out.path() / "baseline" / "tables.json"));
  EXPECT_TRUE(fs::exists(out.path() / "midden" / "tables.json"));
  // A failure is an error: on stderr, naming the failed scenario; stdout stays empty off a terminal.
  EXPECT_NE(r.err.find("zorgcap: 6 of 7 scenarios written to " + out.str() + "/\nzorgcap: failed scenarios: kapot\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(Batch, ScenarioSelectionAndUsageErrors) {
  test::TempDir out;
  auto r = test::run_zorgcap("report --out '" + out.str() + "' --scenario midden --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(out.path() / "midden"));
  EXPECT_FALSE(fs::exists(out.path() / "baseline"));
  EXPECT_EQ(test::run_zorgcap("report --out '" + out.str() + "' --scenario ../x").exit_code, 2);
  EXPECT_EQ(test::run_zorgcap("report --out '" + out.str() + "' --format odt").exit_code, 2);
  EXPECT_EQ(test::run_zorgcap("report --out '" + out.str() + "' --jobs 0").exit_code, 2);
  auto missing = test::run_zorgcap("report --out '" + out.str() + "' --scenario bestaat-niet");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no scenario 'bestaat-niet'"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace zorgcap
