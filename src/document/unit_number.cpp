#include "document/unit_number.h"

#include <algorithm>

#include "core/utf8.h"

namespace zorgcap {
namespace {

bool is_space(char32_t c) { return c == U' ' || c == 0xA0 || c == 0x202F || c == 0x2009; }
bool is_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

bool is_unit_affix(const std::string& prefix, const std::string& suffix) {
  for (std::size_t i = 0; i < prefix.size();) {
    char32_t c = utf8::next(prefix, i);
    if (!is_space(c) && c != 0x20AC) return false;
  }
  int words = 0;
  bool in_word = false, seen_word = false;
  for (std::size_t i = 0; i < suffix.size();) {
    char32_t c = utf8::next(suffix, i);
    if (is_space(c)) {
      in_word = false;
    } else if (c == U'%') {
      if (seen_word) return false;  // only right after the number
    } else if (is_letter(c)) {
      if (!in_word) ++words;
      in_word = seen_word = true;
    } else {
      return false;
    }
  }
  return words <= 2 && std::count(suffix.begin(), suffix.end(), '%') <= 1;
}

}  // namespace

std::optional<UnitNumber> unit_number(const BuiltCell& cell) {
  UnitNumber u;
  for (const BuiltRun& r : cell.runs) {
    if (r.is_number) {
      if (u.number) return std::nullopt;
      u.number = &r;
    } else {
      (u.number ? u.suffix : u.prefix) += r.text;
    }
  }
  if (!u.number || !is_unit_affix(u.prefix, u.suffix)) return std::nullopt;
  return u;
}

}  // namespace zorgcap
