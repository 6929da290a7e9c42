// scripts/nightly.sh, run twice as cron would: the second night one scenario breaks and an input
// changes. The published changes.txt must name the failure and still show the changed numbers.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "cli/run_binary.h"
#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

void write_extra(const fs::path& inputs, const std::string& value) {
  test::write_file((inputs / "scenarios" / "extra.yaml").string(),
                   "scenario: extra\nextends: baseline\ndescription: d\nparameters:\n  huisartsen.fte:\n    value: " +
                       value + "\n    assumption: x\n");
}

TEST(Nightly, APartialFailureIsNamedAndTheChangesAreStillPublished) {
  test::TempDir in, work;
  fs::copy(test::inputs_dir(), in.path(), fs::copy_options::recursive);
  write_extra(in.path(), "9000");
  fs::path out = work.path() / "out", publish = work.path() / "publish";
  std::string night = "ZORGCAP=\"$ZORGCAP\" scripts/nightly.sh '" + out.string() + "' '" + publish.string() +
                      "' --inputs '" + in.str() + "' --scenario baseline --scenario extra --format json";

  auto first = test::run_shell(night);
  EXPECT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_EQ(first.out + first.err, "") << "a good night prints nothing for cron to mail";
  std::string changes = test::read_file((publish / "changes.txt").string());
  EXPECT_TRUE(contains(changes, "report: every scenario written\n")) << changes;
  EXPECT_TRUE(contains(changes, "there was no previous run")) << changes;

  // The second night: huisartsen.fte goes from 9842 to 10100, and extra.yaml is broken.
  std::string baseline = test::read_file((in.path() / "baseline.yaml").string());
  std::size_t value = baseline.find("value: 9842\n", baseline.find("\n  huisartsen.fte:"));
  ASSERT_NE(value, std::string::npos);
  baseline.replace(value, 11, "value: 10100");
  test::write_file((in.path() / "baseline.yaml").string(), baseline);
  write_extra(in.path(), "0,9");

  auto second = test::run_shell(night);
  EXPECT_EQ(second.exit_code, 1) << "the report's exit status: bad input\n" << second.out << second.err;
  EXPECT_EQ(second.out, "");
  EXPECT_TRUE(contains(second.err, "nightly: zorgcap report failed (exit 1): extra")) << second.err;
  changes = test::read_file((publish / "changes.txt").string());
  EXPECT_TRUE(contains(changes, "REPORT FAILED (zorgcap report exit 1)\nfailed scenarios: extra\n")) << changes;
  EXPECT_TRUE(contains(changes, "extra.yaml:6:12: error: parameters.huisartsen.fte.value: '0,9' is not a number"))
      << changes;
  // The baseline still changed, and says so: the input and Table 10's printed number.
  EXPECT_TRUE(contains(changes, "changes since the previous run:\nbaseline:\n")) << changes;
  EXPECT_TRUE(contains(changes, "huisartsen.fte (Aantal fte huisartsen): 9842 → 10100 fte")) << changes;
  EXPECT_TRUE(contains(changes, "Totaal aantal fte huisartsen | (Ken)getal: 9.842 fte → 10.100 fte")) << changes;
  EXPECT_FALSE(contains(changes, "no changes")) << changes;
  EXPECT_TRUE(fs::exists(publish / "changes.json"));
  EXPECT_TRUE(contains(test::read_file((publish / "report.log").string()), "zorgcap: failed scenarios: extra"));
  // Only the published files, no temporary ones left beside them.
  std::set<std::string> files;
  for (const auto& e : fs::directory_iterator(publish)) files.insert(e.path().filename().string());
  EXPECT_EQ(files, (std::set<std::string>{"changes.json", "changes.txt", "report.log"}));
}

TEST(Nightly, BadUsageExitsTwo) {
  auto r = test::run_shell("scripts/nightly.sh onlyone");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "scripts/nightly.sh OUT_DIR PUBLISH_DIR")) << r.err;
}

}  // namespace
}  // namespace zorgcap
