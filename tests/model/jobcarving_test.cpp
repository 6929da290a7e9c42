// Case 2's coaching share (docs/MODEL.md "Casus 2"): coaching hours per 8-hour dienst.
#include <gtest/gtest.h>

#include "test_support.h"

namespace zorgcap {
namespace {

const Quantity& q(const std::string& key) { return test::baseline_results().at(key); }

TEST(Jobcarving, CoachingShareIsHoursPerDienstOverEightHours) {
  EXPECT_DOUBLE_EQ(q("jobcarving.vhz.coaching_aandeel").min, 0.0625);
  EXPECT_DOUBLE_EQ(q("jobcarving.ghz.vig.coaching_aandeel").min, 0.0625);
  EXPECT_DOUBLE_EQ(q("jobcarving.ghz.begeleiders.coaching_aandeel").min, 0.125);
}

TEST(Jobcarving, NettoDeductsAndAssistantsAddTheCoaching) {
  const Quantity& g = q("jobcarving.ghz.begeleiders.bruto_fte");
  EXPECT_DOUBLE_EQ(q("jobcarving.ghz.begeleiders.netto_fte").min, g.min * (1 - 0.125));
  EXPECT_DOUBLE_EQ(q("jobcarving.ghz.begeleiders.assistent_fte").max, g.max * (1 + 0.125));
}

TEST(Jobcarving, VhzShareCombinesCareAndWelfareWork) {
  EXPECT_NEAR(q("jobcarving.vhz.vig.overname_aandeel").min, 0.11, 1e-12);
  EXPECT_NEAR(q("jobcarving.vhz.vig.overname_aandeel").max, 0.13, 1e-12);
  EXPECT_NEAR(q("jobcarving.vhz.helpenden.overname_aandeel").min, 0.17, 1e-12);
  EXPECT_NEAR(q("jobcarving.vhz.helpenden.overname_aandeel").max, 0.25, 1e-12);
}

TEST(Jobcarving, JobsComeFromUnroundedFte) {
  // I12: 33 583 fte / 0,6 = 55 972 jobs (the report's 57 thousand divides the rounded 34 thousand).
  EXPECT_NEAR(q("jobcarving.ghz.banen").max, q("jobcarving.ghz.benodigd_fte").max / 0.6, 1e-9);
  EXPECT_LT(q("jobcarving.ghz.banen").max, 56500);
}

}  // namespace
}  // namespace zorgcap
