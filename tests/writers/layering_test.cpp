// Writers only serialize the Document: they include document/ and core/ headers (and their own),
// and nothing they include reaches into inputs/ or model/.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;

std::vector<std::string> includes_of(const fs::path& file) {
  std::ifstream in(file);
  static const std::regex include(R"re(^\s*#\s*include\s+"([^"]+)")re");
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, include)) out.push_back(m[1]);
  }
  return out;
}

// Every project header `file` includes, directly or further down.
void reach(const std::string& header, std::set<std::string>& seen) {
  if (!seen.insert(header).second) return;
  fs::path p = fs::path(test::source_dir()) / "src" / header;
  if (!fs::exists(p)) return;
  for (const std::string& h : includes_of(p)) reach(h, seen);
}

TEST(Layering, WritersIncludeOnlyDocumentAndCoreHeaders) {
  int files = 0;
  for (const auto& e : fs::directory_iterator(fs::path(test::source_dir()) / "src" / "writers")) {
    ++files;
    std::set<std::string> seen;
    for (const std::string& h : includes_of(e.path())) {
      EXPECT_TRUE(h.rfind("document/", 0) == 0 || h.rfind("core/", 0) == 0 || h.rfind("writers/", 0) == 0)
          << e.path().filename() << " includes " << h;
      reach(h, seen);
    }
    for (const std::string& h : seen)
      EXPECT_TRUE(h.rfind("inputs/", 0) != 0 && h.rfind("model/", 0) != 0)
          << e.path().filename() << " reaches " << h << " through its includes";
  }
  EXPECT_GT(files, 20);
}

}  // namespace
}  // namespace zorgcap
