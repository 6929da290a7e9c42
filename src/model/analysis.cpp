#include "model/analysis.h"

#include <algorithm>
#include <stdexcept>
#include <cmath>
#include <memory>
#include <random>

#include "inputs/parameter_specs.h"
#include "model/replayed_percentiles.h"

namespace zorgcap {
namespace {

std::pair<double, double> domain_bounds(Domain d) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  switch (d) {
    case Domain::share: return {0, 1};
    case Domain::share_below_one: return {0, std::nextafter(1.0, 0.0)};
    case Domain::share_positive: return {std::numeric_limits<double>::min(), 1};
    case Domain::nonnegative: return {0, inf};
    case Domain::positive: return {std::numeric_limits<double>::min(), inf};
  }
  return {-inf, inf};
}

// A uniform double in [0, 1) from 53 random bits: the same on every platform, unlike
// std::uniform_real_distribution.
double unit(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

double draw(std::mt19937_64& rng, const ParameterRange& r, Distribution d) {
  double u = unit(rng);
  if (d == Distribution::uniform) return r.low + u * (r.high - r.low);
  // Triangular with the mode at the midpoint (inverse CDF).
  double a = r.low, b = r.high, c = r.mid;
  double fc = (c - a) / (b - a);
  return u < fc ? a + std::sqrt(u * (b - a) * (c - a)) : b - std::sqrt((1 - u) * (b - a) * (b - c));
}

}  // namespace

std::vector<ParameterRange> parameter_ranges(const Inputs& inputs) {
  std::vector<ParameterRange> out;
  for (const auto& [key, p] : inputs.parameters) {
    ParameterRange r;
    r.key = key;
    r.ranged = p.ranged && p.min != p.max;
    if (r.ranged) {
      r.low = p.min;
      r.high = p.max;
    } else {
      const ParameterSpec* spec = find_parameter_spec(key);
      auto [lo, hi] = spec ? domain_bounds(spec->domain) : std::pair{-HUGE_VAL, HUGE_VAL};
      r.low = std::clamp(p.min * 0.8, lo, hi);
      r.high = std::clamp(p.min * 1.2, lo, hi);
    }
    r.mid = r.ranged ? (r.low + r.high) / 2 : p.min;
    out.push_back(std::move(r));
  }
  return out;
}

ModelFunction model_function(const ModelEvaluator& e, const std::vector<std::string>& outcome_keys) {
  // Only what the outcomes depend on, one value per slot.
  struct Sampler {
    ModelTape tape;
    std::vector<double> slots;
    std::vector<std::size_t> outcome_slots;
  };
  std::vector<std::size_t> results;
  for (const std::string& k : outcome_keys) results.push_back(e.result_index(k));
  auto s = std::make_shared<Sampler>(Sampler{e.tape().only(results), {}, {}});
  s->slots = s->tape.slots();
  for (std::size_t r : results) s->outcome_slots.push_back(s->tape.result_slot(r));
  return [s](std::span<const double> params, std::span<double> outcomes) {
    if (params.size() != s->tape.parameter_count()) throw std::logic_error("the model takes every parameter");
    std::copy(params.begin(), params.end(), s->slots.begin());
    s->tape.run(s->slots.data());
    for (std::size_t i = 0; i < s->outcome_slots.size(); ++i) outcomes[i] = s->slots[s->outcome_slots[i]];
  };
}

double TornadoBar::swing() const { return std::fabs(outcome_high - outcome_low); }

std::vector<Tornado> tornado(std::span<const ParameterRange> ranges, std::size_t outcome_count,
                             const ModelFunction& model) {
  std::vector<double> params(ranges.size()), base(outcome_count), low(outcome_count), high(outcome_count);
  for (std::size_t i = 0; i < ranges.size(); ++i) params[i] = ranges[i].mid;
  model(params, base);
  std::vector<Tornado> out(outcome_count);
  for (std::size_t o = 0; o < outcome_count; ++o) out[o].base = base[o];
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (ranges[i].low == ranges[i].high) continue;
    params[i] = ranges[i].low;
    model(params, low);
    params[i] = ranges[i].high;
    model(params, high);
    params[i] = ranges[i].mid;
    for (std::size_t o = 0; o < outcome_count; ++o) {
      TornadoBar bar{i, low[o], high[o]};
      // A move below a relative 1e-12 is arithmetic noise, not sensitivity.
      if (bar.swing() > 1e-12 * std::max(1.0, std::fabs(base[o]))) out[o].bars.push_back(bar);
    }
  }
  for (Tornado& t : out)
    std::stable_sort(t.bars.begin(), t.bars.end(), [](const TornadoBar& a, const TornadoBar& b) { return a.swing() > b.swing(); });
  return out;
}

double percentile(std::span<const double> sorted, double p) {
  if (sorted.empty()) return std::nan("");
  double rank = p / 100 * static_cast<double>(sorted.size() - 1);
  auto lo = static_cast<std::size_t>(std::floor(rank));
  std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (rank - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::size_t max_monte_carlo_draws(std::size_t outcome_count) {
  return kMonteCarloMemoryLimit / (sizeof(double) * std::max<std::size_t>(outcome_count, 1));
}

std::vector<Percentiles> monte_carlo(std::span<const ParameterRange> ranges, std::size_t outcome_count,
                                     const ModelFunction& model, const MonteCarloOptions& options) {
  if (options.draws > max_monte_carlo_draws(outcome_count))
    throw std::invalid_argument("--montecarlo " + std::to_string(options.draws) + " is more draws than " +
                                std::to_string(outcome_count) + " outcomes can keep in " +
                                std::to_string(kMonteCarloMemoryLimit >> 20) + " MiB: at most " +
                                std::to_string(max_monte_carlo_draws(outcome_count)));
  std::vector<std::size_t> ranged;
  for (std::size_t i = 0; i < ranges.size(); ++i)
    if (ranges[i].ranged) ranged.push_back(i);
  std::vector<double> params(ranges.size()), outcomes(outcome_count);
  // Every replay starts from the seed, so it makes the same draws in the same order.
  RowReplay replay = [&](std::size_t limit, const std::function<void(std::span<const double>)>& row) {
    std::mt19937_64 rng(options.seed);
    for (std::size_t i = 0; i < ranges.size(); ++i) params[i] = ranges[i].mid;
    for (std::size_t d = 0; d < limit; ++d) {
      for (std::size_t i : ranged) params[i] = draw(rng, ranges[i], options.distribution);
      model(params, outcomes);
      row(outcomes);
    }
  };
  return replayed_percentiles(options.draws, outcome_count, replay);
}

}  // namespace zorgcap
