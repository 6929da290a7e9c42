#include "model/replayed_percentiles.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "model/analysis.h"

namespace zorgcap {
namespace {

constexpr double kPercentiles[] = {5, 50, 95};
constexpr std::size_t kPilotRows = 1024;  // also: up to this many rows, columns are kept whole
constexpr std::size_t kBuckets = 1024;    // over the pilot's range; one more below it, one above
constexpr std::size_t kBucketsAll = kBuckets + 2;

// The two closest ranks percentile p of n values interpolates between.
struct Rank {
  double rank;
  std::size_t lo, hi;
};
Rank rank_of(std::size_t n, double p) {
  double rank = p / 100 * static_cast<double>(n - 1);
  auto lo = static_cast<std::size_t>(std::floor(rank));
  return {rank, lo, std::min(lo + 1, n - 1)};
}
double interpolate(const Rank& r, double low, double high) {
  return low + (r.rank - static_cast<double>(r.lo)) * (high - low);
}

// percentile() of `s` sorted, without sorting it: the two order statistics it interpolates between
// are found by selection. Reorders `s`; the same values as sorting first.
double order_statistic_percentile(std::vector<double>& s, double p) {
  if (s.empty()) return std::nan("");
  Rank r = rank_of(s.size(), p);
  auto at_lo = s.begin() + static_cast<std::ptrdiff_t>(r.lo);
  std::nth_element(s.begin(), at_lo, s.end());
  double low = *at_lo;
  double high = r.hi == r.lo ? low : *std::min_element(at_lo + 1, s.end());
  return interpolate(r, low, high);
}

// A monotone map of values to buckets (a ≤ b gives bucket(a) ≤ bucket(b): IEEE subtraction and
// multiplication round monotonically): 0 below the pilot's range, kBuckets + 1 above it.
struct Buckets {
  double low = std::numeric_limits<double>::infinity();
  double high = -std::numeric_limits<double>::infinity();
  double scale = 0;  // kBuckets / (high − low); 0 when that is not a finite positive number

