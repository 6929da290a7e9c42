#pragma once
#include <optional>
#include <string>
#include <system_error>
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
//
// `baseline`, when given, is what load_inputs gave for DIR (read once for a run of many scenarios):
// it stands in for reading the baseline again, its errors and texts included.
struct LoadedBaseline {
  std::optional<Inputs> inputs;
  Diagnostics diags;
  SourceTexts texts;
};
LoadedBaseline load_baseline(const std::string& dir);
std::optional<Inputs> load_scenario(const std::string& dir, const std::string& name, Diagnostics& diags,
                                    SourceTexts& texts, const LoadedBaseline* baseline = nullptr);

// The scenarios in DIR/scenarios/ (file names without .yaml), sorted. `ec` is set when the folder
// exists but cannot be listed (then the list may be incomplete); a missing folder is no scenarios.
std::vector<std::string> list_scenarios(const std::string& dir, std::error_code& ec);
std::vector<std::string> list_scenarios(const std::string& dir);

// A scenario names its output folder OUT/<scenario>/. A name is 1 to kMaxScenarioNameChars
// characters of valid UTF-8: Unicode letters and digits, spaces, '-', '_', '.', '(' and ')' (and
// combining accents), starting with a letter or digit, not ending with a space or '.'. So a name is
// never hidden and never a path. Reserved: a name may not end in .html, .htm, .json, .txt, .lock,
// .zorgcap-tmp or .zorgcap-output (any case), the files zorgcap writes in OUT (index.html,
// .zorgcap.lock, temporaries) and the nightly job's changes.txt. scenario_name_problem says why a
// name is not valid ("" if it is), from its bytes only: it never looks at the file system.
inline constexpr std::size_t kMaxScenarioNameChars = 100;
std::string scenario_name_problem(std::string_view name);

// The label of the source an override's `assumption` becomes: "Aanname in scenario NAME".
std::string assumption_source_label(std::string_view scenario);
bool is_valid_scenario_name(std::string_view name);

// `name` with control characters and bytes that are not UTF-8 shown as \xNN, for messages.
std::string printable(std::string_view name);

}  // namespace zorgcap
