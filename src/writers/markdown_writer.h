#pragma once
#include <string>
#include <string_view>

#include "document/document.h"

namespace zorgcap {

// tables.md: the whole report as GitHub-flavoured Markdown: heading, contents, every table as a
// pipe table, "Herkomst van de getallen" and "Bronnen".
//
// Every number is followed by its provenance mark as a link to its entry, `1.917<sup>[12](#q-key)</sup>`;
// each entry starts with `<a id="q-key"></a>` (GitHub keeps the id, prefixed, and follows the link).
//
// Pipe tables have one header row and no spans, so:
//   - the header rows become one: a column's header is the header cells above it, top to bottom,
//     joined with <br>; a header cell spanning columns is repeated over each of them (a column
//     keeps its group: "Huisarts<br>min", "Huisarts<br>max");
//   - in the body a spanning cell's text stands in its first (top-left) position and the positions
//     it covers are left empty, so no number appears twice.
// Cell text escapes | as \| and line breaks as <br>; Markdown's own characters are backslash-escaped.
std::string render_markdown(const Document& doc);

// Text as literal Markdown (inline): \ ` * _ [ ] < > | $ ~ & # ! and friends backslash-escaped, a
// line break as <br>.
std::string markdown_escape(std::string_view text);

}  // namespace zorgcap
