// Scenarios: inheritance through `extends`, overrides with their own source or assumption, presets,
// and each error case with its location.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "inputs/load_inputs.h"
#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;

// A copy of the shipped inputs with extra scenario files.
class Scenarios : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(test::inputs_dir(), dir.path(), fs::copy_options::recursive);
  }
  void add(const std::string& name, const std::string& text) {
    test::write_file((dir.path() / "scenarios" / (name + ".yaml")).string(), text);
  }
  std::optional<Inputs> load(const std::string& name) {
    diags = Diagnostics();
    texts.clear();
    return load_scenario(dir.str(), name, diags, texts);
  }
  std::string path(const std::string& name) const { return (dir.path() / "scenarios" / (name + ".yaml")).string(); }
  test::TempDir dir;
  Diagnostics diags;
  SourceTexts texts;
};

TEST_F(Scenarios, ShippedScenariosLoad) {
  for (const std::string& name : list_scenarios(test::inputs_dir())) {
    Diagnostics d;
    SourceTexts t;
    EXPECT_TRUE(load_scenario(test::inputs_dir(), name, d, t)) << name << "\n" << d.format(t);
  }
  EXPECT_GE(list_scenarios(test::inputs_dir()).size(), 3u);
}

TEST_F(Scenarios, OverridesAndInheritsThroughAChain) {
  add("a", "scenario: a\nextends: baseline\ndescription: test\nparameters:\n"
           "  huisartsen.fte:\n    value: 10000\n    assumption: \"Meer huisartsen\"\n");
  add("b", "scenario: b\nextends: a\ndescription: test\ntitle: \"Titel B\"\nparameters:\n"
           "  huisarts.vs.overname:\n    min: 0.3\n    max: 0.4\n    source: nivel-2020\n");
  auto b = load("b");
  ASSERT_TRUE(b) << diags.format(texts);
  EXPECT_EQ(b->scenario, "b");
  EXPECT_EQ(b->title, "Titel B");
  EXPECT_EQ(b->parameters.at("huisartsen.fte").min, 10000);  // from a
  const Parameter& s = b->parameters.at("huisarts.vs.overname");
  EXPECT_EQ(s.min, 0.3);
  EXPECT_EQ(s.max, 0.4);
  EXPECT_EQ(s.source, "nivel-2020");
  EXPECT_EQ(s.file, path("b"));
  EXPECT_EQ(b->parameters.at("huisartsen.praktijken").min, 4885);  // from baseline
  // The assumption became a source of its own, so provenance still ends in a reason.
  const Source& assumption = b->sources.at(b->parameters.at("huisartsen.fte").source);
  EXPECT_EQ(assumption.reference, "Meer huisartsen");
  EXPECT_EQ(b->files.back(), path("b"));
}

TEST_F(Scenarios, RangesPresetCollapsesEveryRange) {
  auto mid = load("midden");
  ASSERT_TRUE(mid) << diags.format(texts);
  const Parameter& p = mid->parameters.at("huisarts.vs.overname");
  EXPECT_DOUBLE_EQ(p.min, 0.375);
  EXPECT_DOUBLE_EQ(p.max, 0.375);
  EXPECT_FALSE(p.ranged);
  auto low = load("laag");
  ASSERT_TRUE(low);
  EXPECT_DOUBLE_EQ(low->parameters.at("huisarts.pa.overname").max, 0.7);
}

TEST_F(Scenarios, ACycleInExtendsIsAnErrorAtTheExtendsValue) {
  add("x", "scenario: x\nextends: y\ndescription: d\n");
  add("y", "scenario: y\nextends: x\ndescription: d\n");
  EXPECT_FALSE(load("x"));
  ASSERT_EQ(diags.size(), 1u) << diags.format(texts);
  const Diagnostic& d = diags.items()[0];
  EXPECT_EQ(d.file, path("y"));
  EXPECT_EQ(d.where.line, 2);
  EXPECT_EQ(d.where.column, 10);
  EXPECT_EQ(d.key, "extends");
  EXPECT_EQ(d.message, "'extends' makes a cycle: x → y → x");
}

TEST_F(Scenarios, AnUnknownParameterIsAnErrorWithASuggestion) {
  add("u", "scenario: u\nextends: baseline\ndescription: d\nparameters:\n  huisartsen.fe:\n    value: 1\n"
           "    assumption: a\n");
  EXPECT_FALSE(load("u"));
  ASSERT_EQ(diags.size(), 1u) << diags.format(texts);
  EXPECT_EQ(diags.items()[0].where.line, 5);
  EXPECT_EQ(diags.items()[0].where.column, 3);
  EXPECT_EQ(diags.items()[0].message, "unknown parameter 'huisartsen.fe' (did you mean 'huisartsen.fte'?)");
}

