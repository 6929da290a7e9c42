#pragma once
#include <string>

#include "document/document.h"

namespace zorgcap {

struct DocxOptions {
  // Each number followed by its Herkomst mark (superscript, the number of its entry in the
  // appendix "Herkomst van de getallen" of report.html / report.pdf); a number that differs from the
  // printed report gets a distinct mark, "≠" and the number, in red. false: no marks at all.
  bool show_marks = true;
};

// tables.docx (WordprocessingML, zipped with libzip): the title, then every table of `doc` as a
// Word table, each after its caption in Word's caption style. The header rows repeat on every
// page; header and body spans are gridSpan / vMerge from the Document's grids; a landscape table
// gets a landscape section of its own. The report's footnotes in cells are Word footnotes carrying
// the report's own numbers, their URLs links (http, https and mailto only); a table's notes
// follow it. Styles are Dutch (nl-NL). The marks link to nothing: the Herkomst appendix is not part
// of this file. Same Document and options, same bytes.
std::string render_docx(const Document& doc, const DocxOptions& options = {});

}  // namespace zorgcap
