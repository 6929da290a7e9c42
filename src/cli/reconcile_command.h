#pragma once
#include <ostream>
#include <string>

namespace zorgcap {

// `zorgcap reconcile`: every number the report prints (DIR/published.yaml) against zorgcap's value.
// Prints a summary line and each unexplained deviation; exit 1 if there is any (or an unmapped
// number), 0 otherwise. With `verbose`, every number with its status.
int run_reconcile(const std::string& inputs_dir, bool verbose, std::ostream& out, std::ostream& err);

}  // namespace zorgcap
