#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace zorgcap {

// Exit codes of the zorgcap command (`zorgcap --help` and README.md, section Commands).
inline constexpr int kExitOk = 0;
// Bad input in some scenario (file:line:column diagnostics; nothing written for it). `diff`: something
// changed. `reconcile`: an unexplained deviation from a printed number.
inline constexpr int kExitBadInput = 1;
// Bad usage: unknown command or option, an option of another command, a bad option value, a missing
// or extra argument.
inline constexpr int kExitUsage = 2;
// Internal or I/O failure: an output that cannot be written, a file system error, an unexpected exception.
inline constexpr int kExitInternal = 3;

// The zorgcap command line (args without the program name). Never throws: an unexpected exception
// is reported as "zorgcap: internal error: ..." on `err` and gives kExitInternal.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace zorgcap
