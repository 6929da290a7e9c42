// One full evaluation of the rekenmodel: every quantity, both scenario values, with provenance
// (what `zorgcap report` does) and without (the values-only path).
#include <benchmark/benchmark.h>

#include <stdexcept>

#include "inputs/load_inputs.h"
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

void BM_EvaluateValuesOnly(benchmark::State& state) {
  for (auto _ : state) {
    Calc c(inputs(), nullptr);
    run_model(c);
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_EvaluateValuesOnly)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace zorgcap
