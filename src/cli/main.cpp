#include <iostream>

#include "cli/app.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  int code = zorgcap::run_cli(args, std::cout, std::cerr);
  // Output that could not be written (a full disk, a closed pipe) is an I/O failure, not success.
  if (!std::cout.flush()) {
    std::cerr << "zorgcap: cannot write to standard output\n";
    return zorgcap::kExitInternal;
  }
  return code;
}
