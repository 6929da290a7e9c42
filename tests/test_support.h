#pragma once
#include <filesystem>
#include <set>
#include <string>

#include "core/results.h"
#include "inputs/inputs.h"

namespace zorgcap::test {

inline std::string source_dir() { return ZORGCAP_SOURCE_DIR; }
inline std::string inputs_dir() { return source_dir() + "/inputs"; }

// The shipped baseline inputs, loaded once (a test failure if they do not load).
const Inputs& baseline_inputs();
const Results& baseline_results();

// A fresh, empty folder under the system temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// Every quantity `key` is derived from, directly or further back, in the provenance graph.
std::set<std::string> ancestors(const Results& r, const std::string& key);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);

}  // namespace zorgcap::test
