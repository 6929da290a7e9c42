#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "inputs/inputs.h"
#include "model/evaluator.h"

namespace zorgcap {

// How far a parameter may move in the analyses: across its range, or ±20 % around a single value
// (kept inside the parameter's domain, so a share stays within 0..1).
struct ParameterRange {
  std::string key;
  double low = 0, mid = 0, high = 0;
  bool ranged = false;  // the report gives a range (min–max)
};

std::vector<ParameterRange> parameter_ranges(const Inputs& inputs);

// A model as the analyses see it: parameter values in, outcome values out.
using ModelFunction = std::function<void(std::span<const double> parameters, std::span<double> outcomes)>;

// The real rekenmodel on the sampling path, every parameter set to one value (min = max): the
// evaluator's tape, cut to the instructions the outcomes need. Independent of the evaluator's state.
ModelFunction model_function(const ModelEvaluator& evaluator, const std::vector<std::string>& outcome_keys);

// --- one-at-a-time sensitivity (tornado) ------------------------------------------------------
struct TornadoBar {
  std::size_t parameter = 0;  // index into the ranges
  double outcome_low = 0;     // outcome with the parameter at its low end, all others at mid
  double outcome_high = 0;
  double swing() const;       // |outcome_high − outcome_low|
};

struct Tornado {
  double base = 0;               // outcome with every parameter at mid
  std::vector<TornadoBar> bars;  // parameters that move the outcome, largest swing first
};

// One tornado per outcome.
std::vector<Tornado> tornado(std::span<const ParameterRange> ranges, std::size_t outcome_count,
                             const ModelFunction& model);

// --- Monte Carlo uncertainty ---------------------------------------------------------------------
enum class Distribution { uniform, triangular };

struct MonteCarloOptions {
  std::size_t draws = 100000;
  std::uint64_t seed = 20240601;
  Distribution distribution = Distribution::uniform;
};

struct Percentiles {
  double p5 = 0, p50 = 0, p95 = 0, mean = 0;
};

// The Monte Carlo may keep every draw of every outcome (few draws, or outcomes whose draws hold a
// zero or a NaN: model/replayed_percentiles.h): draws × outcomes × 8 bytes per scenario, and
// scenarios run in parallel. This is the most one scenario may keep; monte_carlo refuses more
// before it draws anything (the report checks it up front).
inline constexpr std::size_t kMonteCarloMemoryLimit = std::size_t{256} << 20;  // 256 MiB
// The most draws `outcome_count` outcomes can have within kMonteCarloMemoryLimit.
std::size_t max_monte_carlo_draws(std::size_t outcome_count);

// Draws every ranged parameter independently (single values stay fixed), evaluates the model per
// draw, and summarises each outcome (replayed_percentiles: the draws are made again from the seed
// instead of kept, so `model` runs about twice per draw). The same options give the same numbers on
// every run.
std::vector<Percentiles> monte_carlo(std::span<const ParameterRange> ranges, std::size_t outcome_count,
                                     const ModelFunction& model, const MonteCarloOptions& options);

// The p-th percentile (0..100) of sorted values, by linear interpolation between closest ranks.
double percentile(std::span<const double> sorted, double p);

}  // namespace zorgcap
