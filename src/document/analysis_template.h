#pragma once
#include <optional>
#include <string>
#include <vector>

#include "document/number_format.h"
#include "inputs/diagnostics.h"
#include "inputs/load_inputs.h"

namespace zorgcap {

struct Headline {
  std::string key;
  std::string group;  // "Casus 1a"
  NumberFormat format;
  std::string unit;   // shown after the number: "fte", "mln euro"
  Location where;
};

struct CaseChartTemplate {
  std::string title;
  NumberFormat format;
  std::vector<std::string> keys;
  Location where;
};

// templates/analysis.yaml: which outcomes the analyses cover and how they are shown.
struct AnalysisTemplate {
  int tornado_bars = 8;
  std::vector<Headline> headlines;
  std::vector<CaseChartTemplate> case_charts;
  std::string file;
};

std::optional<AnalysisTemplate> load_analysis_template(const std::string& path, Diagnostics& diags, SourceTexts& texts);

}  // namespace zorgcap
