// zorgcap diff: exact between two real runs whatever their --format (every quantity through values.json,
// the tables through tables.json where both sides have it); refuses folders it cannot compare; groups
// its output by scenario, inputs, tables in number order with their labels, other quantities.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/run_binary.h"
#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;
using test::run_zorgcap;
using nlohmann::json;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

// The shipped inputs with huisartsen.fte (Nivel 2020: 9842) changed to 10100.
const test::TempDir& changed_inputs() {
  static const auto dir = [] {
    auto d = std::make_unique<test::TempDir>();
    fs::copy(test::inputs_dir(), d->path(), fs::copy_options::recursive);
    std::string baseline = test::read_file((d->path() / "baseline.yaml").string());
    std::size_t key = baseline.find("\n  huisartsen.fte:");
    std::size_t value = baseline.find("value: 9842\n", key);
    EXPECT_NE(value, std::string::npos);
    if (value != std::string::npos) baseline.replace(value, 11, "value: 10100");
    test::write_file((d->path() / "baseline.yaml").string(), baseline);
    return d;
  }();
  return *dir;
}

// One run of the baseline per (inputs, formats), made once for all tests here.
const fs::path& run(bool changed, const std::string& formats) {
  static std::map<std::string, std::unique_ptr<test::TempDir>> runs;
  std::string id = (changed ? "new:" : "old:") + formats;
  auto& dir = runs[id];
  if (!dir) {
    dir = std::make_unique<test::TempDir>();
    std::string args = "report --scenario baseline --out " + q(dir->path());
    if (changed) args += " --inputs " + q(changed_inputs().path());
    if (formats != "all") args += " --format " + formats;
    auto r = run_zorgcap(args);
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.err;
  }
  return dir->path();
}

// Every quantity derived from huisartsen.fte, directly or further back.
std::set<std::string> dependants_of_fte() {
  std::set<std::string> out;
  test::baseline_results().for_each([&](const Quantity& qt) {
    if (test::ancestors(test::baseline_results(), qt.key).count("huisartsen.fte")) out.insert(qt.key);
  });
  return out;
}

std::string key_of(const std::string& quantity) { return quantity.substr(0, quantity.find('@')); }

