// Bounds that keep a huge or garbage input file (up to the 4 MiB limit) from costing unbounded time
// or memory: errors kept, key length, long lines under an error, a file on one long line, table
// templates with many spans. Found by fuzzing (fuzz/README.md) and scaling its inputs up.
#include <gtest/gtest.h>

#include "document/table_template.h"
#include "inputs/diagnostics.h"
#include "inputs/yaml_tree.h"
#include "test_support.h"

namespace zorgcap {
namespace {

TEST(InputLimits, KeepsTheFirstErrorsAndCountsTheRest) {
  Diagnostics d;
  for (std::size_t i = 0; i < Diagnostics::kMaxKept + 5; ++i) d.error("f.yaml", {1, 1}, "", "e" + std::to_string(i));
  EXPECT_EQ(d.size(), Diagnostics::kMaxKept + 5);
  EXPECT_TRUE(d.full());
  ASSERT_EQ(d.items().size(), Diagnostics::kMaxKept);
  EXPECT_EQ(d.items().back().message, "e" + std::to_string(Diagnostics::kMaxKept - 1));
  std::string text = d.format();
  EXPECT_NE(text.find("\n... and 5 more errors (only the first 1000 are shown)\n"), std::string::npos);

  Diagnostics all;
  all.error("g.yaml", {}, "", "first");
  all.append(d);
  EXPECT_EQ(all.size(), Diagnostics::kMaxKept + 6);
  EXPECT_EQ(all.items().size(), Diagnostics::kMaxKept);
  EXPECT_EQ(all.items()[0].message, "first");
}

TEST(InputLimits, ShortensALongKeyPathWithoutSplittingACharacter) {
  Diagnostics d;
  d.error("f.yaml", {1, 1}, std::string(400, 'k'), "m");
  d.error("f.yaml", {1, 1}, "k" + [] {
    std::string s;
    for (int i = 0; i < 200; ++i) s += "é";
    return s;
  }(), "m");
  EXPECT_EQ(d.items()[0].key, std::string(Diagnostics::kMaxKeyBytes, 'k') + "…");
  std::string expected = "k";
  for (int i = 0; i < 149; ++i) expected += "é";  // 299 bytes: the 150th é would end at byte 301
  EXPECT_EQ(d.items()[1].key, expected + "…");
}

TEST(InputLimits, ShowsALongSourceLineAroundTheColumn) {
  const std::string text = std::string(1000, 'a') + "X" + std::string(1000, 'b') + "\n";
  Diagnostics d;
  d.error("f.yaml", {1, 1001}, "", "m");
  d.error("f.yaml", {1, 3}, "", "n");
  EXPECT_EQ(d.format({{"f.yaml", text}}),
            "f.yaml:1:1001: error: m\n"
            " 1 | …" + std::string(200, 'a') + "X" + std::string(199, 'b') + "…\n"
            "   | " + std::string(201, ' ') + "^\n"
            "f.yaml:1:3: error: n\n"
            " 1 | " + std::string(400, 'a') + "…\n"
            "   |   ^\n");
}

TEST(InputLimits, RefusesAKeyOverTheLimit) {
  Diagnostics d;
  auto root = yaml::parse("? " + std::string(2000, 'k') + "\n: 1\nb: 2\n", "f.yaml", d);
  ASSERT_TRUE(root);
  ASSERT_EQ(root->entries.size(), 1u);
  EXPECT_EQ(root->entries[0].key, "b");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].where.line, 1);
  EXPECT_EQ(d.items()[0].where.column, 3);
  EXPECT_EQ(d.items()[0].message, "a key is at most 1024 bytes long; this one is 2000");
}

TEST(InputLimits, LocatesEveryItemOfALongOneLineList) {
  // Each location used to be counted from the start of its line: quadratic on a one-line file.
  const int n = 200000;
  std::string text = "[1";
  for (int i = 1; i < n; ++i) text += ",1";
  text += "]\n";
  Diagnostics d;
  auto root = yaml::parse(text, "f.yaml", d);
  ASSERT_TRUE(root);
  ASSERT_EQ(root->items.size(), static_cast<std::size_t>(n));
  EXPECT_EQ(root->items[1].where.column, 4);
  EXPECT_EQ(root->items.back().where.line, 1);
  EXPECT_EQ(root->items.back().where.column, 2 * n);
}

TEST(InputLimits, ManyErrorsOnOneLongLineGiveABoundedReport) {
  std::string text = "{";
  for (int i = 0; i < 100000; ++i) text += "a: 1, ";
  text += "}\n";
  Diagnostics d;
  yaml::parse(text, "f.yaml", d);
  EXPECT_EQ(d.size(), 99999u);  // every duplicate counted
  std::string report = d.format({{"f.yaml", text}});
  EXPECT_LT(report.size(), 2 * Diagnostics::kMaxKept * (Diagnostics::kMaxLineChars + 100));
  EXPECT_NE(report.find("... and 98999 more errors"), std::string::npos);
}

TEST(InputLimits, TableTemplateSpansThatOverlapStillMakeARowTooWide) {
  test::TempDir dir;
  test::write_file((dir.path() / "tabel-01.yaml").string(),
                   "number: 1\ncaption: \"Tabel 1. x\"\nheader:\n  - [a, {text: b, rowspan: 2}]\n"
                   "  - [{text: c, colspan: 2}]\nrows:\n  - [d, e]\n");
  Diagnostics d;
  SourceTexts texts;
  EXPECT_FALSE(load_table_templates(dir.str(), d, texts));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].key, "header[1]");
  EXPECT_EQ(d.items()[0].message, "row is 3 columns wide (spans included); the table has 2");
}

TEST(InputLimits, TableTemplateWithManyWideCellsLoads) {
  // The span grid used to be a flat list searched for every cell: quadratic in the cells.
  std::string row = "  - [";
  for (int i = 0; i < 400; ++i) row += std::string(i ? ", " : "") + "{text: x, colspan: 50}";
  row += "]\n";
  std::string rows;
  for (int i = 0; i < 20; ++i) rows += row;
  test::TempDir dir;
  test::write_file((dir.path() / "tabel-01.yaml").string(),
                   "number: 1\ncaption: \"Tabel 1. x\"\nheader:\n" + row + "rows:\n" + rows);
  Diagnostics d;
  SourceTexts texts;
  auto tables = load_table_templates(dir.str(), d, texts);
  ASSERT_TRUE(tables) << d.format(texts);
  EXPECT_EQ(tables->at(0).rows.size(), 20u);
}

}  // namespace
}  // namespace zorgcap
