#include "inputs/yaml_tree.h"

#include "core/read_file.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "core/utf8.h"

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
    if (!utf8::is_continuation(text[i])) ++col;
  return {mark.line + 1, col};
}

// to_location for the marks of one parse, which mostly move forward: continues counting from the
// previous mark instead of scanning back to the line start each time (which made a long one-line
// file, e.g. a flow list of many numbers, quadratic). Gives the same locations as to_location.
class Locator {
 public:
  explicit Locator(const std::string& text) : text_(text) {}

  Location operator()(const YAML::Mark& mark) {
    if (mark.line < 0 || mark.pos < 0) return {1, 1};
    std::size_t pos = std::min<std::size_t>(static_cast<std::size_t>(mark.pos), text_.size());
    if (pos < pos_) return to_location(text_, mark);
    for (; pos_ < pos; ++pos_) {
      if (text_[pos_] == '\n')
        col_ = 1;
      else if (!utf8::is_continuation(text_[pos_]))
        ++col_;
    }
    return {mark.line + 1, col_};
  }

 private:
  const std::string& text_;
  std::size_t pos_ = 0;  // counted up to here
  int col_ = 1;          // column of pos_
};

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
    if (!utf8::is_continuation(text[i])) ++col;
  return {line, col};
}

struct TooDeep {
  YAML::Mark mark;
};

// The byte offset just past the closing quote of the quoted scalar that opens at `open`, or npos
// if the text ends first (yaml-cpp 0.7 silently accepts an unclosed quote at the end of a file).
std::size_t closing_quote_end(const std::string& text, std::size_t open) {
  char quote = text[open];
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is an escaped quote inside single quotes
        continue;
      }
      return i + 1;
    }
  }
  return std::string::npos;
}

