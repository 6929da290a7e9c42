#pragma once
#include <string>

#include "core/results.h"
#include "inputs/inputs.h"

namespace zorgcap {

// The derivation tree of `key` down to its sources, for a terminal. Each quantity shows its label,
// value(s) and unit; a derived one its formula, an input its source. A subtree already shown is
// referred to rather than repeated.
std::string explain(const Results& results, const Inputs& inputs, const std::string& key);

}  // namespace zorgcap
