// One full evaluation of the rekenmodel: every quantity, both scenario values, with provenance
// (what `zorgcap report` does) and on the sampling path (the model's tape); and the analyses of one
// report with 10k, 100k and 1M Monte Carlo draws.
#include <benchmark/benchmark.h>

#include <stdexcept>

#include "document/analysis_build.h"
#include "document/analysis_template.h"
#include "inputs/load_inputs.h"
#include "model/analysis.h"
#include "model/evaluator.h"
#include "model/model.h"

namespace zorgcap {
namespace {

const Inputs& inputs() {
  static const Inputs in = [] {
    Diagnostics diags;
    SourceTexts texts;
    auto loaded = load_inputs(std::string(ZORGCAP_SOURCE_DIR) + "/inputs", diags, texts);
    if (!loaded) throw std::runtime_error(diags.format(texts));
    return *loaded;
  }();
  return in;
}

void BM_EvaluateWithProvenance(benchmark::State& state) {
  for (auto _ : state) {
    Results r = evaluate(inputs());
    benchmark::DoNotOptimize(r.size());
  }
  state.counters["quantities"] = static_cast<double>(evaluate(inputs()).size());
}
BENCHMARK(BM_EvaluateWithProvenance)->Unit(benchmark::kMicrosecond);

// The sampling path: one evaluator reused for every run, as Monte Carlo does.
void BM_EvaluateSamplingPath(benchmark::State& state) {
  ModelEvaluator e(inputs());
  std::size_t out = e.result_index("doelmatigheid.ghz.besparing_eur");
  for (auto _ : state) {
    e.run();
    benchmark::DoNotOptimize(e.result(out).min);
  }
  state.counters["evaluations_per_second"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["instructions"] = static_cast<double>(e.tape().instruction_count());
}
BENCHMARK(BM_EvaluateSamplingPath)->Unit(benchmark::kMicrosecond);

const AnalysisTemplate& analysis() {
  static const AnalysisTemplate t = [] {
    Diagnostics diags;
    SourceTexts texts;
    auto loaded = load_analysis_template(std::string(ZORGCAP_SOURCE_DIR) + "/templates/analysis.yaml", diags, texts);
    if (!loaded) throw std::runtime_error(diags.format(texts));
    return *loaded;
  }();
  return t;
}

// The analyses of one report (tornado and Monte Carlo of the headline outcomes, baseline) with N
// draws: the draws per second show whether the cost grows linearly.
void BM_MonteCarlo(benchmark::State& state) {
  MonteCarloOptions o;
  o.draws = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    AnalysisResults a = run_analyses(inputs(), analysis(), o);
    benchmark::DoNotOptimize(a.percentiles->data());
  }
  ModelEvaluator e(inputs());
  std::vector<std::size_t> outcomes;
  for (const Headline& h : analysis().headlines) outcomes.push_back(e.result_index(h.key));
  std::size_t ranged = 0;
  for (const ParameterRange& r : parameter_ranges(inputs())) ranged += r.ranged;
  state.counters["instructions"] = static_cast<double>(e.tape().only(outcomes).instruction_count());
  state.counters["ranged_parameters"] = static_cast<double>(ranged);
  state.counters["draws_per_second"] =
      benchmark::Counter(static_cast<double>(state.iterations() * state.range(0)), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MonteCarlo)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace zorgcap
