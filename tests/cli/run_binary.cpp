#include "cli/run_binary.h"

#include <sys/wait.h>

#include <cstdlib>

#include "test_support.h"

namespace zorgcap::test {

RunResult run_zorgcap(const std::string& args) { return run_shell("\"$ZORGCAP\" " + args); }

RunResult run_shell(const std::string& script) {
  TempDir tmp;
  std::string out = (tmp.path() / "out").string(), err = (tmp.path() / "err").string();
  std::string cmd = "cd '" + source_dir() + "' && ( ZORGCAP='" + std::string(ZORGCAP_BINARY) + "'; " + script + " ) >'" +
                    out + "' 2>'" + err + "' </dev/null";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

}  // namespace zorgcap::test
