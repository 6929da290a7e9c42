#pragma once
#include <string_view>

namespace zorgcap {

// Whether an address from the inputs may become a link: only http, https and mailto, without
// spaces, control characters or non-ASCII bytes. Anything else ("javascript:…", "file:…", "data:…")
// is printed as text in every format, never made active.
bool is_link_url(std::string_view url);

}  // namespace zorgcap
