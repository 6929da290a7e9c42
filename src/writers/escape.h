#pragma once
#include <string>
#include <string_view>

namespace zorgcap {

// Text for HTML element content and attribute values (& < > " ' escaped).
std::string html_escape(std::string_view s);

// Text for XML 1.0 element content and attribute values (& < > " escaped); the control characters
// XML 1.0 cannot hold (all below U+0020 but tab, line feed and carriage return) are dropped.
std::string xml_escape(std::string_view s);

}  // namespace zorgcap
