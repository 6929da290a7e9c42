#include "test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "inputs/load_inputs.h"
#include "model/model.h"

namespace zorgcap::test {

const Inputs& baseline_inputs() {
  static const Inputs inputs = [] {
    Diagnostics diags;
    SourceTexts texts;
    auto in = load_inputs(inputs_dir(), diags, texts);
    if (!in) throw std::runtime_error("baseline inputs do not load:\n" + diags.format(texts));
    return *in;
  }();
  return inputs;
}

const Results& baseline_results() {
  static const Results results = evaluate(baseline_inputs());
  return results;
}

TempDir::TempDir() {
  std::string templ = (std::filesystem::temp_directory_path() / "zorgcap-test-XXXXXX").string();
  if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
  path_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
  std::filesystem::remove_all(path_, ec);
}

std::set<std::string> ancestors(const Results& r, const std::string& key) {
  std::set<std::string> seen;
  std::vector<std::string> todo = {key};
  while (!todo.empty()) {
    std::string k = todo.back();
    todo.pop_back();
    for (const std::string& op : r.at(k).operands)
      if (seen.insert(op).second) todo.push_back(op);
  }
  return seen;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace zorgcap::test
