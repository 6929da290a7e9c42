#pragma once
#include <optional>
#include <vector>

#include "core/results.h"
#include "document/analysis_template.h"
#include "document/document.h"
#include "model/analysis.h"

namespace zorgcap {

// What the model layer computed for the analyses of one scenario.
struct AnalysisResults {
  std::vector<ParameterRange> ranges;
  std::vector<Tornado> tornados;                      // one per headline, in template order
  std::optional<std::vector<Percentiles>> percentiles;  // one per headline, with --montecarlo
  MonteCarloOptions options;
};

// Checks that every key of the analysis template is a derived quantity of `results`.
bool check_analysis_bindings(const AnalysisTemplate& t, const Results& results, Diagnostics& diags);

// Runs the analyses on the sampling path: tornados always, Monte Carlo when `montecarlo` is set.
AnalysisResults run_analyses(const Inputs& inputs, const AnalysisTemplate& t,
                             const std::optional<MonteCarloOptions>& montecarlo);

// Adds the case charts, tornado charts and (if computed) the uncertainty table to `doc`.
void add_analyses(Document& doc, const AnalysisTemplate& t, const AnalysisResults& a, const Results& results,
                  const Inputs& inputs);

}  // namespace zorgcap