// Only records where the next document starts (to locate "more than one document").
class DocumentStart : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> mark;
  void OnDocumentStart(const YAML::Mark& m) override {
    if (!mark) mark = m;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& text, const std::string& file, Diagnostics& diags, const Limits& limits)
      : text_(text), file_(file), diags_(diags), max_depth_(limits.max_depth), max_key_bytes_(limits.max_key_bytes),
        locate_(text) {}

  std::optional<Node> root;
  // The last quoted scalar that ran over several lines: lines it starts and ends on (0 if none).
  int multiline_quote_start = 0;
  int multiline_quote_end = 0;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    Node n;
    n.kind = Node::Kind::null;
    n.where = locate_(mark);
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
    n.where = locate_(mark);
    n.text = value;
    n.plain = (tag != "!");  // "!" marks quoted text; a named tag is refused below, its text read as written
    if (!tag.empty() && tag != "?" && tag != "!") error(mark, "YAML tags (" + tag + ") are not allowed");
    if (tag == "!") check_quote(mark, n.where);
    // An escape in quoted text ("\0", "\x01", "\uD800") can make what the raw-byte checks could not
    // see: control characters or invalid UTF-8 that would reach labels and every writer.
    if (std::size_t bad = invalid_utf8_offset(value); bad != std::string_view::npos)
      error(mark, "the text contains " + std::string(value[bad] == '\0' ? "a NUL character" : "invalid UTF-8") +
                      " (from an escape); write plain text");
    else if (std::any_of(value.begin(), value.end(), [](char c) {
               auto u = static_cast<unsigned char>(c);
               return (u < 0x20 && c != '\n' && c != '\t') || u == 0x7F;
             }))
      error(mark, "the text contains a control character (from an escape); write plain text");
    add(std::move(n));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    check_collection_tag(mark, tag);
    open(mark, Node::Kind::sequence);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    check_collection_tag(mark, tag);
    open(mark, Node::Kind::map);
  }
  void OnMapEnd() override { close(); }

  // Where the innermost collection of `kind` still open starts (for "... flow not found" errors).
  std::optional<Location> open_collection(Node::Kind kind) const {
    for (auto f = stack_.rbegin(); f != stack_.rend(); ++f)
      if (f->node.kind == kind) return f->node.where;
    return std::nullopt;
  }

 private:
  struct Frame {
    Node node;
    bool has_key = false;
    bool key_bad = false;
    std::string key;
    Location key_where;
    // Map keys seen so far -> their line, for maps of more than kScanKeys entries (a smaller map's
    // entries are searched directly: most maps have a handful of keys).
    std::unordered_map<std::string, int> key_lines;
  };
  static constexpr std::size_t kScanKeys = 16;

  // The line `key` was first defined on in the map `f`, or 0 when it is new (then remembered).
  static int seen_at(Frame& f, const std::string& key) {
    std::vector<MapEntry>& entries = f.node.entries;
    if (entries.size() < kScanKeys) {
      for (const MapEntry& e : entries)
        if (e.key == key) return e.key_where.line;
      return 0;
    }
    if (f.key_lines.empty()) {
      for (const MapEntry& e : entries) f.key_lines.emplace(e.key, e.key_where.line);
    }
    auto it = f.key_lines.find(key);
    return it != f.key_lines.end() ? it->second : 0;
  }

  void error(const YAML::Mark& mark, std::string message) {
    diags_.error(file_, locate_(mark), path(), std::move(message));
  }

  // The key path of the node being read, e.g. "parameters.huisartsen.fte.value" (empty once
  // `diags_` keeps no more errors: a file of garbage must not cost a path per error).
  std::string path() const {
    std::string p;
    if (diags_.full()) return p;
    for (const Frame& f : stack_) {
      if (f.node.kind != Node::Kind::map || !f.has_key || f.key_bad) continue;
      if (!p.empty()) p += '.';
      p += f.key;
    }
    return p;
  }

  // yaml-cpp reports the tag of an untagged collection as "?" (block) or "" / "!" (flow).
  void check_collection_tag(const YAML::Mark& mark, const std::string& tag) {
    if (!tag.empty() && tag != "?" && tag != "!") error(mark, "YAML tags (" + tag + ") are not allowed");
  }

  // A quoted scalar must be closed; remembers one that runs over several lines, which is what an
  // unclosed quote followed by a later quote looks like.
  void check_quote(const YAML::Mark& mark, const Location& where) {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text_.size()) return;
    std::size_t open = static_cast<std::size_t>(mark.pos);
    if (text_[open] != '"' && text_[open] != '\'') return;
    std::size_t end = closing_quote_end(text_, open);
    if (end == std::string::npos) {
      error(mark, std::string("quoted text is not closed: the closing ") + text_[open] + " is missing");
      return;
    }
    int end_line = where.line + static_cast<int>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(open),
                                                            text_.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
    if (end_line > where.line) {
      multiline_quote_start = where.line;
      multiline_quote_end = end_line;
    }
  }

  void open(const YAML::Mark& mark, Node::Kind kind) {
    if (static_cast<int>(stack_.size()) >= max_depth_) throw TooDeep{mark};
    Frame f;
    f.node.kind = kind;
    f.node.where = locate_(mark);
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
      f.key_bad = n.kind != Node::Kind::scalar;
      if (f.key_bad) diags_.error(file_, n.where, path(), "a key must be plain text, not " + std::string(describe(n)));
      // YAML allows an implicit key up to 1024 characters; an explicit one ("? key") could be
      // megabytes, repeated in the path of every error below it.
      if (!f.key_bad && n.text.size() > max_key_bytes_) {
        f.key_bad = true;
        diags_.error(file_, n.where, path(),
                     "a key is at most " + std::to_string(max_key_bytes_) + " bytes long; this one is " +
                         std::to_string(n.text.size()));
      }
      f.has_key = true;
      f.key_where = n.where;
      f.key = std::move(n.text);
      return;
    }
    // yaml-cpp places an empty value at the token after it (often the next line): use its key.
    if (n.kind == Node::Kind::null) n.where = f.key_where;
    if (!f.key_bad) {
      if (int first = seen_at(f, f.key); first != 0) {
        diags_.error(file_, f.key_where, path(), "duplicate key (first defined at line " + std::to_string(first) + ")");
      } else {
        if (!f.key_lines.empty()) f.key_lines.emplace(f.key, f.key_where.line);
        f.node.entries.push_back({std::move(f.key), f.key_where, std::move(n)});
      }
    }
    f.has_key = false;
    f.key.clear();
  }

  const std::string& text_;
  const std::string& file_;
  Diagnostics& diags_;
  int max_depth_;
  std::size_t max_key_bytes_;
  Locator locate_;
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
  std::size_t bad = utf8::first_invalid(s);
  std::size_t nul = s.substr(0, bad).find('\0');  // NUL is valid UTF-8 but not wanted either
  return nul != std::string_view::npos ? nul : bad;
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

