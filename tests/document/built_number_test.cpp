// What a number in a built cell carries: its values, bound, format and unit, and (for the baseline)
// how it compares with the number the report prints. Expected values are the report's.
#include <gtest/gtest.h>

#include <stdexcept>

#include "document/build.h"
#include "document/reconciliation_build.h"
#include "inputs/published.h"
#include "model/reconcile.h"
#include "test_support.h"

namespace zorgcap {
namespace {

const Document& reconciled_baseline() {
  static const Document doc = [] {
    Diagnostics diags;
    SourceTexts texts;
    auto t = load_table_templates(test::source_dir() + "/templates/tables", diags, texts);
    auto published = load_published(test::inputs_dir() + "/published.yaml", diags, texts);
    auto errata = load_errata(test::inputs_dir() + "/errata.yaml", diags, texts);
    if (!t || !published || !errata || !check_bindings(*t, test::baseline_results(), diags))
      throw std::runtime_error(diags.format(texts));
    Document d = build_document(*t, test::baseline_results(), test::baseline_inputs(), "digest");
    add_reconciliation(d, reconcile(test::baseline_results(), *published), *errata);
    return d;
  }();
  return doc;
}

std::vector<BuiltNumber> numbers_of(const BuiltCell& c) {
  std::vector<BuiltNumber> out;
  for (const BuiltRun& r : c.runs)
    if (r.is_number) out.push_back(r.number);
  return out;
}

const BuiltCell& body_cell(int table, std::size_t row, std::size_t index) {
  return reconciled_baseline().tables.at(static_cast<std::size_t>(table - 1)).body.at(row).at(index);
}

TEST(BuiltNumber, Table10NetFteIsAMinMaxPairWithoutDecimals) {
  // Tabel 10, "Netto fte (en percentage) capaciteitsbesparing van huisartsen door inzet van VS":
  // the report prints "1.917-3.833 fte (19-39%)".
  const BuiltCell& c = body_cell(10, 4, 1);
  ASSERT_EQ(c.text, "1.917-3.833 fte (19-39%)");
  auto n = numbers_of(c);
  ASSERT_EQ(n.size(), 4u);
  for (std::size_t i : {0u, 1u}) {
    EXPECT_EQ(n[i].key, "huisarts.vs.netto_fte");
    EXPECT_EQ(n[i].format.scale, NumberFormat::Scale::number);
    EXPECT_EQ(n[i].format.decimals, 0);
    EXPECT_EQ(n[i].unit, "fte");
    EXPECT_NEAR(n[i].min, 1917, 0.5);
    EXPECT_NEAR(n[i].max, 3833, 0.5);
  }
  EXPECT_EQ(n[0].bound, Bound::min);
  EXPECT_EQ(n[0].value, n[0].min);
  EXPECT_EQ(n[0].text, "1.917");
  EXPECT_EQ(n[1].bound, Bound::max);
  EXPECT_EQ(n[1].value, n[1].max);
  EXPECT_EQ(n[1].text, "3.833");
  EXPECT_EQ(n[2].format.scale, NumberFormat::Scale::percent);
  EXPECT_EQ(n[2].unit, "aandeel");
  EXPECT_EQ(n[2].text, "19");
  EXPECT_EQ(n[3].text, "39");
  // The report prints these four as they are: reproduced, not deviating.
  for (const BuiltNumber& x : n) {
    ASSERT_TRUE(x.printed) << x.key;
    EXPECT_EQ(x.printed->status, PrintedComparison::Status::reproduced);
    EXPECT_FALSE(x.deviates());
  }
  EXPECT_EQ(n[0].printed->id, "t10.netto_fte_vs.min");
  EXPECT_EQ(n[0].printed->printed, "1.917");
}

TEST(BuiltNumber, AnInputHasOneValue) {
  // Tabel 10 row 1: "9.842 fte" huisartsen.
  auto n = numbers_of(body_cell(10, 0, 1));
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].bound, Bound::single);
  EXPECT_EQ(n[0].min, 9842);
  EXPECT_EQ(n[0].max, 9842);
  EXPECT_EQ(n[0].text, "9.842");
}

TEST(BuiltNumber, Table4FlagsTheReportsInconsistentShareOfPaUsed) {
  // Tabel 4 prints "48% - 65%" for the PA; a consistent model gives 10% - 12% (erratum I5).
  const BuiltCell& c = body_cell(4, 1, 3);
  EXPECT_EQ(c.text, "10% - 12%");
  auto n = numbers_of(c);
  ASSERT_EQ(n.size(), 2u);
  ASSERT_TRUE(n[0].printed && n[1].printed);
  EXPECT_TRUE(n[0].deviates());
  EXPECT_EQ(n[0].printed->status, PrintedComparison::Status::erratum);
  EXPECT_EQ(n[0].printed->erratum, "I5");
  EXPECT_EQ(n[0].printed->printed, "48%");
  EXPECT_EQ(n[0].printed->id, "t4.pa.pct_benut.min");
  EXPECT_EQ(n[0].bound, Bound::max);  // the share falls as the need rises: its max-scenario value is the lower one
  EXPECT_EQ(n[1].printed->printed, "65%");
  EXPECT_EQ(n[1].printed->erratum, "I5");
  // The VS row beside it is reproduced.
  for (const BuiltNumber& x : numbers_of(body_cell(4, 0, 3))) {
    ASSERT_TRUE(x.printed);
    EXPECT_FALSE(x.deviates()) << x.printed->id;
  }
}

TEST(BuiltNumber, WithoutTheReconciliationNothingIsCompared) {
  Diagnostics diags;
  SourceTexts texts;
  auto t = load_table_templates(test::source_dir() + "/templates/tables", diags, texts);
  ASSERT_TRUE(t) << diags.format(texts);
  Document d = build_document(*t, test::baseline_results(), test::baseline_inputs(), "digest");
  auto n = numbers_of(d.tables.at(3).body.at(1).at(3));
  ASSERT_EQ(n.size(), 2u);
  for (const BuiltNumber& x : n) EXPECT_FALSE(x.printed);
}

}  // namespace
}  // namespace zorgcap
