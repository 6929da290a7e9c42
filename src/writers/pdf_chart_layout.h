#pragma once
// Charts in report.pdf (case charts and tornados), drawn as vectors: per bar a label line (the label,
// then its detail in gray) and the bar below it, coloured by kind (range) or direction (tornado:
// rising or falling outcome), with its values at its ends; a vertical axis at 0 (range) or at the
// base value (tornado, "midden: …" under it), interrupted where it would cross text. Each bar and its
// values are one link to the appendix entry of the bar's quantity.
#include <string>

#include "document/document.h"
#include "writers/pdf_page_flow.h"

namespace zorgcap::pdf {

// The chart's title as its heading and bookmark show it (a tornado's with its group and unit).
std::string chart_title(const Chart& c);

// Draws a chart at the cursor, whole on one page: on the next one if it does not fit below the
// cursor, with an anchor and a level-1 bookmark. `with_note`: the chart's note under it. Throws
// std::runtime_error for a chart taller than a page.
void place_chart(PageFlow& flow, const Chart& c, bool with_note);

}  // namespace zorgcap::pdf