namespace {

// A hint for a YAML syntax error at `where`, from what the text looks like there.
std::string syntax_hint(const std::string& text, const std::string& message, const Location& where,
                        const TreeBuilder& builder) {
  auto unclosed = [&](Node::Kind kind, const char* what, const char* bracket) -> std::string {
    std::optional<Location> open = builder.open_collection(kind);
    if (!open) return "";
    return std::string(" (the ") + what + " that opens at line " + std::to_string(open->line) + ", column " +
           std::to_string(open->column) + " is not closed with '" + bracket + "')";
  };
  if (message == YAML::ErrorMsg::END_OF_SEQ_FLOW) return unclosed(Node::Kind::sequence, "list", "]");
  if (message == YAML::ErrorMsg::END_OF_MAP_FLOW) return unclosed(Node::Kind::map, "map", "}");
  std::string line = source_line(text, where.line);
  std::size_t indent_end = line.find_first_not_of(" \t");
  if (line.substr(0, indent_end).find('\t') != std::string::npos)
    return " (this line is indented with a tab; YAML allows only spaces for indentation)";
  if (builder.multiline_quote_end == where.line)
    return " (the quoted text that starts at line " + std::to_string(builder.multiline_quote_start) +
           " ends on this line; is a closing quote missing on line " +
           std::to_string(builder.multiline_quote_start) + "?)";
  return "";
}

}  // namespace

std::optional<Node> parse(const std::string& file_text, const std::string& file, Diagnostics& diags,
                          const Limits& limits) {
  if (file_text.size() > limits.max_bytes) {
    diags.error(file, {}, "",
                "file is " + std::to_string(file_text.size()) + " bytes; zorgcap reads input files up to " +
                    std::to_string(limits.max_bytes) + " bytes");
    return std::nullopt;
  }
  // A UTF-8 byte order mark is allowed (some editors write one). yaml-cpp skips it but leaves it
  // out of its positions, so the text is read without it; it is invisible, so columns still match.
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  const bool bom = std::string_view(file_text).substr(0, kBom.size()) == kBom;
  const std::string stripped = bom ? file_text.substr(kBom.size()) : std::string();
  const std::string& text = bom ? stripped : file_text;
  if (std::size_t bad = invalid_utf8_offset(text); bad != std::string_view::npos) {
    bool utf16 = text.rfind("\xFF\xFE", 0) == 0 || text.rfind("\xFE\xFF", 0) == 0;
    diags.error(file, location_of_offset(text, bad), "",
                text[bad] == '\0' ? "the file contains a NUL byte"
                : utf16          ? "the file is UTF-16, not UTF-8; save it as UTF-8"
                                 : "the file is not valid UTF-8 here");
    return std::nullopt;
  }
  // yaml-cpp does not treat a lone CR as a line break: a file with old Mac line endings would read
  // as one long comment line.
  for (std::size_t cr = text.find('\r'); cr != std::string::npos; cr = text.find('\r', cr + 1)) {
    if (cr + 1 < text.size() && text[cr + 1] == '\n') continue;
    diags.error(file, location_of_offset(text, cr), "",
                "a carriage return (CR) that is not followed by a line feed; save the file with LF (or CRLF) "
                "line endings");
    return std::nullopt;
  }
  std::istringstream in(text);
  TreeBuilder builder(text, file, diags, limits);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder)) {
      diags.error(file, {1, 1}, "", "the file is empty");
      return std::nullopt;
    }
    DocumentStart second;
    if (parser.HandleNextDocument(second))
      diags.error(file, second.mark ? to_location(text, *second.mark) : Location{1, 1}, "",
                  "the file holds more than one YAML document (a second one starts here); zorgcap reads one");
  } catch (const YAML::Exception& e) {
    Location where = to_location(text, e.mark);
    diags.error(file, where, "", "YAML syntax error: " + e.msg + syntax_hint(text, e.msg, where, builder));
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
  // Never blocks: a FIFO, a device or a symlink loop in place of an input is an error, not a hang.
  std::string error;
  auto content = read_regular_file(path, limits.max_bytes, error);
  if (!content) {
    diags.error(path, {}, "", error);
    return std::nullopt;
  }
  text = std::move(*content);
  return parse(text, path, diags, limits);
}

}  // namespace zorgcap::yaml
