#include "writers/escape.h"

namespace zorgcap {

namespace {

// The one escaping of markup text; HTML also escapes the apostrophe (attribute values may be
// single-quoted there), XML drops what it cannot hold.
enum class Markup { html, xml };

std::string escape(std::string_view s, Markup markup) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'':
        if (markup == Markup::html)
          out += "&#39;";
        else
          out += c;
        break;
      default:
        if (markup == Markup::html || static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r')
          out += c;
    }
  }
  return out;
}

}  // namespace

std::string html_escape(std::string_view s) { return escape(s, Markup::html); }
std::string xml_escape(std::string_view s) { return escape(s, Markup::xml); }

}  // namespace zorgcap
