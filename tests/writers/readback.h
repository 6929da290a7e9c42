// The real clients of the exports: a script of tests/writers/readback/ run with Debian's python3
// (which sees python3-openpyxl; `make test` installs it) prints what it read as JSON.
#pragma once
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include "test_support.h"

namespace zorgcap::test {

inline std::string shell_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The JSON `script` prints for `file`; throws (a failed test, never a skip) when python3, the
// module or the file cannot be read.
inline nlohmann::json readback(const std::string& script, const std::string& file) {
  const std::string python = "/usr/bin/python3 -W ignore";
  std::string cmd = python + " " + shell_quoted(source_dir() + "/tests/writers/readback/" + script) + " " + shell_quoted(file) + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run " + cmd);
  std::string out;
  char buf[65536];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe.get())) > 0;) out.append(buf, n);
  int rc = pclose(pipe.release());
  if (rc != 0) throw std::runtime_error(script + " failed (" + std::to_string(rc) + "; needs Debian's python3 and python3-openpyxl): " + out.substr(0, 2000));
  return nlohmann::json::parse(out);
}

}  // namespace zorgcap::test
