#pragma once
#include <string>
#include <string_view>

namespace zorgcap {

// Text for HTML element content and attribute values (& < > " ' escaped).
std::string html_escape(std::string_view s);

}  // namespace zorgcap
