// The template grammar beyond plain numbers: the range form, source labels and footnote markers,
// good input and each malformed form with its location.
#include "document/table_template.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace zorgcap {
namespace {

std::vector<CellRun> runs_of(const std::string& text) {
  std::vector<CellRun> runs;
  auto problem = parse_cell_text(text, runs);
  EXPECT_FALSE(problem) << text << ": " << problem.value_or("");
  return runs;
}

std::string problem_of(const std::string& text) {
  std::vector<CellRun> runs;
  return parse_cell_text(text, runs).value_or("");
}

void expect_number(const CellRun& r, const std::string& key, Bound bound, const char* format) {
  ASSERT_TRUE(r.number);
  EXPECT_EQ(r.number->key, key);
  EXPECT_EQ(r.number->bound, bound);
  EXPECT_EQ(r.number->format.spec(), format);
  EXPECT_TRUE(r.text.empty());
}

TEST(RangeForm, MinToMaxWithTheDefaultSeparator) {
  auto runs = runs_of("{a.b@min..max|n0} fte");
  ASSERT_EQ(runs.size(), 4u);
  expect_number(runs[0], "a.b", Bound::min, "n0");
  EXPECT_EQ(runs[1].text, "-");
  EXPECT_FALSE(runs[1].number);
  expect_number(runs[2], "a.b", Bound::max, "n0");
  EXPECT_EQ(runs[3].text, " fte");
}

TEST(RangeForm, IsTheSameAsTheTwoNumbersWrittenOut) {
  for (auto [range, written] : {std::pair{"({x@min..max|pct0}%)", "({x@min|pct0}-{x@max|pct0}%)"},
                                std::pair{"€ {x@min..max|mln2| – € } miljoen", "€ {x@min|mln2} – € {x@max|mln2} miljoen"},
                                std::pair{"{x@max..min|pct0|% - }%", "{x@max|pct0}% - {x@min|pct0}%"},
                                std::pair{"{x@min..max|n0| tot }", "{x@min|n0} tot {x@max|n0}"}}) {
    auto a = runs_of(range), b = runs_of(written);
    ASSERT_EQ(a.size(), b.size()) << range;
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].text, b[i].text) << range;
      ASSERT_EQ(a[i].number.has_value(), b[i].number.has_value()) << range;
      if (a[i].number) {
        EXPECT_EQ(a[i].number->key, b[i].number->key);
        EXPECT_EQ(a[i].number->bound, b[i].number->bound) << range << " run " << i;
        EXPECT_EQ(a[i].number->format.spec(), b[i].number->format.spec());
      }
    }
  }
}

TEST(RangeForm, MalformedRangesAreErrors) {
  EXPECT_NE(problem_of("{x@min..min|n0}").find("bound must be"), std::string::npos);
  EXPECT_NE(problem_of("{x@min..|n0}").find("bound must be"), std::string::npos);
  EXPECT_NE(problem_of("{x@min..max|pct9}").find("unknown number format 'pct9'"), std::string::npos);
  EXPECT_NE(problem_of("{x@min..max|n0|}").find("not empty"), std::string::npos);
  EXPECT_NE(problem_of("{x@min|n0| – }").find("a separator is only for a range"), std::string::npos);
  EXPECT_NE(problem_of("{x|n0|-}").find("a separator is only for a range"), std::string::npos);
  EXPECT_NE(problem_of("{x@min..max|n0| – ").find("without a closing"), std::string::npos);
}

TEST(SourceLabel, IsARunOfItsOwn) {
  auto runs = runs_of("{huisartsen.fte|bron}");
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].source_of, "huisartsen.fte");
  EXPECT_FALSE(runs[0].number);
  EXPECT_NE(problem_of("{huisartsen.fte@min|bron}").find("without a bound"), std::string::npos);
  EXPECT_NE(problem_of("{huisartsen.fte|bron|x}").find("without a bound or separator"), std::string::npos);
}

