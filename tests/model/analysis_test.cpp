#include "model/analysis.h"

#include <gtest/gtest.h>

#include <cmath>

#include "test_support.h"

namespace zorgcap {
namespace {

// y = 3a + b − 0,5c on a ∈ [0, 2], b ∈ [0, 1], c = 10 (single value: ±20 % → [8, 12]).
std::vector<ParameterRange> synthetic_ranges() {
  return {{"a", 0, 1, 2, true}, {"b", 0, 0.5, 1, true}, {"c", 8, 10, 12, false}};
}
void synthetic(std::span<const double> p, std::span<double> out) { out[0] = 3 * p[0] + p[1] - 0.5 * p[2]; }

TEST(Tornado, OrdersParametersByHowFarTheyMoveTheOutcome) {
  auto t = tornado(synthetic_ranges(), 1, synthetic);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_DOUBLE_EQ(t[0].base, 3 * 1 + 0.5 - 5);
  ASSERT_EQ(t[0].bars.size(), 3u);
  EXPECT_EQ(t[0].bars[0].parameter, 0u);  // a: swing 6
  EXPECT_DOUBLE_EQ(t[0].bars[0].swing(), 6);
  EXPECT_EQ(t[0].bars[1].parameter, 2u);  // c: swing 2 (and it lowers y)
  EXPECT_DOUBLE_EQ(t[0].bars[1].outcome_high - t[0].bars[1].outcome_low, -2);
  EXPECT_EQ(t[0].bars[2].parameter, 1u);  // b: swing 1
}

TEST(Tornado, LeavesOutParametersThatDoNotMoveTheOutcome) {
  auto t = tornado(synthetic_ranges(), 1, [](std::span<const double> p, std::span<double> out) { out[0] = p[1]; });
  ASSERT_EQ(t[0].bars.size(), 1u);
  EXPECT_EQ(t[0].bars[0].parameter, 1u);
}

TEST(MonteCarlo, PercentilesOfASumOfUniformsAreWithinSamplingError) {
  // y = a + b with a ~ U(0, 2), b ~ U(0, 1): a trapezoid. P50 = 1,5; P5 = √(0,2) ≈ 0,4472 (the
  // density rises linearly to 1/2 at y = 1: F(y) = y²/4 for y ≤ 1); P95 by symmetry = 3 − P5.
  auto sum = [](std::span<const double> p, std::span<double> out) { out[0] = p[0] + p[1]; };
  std::vector<ParameterRange> r = {{"a", 0, 1, 2, true}, {"b", 0, 0.5, 1, true}};
  auto m = monte_carlo(r, 1, sum, {100000, 42, Distribution::uniform});
  double p5 = std::sqrt(0.2);
  EXPECT_NEAR(m[0].p50, 1.5, 0.01);
  EXPECT_NEAR(m[0].p5, p5, 0.01);
  EXPECT_NEAR(m[0].p95, 3 - p5, 0.01);
  EXPECT_NEAR(m[0].mean, 1.5, 0.01);
}

TEST(MonteCarlo, TriangularDrawsPeakAtTheMidpoint) {
  auto id = [](std::span<const double> p, std::span<double> out) { out[0] = p[0]; };
  std::vector<ParameterRange> r = {{"a", 0, 1, 2, true}};
  auto m = monte_carlo(r, 1, id, {100000, 1, Distribution::triangular});
  // Symmetric triangle on [0, 2] with its peak at 1: density x up to 1, so F(x) = x²/2 and P5 = √0,1.
  EXPECT_NEAR(m[0].p5, std::sqrt(0.1), 0.01);
  EXPECT_NEAR(m[0].p50, 1.0, 0.01);
}

TEST(MonteCarlo, AFixedSeedGivesIdenticalResults) {
  auto sum = [](std::span<const double> p, std::span<double> out) { out[0] = p[0] * p[1]; };
  std::vector<ParameterRange> r = {{"a", 1, 2, 3, true}, {"b", 0, 0.5, 1, true}};
  auto a = monte_carlo(r, 1, sum, {5000, 9, Distribution::uniform});
  auto b = monte_carlo(r, 1, sum, {5000, 9, Distribution::uniform});
  auto c = monte_carlo(r, 1, sum, {5000, 10, Distribution::uniform});
  EXPECT_EQ(a[0].p5, b[0].p5);
  EXPECT_EQ(a[0].p95, b[0].p95);
  EXPECT_NE(a[0].p50, c[0].p50);
}

TEST(ParameterRanges, SingleValuesMoveTwentyPercentWithinTheirDomain) {
  auto ranges = parameter_ranges(test::baseline_inputs());
  for (const ParameterRange& r : ranges) {
    if (r.key == "huisartsen.fte") {
      EXPECT_DOUBLE_EQ(r.low, 9842 * 0.8);
      EXPECT_DOUBLE_EQ(r.high, 9842 * 1.2);
      EXPECT_FALSE(r.ranged);
    }
    if (r.key == "heelkunde.anios.aandeel_patientgebonden") {
      EXPECT_DOUBLE_EQ(r.high, 1.0);  // a share stays ≤ 1
    }
    if (r.key == "huisarts.vs.overname") {
      EXPECT_TRUE(r.ranged);
      EXPECT_DOUBLE_EQ(r.mid, 0.375);
    }
  }
}

TEST(Tornado, OnTheRealModelTheTakeoverShareLeadsTheGpCapacity) {
  ModelEvaluator e(test::baseline_inputs());
  auto ranges = parameter_ranges(test::baseline_inputs());
  auto t = tornado(ranges, 1, model_function(e, {"huisarts.vs.netto_fte"}));
  ASSERT_FALSE(t[0].bars.empty());
  EXPECT_EQ(ranges[t[0].bars[0].parameter].key, "huisarts.vs.overname");  // 25–50 % moves it most
}

}  // namespace
}  // namespace zorgcap

namespace zorgcap {
namespace {

TEST(MonteCarloMemory, TheDrawsAreCappedBeforeAnythingIsAllocated) {
  // 256 MiB of doubles over 27 outcomes: 268435456 / (8 × 27) = 1242756 draws.
  EXPECT_EQ(max_monte_carlo_draws(27), 1242756u);
  EXPECT_EQ(max_monte_carlo_draws(1), 33554432u);
  std::vector<ParameterRange> ranges(1);
  ranges[0].low = 0;
  ranges[0].high = 1;
  ranges[0].mid = 0.5;
  ranges[0].ranged = true;
  std::size_t calls = 0;
  ModelFunction model = [&](std::span<const double>, std::span<double> out) {
    ++calls;
    for (double& o : out) o = 1;
  };
  MonteCarloOptions too_many;
  too_many.draws = max_monte_carlo_draws(27) + 1;
  EXPECT_THROW(monte_carlo(ranges, 27, model, too_many), std::invalid_argument);
  EXPECT_EQ(calls, 0u) << "refused before the first draw";
  MonteCarloOptions few;
  few.draws = 10;
  EXPECT_EQ(monte_carlo(ranges, 27, model, few).size(), 27u);
  EXPECT_EQ(calls, 10u);
}

}  // namespace
}  // namespace zorgcap
