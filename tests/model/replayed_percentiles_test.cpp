// Percentiles from replayed rows must be exactly (bit for bit) those of keeping the whole columns;
// for columns without zero and NaN also those of sorting them (an independent computation).
#include "model/replayed_percentiles.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include "model/analysis.h"

namespace zorgcap {
namespace {

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

constexpr double kInf = std::numeric_limits<double>::infinity();

// Column kinds, each a function of the row's random numbers.
enum Kind { uniform, skewed, heavy_tails, constant, duplicates, negative, infinities, rising, zeros, nans, kinds };

double value(Kind k, std::size_t row, std::mt19937_64& rng) {
  double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
  switch (k) {
    case uniform: return 800 + 400 * u;
    case skewed: return std::exp(8 * u);
    case heavy_tails: return std::tan(3.14159 * (u - 0.5)) * 1e6;  // Cauchy: a few huge values
    case constant: return 7.25;
    case duplicates: return 1 + std::round(u * 6) / 3;  // 7 distinct values
    case negative: return -1e9 * u - 1;
    case infinities: return u < 0.02 ? -kInf : u > 0.99 ? kInf : u;
    case rising: return static_cast<double>(row);  // the pilot sees only the lowest values
    case zeros: return u < 0.1 ? (row % 2 ? 0.0 : -0.0) : u - 0.5;
    case nans: return u < 0.001 ? std::nan("") : u;
    case kinds: break;
  }
  return 0;
}

std::vector<std::vector<double>> table(std::size_t rows, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::vector<double>> t(rows, std::vector<double>(kinds));
  for (std::size_t r = 0; r < rows; ++r)
    for (int k = 0; k < kinds; ++k) t[r][static_cast<std::size_t>(k)] = value(static_cast<Kind>(k), r, rng);
  return t;
}

struct Replayer {
  const std::vector<std::vector<double>>& rows;
  int replays = 0;
  RowReplay replay() {
    return [this](std::size_t limit, const std::function<void(std::span<const double>)>& row) {
      ++replays;
      for (std::size_t r = 0; r < limit; ++r) row(rows[r]);
    };
  }
};

std::vector<double> column(const std::vector<std::vector<double>>& t, std::size_t c) {
  std::vector<double> col;
  for (const auto& row : t) col.push_back(row[c]);
  return col;
}

void expect_exact(std::size_t rows, std::uint64_t seed, int replays) {
  auto t = table(rows, seed);
  Replayer r{t};
  std::vector<Percentiles> got = replayed_percentiles(rows, kinds, r.replay());
  EXPECT_EQ(r.replays, replays);
  ASSERT_EQ(got.size(), static_cast<std::size_t>(kinds));
  for (std::size_t c = 0; c < kinds; ++c) {
    std::vector<double> col = column(t, c);
    Percentiles want = column_percentiles(col);
    std::string what = std::to_string(rows) + " rows, kind " + std::to_string(c);
    EXPECT_TRUE(same_bits(got[c].p5, want.p5)) << what << ": " << got[c].p5 << " vs " << want.p5;
    EXPECT_TRUE(same_bits(got[c].p50, want.p50)) << what << ": " << got[c].p50 << " vs " << want.p50;
    EXPECT_TRUE(same_bits(got[c].p95, want.p95)) << what << ": " << got[c].p95 << " vs " << want.p95;
    EXPECT_TRUE(same_bits(got[c].mean, want.mean)) << what << ": " << got[c].mean << " vs " << want.mean;
    if (c == zeros || c == nans) continue;
    std::vector<double> sorted = column(t, c);
    std::sort(sorted.begin(), sorted.end());
    EXPECT_TRUE(same_bits(got[c].p5, percentile(sorted, 5))) << what;
    EXPECT_TRUE(same_bits(got[c].p50, percentile(sorted, 50))) << what;
    EXPECT_TRUE(same_bits(got[c].p95, percentile(sorted, 95))) << what;
  }
}

TEST(ReplayedPercentiles, EqualThoseOfTheWholeColumnsBitForBit) {
  expect_exact(50000, 1, 3);
  expect_exact(1025, 2, 3);  // just past the pilot
  expect_exact(4099, 3, 3);
}

TEST(ReplayedPercentiles, KeepAFewRowsWholeInOneReplay) {
  expect_exact(1024, 4, 1);
  expect_exact(2, 5, 1);
  expect_exact(1, 6, 1);
}

TEST(ReplayedPercentiles, OfNoRowsAreNotANumberWithMeanZero) {
  std::vector<std::vector<double>> none;
  Replayer r{none};
  auto got = replayed_percentiles(0, 2, r.replay());
  ASSERT_EQ(got.size(), 2u);
  EXPECT_TRUE(std::isnan(got[0].p5));
  EXPECT_TRUE(std::isnan(got[1].p95));
  EXPECT_EQ(got[0].mean, 0);
}

TEST(ReplayedPercentiles, RefuseAReplayThatGivesOtherRows) {
  std::size_t rows = 5000;
  int calls = 0;
  RowReplay drifting = [&](std::size_t limit, const std::function<void(std::span<const double>)>& row) {
    ++calls;
    std::mt19937_64 rng(static_cast<std::uint64_t>(calls));  // a new seed every time
    for (std::size_t r = 0; r < limit; ++r) {
      double v = static_cast<double>(rng() % 1000) + 1;
      row(std::span<const double>(&v, 1));
    }
  };
  EXPECT_THROW(replayed_percentiles(rows, 1, drifting), std::logic_error);
  RowReplay short_one = [&](std::size_t limit, const std::function<void(std::span<const double>)>& row) {
    double v = 1;
    for (std::size_t r = 0; r + 1 < limit; ++r) row(std::span<const double>(&v, 1));
  };
  EXPECT_THROW(replayed_percentiles(rows, 1, short_one), std::logic_error);
}

}  // namespace
}  // namespace zorgcap
