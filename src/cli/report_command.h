#pragma once
#include <optional>
#include <ostream>
#include <string>

#include "model/analysis.h"

namespace zorgcap {

struct ReportOptions {
  std::string inputs_dir = "inputs";
  std::string out_dir = "outputs";
  std::string templates_dir = "templates";
  std::string font_dir;  // empty: the fonts the build made
  std::optional<MonteCarloOptions> montecarlo;  // add P5/P50/P95 of the headline outcomes
};

// Runs one scenario through the pipeline — load and validate inputs and templates, evaluate the
// model, build the document, write every output — and publishes OUT/<scenario>/ as a whole.
// Returns an exit code; problems are reported to `err`.
int run_report(const ReportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace zorgcap
