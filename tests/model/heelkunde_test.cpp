// Case 1b's non-obvious parts (docs/MODEL.md "Casus 1b"), with the report's inputs.
#include <gtest/gtest.h>

#include "core/rounding.h"
#include "test_support.h"

namespace zorgcap {
namespace {

const Quantity& q(const std::string& key) { return test::baseline_results().at(key); }

TEST(Heelkunde, ExtraTimeFactorIsShareTimesExtraPlusOne) {
  // Footnote 77/81: 62% of VS need 33% more time; 43% of PA need 31% more.
  EXPECT_NEAR(q("heelkunde.vs.extra_tijd_factor").min, 1.2046, 1e-12);
  EXPECT_NEAR(q("heelkunde.pa.extra_tijd_factor").min, 1.1333, 1e-12);
}

TEST(Heelkunde, SupervisionIsOneHourPerEightHourDienstOfTheVsPaHours) {
  EXPECT_DOUBLE_EQ(q("heelkunde.supervisie_aandeel").min, 1.0 / 8);
  const Quantity& taak = q("heelkunde.ms.vs.taak_uren");
  EXPECT_DOUBLE_EQ(q("heelkunde.ms.vs.supervisie_uren").min, taak.min / 8);
}

TEST(Heelkunde, NettoAndNeedKeepTheModelsExactRatio) {
  // N = B(1 − σf), R = fB(1 + σ): the ratio N/R = (1 − σf)/(f(1 + σ)) for every printed pair.
  for (const char* p : {"vs", "pa"}) {
    double f = q(std::string("heelkunde.") + p + ".extra_tijd_factor").min;
    double ratio = (1 - f / 8) / (f * (1 + 1.0 / 8));
    const Quantity& n = q(std::string("heelkunde.ms.") + p + ".netto_uren");
    const Quantity& r = q(std::string("heelkunde.ms.") + p + ".benodigd_uren");
    EXPECT_NEAR(n.min / r.min, ratio, 1e-12) << p;
    EXPECT_NEAR(n.max / r.max, ratio, 1e-12) << p;
  }
}

TEST(Heelkunde, AniosShareSumsTimeSplitTimesTakeover) {
  EXPECT_NEAR(q("heelkunde.anios.vs.overname_aandeel").min, 0.125, 1e-12);
  EXPECT_NEAR(q("heelkunde.anios.vs.overname_aandeel").max, 0.160, 1e-12);
  EXPECT_NEAR(q("heelkunde.anios.pa.overname_aandeel").min, 0.7825, 1e-12);
  EXPECT_NEAR(q("heelkunde.anios.pa.overname_aandeel").max, 0.9525, 1e-12);
  // No supervision for anios work: the need is f times the netto hours.
  EXPECT_NEAR(q("heelkunde.anios.vs.benodigd_uren").min, 1.2046 * q("heelkunde.anios.vs.netto_uren").min, 1e-6);
}

TEST(Heelkunde, UtilisationUsesEachProfessionsOwnRoundedNeeds) {
  // I5: PA 100 / (15 + 820) and 100 / (29 + 999), not the anios-VS need.
  EXPECT_EQ(round_half_up(q("benutting.heelkunde.pa.benut_aandeel").min * 100, 0), 12);
  EXPECT_EQ(round_half_up(q("benutting.heelkunde.pa.benut_aandeel").max * 100, 0), 10);
  EXPECT_DOUBLE_EQ(q("benutting.heelkunde.vs.benodigd_fte").min, 31 + 139);
}

}  // namespace
}  // namespace zorgcap
