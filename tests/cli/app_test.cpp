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
                                           "manifest.json", "explore.html"};

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
  EXPECT_NE(e.out.find("huisarts.pa.benodigd_fte — Benodigd aantal fte (PA) = 6.285,07 fte (minimumscenario) – "
                          "8.080,80 fte (maximumscenario)"),
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

// The command line (CLI11, src/cli/app.cpp): each command takes only its own options, every usage
// error exits 2 with a message naming the command, and internal or I/O failures exit 3.
#include <sstream>
#include <streambuf>

#include "cli/app.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;
using test::run_zorgcap;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Runs `args`, which must be a usage error: exit 2, nothing on stdout, each of `parts` on stderr.
void expect_usage_error(const std::string& args, const std::vector<std::string>& parts) {
  auto r = run_zorgcap(args);
  EXPECT_EQ(r.exit_code, 2) << "zorgcap " << args << "\n" << r.out << r.err;
  EXPECT_EQ(r.out, "") << "zorgcap " << args;
  for (const std::string& p : parts) EXPECT_TRUE(contains(r.err, p)) << "zorgcap " << args << ": wanted '" << p << "' in\n" << r.err;
}

TEST(Cli, EachCommandRejectsTheOptionsOfAnother) {
  expect_usage_error("explain huisarts.vs.netto_fte --format nonsense",
                     {"zorgcap explain: --format is an option of report, not of explain", "zorgcap explain --help"});
  expect_usage_error("explain huisarts.vs.netto_fte --montecarlo abc",
                     {"zorgcap explain: --montecarlo is an option of report, not of explain"});
  expect_usage_error("explain huisarts.vs.netto_fte --out=x", {"zorgcap explain: --out is an option of report"});
  expect_usage_error("diff A B --jobs 2", {"zorgcap diff: --jobs is an option of report, not of diff"});
  expect_usage_error("diff A B --inputs inputs",
                     {"zorgcap diff: --inputs is an option of report, explain and reconcile, not of diff"});
  expect_usage_error("report --json", {"zorgcap report: --json is an option of diff, not of report"});
  expect_usage_error("explain huisarts.vs.netto_fte -v",
                     {"zorgcap explain: -v is an option of report and reconcile, not of explain"});
  expect_usage_error("report --quiet --verbose", {"zorgcap report: "});
  expect_usage_error("reconcile --json", {"zorgcap reconcile: --json is an option of diff, not of reconcile"});
  expect_usage_error("report --version", {"zorgcap report: --version is not an option of report (use zorgcap --version)"});
}

TEST(Cli, ReconcileRefusesAScenarioRatherThanReconcilingTheBaseline) {
  for (const char* args : {"reconcile --scenario hoog", "reconcile --scenario=hoog", "reconcile -v --scenario hoog"})
    expect_usage_error(args, {"zorgcap reconcile: --scenario is not an option of reconcile",
                              "reconcile compares the numbers the report prints with the report's own inputs "
                              "(the baseline) only"});
  expect_usage_error("explain huisarts.vs.netto_fte --scenario hoog",
                     {"zorgcap explain: --scenario is not an option of explain", "(the baseline) only"});
}

TEST(Cli, UnknownOptionsAndCommandsAreUsageErrors) {
  expect_usage_error("report --nope", {"zorgcap report: unknown option --nope for report"});
  expect_usage_error("report --formt html", {"zorgcap report: unknown option --formt for report (did you mean --format?)"});
  expect_usage_error("explain huisarts.vs.netto_fte --nope=1", {"zorgcap explain: unknown option --nope for explain"});
  expect_usage_error("diff A B --nope", {"zorgcap diff: unknown option --nope for diff"});
  expect_usage_error("reconcile -x", {"zorgcap reconcile: unknown option -x for reconcile"});
  expect_usage_error("frobnicate", {"zorgcap: unknown command 'frobnicate'", "Usage: zorgcap COMMAND"});
  expect_usage_error("reprot", {"zorgcap: unknown command 'reprot' (did you mean report?)"});
  expect_usage_error("", {"zorgcap: no command given", "Usage: zorgcap COMMAND"});
  expect_usage_error("--nope", {"zorgcap: unknown option --nope"});
  expect_usage_error("--inputs inputs reconcile", {"zorgcap: --inputs must come after the command: zorgcap reconcile"});
}

TEST(Cli, MissingOrExtraArgumentsAreUsageErrors) {
  expect_usage_error("explain", {"zorgcap explain: give a quantity key, e.g. zorgcap explain huisarts.vs.netto_fte"});
  expect_usage_error("explain --inputs inputs", {"zorgcap explain: give a quantity key"});
  expect_usage_error("explain a b", {"zorgcap explain: give exactly one quantity key, not also 'b'"});
  expect_usage_error("diff", {"zorgcap diff: give two output folders: zorgcap diff OLD_OUT NEW_OUT"});
  expect_usage_error("diff onlyone --json", {"zorgcap diff: give two output folders: zorgcap diff OLD_OUT NEW_OUT"});
  expect_usage_error("diff a b c", {"zorgcap diff: give two output folders, not also 'c'"});
  expect_usage_error("report extra", {"zorgcap report: unexpected argument 'extra'"});
  expect_usage_error("report --scenario midden hoog", {"zorgcap report: unexpected argument 'hoog'"});
  expect_usage_error("reconcile extra", {"zorgcap reconcile: unexpected argument 'extra'"});
  expect_usage_error("report --jobs", {"zorgcap report: --jobs needs a value"});
  expect_usage_error("reconcile --inputs", {"zorgcap reconcile: --inputs needs a value"});
}

TEST(Cli, OptionValuesAreCheckedAndNothingIsWritten) {
  test::TempDir out;
  const std::string o = "report --out '" + out.str() + "/o' ";
  expect_usage_error(o + "--jobs 0", {"zorgcap report: --jobs: expected a number from 1 to 999, got '0'"});
  expect_usage_error(o + "--jobs=abc", {"--jobs: expected a number from 1 to 999, got 'abc'"});
  expect_usage_error(o + "--jobs 1000", {"--jobs: expected a number from 1 to 999, got '1000'"});
  expect_usage_error(o + "--jobs -1", {"--jobs: expected a number from 1 to 999, got '-1'"});
  expect_usage_error(o + "--format odt", {"--format: unknown format 'odt' (known: html,pdf,json,csv,xlsx,tex,md,docx,explore)"});
  expect_usage_error(o + "--format=html,", {"--format: unknown format ''"});
  expect_usage_error(o + "--montecarlo abc", {"--montecarlo: expected a number of draws from 1 to 10000000, got 'abc'"});
  expect_usage_error(o + "--montecarlo 0", {"--montecarlo: expected a number of draws from 1 to 10000000"});
  expect_usage_error(o + "--montecarlo=10000001", {"--montecarlo: expected a number of draws from 1 to 10000000"});
  expect_usage_error(o + "--seed 0", {"--seed: expected a whole number of 1 or more, got '0'"});
  expect_usage_error(o + "--seed 99999999999999999999", {"--seed: expected a whole number of 1 or more"});
  expect_usage_error(o + "--distribution normal", {"--distribution: expected uniform or triangular, got 'normal'"});
  expect_usage_error(o + "--marks hidden", {"--marks: expected herkomst or none, got 'hidden'"});
  expect_usage_error(o + "--scenario ../x", {"'../x' is not a scenario name"});
  EXPECT_TRUE(fs::is_empty(out.path()));
}

TEST(Cli, OptionsTakeTheirValueAfterASpaceOrAnEqualsSign) {
  test::TempDir a, b;
  auto spaced = run_zorgcap("report --out '" + a.str() + "' --scenario midden --scenario hoog --format json --jobs 2 " +
                            "--montecarlo 50 --seed 7 --distribution triangular --inputs inputs --templates templates");
  ASSERT_EQ(spaced.exit_code, 0) << spaced.err;
  auto equals = run_zorgcap("report --out='" + b.str() + "' --scenario=midden --scenario=hoog --format=json --jobs=2 " +
                            "--montecarlo=50 --seed=7 --distribution=triangular --inputs=inputs --templates=templates");
  ASSERT_EQ(equals.exit_code, 0) << equals.err;
  for (const char* s : {"midden", "hoog"}) {
    std::string tables = test::read_file((a.path() / s / "tables.json").string());
    EXPECT_TRUE(contains(tables, "\"p95\"")) << s << ": --montecarlo was applied";
    EXPECT_EQ(tables, test::read_file((b.path() / s / "tables.json").string())) << s;
    EXPECT_FALSE(fs::exists(a.path() / s / "report.html")) << s << ": only --format json";
  }
  EXPECT_FALSE(fs::exists(a.path() / "baseline"));
  // Another seed gives other draws: the option reached the model.
  test::TempDir c;
  ASSERT_EQ(run_zorgcap("report --out '" + c.str() + "' --scenario midden --format json --montecarlo 50 --seed 8 "
                        "--distribution triangular").exit_code, 0);
  EXPECT_NE(test::read_file((c.path() / "midden" / "tables.json").string()),
            test::read_file((a.path() / "midden" / "tables.json").string()));

  auto verbose = run_zorgcap("reconcile --inputs=inputs --verbose");
  EXPECT_EQ(verbose.exit_code, 0) << verbose.err;
  EXPECT_TRUE(contains(verbose.out, ": gereproduceerd — rapport ")) << verbose.out.substr(0, 300);
  EXPECT_EQ(run_zorgcap("reconcile -v --inputs inputs").out, verbose.out);
  auto key = run_zorgcap("explain --inputs=inputs huisarts.vs.netto_fte");
  EXPECT_EQ(key.exit_code, 0) << key.err;
  EXPECT_EQ(key.out.rfind("huisarts.vs.netto_fte — ", 0), 0u) << key.out;
}

// --marks reaches the PDF writer: without marks report.pdf draws less (pdf_writer_test reads both back).
TEST(Cli, MarksOptionReachesTheReport) {
  test::TempDir a, b;
  ASSERT_EQ(run_zorgcap("report --out '" + a.str() + "' --scenario midden --format pdf --marks none").exit_code, 0);
  ASSERT_EQ(run_zorgcap("report --out='" + b.str() + "' --scenario=midden --format=pdf --marks=herkomst").exit_code, 0);
  std::string clean = test::read_file((a.path() / "midden" / "report.pdf").string());
  std::string marked = test::read_file((b.path() / "midden" / "report.pdf").string());
  EXPECT_EQ(clean.rfind("%PDF-", 0), 0u);
  EXPECT_LT(clean.size(), marked.size());
}

TEST(Cli, HelpForTheProgramAndEachCommand) {
  auto help = run_zorgcap("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_EQ(help.err, "");
  for (const char* part : {"Usage: zorgcap COMMAND [OPTIONS]", "Commands:", "  report [--inputs DIR] [--out DIR]",
                           "[--montecarlo N] [--seed S] [--distribution uniform|triangular]", "  explain KEY [--inputs DIR]",
                           "  diff OLD_OUT NEW_OUT [--json]", "  reconcile [--inputs DIR] [--verbose]", "--version",
                           "Exit status:", "  2  bad usage", "  3  internal or I/O failure"})
    EXPECT_TRUE(contains(help.out, part)) << part << "\n" << help.out;
  EXPECT_EQ(run_zorgcap("-h").out, help.out);

  struct Case {
    std::string command;
    std::vector<std::string> has, lacks;
  };
  const std::vector<Case> cases = {
      {"report",
       {"Usage: zorgcap report [OPTIONS]\n", "--inputs DIR (default: inputs)", "--out DIR (default: outputs)",
        "--templates DIR", "--scenario NAME", "--jobs N", "--format LIST", "--fonts DIR", "--montecarlo N", "--seed S",
        "--distribution uniform|triangular", "--marks herkomst|none", "-q,--quiet", "-v,--verbose",
        "  3  internal or I/O failure"},
       {"--json", "KEY"}},
      {"explain", {"Usage: zorgcap explain [OPTIONS] KEY\n", "--inputs DIR (default: inputs)", "  1  bad input"}, {"--format", "--out"}},
      {"diff", {"Usage: zorgcap diff [OPTIONS] OLD_OUT NEW_OUT\n", "--json", "  1  something changed"}, {"--inputs"}},
      {"reconcile", {"Usage: zorgcap reconcile [OPTIONS]\n", "-v,--verbose", "--inputs DIR", "the baseline"}, {"--scenario"}},
  };
  for (const Case& c : cases) {
    auto r = run_zorgcap(c.command + " --help");
    EXPECT_EQ(r.exit_code, 0) << c.command;
    EXPECT_EQ(r.err, "") << c.command;
    EXPECT_EQ(r.out.rfind("Usage: zorgcap " + c.command, 0), 0u) << r.out;
    for (const std::string& p : c.has) EXPECT_TRUE(contains(r.out, p)) << c.command << ": " << p << "\n" << r.out;
    for (const std::string& p : c.lacks) EXPECT_FALSE(contains(r.out, p)) << c.command << ": " << p << "\n" << r.out;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 100u) << c.command << ": " << line;
    EXPECT_EQ(run_zorgcap(c.command + " -h").out, r.out) << c.command;
  }
}

TEST(Cli, BadInputExitsOneButAnOutputThatCannotBeWrittenExitsThree) {
  test::TempDir tmp, in, broken;
  // Bad input: a malformed YAML file.
  fs::copy(test::inputs_dir(), broken.path(), fs::copy_options::recursive);
  test::write_file((broken.path() / "baseline.yaml").string(), "parameters: [unclosed\n");
  auto bad = run_zorgcap("report --inputs '" + broken.str() + "' --out '" + tmp.str() + "/out' --scenario baseline");
  EXPECT_EQ(bad.exit_code, 1) << bad.err;
  EXPECT_TRUE(contains(bad.err, broken.str() + "/baseline.yaml:")) << bad.err;
  EXPECT_TRUE(contains(bad.err, "nothing was written for this scenario")) << bad.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));

  // I/O failure: --out below a regular file.
  test::write_file((tmp.path() / "file").string(), "not a folder");
  auto io = run_zorgcap("report --out '" + (tmp.path() / "file" / "out").string() + "' --scenario baseline --format json");
  EXPECT_EQ(io.exit_code, 3) << io.err;
  // OUT is made (and locked) before any scenario runs, so the run stops there, with nothing written.
  EXPECT_TRUE(contains(io.err, "zorgcap: cannot create " + (tmp.path() / "file" / "out").string() +
                                   ": Not a directory; nothing was written"))
      << io.err;

  // Both in one run: 3 wins.
  fs::copy(test::inputs_dir(), in.path(), fs::copy_options::recursive);
  test::write_file((in.path() / "scenarios" / "kapot.yaml").string(), "scenario: [\n");
  // midden cannot be written: OUT/midden is a folder zorgcap did not make.
  fs::create_directories(tmp.path() / "out2" / "midden");
  auto both = run_zorgcap("report --inputs '" + in.str() + "' --out '" + (tmp.path() / "out2").string() +
                          "' --scenario kapot --scenario midden --format json");
  EXPECT_EQ(both.exit_code, 3) << both.err;
  EXPECT_TRUE(contains(both.err, "kapot.yaml:")) << both.err;
  EXPECT_TRUE(contains(both.err, "zorgcap: midden: " + (tmp.path() / "out2" / "midden").string() + " was not made by zorgcap"))
      << both.err;
}

