#pragma once
#include <string>
#include <vector>

namespace zorgcap {

// A position in a text file, 1-based; column counts characters, not bytes.
struct Location {
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  std::string file;
  Location where;
  std::string key;      // the YAML key path the problem concerns, e.g. "parameters.huisartsen.fte.value"
  std::string message;
};

// Collects every problem found in a run, so a user sees them all at once.
class Diagnostics {
 public:
  void error(std::string file, Location where, std::string key, std::string message);
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  void append(const Diagnostics& other);

  // "file:line:column: error: key: message", then the source line and a caret under the column.
  // `source_of(file)` returns the file's text, or an empty string when it is not at hand.
  std::string format(const std::vector<std::pair<std::string, std::string>>& sources = {}) const;

 private:
  std::vector<Diagnostic> items_;
};

// The source line `line` (1-based) of `text`, without its newline.
std::string source_line(const std::string& text, int line);

}  // namespace zorgcap
