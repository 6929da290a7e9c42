#include "core/utf8.h"

#include <cstdint>
#include <cstring>

namespace zorgcap::utf8 {

std::size_t multibyte_length(std::string_view s, std::size_t at) {
  auto c = static_cast<unsigned char>(s[at]);
  std::size_t n = 0;
  char32_t cp = 0, least = 0;
  if ((c & 0xE0) == 0xC0) {
    n = 2, cp = c & 0x1F, least = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3, cp = c & 0x0F, least = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4, cp = c & 0x07, least = 0x10000;
  } else {
    return 0;
  }
  if (s.size() - at < n) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if (!is_continuation(s[at + k])) return 0;
    cp = (cp << 6) | (static_cast<unsigned char>(s[at + k]) & 0x3F);
  }
  if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

std::size_t first_invalid(std::string_view s) {
  const std::size_t size = s.size();
  for (std::size_t i = 0; i < size;) {
    // ASCII runs eight bytes at a time: no byte with its high bit set.
    for (std::uint64_t w; i + 8 <= size; i += 8) {
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ull) break;
    }
    while (i < size && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    if (i == size) break;
    const std::size_t n = multibyte_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

char32_t next(std::string_view s, std::size_t& at) {
  std::size_t n = sequence_length(s, at);
  auto c = static_cast<unsigned char>(s[at]);
  if (n == 0) {
    ++at;
    return 0xFFFD;
  }
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[at + k]) & 0x3F);
  at += n;
  return cp;
}

std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) out += next(s, i);
  return out;
}

std::size_t count(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if (!is_continuation(c)) ++n;
  return n;
}

}  // namespace zorgcap::utf8
