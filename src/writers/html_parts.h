#pragma once
#include <sstream>
#include <string>

#include "document/document.h"

namespace zorgcap::html {

// The pieces of report.html that explore.html shows the same way (one markup for both pages).

// The entry of provenance mark `mark` (1-based).
const ProvenanceEntry& entry(const Document& doc, int mark);

// A number's hover text: its label and formula, or its source.
std::string hover_title(const ProvenanceEntry& e);

// A number linked to entry `mark`, with the hover text.
void link_to(std::ostringstream& out, const Document& doc, int mark, const std::string& text);

// A table with its notes and footnotes; every number links to its provenance entry. `live`
// (explore.html): without the marks of deviations from the printed report.
void table(std::ostringstream& out, const Document& doc, const BuiltTable& t, bool live);

// A chart as a figure with its inline SVG.
void chart(std::ostringstream& out, const Document& doc, const Chart& c);

// One entry of "Herkomst van de getallen". `live`: the value and the filled-in formula lines are
// wrapped in <span class="value"> and <span class="ingevuld"> (explore.html rewrites them), and the deviations from the printed report
// (the baseline's, linked to "Verantwoording", which explore.html does not have) are left out.
void provenance_entry(std::ostringstream& out, const Document& doc, const ProvenanceEntry& e, bool live);

// The appendix "Herkomst van de getallen" (`live` as for provenance_entry).
void provenance(std::ostringstream& out, const Document& doc, bool live);

// The appendix "Bronnen".
void sources(std::ostringstream& out, const Document& doc);

// An address from the inputs: a link only when it is a web or mail address (core/link_url.h).
std::string web_address(const std::string& url);

}  // namespace zorgcap::html