// What `diff --json` says about the baseline after huisartsen.fte went from 9842 to 10100.
void expect_the_fte_change(const json& d, bool tables_compared, const std::string& what) {
  SCOPED_TRACE(what);
  ASSERT_EQ(d.at("scenarios").size(), 1u);
  const json& s = d.at("scenarios")[0];
  EXPECT_EQ(s.at("scenario"), "baseline");
  EXPECT_EQ(s.at("status"), "changed");
  EXPECT_EQ(s.at("tables_compared"), tables_compared);
  ASSERT_EQ(s.at("inputs").size(), 1u) << s.at("inputs").dump(2);
  const json& in = s.at("inputs")[0];
  EXPECT_EQ(in.at("key"), "huisartsen.fte");
  EXPECT_EQ(in.at("label"), "Aantal fte huisartsen");
  EXPECT_EQ(in.at("old").at("min"), 9842);
  EXPECT_EQ(in.at("old").at("max"), 9842);
  EXPECT_EQ(in.at("new").at("min"), 10100);
  EXPECT_EQ(in.at("new").at("unit"), "fte");
  EXPECT_EQ(in.at("new").at("source"), "nivel-2020");
  EXPECT_EQ(in.at("new").at("source_label"), "Onderzoek Nivel (2020)");

  // Everything reported, cells and quantities, derives from huisartsen.fte, and no dependant is missed.
  std::set<std::string> dependants = dependants_of_fte(), reported;
  for (const json& qt : s.at("quantities")) reported.insert(qt.at("key").get<std::string>());
  for (const json& t : s.at("tables"))
    for (const json& c : t.at("cells")) {
      json keys = c.at("new").at("quantity");
      if (keys.is_string()) keys = json::array({keys});
      bool derived = false;  // a cell may show several quantities; one of them must move
      for (const json& k : keys) {
        std::string key = key_of(k.get<std::string>());
        derived = derived || key == "huisartsen.fte" || dependants.count(key);
        if (dependants.count(key)) reported.insert(key);
      }
      EXPECT_TRUE(derived) << c.dump();
    }
  for (const std::string& k : reported) EXPECT_TRUE(dependants.count(k)) << k << " does not depend on huisartsen.fte";
  // The net capacity a VS frees is a share of the huisartsen's fte (docs/MODEL.md, casus 1a).
  EXPECT_TRUE(reported.count("huisarts.vs.netto_fte")) << s.dump(1).substr(0, 2000);
  if (!tables_compared) {
    EXPECT_TRUE(s.at("tables").empty());
    // Without the tables every changed quantity is listed: each dependant whose value changed.
    auto old_values = json::parse(test::read_file((run(false, "json") / "baseline" / "values.json").string()));
    auto new_values = json::parse(test::read_file((run(true, "json") / "baseline" / "values.json").string()));
    std::set<std::string> moved;
    for (std::size_t i = 0; i < old_values.at("quantities").size(); ++i) {
      const json& a = old_values["quantities"][i];
      const json& b = new_values["quantities"][i];
      ASSERT_EQ(a.at("key"), b.at("key"));
      if (a.at("key") != "huisartsen.fte" && (a.at("min") != b.at("min") || a.at("max") != b.at("max")))
        moved.insert(a.at("key").get<std::string>());
    }
    EXPECT_EQ(reported, moved);
  } else {
    // Table 10 prints huisartsen.fte with n0 and " fte": 9.842 fte, now 10.100 fte.
    bool found = false;
    for (const json& t : s.at("tables"))
      for (const json& c : t.at("cells"))
        if (t.at("table") == 10 && c.at("row_label") == "Totaal aantal fte huisartsen") {
          found = true;
          EXPECT_EQ(c.at("column_label"), "(Ken)getal");
          EXPECT_EQ(c.at("old").at("text"), "9.842 fte");
          EXPECT_EQ(c.at("new").at("text"), "10.100 fte");
        }
    EXPECT_TRUE(found);
  }
}

TEST(Diff, IdenticalRunsReportNothing) {
  auto d = run_zorgcap("diff " + q(run(false, "json")) + " " + q(run(false, "all")));
  EXPECT_EQ(d.exit_code, 0) << d.out << d.err;
  EXPECT_EQ(d.out, "no changes\n");
  auto j = run_zorgcap("diff " + q(run(false, "html")) + " " + q(run(false, "html")) + " --json");
  EXPECT_EQ(j.exit_code, 0) << j.err;
  EXPECT_EQ(json::parse(j.out).at("changes"), 0);
}

// The case: with --format html (or pdf) there is no tables.json, yet values.json is there.
TEST(Diff, AChangedInputIsFoundWhateverFormatEachSideWrote) {
  struct Case {
    std::string old_formats, new_formats;
    bool tables;
  };
  for (const Case& c : {Case{"html", "html", false}, Case{"pdf", "pdf", false}, Case{"json", "json", true},
                        Case{"all", "all", true}, Case{"all", "html", false}, Case{"html", "json", false},
                        Case{"csv,md", "all", false}}) {
    std::string what = c.old_formats + " vs " + c.new_formats;
    auto d = run_zorgcap("diff " + q(run(false, c.old_formats)) + " " + q(run(true, c.new_formats)) + " --json");
    EXPECT_EQ(d.exit_code, 1) << what << ": " << d.out << d.err;
    if (d.exit_code != 1) continue;
    expect_the_fte_change(json::parse(d.out), c.tables, what);
    auto text = run_zorgcap("diff " + q(run(false, c.old_formats)) + " " + q(run(true, c.new_formats)));
    EXPECT_EQ(text.exit_code, 1) << what;
    EXPECT_TRUE(contains(text.out, "huisartsen.fte (Aantal fte huisartsen): 9842 → 10100 fte; source: Onderzoek Nivel (2020)\n"))
        << what << "\n" << text.out;
    EXPECT_FALSE(contains(text.out, "no changes")) << what;
  }
}

