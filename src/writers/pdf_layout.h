#pragma once
// Layout of report.pdf: a pure function from the Document to pages of positioned boxes
// (pdf_boxes.h), composed of text (pdf_text.h), tables (pdf_table_layout.h) and charts
// (pdf_chart_layout.h). It knows nothing of libharu: text is measured through FontMetrics.
#include <functional>

#include "document/document.h"
#include "writers/pdf_anchors.h"
#include "writers/pdf_boxes.h"

namespace zorgcap::pdf {

// Lays out the whole report, in the order of report.html: title page (title, scenario, peildatum,
// inputs digest, contents), the tables one after another (landscape pages only for tables whose
// columns do not fit a portrait page), "Figuren per casus"
// (the case charts), "Onzekerheid (Monte Carlo)" (when the Document has it), "Gevoeligheid van de
// uitkomsten" (the tornados), the appendix "Verantwoording" (when the Document has it), the appendix
// "Herkomst van de getallen" and "Bronnen". Each part after the tables starts on a new page and has
// a bookmark; each chart has a bookmark under its part's and is kept whole on one page.
//
// A chart is drawn as vectors: per bar a label line (the label, then its detail in gray) and the bar
// below it, coloured by kind (range) or direction (tornado: rising or falling outcome), with its
// values at its ends; a vertical axis at 0 (range) or at the base value (tornado, "midden: …" under
// it), interrupted where it would cross text. Each bar and its values are one link to the appendix
// entry of the bar's quantity. The Monte Carlo and Verantwoording tables use the tables' layout
// (header repeated on every page); Verantwoording rows with an erratum are shaded.
//
// Throws std::runtime_error for text that is not valid UTF-8, for a table row that cannot fit on a
// page and for a chart taller than a page.
//
// With a `sink`, each page is handed to it as soon as nothing more will be laid out on it: in page
// order, except the contents pages, which come last (their page numbers are known only at the end).
// `so_far` holds every page begun, with its size and anchors. After the sink returns, the page's
// boxes (fills, rules, texts, links) are freed and the returned Layout keeps only the pages' sizes,
// numbers and anchors: a document's boxes are then never all in memory at once.
using PageSink = std::function<void(const Layout& so_far, std::size_t index, Page& page)>;
Layout layout_document(const Document& doc, const FontMetrics& metrics, const LayoutOptions& options = {},
                       const PageSink& sink = {});

}  // namespace zorgcap::pdf