  void see(double v) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  void fix() {
    double range = high - low;
    scale = range > 0 && std::isfinite(range) ? kBuckets / range : 0;
    if (!std::isfinite(scale)) scale = 0;
  }
  std::size_t operator()(double v) const {
    if (v < low) return 0;
    if (v > high) return kBuckets + 1;
    double t = (v - low) * scale;  // in [0, kBuckets] (NaN only for a NaN, whose column is kept whole)
    return 1 + (t < static_cast<double>(kBuckets) ? static_cast<std::size_t>(t) : kBuckets - 1);
  }
};

bool breaks_selection(double v) { return std::isnan(v) || v == 0; }

}  // namespace

Percentiles column_percentiles(std::vector<double>& s) {
  double sum = std::accumulate(s.begin(), s.end(), 0.0);  // in column order, before any reordering
  Percentiles p;
  p.p5 = order_statistic_percentile(s, kPercentiles[0]);
  p.p50 = order_statistic_percentile(s, kPercentiles[1]);
  p.p95 = order_statistic_percentile(s, kPercentiles[2]);
  p.mean = s.empty() ? 0 : sum / static_cast<double>(s.size());
  return p;
}

std::vector<Percentiles> replayed_percentiles(std::size_t rows, std::size_t width, const RowReplay& replay) {
  auto check_width = [width](std::span<const double> row) {
    if (row.size() != width) throw std::logic_error("a replayed row has another width");
  };
  std::vector<Percentiles> out(width);
  if (rows <= kPilotRows) {
    std::vector<std::vector<double>> columns(width);
    for (auto& c : columns) c.reserve(rows);
    replay(rows, [&](std::span<const double> row) {
      check_width(row);
      for (std::size_t c = 0; c < width; ++c) columns[c].push_back(row[c]);
    });
    for (std::size_t c = 0; c < width; ++c) out[c] = column_percentiles(columns[c]);
    return out;
  }

  std::vector<Buckets> buckets(width);
  replay(kPilotRows, [&](std::span<const double> row) {
    check_width(row);
    for (std::size_t c = 0; c < width; ++c) buckets[c].see(row[c]);
  });
  for (Buckets& b : buckets) b.fix();

  std::vector<double> sum(width, 0.0);
  std::vector<char> whole(width, 0);  // has a zero or a NaN
  std::vector<std::uint32_t> count(width * kBucketsAll, 0);
  std::vector<double> least(width * kBucketsAll, std::numeric_limits<double>::infinity());
  std::vector<double> most(width * kBucketsAll, -std::numeric_limits<double>::infinity());
  std::size_t seen = 0;
  replay(rows, [&](std::span<const double> row) {
    check_width(row);
    ++seen;
    for (std::size_t c = 0; c < width; ++c) {
      double v = row[c];
      sum[c] = sum[c] + v;  // as std::accumulate: in row order
      whole[c] |= static_cast<char>(breaks_selection(v));
      std::size_t b = c * kBucketsAll + buckets[c](v);
      ++count[b];
      if (v < least[b]) least[b] = v;
      if (v > most[b]) most[b] = v;
    }
  });
  if (seen != rows) throw std::logic_error("a replay gave another number of rows");

  // The buckets that hold a wanted rank: where their values go in the last replay, and how many
  // values of the column lie in the buckets before them. A bucket of one number (a column that
  // does not vary, or many equal values) keeps none: every rank in it has that value.
  struct Target {
    std::size_t before = 0;
    std::vector<double> values;
    std::uint32_t expected = 0;
    bool one_value = false;
    std::uint32_t got = 0;  // in the last replay
    bool other_value = false;  // the last replay gave a one-value bucket another value
  };
  std::vector<Target> targets;
  std::vector<std::int32_t> target_of(width * kBucketsAll, -1);
  std::vector<std::vector<double>> columns(width);
  for (std::size_t c = 0; c < width; ++c) {
    if (whole[c]) {
      columns[c].reserve(rows);
      continue;
    }
    const std::uint32_t* n = &count[c * kBucketsAll];
    for (double p : kPercentiles) {
      Rank r = rank_of(rows, p);
      for (std::size_t rank : {r.lo, r.hi}) {
        std::size_t before = 0, k = 0;
        while (before + n[k] <= rank) before += n[k++];
        std::int32_t& t = target_of[c * kBucketsAll + k];
        if (t >= 0) continue;
        t = static_cast<std::int32_t>(targets.size());
        std::size_t b = c * kBucketsAll + k;
        targets.push_back({before, {}, n[k], least[b] == most[b]});
        if (targets.back().one_value)
          targets.back().values.assign(1, least[b]);
        else
          targets.back().values.reserve(n[k]);
      }
    }
  }

  replay(rows, [&](std::span<const double> row) {
    check_width(row);
    for (std::size_t c = 0; c < width; ++c) {
      double v = row[c];
      if (whole[c]) {
        columns[c].push_back(v);
      } else if (std::int32_t t = target_of[c * kBucketsAll + buckets[c](v)]; t >= 0) {
        Target& target = targets[static_cast<std::size_t>(t)];
        ++target.got;
        if (!target.one_value)
          target.values.push_back(v);
        else if (v != target.values[0])
          target.other_value = true;
      }
    }
  });
  for (const Target& t : targets)
    if (t.got != t.expected || t.other_value) throw std::logic_error("a replay gave other rows");

  for (std::size_t c = 0; c < width; ++c) {
    if (whole[c]) {
      if (columns[c].size() != rows) throw std::logic_error("a replay gave another number of rows");
      out[c] = column_percentiles(columns[c]);
      continue;
    }
    // The value of a rank: selected among the values of its bucket (no NaN, no zero: equal values
    // are the same number, so any exact selection gives the same one).
    auto order_statistic = [&](std::size_t rank) {
      const std::uint32_t* n = &count[c * kBucketsAll];
      std::size_t k = 0, before = 0;
      while (before + n[k] <= rank) before += n[k++];
      Target& t = targets[static_cast<std::size_t>(target_of[c * kBucketsAll + k])];
      if (t.one_value) return t.values[0];
      auto at = t.values.begin() + static_cast<std::ptrdiff_t>(rank - t.before);
      std::nth_element(t.values.begin(), at, t.values.end());
      return *at;
    };
    double value[3];
    for (std::size_t i = 0; i < 3; ++i) {
      Rank r = rank_of(rows, kPercentiles[i]);
      double low = order_statistic(r.lo);
      double high = r.hi == r.lo ? low : order_statistic(r.hi);
      value[i] = interpolate(r, low, high);
    }
    out[c] = {value[0], value[1], value[2], sum[c] / static_cast<double>(rows)};
  }
  return out;
}

}  // namespace zorgcap