TEST(Diff, TextIsGroupedWithTablesInNumberOrderAndFullLabels) {
  auto d = run_zorgcap("diff " + q(run(false, "all")) + " " + q(run(true, "json")));
  ASSERT_EQ(d.exit_code, 1) << d.err;
  EXPECT_EQ(d.out.rfind("baseline:\n  inputs:\n    huisartsen.fte (Aantal fte huisartsen): 9842 → 10100 fte; "
                        "source: Onderzoek Nivel (2020)\n  Tabel ",
                        0),
            0u)
      << d.out.substr(0, 500);
  EXPECT_TRUE(contains(d.out, "  Tabel 10. Input en uitkomsten van rekenmodel casus 1a.\n"
                              "    Totaal aantal fte huisartsen | (Ken)getal: 9.842 fte → 10.100 fte\n"))
      << d.out;
  EXPECT_FALSE(contains(d.out, "...")) << "labels are never cut";
  // Table captions in increasing number, and the other quantities after the last table.
  std::istringstream lines(d.out);
  std::vector<int> numbers;
  bool others = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("  Tabel ", 0) == 0) {
      EXPECT_FALSE(others) << line << " comes after the other quantities";
      numbers.push_back(std::stoi(line.substr(8)));
    }
    others = others || line == "  other quantities (not displayed in a table):";
  }
  EXPECT_GE(numbers.size(), 2u) << d.out;
  EXPECT_TRUE(std::is_sorted(numbers.begin(), numbers.end())) << d.out;
  EXPECT_EQ(std::set<int>(numbers.begin(), numbers.end()).size(), numbers.size()) << "one group per table";
  auto j = json::parse(run_zorgcap("diff " + q(run(false, "all")) + " " + q(run(true, "json")) + " --json").out);
  EXPECT_TRUE(contains(d.out, "\n" + std::to_string(j.at("changes").get<int>()) + " changes\n")) << d.out;
}

// Hand-made tables.json: labels come from header and row-header cells across spans; tables sort by number.
TEST(Diff, LabelsFollowSpansAndTablesSortByNumber) {
  test::TempDir a, b;
  auto scenario = [](const fs::path& run, const std::string& cell_2, const std::string& cell_10) {
    fs::create_directories(run / "s");
    test::write_file((run / "s" / "manifest.json").string(), "{\"scenario\": \"s\", \"parameters\": {}}\n");
    test::write_file((run / "s" / "values.json").string(), "{\"scenario\": \"s\", \"quantities\": []}\n");
    std::string long_label = "Een rijkop die veel langer is dan zestig tekens, zodat niets hem mag afknippen";
    json tables = {
        {"tables",
         json::array(
             {{{"number", 10},
               {"caption", "Tabel 10. Tien."},
               {"columns", 3},
               {"header", {{{{"id", "t10/h0/c0"}, {"text", "Indicator"}, {"rowspan", 2}},
                            {{"id", "t10/h0/c1"}, {"text", "Huisarts"}, {"colspan", 2}}},
                           {{{"id", "t10/h1/c1"}, {"text", "min"}}, {{"id", "t10/h1/c2"}, {"text", "max"}}}}},
               {"rows", {{{{"id", "t10/r0/c0"}, {"text", "Groep"}, {"rowspan", 2}},
                          {{"id", "t10/r0/c1"}, {"text", "1"}, {"quantity", "a@min"}, {"values", {1}},
                           {"footnotes", {cell_2}}},  // a field diff does not know: ignored
                          {{"id", "t10/r0/c2"}, {"text", "2"}, {"quantity", "a@max"}, {"values", {2}}}},
                         {{{"id", "t10/r1/c1"}, {"text", cell_10}, {"quantity", "b@min"}, {"values", {3}}},
                          {{"id", "t10/r1/c2"}, {"text", "4"}, {"quantity", "b@max"}, {"values", {4}}}}}}},
              {{"number", 2},
               {"caption", "Tabel 2. Twee."},
               {"columns", 2},
               {"header", {{{{"id", "t2/h0/c0"}, {"text", "Kop"}}, {{"id", "t2/h0/c1"}, {"text", "Waarde"}}}}},
               {"rows", {{{{"id", "t2/r0/c0"}, {"text", long_label}},
                          {{"id", "t2/r0/c1"}, {"text", cell_2}, {"quantity", "c"}, {"values", {5}}}}}}}})}};
    test::write_file((run / "s" / "tables.json").string(), tables.dump(2));
  };
  scenario(a.path(), "5", "3");
  scenario(b.path(), "5,5", "3\n4");
  auto d = run_zorgcap("diff " + q(a.path()) + " " + q(b.path()));
  EXPECT_EQ(d.exit_code, 1) << d.err;
  EXPECT_EQ(d.out,
            "s:\n"
            "  Tabel 2. Twee.\n"
            "    Een rijkop die veel langer is dan zestig tekens, zodat niets hem mag afknippen | Waarde: 5 → 5,5\n"
            "  Tabel 10. Tien.\n"
            "    Groep | Huisarts / min: 3 → 3 / 4\n"
            "2 changes\n");
}

