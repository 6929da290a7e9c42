#pragma once
#include <string>

#include "document/document.h"

namespace zorgcap {

// A chart as inline SVG: horizontal bars with their values labelled; each bar links to the
// provenance entry of its quantity (`anchor_of(mark)`).
std::string render_svg_chart(const Chart& chart, const Document& doc);

}  // namespace zorgcap
