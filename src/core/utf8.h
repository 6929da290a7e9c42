#pragma once
// UTF-8, strictly (RFC 3629): overlong forms, UTF-16 surrogates (U+D800–U+DFFF), code points above
// U+10FFFF and truncated sequences are invalid.
#include <cstddef>
#include <string>
#include <string_view>

namespace zorgcap::utf8 {

// Whether `c` is a continuation byte (10xxxxxx): not the start of a character.
inline bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The byte length (2–4) of the valid multi-byte sequence starting at s[at], or 0 when none starts there.
std::size_t multibyte_length(std::string_view s, std::size_t at);

// The byte length (1–4) of the valid sequence starting at s[at], or 0 when none starts there.
// Inline for ASCII, which most text is.
inline std::size_t sequence_length(std::string_view s, std::size_t at) {
  return static_cast<unsigned char>(s[at]) < 0x80 ? 1 : multibyte_length(s, at);
}

// The byte offset of the first sequence that is not valid UTF-8, or npos when all of `s` is valid.
std::size_t first_invalid(std::string_view s);
inline bool valid(std::string_view s) { return first_invalid(s) == std::string_view::npos; }

// The code point at s[at], advancing `at` past it; an invalid byte comes back as U+FFFD and `at`
// advances by one byte. `at` < s.size().
char32_t next(std::string_view s, std::size_t& at);

// The code points of `s`, each invalid byte as U+FFFD.
std::u32string decode(std::string_view s);

// The number of characters of `s`: the bytes that start one (not continuation bytes), which for
// valid text is the number of code points. Counts columns the way a terminal shows them.
std::size_t count(std::string_view s);

}  // namespace zorgcap::utf8