TEST(Diff, JsonHasAFixedShape) {
  auto d = run_zorgcap("diff " + q(run(false, "json")) + " " + q(run(true, "json")) + " --json");
  ASSERT_EQ(d.exit_code, 1) << d.err;
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(d.out);
  auto keys = [](const nlohmann::ordered_json& o) {
    std::vector<std::string> k;
    for (auto it = o.begin(); it != o.end(); ++it) k.push_back(it.key());
    return k;
  };
  EXPECT_EQ(keys(j), (std::vector<std::string>{"old", "new", "kind", "changes", "scenarios"}));
  EXPECT_EQ(j.at("kind"), "run");
  const auto& s = j.at("scenarios").at(0);
  EXPECT_EQ(keys(s), (std::vector<std::string>{"scenario", "status", "tables_compared", "changes", "inputs", "tables",
                                               "quantities"}));
  EXPECT_EQ(keys(s.at("inputs").at(0)), (std::vector<std::string>{"key", "label", "old", "new"}));
  EXPECT_EQ(keys(s.at("inputs").at(0).at("old")),
            (std::vector<std::string>{"min", "max", "unit", "source", "source_label"}));
  ASSERT_FALSE(s.at("tables").empty());
  const auto& t = s.at("tables").at(0);
  EXPECT_EQ(keys(t), (std::vector<std::string>{"table", "status", "old_caption", "new_caption", "cells"}));
  EXPECT_EQ(keys(t.at("cells").at(0)), (std::vector<std::string>{"cell", "section", "row", "column", "row_label",
                                                                  "column_label", "old", "new"}));
  EXPECT_EQ(keys(t.at("cells").at(0).at("old")), (std::vector<std::string>{"text", "quantity", "values"}));
  // Sorted lists, and the counts add up.
  std::size_t total = 0;
  for (const auto& tj : s.at("tables")) total += tj.at("cells").size();
  total += s.at("inputs").size() + s.at("quantities").size();
  EXPECT_EQ(s.at("changes"), total);
  EXPECT_EQ(j.at("changes"), total);
  std::vector<int> numbers;
  for (const auto& tj : s.at("tables")) numbers.push_back(tj.at("table").get<int>());
  EXPECT_TRUE(std::is_sorted(numbers.begin(), numbers.end()));
  std::vector<std::string> qkeys;
  for (const auto& qj : s.at("quantities")) qkeys.push_back(qj.at("key").get<std::string>());
  EXPECT_TRUE(std::is_sorted(qkeys.begin(), qkeys.end()));
  EXPECT_FALSE(qkeys.empty()) << "some derived quantities are in no table";
  // Two runs of the same diff give the same bytes.
  EXPECT_EQ(run_zorgcap("diff " + q(run(false, "json")) + " " + q(run(true, "json")) + " --json").out, d.out);
}

