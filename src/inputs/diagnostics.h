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
  // Only the first kMaxKept diagnostics are kept (and shown); later ones are counted. A file of
  // garbage can hold a million errors: keeping them all could exhaust memory, and nobody reads them.
  static constexpr std::size_t kMaxKept = 1000;
  // A key path longer than this many bytes is shortened (with "…") when it is kept.
  static constexpr std::size_t kMaxKeyBytes = 300;

  void error(std::string file, Location where, std::string key, std::string message);
  bool empty() const { return count_ == 0; }
  std::size_t size() const { return count_; }  // every error reported, kept or not
  bool full() const { return count_ >= kMaxKept; }  // further errors are only counted
  const std::vector<Diagnostic>& items() const { return items_; }  // the first kMaxKept
  void append(const Diagnostics& other);

  // "file:line:column: error: key: message", then the source line and a caret under the column;
  // a source line over kMaxLineChars characters is shown as an excerpt around the column. Ends
  // with a line that says how many errors were not kept, if any.
  // `sources` holds the text of each file, where it is at hand.
  static constexpr int kMaxLineChars = 400;
  std::string format(const std::vector<std::pair<std::string, std::string>>& sources = {}) const;

 private:
  std::vector<Diagnostic> items_;
  std::size_t count_ = 0;
};

// The source line `line` (1-based) of `text`, without its line ending (and without a byte order mark).
std::string source_line(const std::string& text, int line);

}  // namespace zorgcap
