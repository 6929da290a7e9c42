#pragma once
#include "document/document.h"

namespace zorgcap {

// Fills `t.header_grid` and `t.body_grid` from the cells' positions and spans (the build pass calls
// it; so does anything that builds a BuiltTable by hand). Throws std::logic_error naming the cell
// when the cells do not tile the `t.columns`-wide grid exactly: an overlap, a hole, a span past
// the edge, or a cell listed in a row other than its own.
void resolve_grid(BuiltTable& t);

}  // namespace zorgcap
