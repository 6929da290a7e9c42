// Values and texts that pass the schema but would break an output: overflowing arithmetic,
// unrealistic magnitudes, addresses that would become active, characters the PDF font lacks.
// Each is refused with its place, or written safely with a warning; the other scenarios go on.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "cli/run_binary.h"
#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;

// The shipped inputs with no scenarios but `midden` and the ones a test adds.
struct Inputs {
  Inputs() {
    fs::copy(test::inputs_dir(), dir.path() / "inputs", fs::copy_options::recursive);
    for (const auto& e : fs::directory_iterator(dir.path() / "inputs" / "scenarios"))
      if (e.path().filename() != "midden.yaml") fs::remove(e.path());
  }
  void scenario(const std::string& name, const std::string& body) {
    test::write_file((dir.path() / "inputs" / "scenarios" / (name + ".yaml")).string(),
                     "scenario: " + name + "\nextends: baseline\ndescription: d\n" + body);
  }
  test::RunResult report(const std::string& formats = "html,pdf,json,md,tex,xlsx,csv") const {
    return test::run_zorgcap("report --inputs '" + (dir.path() / "inputs").string() + "' --out '" + out() +
                             "' --format " + formats);
  }
  std::string out() const { return (dir.path() / "out").string(); }
  std::string file(const std::string& scenario, const std::string& name) const {
    return test::read_file((dir.path() / "out" / scenario / name).string());
  }
  bool has(const std::string& scenario, const std::string& name) const {
    return fs::is_regular_file(dir.path() / "out" / scenario / name);
  }
  test::TempDir dir;
};

