#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "inputs/diagnostics.h"
#include "inputs/inputs.h"

namespace zorgcap {

// The text of every file read, for showing source lines in error messages.
using SourceTexts = std::vector<std::pair<std::string, std::string>>;

// Reads DIR/sources.yaml and DIR/baseline.yaml and validates them against the model's parameter
// list. Every problem in the files is reported to `diags`; returns nullopt if there was any.
std::optional<Inputs> load_inputs(const std::string& dir, Diagnostics& diags, SourceTexts& texts);

}  // namespace zorgcap