TEST(Cli, StandardOutputThatCannotBeWrittenExitsThree) {
  ASSERT_TRUE(fs::exists("/dev/full")) << "this test writes to /dev/full, which every Linux system has";
  auto r = test::run_shell("\"$ZORGCAP\" reconcile --verbose >/dev/full");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, "zorgcap: cannot write to standard output")) << r.err;
}

TEST(Cli, AFileInADiffedFolderThatCannotBeReadExitsThree) {
  test::TempDir a, b;
  for (const auto* d : {&a, &b}) {
    fs::create_directories(d->path() / "baseline");
    test::write_file((d->path() / "baseline" / "manifest.json").string(), "{}");
    test::write_file((d->path() / "baseline" / "values.json").string(), "{\"quantities\": []}");
  }
  test::write_file((a.path() / "baseline" / "tables.json").string(), "{\"tables\": [");
  test::write_file((b.path() / "baseline" / "tables.json").string(), "{\"tables\": []}");
  auto r = run_zorgcap("diff '" + a.str() + "' '" + b.str() + "'");
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "zorgcap diff: " + (a.path() / "baseline" / "tables.json").string() + " is not valid JSON"))
      << r.err;
  // So is a values.json that cannot be parsed (values.json is read whatever the formats).
  test::write_file((b.path() / "baseline" / "values.json").string(), "{\"quantities\": [}");
  auto values = run_zorgcap("diff '" + b.str() + "' '" + b.str() + "'");
  EXPECT_EQ(values.exit_code, 3) << values.out << values.err;
  EXPECT_TRUE(contains(values.err, (b.path() / "baseline" / "values.json").string() + " is not valid JSON")) << values.err;
  // A folder argument that does not exist stays a usage error.
  auto missing = run_zorgcap("diff '" + a.str() + "/nope' '" + b.str() + "'");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(contains(missing.err, "zorgcap diff: " + a.str() + "/nope is not a folder")) << missing.err;
}

// An exception nothing expected (here: stdout failing with exceptions enabled) is an internal error.
TEST(Cli, AnUnexpectedExceptionIsAnInternalErrorWithExitThree) {
  struct Failing : std::streambuf {
    int overflow(int) override { return traits_type::eof(); }
  } failing;
  std::ostream out(&failing);
  out.exceptions(std::ios::badbit);
  std::ostringstream err;
  EXPECT_EQ(run_cli({"--version"}, out, err), kExitInternal);
  EXPECT_EQ(err.str().rfind("zorgcap: internal error: ", 0), 0u) << err.str();
}

}  // namespace
}  // namespace zorgcap