// The line (1-based) of the first occurrence of `needle` in `text`.
int line_of(const std::string& text, const std::string& needle) {
  std::size_t at = text.find(needle);
  return at == std::string::npos ? 0 : 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

TEST(HostileInputs, AnOverflowingQuantityNamesItselfAndTheInputsThatFeedIt) {
  Inputs in;
  // Both are allowed (above 0), but their product underflows to 0 and the hours per fte divide by it.
  const std::string body =
      "parameters:\n"
      "  uren_per_week:\n    value: 1e-200\n    assumption: \"klein\"\n"
      "  weken_per_jaar:\n    value: 1e-200\n    assumption: \"klein\"\n";
  in.scenario("overloop", body);
  auto r = in.report("json");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::string file = (in.dir.path() / "inputs" / "scenarios" / "overloop.yaml").string();
  const std::string text = test::read_file(file);
  // Located at the first feeding input of this file, naming the quantity and its inputs with file:line.
  EXPECT_NE(r.err.find(file + ":" + std::to_string(line_of(text, "uren_per_week:")) + ":"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("is not a finite number"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("weken_per_jaar (" + file + ":" + std::to_string(line_of(text, "weken_per_jaar:")) + ")"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("uren_per_week (" + file + ":"), std::string::npos) << r.err;
  std::smatch m;
  EXPECT_TRUE(std::regex_search(r.err, m, std::regex("the quantity '[a-z_.]+' \\(")) ) << r.err;
  EXPECT_FALSE(in.has("overloop", "values.json")) << "nothing is written for the failing scenario";
  // The other scenarios were written, without a null anywhere.
  ASSERT_TRUE(in.has("baseline", "values.json"));
  ASSERT_TRUE(in.has("midden", "values.json"));
  EXPECT_EQ(in.file("midden", "values.json").find("null"), std::string::npos);
}

TEST(HostileInputs, HugeCountsAreRefusedAtTheirPlace) {
  Inputs in;
  in.scenario("enorm", "parameters:\n  huisartsen.fte:\n    value: 1e300\n    assumption: \"te groot\"\n");
  in.scenario("week", "parameters:\n  uren_per_week:\n    value: 200\n    assumption: \"te veel uren\"\n");
  auto r = in.report("json");
  EXPECT_EQ(r.exit_code, 1);
  const std::string enorm = (in.dir.path() / "inputs" / "scenarios" / "enorm.yaml").string();
  const std::string week = (in.dir.path() / "inputs" / "scenarios" / "week.yaml").string();
  EXPECT_NE(r.err.find(enorm + ":6:12: error: parameters.huisartsen.fte.value: 1e300 is out of range"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("no realistic value is above 20000000"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(week + ":6:12: error: parameters.uren_per_week.value: 200 is out of range"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("no realistic value is above 168"), std::string::npos) << r.err;
  EXPECT_TRUE(in.has("midden", "values.json"));
}

TEST(HostileInputs, OnlyWebAndMailAddressesBecomeLinks) {
  Inputs in;
  in.scenario("actief",
              "sources:\n"
              "  kwaad:\n    label: \"Kwaadaardige bron\"\n    reference: \"r\"\n    url: \"javascript:alert(1)\"\n"
              "  post:\n    label: \"Postbus\"\n    reference: \"r\"\n    url: \"mailto:onderzoek@example.org\"\n"
              "parameters:\n"
              "  huisartsen.fte:\n    value: 10000\n    source: kwaad\n"
              "  eerste_lijn.vs.fte:\n    value: 270\n    source: post\n");
  auto r = in.report();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string html = in.file("actief", "report.html");
  EXPECT_NE(html.find("javascript:alert(1)"), std::string::npos) << "the address is still shown";
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(html.find("href=\"mailto:onderzoek@example.org\""), std::string::npos);
  std::string md = in.file("actief", "tables.md");
  EXPECT_EQ(md.find("<javascript:"), std::string::npos);
  EXPECT_NE(md.find("<mailto:onderzoek@example.org>"), std::string::npos);
  std::string tex = in.file("actief", "latex/tables.tex");
  EXPECT_EQ(tex.find("\\url{javascript"), std::string::npos);
  EXPECT_NE(tex.find("\\url{mailto:onderzoek@example.org}"), std::string::npos);
  // The PDF's link actions, uncompressed by qpdf; the XLSX's hyperlink targets, unzipped.
  const std::string dir = in.out() + "/actief";
  auto pdf = test::run_shell("qpdf --qdf --object-streams=disable '" + dir + "/report.pdf' - | grep -a '/URI'");
  EXPECT_EQ(pdf.out.find("javascript"), std::string::npos) << pdf.out;
  EXPECT_NE(pdf.out.find("mailto:onderzoek@example.org"), std::string::npos) << pdf.out;
  auto xlsx = test::run_shell("unzip -p '" + dir + "/tables.xlsx' 'xl/worksheets/_rels/*'");
  EXPECT_EQ(xlsx.exit_code, 0) << xlsx.err;
  EXPECT_EQ(xlsx.out.find("javascript"), std::string::npos);
  EXPECT_NE(xlsx.out.find("mailto:onderzoek@example.org"), std::string::npos);
}

TEST(HostileInputs, ACharacterOutsideThePdfFontIsReplacedWithAWarningAndTheOtherFormatsKeepIt) {
  Inputs in;
  in.scenario("tekens",
              "parameters:\n  huisartsen.fte:\n    value: 10000\n"
              "    assumption: \"ongeveer \xE2\x89\x88 tienduizend \xF0\x9F\x98\x80\"\n");
  auto r = in.report("html,pdf,json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string file = (in.dir.path() / "inputs" / "scenarios" / "tekens.yaml").string();
  // The assumption's text starts at column 18 of line 7; ≈ is its 10th character, the emoji its 24th.
  EXPECT_NE(r.err.find(file + ":7:27: warning: the character U+2248 is not in the PDF font"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(file + ":7:41: warning: the character U+1F600 is not in the PDF font"), std::string::npos) << r.err;
  ASSERT_TRUE(in.has("tekens", "report.pdf"));
  EXPECT_NE(in.file("tekens", "report.html").find("ongeveer \xE2\x89\x88 tienduizend"), std::string::npos);
  EXPECT_NE(in.file("tekens", "tables.json").size(), 0u);
  auto text = test::run_shell("pdftotext '" + in.out() + "/tekens/report.pdf' - 2>&1");
  EXPECT_NE(text.out.find("ongeveer \xEF\xBF\xBD tienduizend \xEF\xBF\xBD"), std::string::npos);
}

TEST(HostileInputs, TooManyMonteCarloDrawsAreAUsageErrorBeforeAnythingRuns) {
  test::TempDir out;
  auto r = test::run_zorgcap("report --inputs inputs --out '" + out.str() + "/o' --montecarlo 10000000");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("--montecarlo 10000000"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("at most 256 MiB per scenario: give at most "), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out.path() / "o"));
}

}  // namespace
}  // namespace zorgcap
