#pragma once
#include <ostream>
#include <string>

namespace zorgcap {

// `zorgcap diff OLD_OUT NEW_OUT`: every displayed number that changed between two runs (scenario,
// table, row, column, old → new) and every input whose value or source changed, read from each
// scenario's tables.json and manifest.json. Exit 0 when nothing changed, 1 when something did,
// 2 when OLD_OUT or NEW_OUT is not a folder, 3 when a file in them cannot be read or parsed.
int run_diff(const std::string& old_dir, const std::string& new_dir, bool as_json, std::ostream& out,
             std::ostream& err);

}  // namespace zorgcap