TEST(FootnoteMarker, IsANumberedRunThatPrintsNothing) {
  auto runs = runs_of("n.v.t{^71}");
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].text, "n.v.t");
  EXPECT_EQ(runs[1].footnote, 71);
  EXPECT_TRUE(runs[1].text.empty());
  for (const char* bad : {"x{^}", "x{^a}", "x{^07}", "x{^12345}", "x{^-1}"})
    EXPECT_NE(problem_of(bad).find("a footnote marker is {^N}"), std::string::npos) << bad;
}

// A table template in a folder of its own, loaded: the errors with their file:line:column.
class TemplateFile : public ::testing::Test {
 protected:
  std::optional<std::vector<TableTemplate>> load(const std::string& body) {
    test::write_file((dir.path() / "tabel-01.yaml").string(),
                     "number: 1\ncaption: \"Tabel 1. Test.\"\nheader:\n  - [\"A\", \"B\"]\n" + body);
    diags = Diagnostics();
    texts.clear();
    return load_table_templates(dir.str(), diags, texts);
  }
  std::string errors() const { return diags.format(texts); }
  test::TempDir dir;
  Diagnostics diags;
  SourceTexts texts;
};

TEST_F(TemplateFile, AMalformedRangeIsReportedAtItsCell) {
  EXPECT_FALSE(load("rows:\n  - [\"x\", \"{a@min..mid|n0} fte\"]\n"));
  ASSERT_EQ(diags.size(), 1u) << errors();
  EXPECT_EQ(diags.items()[0].where.line, 6);
  EXPECT_EQ(diags.items()[0].where.column, 11);
  EXPECT_NE(errors().find("tabel-01.yaml:6:11: error: rows[0][1]: bound must be @min, @max, @min..max or @max..min, not @min..mid"),
            std::string::npos)
      << errors();
}

TEST_F(TemplateFile, FootnotesAreListedAndMarkedOnce) {
  auto t = load(
      "rows:\n  - [\"x{^7}\", \"y\"]\nfootnotes:\n  - number: 7\n    text: \"Zie hier.\"\n    url: \"https://example.org/\"\n");
  ASSERT_TRUE(t) << errors();
  ASSERT_EQ(t->at(0).footnotes.size(), 1u);
  EXPECT_EQ(t->at(0).footnotes[0].number, 7);
  EXPECT_EQ(t->at(0).footnotes[0].text, "Zie hier.");
  EXPECT_EQ(t->at(0).footnotes[0].url, "https://example.org/");
}

TEST_F(TemplateFile, AnUnlistedOrUnmarkedFootnoteIsAnError) {
  EXPECT_FALSE(load("rows:\n  - [\"x{^7}\", \"y\"]\n"));
  EXPECT_NE(errors().find("tabel-01.yaml:6:6: error: footnotes: footnote 7 is marked here but not listed"), std::string::npos)
      << errors();
  EXPECT_FALSE(load("rows:\n  - [\"x\", \"y\"]\nfootnotes:\n  - {number: 8, text: \"t\"}\n"));
  EXPECT_NE(errors().find("tabel-01.yaml:8:5: error: footnotes: footnote 8 is marked in 0 cells"), std::string::npos)
      << errors();
  EXPECT_FALSE(load("rows:\n  - [\"x{^8}\", \"y{^8}\"]\nfootnotes:\n  - {number: 8, text: \"t\"}\n"));
  EXPECT_NE(errors().find("footnote 8 is marked in 2 cells"), std::string::npos) << errors();
  EXPECT_FALSE(load("rows:\n  - [\"x{^8}\", \"y\"]\nfootnotes:\n  - {number: 8}\n"));
  EXPECT_NE(errors().find("a footnote needs its text"), std::string::npos) << errors();
  EXPECT_FALSE(load("rows:\n  - [\"x{^8}\", \"y\"]\nfootnotes:\n  - {number: 8, text: \"t\", page: 3}\n"));
  EXPECT_NE(errors().find("unknown footnote field 'page'"), std::string::npos) << errors();
}

}  // namespace
}  // namespace zorgcap
