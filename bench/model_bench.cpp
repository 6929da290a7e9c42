// One full evaluation of the rekenmodel: every quantity, both scenario values, with provenance
// (what `zorgcap report` does) and without (the values-only path).
#include <benchmark/benchmark.h>

#include <stdexcept>

#include "inputs/load_inputs.h"
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
}
BENCHMARK(BM_EvaluateSamplingPath)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace zorgcap
