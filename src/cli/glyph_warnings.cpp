#include "cli/glyph_warnings.h"

#include <cstdio>

#include "core/utf8.h"

namespace zorgcap {
namespace {

std::string code_point(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

struct Place {
  std::string file;
  int line = 0, column = 0;
};

// The first place `cp` occurs, scanning the files in order; line and column 1-based, the column in
// characters.
bool find(char32_t cp, const std::vector<std::pair<std::string, std::string>>& files, Place& at) {
  for (const auto& [path, text] : files) {
    if (!utf8::valid(text)) continue;
    int line = 1, column = 1;
    for (std::size_t i = 0; i < text.size();) {
      char32_t c = utf8::next(text, i);
      if (c == cp) {
        at = {path, line, column};
        return true;
      }
      if (c == U'\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
  }
  return false;
}

}  // namespace

std::string glyph_warnings(const std::vector<char32_t>& replaced,
                           const std::vector<std::pair<std::string, std::string>>& files) {
  std::string out;
  for (char32_t cp : replaced) {
    Place at;
    std::string where = find(cp, files, at) ? at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": "
                                            : std::string("zorgcap: ");
    out += where + "warning: the character " + code_point(cp) +
           " is not in the PDF font: report.pdf shows it as U+FFFD (\xEF\xBF\xBD); the other formats have it\n";
  }
  return out;
}

}  // namespace zorgcap
