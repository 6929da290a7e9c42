#include "inputs/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace zorgcap::yaml {
namespace {

// yaml-cpp marks are 0-based and count bytes; ours are 1-based and count characters.
Location to_location(const std::string& text, const YAML::Mark& mark) {
  if (mark.line < 0 || mark.pos < 0) return {1, 1};
  std::size_t pos = std::min<std::size_t>(static_cast<std::size_t>(mark.pos), text.size());
  std::size_t line_start = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  line_start = (line_start == std::string::npos || pos == 0) ? 0 : line_start + 1;
  if (pos > 0 && text[pos - 1] == '\n') line_start = pos;
  int col = 1;
  for (std::size_t i = line_start; i < pos; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  return {mark.line + 1, col};
}

Location location_of_offset(const std::string& text, std::size_t offset) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  int col = 1;
  for (std::size_t i = line_start; i < offset; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  return {line, col};
}

struct TooDeep {
  YAML::Mark mark;
};

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& text, const std::string& file, Diagnostics& diags, int max_depth)
      : text_(text), file_(file), diags_(diags), max_depth_(max_depth) {}

  std::optional<Node> root;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    Node n;
    n.kind = Node::Kind::null;
    n.where = to_location(text_, mark);
    add(std::move(n));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    error(mark, "aliases (*name) are not allowed in zorgcap inputs; write the value out");
    OnNull(mark, 0);
  }
  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    error(mark, "anchors (&" + name + ") are not allowed in zorgcap inputs");
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    Node n;
    n.kind = Node::Kind::scalar;
    n.where = to_location(text_, mark);
    n.text = value;
    n.plain = (tag == "?");
    if (!tag.empty() && tag != "?" && tag != "!") error(mark, "YAML tags (" + tag + ") are not allowed");
    add(std::move(n));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    open(mark, Node::Kind::sequence);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    open(mark, Node::Kind::map);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Node node;
    bool has_key = false;
    bool key_bad = false;
    std::string key;
    Location key_where;
  };

  void error(const YAML::Mark& mark, std::string message) {
    diags_.error(file_, to_location(text_, mark), "", std::move(message));
  }

  void open(const YAML::Mark& mark, Node::Kind kind) {
    if (static_cast<int>(stack_.size()) >= max_depth_) throw TooDeep{mark};
    Frame f;
    f.node.kind = kind;
    f.node.where = to_location(text_, mark);
    stack_.push_back(std::move(f));
  }

  void close() {
    Node n = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(n));
  }

  void add(Node&& n) {
    if (stack_.empty()) {
      root = std::move(n);
      return;
    }
    Frame& f = stack_.back();
    if (f.node.kind == Node::Kind::sequence) {
      f.node.items.push_back(std::move(n));
      return;
    }
    if (!f.has_key) {
      f.has_key = true;
      f.key_where = n.where;
      f.key_bad = n.kind != Node::Kind::scalar;
      f.key = n.text;
      if (f.key_bad) diags_.error(file_, n.where, "", "a key must be plain text, not " + std::string(describe(n)));
      return;
    }
    f.has_key = false;
    if (f.key_bad) return;
    if (const MapEntry* prev = f.node.find_entry(f.key)) {
      diags_.error(file_, f.key_where, f.key,
                   "duplicate key (first defined at line " + std::to_string(prev->key_where.line) + ")");
      return;
    }
    f.node.entries.push_back({std::move(f.key), f.key_where, std::move(n)});
  }

  const std::string& text_;
  const std::string& file_;
  Diagnostics& diags_;
  int max_depth_;
  std::vector<Frame> stack_;
};

}  // namespace

const MapEntry* Node::find_entry(std::string_view key) const {
  for (const MapEntry& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

const Node* Node::find(std::string_view key) const {
  const MapEntry* e = find_entry(key);
  return e ? &e->value : nullptr;
}

std::string_view describe(const Node& node) {
  switch (node.kind) {
    case Node::Kind::null: return "nothing";
    case Node::Kind::scalar: return "text";
    case Node::Kind::sequence: return "a list";
    case Node::Kind::map: return "a map";
  }
  return "";
}

std::size_t invalid_utf8_offset(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return i;
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::optional<double> parse_number(std::string_view t) {
  std::size_t i = 0;
  if (i < t.size() && t[i] == '-') ++i;
  std::size_t int_start = i;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  std::size_t int_len = i - int_start;
  if (int_len == 0 || (int_len > 1 && t[int_start] == '0')) return std::nullopt;
  if (i < t.size() && t[i] == '.') {
    ++i;
    std::size_t frac_start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == frac_start) return std::nullopt;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    std::size_t exp_start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == exp_start) return std::nullopt;
  }
  if (i != t.size()) return std::nullopt;
  double v = 0;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || ptr != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<Node> parse(const std::string& text, const std::string& file, Diagnostics& diags,
                          const Limits& limits) {
  if (text.size() > limits.max_bytes) {
    diags.error(file, {}, "",
                "file is " + std::to_string(text.size()) + " bytes; zorgcap reads input files up to " +
                    std::to_string(limits.max_bytes) + " bytes");
    return std::nullopt;
  }
  if (std::size_t bad = invalid_utf8_offset(text); bad != std::string_view::npos) {
    diags.error(file, location_of_offset(text, bad), "",
                text[bad] == '\0' ? "the file contains a NUL byte" : "the file is not valid UTF-8 here");
    return std::nullopt;
  }
  std::istringstream in(text);
  TreeBuilder builder(text, file, diags, limits.max_depth);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder)) {
      diags.error(file, {1, 1}, "", "the file is empty");
      return std::nullopt;
    }
    if (parser.HandleNextDocument(builder))
      diags.error(file, {1, 1}, "", "the file holds more than one YAML document");
  } catch (const YAML::Exception& e) {
    diags.error(file, to_location(text, e.mark), "", "YAML syntax error: " + e.msg);
    return std::nullopt;
  } catch (const TooDeep& e) {
    diags.error(file, to_location(text, e.mark), "",
                "nested more than " + std::to_string(limits.max_depth) + " levels deep");
    return std::nullopt;
  }
  // Structural problems (duplicate keys, aliases) were recorded; the tree is still returned so
  // the rest of the file gets checked and every error is reported in one run.
  return std::move(builder.root);
}

std::optional<Node> parse_file(const std::string& path, Diagnostics& diags, std::string& text,
                               const Limits& limits) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error(path, {}, "", "cannot open the file");
    return std::nullopt;
  }
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) {
    diags.error(path, {}, "", "cannot read the file");
    return std::nullopt;
  }
  if (static_cast<std::size_t>(size) > limits.max_bytes) {
    diags.error(path, {}, "",
                "file is " + std::to_string(size) + " bytes; zorgcap reads input files up to " +
                    std::to_string(limits.max_bytes) + " bytes");
    return std::nullopt;
  }
  in.seekg(0);
  text.assign(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), size);
  return parse(text, path, diags, limits);
}

}  // namespace zorgcap::yaml
