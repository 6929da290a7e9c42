#pragma once
#include <string>

namespace zorgcap::test {

struct RunResult {
  int exit_code = -1;  // -1 when the process did not exit normally (a signal)
  std::string out, err;
};

// Runs the zorgcap binary with `args` (shell-quoted by the caller) in the source folder.
RunResult run_zorgcap(const std::string& args);

// Runs a shell script in the source folder; $ZORGCAP is the binary.
RunResult run_shell(const std::string& script);

}  // namespace zorgcap::test
