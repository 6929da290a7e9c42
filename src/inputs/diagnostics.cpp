#include "inputs/diagnostics.h"

#include <algorithm>
#include <sstream>

#include "core/utf8.h"

namespace zorgcap {

namespace {

// A position in a line: character `ch` (1-based, as columns count) starts at byte `byte`.
struct CharPos {
  std::size_t byte = 0;
  int ch = 1;
};

// Moves `p` forward to character `n` of `s` (or to the end of `s`) and returns its byte offset.
std::size_t advance(const std::string& s, CharPos& p, int n) {
  while (p.ch < n && p.byte < s.size()) {
    ++p.byte;
    while (p.byte < s.size() && utf8::is_continuation(s[p.byte])) ++p.byte;
    ++p.ch;
  }
  return p.byte;
}

}  // namespace

void Diagnostics::error(std::string file, Location where, std::string key, std::string message) {
  ++count_;
  if (items_.size() >= kMaxKept) return;
  if (key.size() > kMaxKeyBytes) {
    std::size_t cut = kMaxKeyBytes;
    while (cut > 0 && utf8::is_continuation(key[cut])) --cut;
    key = key.substr(0, cut) + "…";
  }
  items_.push_back({std::move(file), where, std::move(key), std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  count_ += other.count_;
  for (const Diagnostic& d : other.items_) {
    if (items_.size() >= kMaxKept) break;
    items_.push_back(d);
  }
}

std::string source_line(const std::string& text, int line) {
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    start = text.find('\n', start);
    if (start == std::string::npos) return {};
    ++start;
  }
  // Up to a CR too: of a CRLF line ending, and of a lone CR that the reader refuses.
  std::size_t end = text.find_first_of("\r\n", start);
  std::string out = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (line == 1 && out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);  // a byte order mark is not shown
  return out;
}

std::string Diagnostics::format(const std::vector<std::pair<std::string, std::string>>& sources) const {
  std::ostringstream out;
  // The source line shown last, kept for the next error on it: a file written on one long line
  // can hold a thousand errors, and each must not cost the whole line again.
  const std::string* line_text = nullptr;
  int line_number = 0;
  std::string line;
  int line_chars = 0;
  CharPos cursor;
  for (const Diagnostic& d : items_) {
    out << d.file;
    if (d.where.line > 0) out << ':' << d.where.line << ':' << d.where.column;
    out << ": error: ";
    if (!d.key.empty()) out << d.key << ": ";
    out << d.message << '\n';
    if (d.where.line <= 0) continue;
    auto source = std::find_if(sources.begin(), sources.end(), [&](const auto& s) { return s.first == d.file; });
    if (source == sources.end()) continue;
    if (line_text != &source->second || line_number != d.where.line) {
      line_text = &source->second;
      line_number = d.where.line;
      line = source_line(*line_text, line_number);
      line_chars = static_cast<int>(utf8::count(line));
      cursor = {};
    }
    // A long line is shown as an excerpt around the column, marked with "…" where it is cut.
    std::string excerpt;
    int column = d.where.column;
    if (line_chars > kMaxLineChars) {
      int first = std::clamp(column - kMaxLineChars / 2, 1, line_chars - kMaxLineChars + 1);
      int last = first + kMaxLineChars;  // the first character not shown
      if (first < cursor.ch) cursor = {};
      std::size_t from = advance(line, cursor, first);
      CharPos end = cursor;
      std::size_t to = advance(line, end, last);
      excerpt = (first > 1 ? "…" : "") + line.substr(from, to - from) + (last <= line_chars ? "…" : "");
      column = column - first + 1 + (first > 1 ? 1 : 0);
    }
    const std::string& shown = line_chars > kMaxLineChars ? excerpt : line;
    std::string gutter = std::to_string(d.where.line);
    out << ' ' << gutter << " | " << shown << '\n';
    out << ' ' << std::string(gutter.size(), ' ') << " | ";
    // Align the caret by characters: reuse tabs from the source so it lines up in a terminal.
    int col = 1;
    for (std::size_t i = 0; i < shown.size() && col < column; ++i) {
      unsigned char c = static_cast<unsigned char>(shown[i]);
      if (utf8::is_continuation(shown[i])) continue;
      out << (c == '\t' ? '\t' : ' ');
      ++col;
    }
    out << "^\n";
  }
  if (count_ > items_.size())
    out << "... and " << count_ - items_.size() << " more errors (only the first " << kMaxKept << " are shown)\n";
  return out.str();
}

}  // namespace zorgcap
