// libFuzzer target for zorgcap's input readers (see fuzz/README.md; run it with bench/fuzz.sh).
//
// The first byte of an input selects what the remaining bytes are:
//   byte % 4 == 0  text for yaml::parse alone (default limits, then a depth limit of 1 + (byte / 4) % 8)
//   byte % 4 == 1  inputs/baseline.yaml, read by load_inputs next to the shipped sources.yaml
//   byte % 4 == 2  inputs/sources.yaml, read by load_inputs next to the shipped baseline.yaml
//   byte % 4 == 3  a table template tabel-NN.yaml with NN = byte / 4, read by load_table_templates
// Every run also formats the diagnostics as zorgcap prints them (source line and caret).
//
// Files are written only inside one temporary folder per process (created on the first input,
// removed at exit): TMPDIR or /tmp, zorgcap-fuzz-XXXXXX.
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "document/table_template.h"
#include "inputs/load_inputs.h"
#include "inputs/yaml_tree.h"

namespace {

namespace fs = std::filesystem;
using namespace zorgcap;

[[noreturn]] void harness_failure(const std::string& what) {
  std::fprintf(stderr, "input_loader_fuzz: %s\n", what.c_str());
  std::abort();
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) harness_failure("cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_all(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) harness_failure("cannot write " + path.string());
}

// The temporary folder: inputs/ holds baseline.yaml and sources.yaml (the shipped ones, except the
// one an input replaces), tables/ holds the one template being fuzzed.
class Workspace {
 public:
  Workspace() {
    std::error_code ec;
    fs::path tmp = fs::temp_directory_path(ec);
    if (ec) tmp = "/tmp";
    std::string name = (tmp / "zorgcap-fuzz-XXXXXX").string();
    if (!mkdtemp(name.data())) harness_failure("cannot create a temporary folder in " + tmp.string());
    root_ = name;
    fs::create_directory(root_ / "inputs");
    fs::create_directory(root_ / "tables");
    const fs::path shipped = fs::path(ZORGCAP_SOURCE_DIR) / "inputs";
    shipped_baseline_ = read_all(shipped / "baseline.yaml");
    shipped_sources_ = read_all(shipped / "sources.yaml");
    write_all(baseline(), shipped_baseline_);
    write_all(sources(), shipped_sources_);
  }
  ~Workspace() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  std::string inputs_dir() const { return (root_ / "inputs").string(); }
  std::string tables_dir() const { return (root_ / "tables").string(); }

  void set_baseline(const std::string& text) {
    write_all(baseline(), text);
    baseline_shipped_ = false;
    restore_sources();
  }
  void set_sources(const std::string& text) {
    write_all(sources(), text);
    sources_shipped_ = false;
    restore_baseline();
  }
  void set_table(int number, const std::string& text) {
    char name[32];
    std::snprintf(name, sizeof name, "tabel-%02d.yaml", number);
    fs::path path = root_ / "tables" / name;
    if (!table_.empty() && table_ != path) fs::remove(table_);
    write_all(path, text);
    table_ = path;
  }

 private:
  fs::path baseline() const { return root_ / "inputs" / "baseline.yaml"; }
  fs::path sources() const { return root_ / "inputs" / "sources.yaml"; }
  void restore_baseline() {
    if (!baseline_shipped_) write_all(baseline(), shipped_baseline_);
    baseline_shipped_ = true;
  }
  void restore_sources() {
    if (!sources_shipped_) write_all(sources(), shipped_sources_);
    sources_shipped_ = true;
  }

  fs::path root_;
  fs::path table_;
  std::string shipped_baseline_;
  std::string shipped_sources_;
  bool baseline_shipped_ = true;
  bool sources_shipped_ = true;
};

// Touches every node the way the validators do (text, numbers, kinds).
std::size_t visit(const yaml::Node& n) {
  std::size_t count = 1 + n.text.size() + yaml::describe(n).size();
  if (n.is_scalar() && n.plain && yaml::parse_number(n.text)) ++count;
  for (const yaml::Node& item : n.items) count += visit(item);
  for (const yaml::MapEntry& e : n.entries) count += e.key.size() + visit(e.value);
  return count;
}

// A reader that gives up must say why.
void check(bool refused, const Diagnostics& diags, const char* what) {
  if (refused && diags.empty()) harness_failure(std::string(what) + " refused the input without a diagnostic");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static Workspace workspace;
  const unsigned selector = data[0];
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  Diagnostics diags;
  SourceTexts texts;
  volatile std::size_t sink = 0;
  switch (selector % 4) {
    case 0: {
      const std::string file = "fuzz.yaml";
      texts.emplace_back(file, text);
      auto tree = yaml::parse(text, file, diags);
      check(!tree, diags, "yaml::parse");
      if (tree) sink = sink + visit(*tree);
      Diagnostics shallow_diags;
      yaml::Limits shallow;
      shallow.max_depth = 1 + static_cast<int>((selector / 4) % 8);
      auto shallow_tree = yaml::parse(text, file, shallow_diags, shallow);
      check(!shallow_tree, shallow_diags, "yaml::parse (shallow limit)");
      if (shallow_tree) sink = sink + visit(*shallow_tree);
      diags.append(shallow_diags);
      break;
    }
    case 1:
    case 2: {
      if (selector % 4 == 1)
        workspace.set_baseline(text);
      else
        workspace.set_sources(text);
      auto inputs = load_inputs(workspace.inputs_dir(), diags, texts);
      check(!inputs, diags, "load_inputs");
      if (inputs) sink = sink + inputs->parameters.size() + inputs->sources.size();
      break;
    }
    case 3: {
      workspace.set_table(static_cast<int>(selector / 4), text);
      auto tables = load_table_templates(workspace.tables_dir(), diags, texts);
      check(!tables, diags, "load_table_templates");
      if (tables) sink = sink + tables->size();
      break;
    }
  }
  sink = sink + diags.format(texts).size();
  return 0;
}