TEST(Diff, AScenarioOnOneSideIsAddedOrRemoved) {
  test::TempDir a, b;
  fs::copy(run(false, "json") / "baseline", a.path() / "baseline", fs::copy_options::recursive);
  fs::copy(run(false, "json") / "baseline", a.path() / "oud", fs::copy_options::recursive);
  fs::copy(run(false, "json") / "baseline", b.path() / "baseline", fs::copy_options::recursive);
  fs::copy(run(false, "json") / "baseline", b.path() / "nieuw", fs::copy_options::recursive);
  auto d = run_zorgcap("diff " + q(a.path()) + " " + q(b.path()));
  EXPECT_EQ(d.exit_code, 1) << d.err;
  EXPECT_EQ(d.out, "nieuw: scenario added\noud: scenario removed\n2 changes\n");
  auto j = json::parse(run_zorgcap("diff " + q(a.path()) + " " + q(b.path()) + " --json").out);
  ASSERT_EQ(j.at("scenarios").size(), 3u);
  EXPECT_EQ(j["scenarios"][0].at("scenario"), "baseline");
  EXPECT_EQ(j["scenarios"][0].at("status"), "unchanged");
  EXPECT_EQ(j["scenarios"][1].at("scenario"), "nieuw");
  EXPECT_EQ(j["scenarios"][1].at("status"), "added");
  EXPECT_EQ(j["scenarios"][2].at("scenario"), "oud");
  EXPECT_EQ(j["scenarios"][2].at("status"), "removed");
}

TEST(Diff, TwoScenarioFoldersAreCompared) {
  auto d = run_zorgcap("diff " + q(run(false, "html") / "baseline") + " " + q(run(true, "pdf") / "baseline") + " --json");
  ASSERT_EQ(d.exit_code, 1) << d.err;
  json j = json::parse(d.out);
  EXPECT_EQ(j.at("kind"), "scenario");
  expect_the_fte_change(j, false, "scenario folders");
}

TEST(Diff, FoldersThatCannotBeComparedAreAUsageError) {
  auto expect_two = [](const std::string& a, const std::string& b, const std::string& reason) {
    auto r = run_zorgcap("diff '" + a + "' '" + b + "'");
    EXPECT_EQ(r.exit_code, 2) << a << " " << b << "\n" << r.out << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.rfind("zorgcap diff: ", 0), 0u) << r.err;
    EXPECT_TRUE(contains(r.err, reason)) << r.err;
  };
  test::TempDir empty1, empty2, other, half;
  expect_two(empty1.str(), empty2.str(), empty1.str() + " is empty");
  test::write_file((other.path() / "notes.txt").string(), "not zorgcap output\n");
  fs::create_directories(other.path() / "baseline");
  test::write_file((other.path() / "baseline" / "tables.json").string(), "{\"tables\": []}\n");
  expect_two(other.str(), other.str(), other.str() + " is not zorgcap output");
  fs::create_directories(half.path() / "baseline");
  test::write_file((half.path() / "baseline" / "values.json").string(), "{\"quantities\": []}\n");
  expect_two(run(false, "json").string(), half.str(), "values.json but no manifest.json");
  std::string run_dir = run(false, "json").string(), scenario_dir = (run(true, "json") / "baseline").string();
  expect_two(scenario_dir, run_dir, "is a scenario folder but");
  expect_two(run_dir, scenario_dir, "is a run folder (scenario subfolders) but");
  expect_two(run_dir, empty2.str(), empty2.str() + " is empty");
  expect_two("/nonexistent/a", run_dir, "/nonexistent/a is not a folder");
  EXPECT_EQ(run_zorgcap("diff onlyone").exit_code, 2);
}

}  // namespace
}  // namespace zorgcap
