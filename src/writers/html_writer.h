#pragma once
#include <string>

#include "document/document.h"

namespace zorgcap {

// report.html: one self-contained page (the stylesheet `css` inlined, no scripts, nothing fetched):
// heading, table of contents, the tables, the appendix "Herkomst van de getallen" and "Bronnen".
// Every number links to its appendix entry and shows its formula on hover.
std::string render_html(const Document& doc, const std::string& css);

}  // namespace zorgcap