TEST_F(Scenarios, AnOverrideWithoutSourceOrAssumptionIsAnError) {
  add("n", "scenario: n\nextends: baseline\ndescription: d\nparameters:\n  huisartsen.fte:\n    value: 9000\n");
  EXPECT_FALSE(load("n"));
  ASSERT_EQ(diags.size(), 1u) << diags.format(texts);
  const Diagnostic& d = diags.items()[0];
  EXPECT_EQ(d.file, path("n"));
  EXPECT_EQ(d.where.line, 5);
  EXPECT_EQ(d.key, "parameters.huisartsen.fte");
  EXPECT_NE(d.message.find("needs its own 'source'"), std::string::npos) << d.message;
}

TEST_F(Scenarios, OtherErrorsAreLocated) {
  add("m", "scenario: andere-naam\nextends: bestaat-niet\ndescription: d\n");
  EXPECT_FALSE(load("m"));
  ASSERT_EQ(diags.size(), 2u) << diags.format(texts);
  EXPECT_EQ(diags.items()[0].message, "the scenario is called 'andere-naam' but its file is m.yaml: they must match");
  EXPECT_NE(diags.items()[1].message.find("no scenario 'bestaat-niet'"), std::string::npos);
  EXPECT_EQ(diags.items()[1].where.line, 2);

  add("v", "scenario: v\nextends: baseline\ndescription: d\nparameters:\n  huisartsen.fte:\n    value: -5\n"
           "    source: nivel-2020\n    assumption: dubbel\n  huisarts.vs.overname:\n    min: 0.6\n    max: 0.5\n"
           "    source: nivel-2021\n");
  EXPECT_FALSE(load("v"));
  std::string all = diags.format(texts);
  EXPECT_NE(all.find("v.yaml:6:12: error: parameters.huisartsen.fte.value: -5 is out of range"), std::string::npos) << all;
  EXPECT_NE(all.find("give either 'source' or 'assumption', not both"), std::string::npos) << all;
  EXPECT_NE(all.find("v.yaml:10:10: error: parameters.huisarts.vs.overname.min: min (0.6) is greater than max (0.5)"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("source 'nivel-2021' is not defined"), std::string::npos) << all;
}

TEST_F(Scenarios, NamesThatWouldLeaveTheOutputFolderAreRefused) {
  EXPECT_FALSE(is_valid_scenario_name("../x"));
  EXPECT_FALSE(is_valid_scenario_name("/etc"));
  EXPECT_FALSE(is_valid_scenario_name("a/b"));
  EXPECT_FALSE(is_valid_scenario_name(""));
  EXPECT_FALSE(is_valid_scenario_name(".hidden"));
  EXPECT_TRUE(is_valid_scenario_name("verdubbeling-instroom"));
  EXPECT_FALSE(load("../baseline"));
}

// The adversarial corpus of names: what a file manager, a user or an attacker puts in scenarios/.
TEST_F(Scenarios, NamesAreUnicodeWordsAndNothingElse) {
  for (const char* ok : {"midden (kopie)", "scénario-é", "sce\xCC\x81nario" /* NFD: e + combining acute */,
                         "zorg_2030", "v1.2", "Ωmega", "日本語", "a", "kopie 2"})
    EXPECT_EQ(scenario_name_problem(ok), "") << ok;
  struct Bad {
    std::string name, why;
  };
  for (const Bad& b : std::vector<Bad>{
           {"-x", "'-' is not allowed at the start"},
           {".x", "'.' is not allowed at the start"},
           {" x", "' ' is not allowed at the start"},
           {"x ", "it ends with ' '"},
           {"x.", "it ends with '.'"},
           {"index.html", "it ends in '.html', which is reserved"},
           {"INDEX.HTML", "it ends in '.html', which is reserved"},
           {"changes.txt", "it ends in '.txt', which is reserved"},
           {"a.zorgcap-tmp", "it ends in '.zorgcap-tmp', which is reserved"},
           {"a/b", "'/' is not allowed"},
           {"..", "it ends with '.'"},
           {"a\\b", "'\\' is not allowed"},
           {"a\tb", "'\\x09' is not allowed"},
           {"a\nb", "'\\x0A' is not allowed"},
           {"a:b", "':' is not allowed"},
           {"a\xFF", "it is not valid UTF-8"},
           {"a\xC0\xAF", "it is not valid UTF-8"},            // an overlong '/'
           {"a\xED\xA0\x80", "it is not valid UTF-8"},        // a UTF-16 surrogate
           {"a\xE2\x80\x8B" "b", "'\xE2\x80\x8B' is not allowed"},  // a zero-width space
           {"", "it is empty"},
           {std::string(101, 'a'), "it is 101 characters long"},
           {std::string(300, 'a'), "it is 300 characters long"},
           {std::string(5000, 'a'), "it is 5000 bytes long"},
       }) {
    std::string why = scenario_name_problem(b.name);
    EXPECT_NE(why.find(b.why), std::string::npos) << printable(b.name) << ": " << why;
    EXPECT_LT(why.size(), 400u) << "a message shows a long name shortened";
  }
  EXPECT_EQ(scenario_name_problem(std::string(100, 'a')), "");
  std::string e100;
  for (int i = 0; i < 100; ++i) e100 += "\xC3\xA9";  // 100 characters, 200 bytes
  EXPECT_EQ(scenario_name_problem(e100), "");
  EXPECT_NE(scenario_name_problem(e100 + "\xC3\xA9").find("it is 101 characters long"), std::string::npos);
  EXPECT_EQ(printable("a\xFF\n"), "a\\xFF\\x0A");
}

TEST_F(Scenarios, ABadExtendsIsLocatedAtItsValueBeforeAnyFileIsLookedAt) {
  add("lang", "scenario: lang\nextends: " + std::string(300, 'x') + "\ndescription: d\n");
  EXPECT_FALSE(load("lang"));
  std::string all = diags.format(texts);
  EXPECT_NE(all.find(path("lang") + ":2:10: error: extends: 'xxx"), std::string::npos) << all;
  EXPECT_NE(all.find("it is 300 characters long"), std::string::npos) << all;
  add("pad", "scenario: pad\nextends: ../../etc/passwd\ndescription: d\n");
  EXPECT_FALSE(load("pad"));
  all = diags.format(texts);
  EXPECT_NE(all.find(path("pad") + ":2:10: error: extends: '../../etc/passwd' is not a scenario name"), std::string::npos)
      << all;
}

TEST_F(Scenarios, ASymlinkLoopAFifoAndAFolderAreLocatedErrorsNotHangs) {
  fs::create_symlink("lus.yaml", dir.path() / "scenarios" / "lus.yaml");
  ASSERT_EQ(::mkfifo(path("pijp").c_str(), 0644), 0);
  fs::create_directory(dir.path() / "scenarios" / "map.yaml");
  EXPECT_FALSE(load("lus"));
  EXPECT_NE(diags.format(texts).find(path("lus") + ": error: cannot open the file: Too many levels of symbolic links"),
            std::string::npos)
      << diags.format(texts);
  EXPECT_FALSE(load("pijp"));
  EXPECT_NE(diags.format(texts).find(path("pijp") + ": error: is not a regular file"), std::string::npos)
      << diags.format(texts);
  EXPECT_FALSE(load("map"));
  EXPECT_NE(diags.format(texts).find(path("map") + ": error: is a folder, not a file"), std::string::npos)
      << diags.format(texts);
  // All of them are listed, so that each is reported rather than silently skipped.
  auto names = list_scenarios(dir.str());
  for (const char* n : {"lus", "pijp", "map", "midden"})
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
}

}  // namespace
}  // namespace zorgcap

