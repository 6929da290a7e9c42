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

// Loads a scenario: "baseline" is DIR/baseline.yaml; any other name is DIR/scenarios/NAME.yaml, which
// `extends` baseline or another scenario and overrides parameters, each with its own source or a
// stated assumption. A cycle in `extends`, an unknown parameter or an override without a source is
// an error with its location.
std::optional<Inputs> load_scenario(const std::string& dir, const std::string& name, Diagnostics& diags,
                                    SourceTexts& texts);

// The scenarios in DIR/scenarios/ (file names without .yaml), sorted.
std::vector<std::string> list_scenarios(const std::string& dir);

// A scenario names its output folder OUT/<scenario>/: letters, digits, '-', '_', '.', no path.
bool is_valid_scenario_name(std::string_view name);

}  // namespace zorgcap
