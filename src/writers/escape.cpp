#include "writers/escape.h"

namespace zorgcap {

namespace {

// The one escaping of markup text; HTML also escapes the apostrophe (attribute values may be
// single-quoted there), XML drops what it cannot hold.
enum class Markup { html, xml };

bool plain(char c, Markup markup) {
  switch (c) {
    case '&': case '<': case '>': case '"': return false;
    case '\'': return markup != Markup::html;
    default:
      return markup == Markup::html || static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r';
  }
}

std::string escape(std::string_view s, Markup markup) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  std::size_t from = 0;  // text up to here is written
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (plain(c, markup)) continue;
    out.append(s, from, i - from);
    from = i + 1;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: break;  // a control character XML cannot hold: dropped
    }
  }
  out.append(s, from, s.size() - from);
  return out;
}

}  // namespace

std::string html_escape(std::string_view s) { return escape(s, Markup::html); }
std::string xml_escape(std::string_view s) { return escape(s, Markup::xml); }

}  // namespace zorgcap
