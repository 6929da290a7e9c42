#include "inputs/diagnostics.h"

#include <sstream>

namespace zorgcap {

void Diagnostics::error(std::string file, Location where, std::string key, std::string message) {
  items_.push_back({std::move(file), where, std::move(key), std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::string source_line(const std::string& text, int line) {
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    start = text.find('\n', start);
    if (start == std::string::npos) return {};
    ++start;
  }
  std::size_t end = text.find('\n', start);
  std::string out = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return out;
}

std::string Diagnostics::format(const std::vector<std::pair<std::string, std::string>>& sources) const {
  std::ostringstream out;
  for (const Diagnostic& d : items_) {
    out << d.file;
    if (d.where.line > 0) out << ':' << d.where.line << ':' << d.where.column;
    out << ": error: ";
    if (!d.key.empty()) out << d.key << ": ";
    out << d.message << '\n';
    if (d.where.line <= 0) continue;
    for (const auto& [file, text] : sources) {
      if (file != d.file) continue;
      std::string line = source_line(text, d.where.line);
      std::string gutter = std::to_string(d.where.line);
      out << ' ' << gutter << " | " << line << '\n';
      out << ' ' << std::string(gutter.size(), ' ') << " | ";
      // Align the caret by characters: reuse tabs from the source so it lines up in a terminal.
      int col = 1;
      for (std::size_t i = 0; i < line.size() && col < d.where.column; ++i) {
        unsigned char c = static_cast<unsigned char>(line[i]);
        if ((c & 0xC0) == 0x80) continue;
        out << (c == '\t' ? '\t' : ' ');
        ++col;
      }
      out << "^\n";
      break;
    }
  }
  return out.str();
}

}  // namespace zorgcap
