// What `zorgcap report` prints besides errors: progress and summaries on stdout only on a terminal or
// with --verbose, nothing but errors with --quiet. Cron runs it off a terminal and mails any output.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli/run_binary.h"
#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;
using test::run_zorgcap;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const char* kTwo = " --scenario baseline --scenario midden --format json";

TEST(ReportOutput, OffATerminalItPrintsNothing) {
  test::TempDir out;
  auto r = run_zorgcap("report --out '" + out.str() + "'" + kTwo);  // stdout and stderr are files here
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(fs::exists(out.path() / "midden" / "tables.json"));
}

TEST(ReportOutput, VerbosePrintsProgressAndSummaryOnStdout) {
  test::TempDir out;
  auto r = run_zorgcap("report --verbose --out '" + out.str() + "'" + kTwo);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(contains(r.out, "[1/2] ")) << r.out;
  EXPECT_TRUE(contains(r.out, "[2/2] ")) << r.out;
  EXPECT_TRUE(contains(r.out, "zorgcap: midden: wrote " + out.str() + "/midden/ (37 tables, ")) << r.out;
  EXPECT_TRUE(contains(r.out, "zorgcap: 2 of 2 scenarios written to " + out.str() + "/\n")) << r.out;
  EXPECT_TRUE(contains(run_zorgcap("report -v --out '" + out.str() + "'" + kTwo).out, "2 of 2 scenarios written"))
      << "-v is --verbose";
}

// `script` (util-linux) runs the command on a pseudo-terminal; its output is what that terminal showed.
test::RunResult on_a_terminal(const std::string& args) {
  return test::run_shell("script -qec \"\\\"$ZORGCAP\\\" " + args + "\" /dev/null");
}

TEST(ReportOutput, OnATerminalItShowsProgressUnlessQuiet) {
  ASSERT_EQ(test::run_shell("command -v script").exit_code, 0) << "this test needs script(1) from util-linux";
  test::TempDir out;
  auto shown = on_a_terminal("report --out '" + out.str() + "'" + kTwo);
  EXPECT_EQ(shown.exit_code, 0) << shown.out << shown.err;
  EXPECT_TRUE(contains(shown.out, "[2/2] ")) << shown.out;
  EXPECT_TRUE(contains(shown.out, "2 of 2 scenarios written")) << shown.out;
  auto quiet = on_a_terminal("report --quiet --out '" + out.str() + "'" + kTwo);
  EXPECT_EQ(quiet.exit_code, 0) << quiet.out << quiet.err;
  EXPECT_EQ(quiet.out, "");
}

TEST(ReportOutput, QuietStillReportsErrorsOnStderr) {
  test::TempDir in, out;
  fs::copy(test::inputs_dir(), in.path(), fs::copy_options::recursive);
  test::write_file((in.path() / "scenarios" / "kapot.yaml").string(),
                   "scenario: kapot\nextends: baseline\ndescription: d\nparameters:\n  huisartsen.fte:\n    value: 0,9\n"
                   "    assumption: x\n");
  auto r = run_zorgcap("report --quiet --inputs '" + in.str() + "' --out '" + out.str() +
                       "' --scenario kapot --scenario midden --format json");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "kapot.yaml:6:12: error: parameters.huisartsen.fte.value: '0,9' is not a number")) << r.err;
  EXPECT_TRUE(contains(r.err, "zorgcap: 1 of 2 scenarios written to " + out.str() + "/\nzorgcap: failed scenarios: kapot\n"))
      << r.err;
  EXPECT_EQ(run_zorgcap("report --quiet --verbose").exit_code, 2);
}

}  // namespace
}  // namespace zorgcap
