#pragma once
#include <ostream>
#include <string>

namespace zorgcap {

// `zorgcap diff OLD NEW`: what changed between two runs of `zorgcap report`.
//
// OLD and NEW are both run folders (OUT: scenario subfolders, each with values.json and
// manifest.json) or both scenario folders (OUT/<scenario>/). Every quantity, inputs included, is
// compared through values.json, which every run writes whatever its --format; the displayed tables
// are compared through tables.json where both sides have it. Fields these files may gain later are
// ignored. A scenario on one side only is a change (added or removed).
//
// Text output, grouped by scenario (sorted): the inputs that changed (old → new, unit, source
// label); the table cells that changed, in table-number order, with their row and column labels;
// then the derived quantities that changed but no compared table displays. `as_json` prints the
// same as JSON with a fixed key order and sorted lists (README.md, "zorgcap diff --json").
//
// Exit 0 when nothing changed, 1 when something did, 2 when the folders cannot be compared (not a
// folder, empty, not zorgcap output, or a run folder against a scenario folder), 3 when a file in
// them cannot be read or parsed.
int run_diff(const std::string& old_dir, const std::string& new_dir, bool as_json, std::ostream& out,
             std::ostream& err);

}  // namespace zorgcap
