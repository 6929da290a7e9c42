#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace zorgcap {

// Exit codes of the zorgcap command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

// The zorgcap command line (args without the program name).
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace zorgcap
