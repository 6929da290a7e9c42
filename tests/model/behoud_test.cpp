// Retention's rounded ratios (docs/MODEL.md "Chapter 3: retention", I18): the report rounds the
// relieved-per-VS/PA ratios to 2 decimals and the relieved counts to whole persons before use.
#include <gtest/gtest.h>

#include "test_support.h"

namespace zorgcap {
namespace {

const Quantity& q(const std::string& key) { return test::baseline_results().at(key); }

TEST(Behoud, RelievedPerVsPaIsTheRoundedNettoOverNeedRatio) {
  EXPECT_DOUBLE_EQ(q("behoud.huisartsen.ontlast_per_vs").min, 0.66);
  EXPECT_DOUBLE_EQ(q("behoud.huisartsen.ontlast_per_pa").min, 0.85);
  EXPECT_DOUBLE_EQ(q("behoud.anios.ontlast_per_vs").min, 0.83);
  EXPECT_DOUBLE_EQ(q("behoud.anios.ontlast_per_pa").min, 0.88);
}

TEST(Behoud, RelievedCountsAreRoundedBeforeTheyAreAdded) {
  EXPECT_EQ(q("behoud.huisartsen.ontlast_vs").min, 46);  // ⌊69 × 0,66⌉
  EXPECT_EQ(q("behoud.huisartsen.ontlast_pa").min, 60);  // ⌊70 × 0,85⌉ (59,5 rounds up)
  EXPECT_EQ(q("behoud.huisartsen.ontlast_totaal").min, 106);
  EXPECT_EQ(q("behoud.anios.ontlast_vs").min, 115);
  EXPECT_EQ(q("behoud.anios.ontlast_pa").min, 158);  // with the rounded 0,88 (unrounded: 159)
}

TEST(Behoud, GpOutflowUsesFteOverTheParttimeFactor) {
  // I16: 9 842 × 2,8% ÷ 0,80 = 344,47 → 344 persons per year.
  EXPECT_EQ(q("behoud.huisartsen.uitstroom_per_jaar").min, 344);
  EXPECT_NEAR(q("behoud.huisartsen.uitstroom_werkdruk").min, 344 * 0.34, 1e-9);
}

}  // namespace
}  // namespace zorgcap
