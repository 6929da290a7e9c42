#include "core/link_url.h"

#include <algorithm>
#include <cctype>

namespace zorgcap {

namespace {

bool starts_with_scheme(std::string_view url, std::string_view scheme) {
  if (url.size() <= scheme.size()) return false;
  for (std::size_t i = 0; i < scheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) return false;
  return true;
}

}  // namespace

bool is_link_url(std::string_view url) {
  bool printable_ascii = std::all_of(url.begin(), url.end(), [](char c) { return c > ' ' && c < 0x7F; });
  return printable_ascii && (starts_with_scheme(url, "http://") || starts_with_scheme(url, "https://") ||
                             starts_with_scheme(url, "mailto:"));
}

}  // namespace zorgcap
