#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inputs/diagnostics.h"

namespace zorgcap::yaml {

struct MapEntry;

// A YAML document as a plain tree with a location on every node; built by a strict reader
// (no aliases, no duplicate keys, bounded depth and size) instead of yaml-cpp's YAML::Node.
struct Node {
  enum class Kind { null, scalar, sequence, map };
  Kind kind = Kind::null;
  Location where;
  std::string text;   // scalar text
  bool plain = true;  // scalar written without quotes (only plain scalars may be numbers)
  std::vector<Node> items;         // sequence
  std::vector<MapEntry> entries;   // map, in file order

  const Node* find(std::string_view key) const;
  const MapEntry* find_entry(std::string_view key) const;
  bool is_map() const { return kind == Kind::map; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
};

struct MapEntry {
  std::string key;
  Location key_where;
  Node value;
};

struct Limits {
  std::size_t max_bytes = 4 * 1024 * 1024;
  int max_depth = 32;
  std::size_t max_key_bytes = 1024;
};

// Reads `text` (the contents of `file`) into a tree. Problems go to `diags` with file:line:column;
// returns nullopt when the text could not be read as one YAML document.
std::optional<Node> parse(const std::string& text, const std::string& file, Diagnostics& diags,
                          const Limits& limits = {});

// Reads a file from disk; a missing or unreadable file is a diagnostic too. `text` receives the
// file's contents (for showing source lines in errors).
std::optional<Node> parse_file(const std::string& path, Diagnostics& diags, std::string& text,
                               const Limits& limits = {});

// Strict number syntax: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, plain scalars only.
// "1,5", "010", "0x1A", ".5", "1e400" and quoted numbers are not numbers.
std::optional<double> parse_number(std::string_view text);

// The first byte offset at which `text` is not valid UTF-8, or npos.
std::size_t invalid_utf8_offset(std::string_view text);

// Human description of a node kind, for messages ("a map", "a list", "text", "nothing").
std::string_view describe(const Node& node);

}  // namespace zorgcap::yaml
