#pragma once
#include <string>

#include "core/results.h"
#include "core/source.h"

namespace zorgcap {

// values.json: every quantity of a scenario, sorted by key, with full-precision values and its
// provenance (formula and operand keys, or the input's source).
std::string values_json(const std::string& scenario, const Results& results, const SourceCatalog& inputs);

}  // namespace zorgcap