namespace zorgcap {
namespace {

// A run of many scenarios reads the baseline once (load_baseline) and hands it to each scenario:
// the scenario comes out as when it read the baseline itself, errors included.
TEST_F(Scenarios, AScenarioOnABaselineReadOnceIsTheSameAsOnItsOwn) {
  add("c", "scenario: c\nextends: baseline\ndescription: test\nparameters:\n"
           "  huisartsen.fte:\n    value: 10000\n    assumption: \"Meer huisartsen\"\n");
  auto alone = load("c");
  ASSERT_TRUE(alone) << diags.format(texts);
  const SourceTexts alone_texts = texts;
  const LoadedBaseline baseline = load_baseline(dir.str());
  ASSERT_TRUE(baseline.inputs);
  Diagnostics d;
  SourceTexts t;
  auto shared = load_scenario(dir.str(), "c", d, t, &baseline);
  ASSERT_TRUE(shared) << d.format(t);
  EXPECT_EQ(d.size(), 0u);
  EXPECT_EQ(shared->scenario, "c");
  EXPECT_EQ(shared->files, alone->files);
  EXPECT_EQ(t, alone_texts);
  ASSERT_EQ(shared->parameters.size(), alone->parameters.size());
  for (const auto& [key, p] : alone->parameters) {
    const Parameter& q = shared->parameters.at(key);
    EXPECT_EQ(q.min, p.min) << key;
    EXPECT_EQ(q.max, p.max) << key;
    EXPECT_EQ(q.source, p.source) << key;
  }
  EXPECT_EQ(shared->parameters.at("huisartsen.fte").min, 10000);
  // The baseline itself, from the shared read.
  auto base = load_scenario(dir.str(), "baseline", d, t, &baseline);
  ASSERT_TRUE(base);
  EXPECT_NE(base->parameters.at("huisartsen.fte").min, 10000);
}

TEST_F(Scenarios, ABrokenBaselineReadOnceFailsEveryScenarioWithItsLocatedError) {
  add("c", "scenario: c\nextends: baseline\ndescription: test\n");
  test::write_file((dir.path() / "baseline.yaml").string(), "parameters: [\n");
  const LoadedBaseline baseline = load_baseline(dir.str());
  ASSERT_FALSE(baseline.inputs);
  for (const char* name : {"c", "baseline"}) {
    Diagnostics d;
    SourceTexts t;
    EXPECT_FALSE(load_scenario(dir.str(), name, d, t, &baseline)) << name;
    ASSERT_GE(d.size(), 1u) << name;
    EXPECT_NE(d.format(t).find("baseline.yaml:"), std::string::npos) << d.format(t);
  }
}

}  // namespace
}  // namespace zorgcap
