#pragma once
#include <map>
#include <string>
#include <vector>

#include "document/number_format.h"

namespace zorgcap {

struct IndexRow {
  std::string group, label, key, unit;
  NumberFormat format;
};

// One scenario's values of the index rows' quantities (min, max): from the run that wrote it, or read
// back from its values.json.
struct IndexScenario {
  std::string name, title;
  std::map<std::string, std::pair<double, double>> values;
};

// OUT/index.html: the scenarios and their headline outcomes side by side; each number links to the
// quantity's provenance entry in that scenario's report.html.
std::string render_index(const std::vector<IndexRow>& rows, const std::vector<IndexScenario>& scenarios,
                         const std::string& css);

}  // namespace zorgcap
