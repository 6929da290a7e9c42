#pragma once
#include <map>
#include <string>
#include <string_view>

#include "document/document.h"

namespace zorgcap {

// The tables as LaTeX for pdflatex: file name → content.
//   zorgcap.sty:  the packages and macros the tables need (booktabs, longtable, array, textcomp,
//                 url; T1 and Latin Modern unless [keepfonts]); \zorgcaplink links only to targets
//                 of the same document, and only with hyperref.
//   tabel-NN.tex: one table as a booktabs longtable (breaks across pages, header rows repeated
//                 with \endhead), p{} columns, \multicolumn for column spans (a cell over several
//                 rows is set in its first row). Every number is followed by its provenance mark
//                 (\zorgcapmark), a deviating one also by \zorgcapdeviates; under the table the
//                 report's cell footnotes with their addresses and a note per deviating number.
//                 Compiles on its own after \usepackage{zorgcap}.
//   tables.tex:   a complete article (a4paper, babel dutch, zorgcap, geometry, pdflscape, hyperref,
//                 ToUnicode maps) that \input{}s every table (landscape ones on a landscape page),
//                 then "Herkomst van de getallen" (\zorgcaptarget per entry) and "Bronnen".
std::map<std::string, std::string> render_latex(const Document& doc);

// Text for LaTeX (pdflatex with utf8 inputenc, T1 fontenc, textcomp): the special characters
// & % $ # _ { } ~ ^ \ escaped, [ ] braced, TeX ligatures (-- << >> ,, `` '' !` ?`) broken,
// € → \texteuro, NBSP → ~, en/em dash, minus, quotes, ≤ ≥ ∞ → and friends by name; a line break
// becomes \newline. Latin letters (ë, é, ...) pass through for inputenc. A character pdflatex
// would not know is written as its code point, "[U+2665]", rather than breaking the build.
std::string latex_escape(std::string_view text);

// A hyperref target name for a quantity key: letters, digits and '.' kept, '_' → ':', anything
// else as -XX (hex per byte). Different keys give different names. "q-" + latex_label(key).
std::string latex_label(std::string_view key);

}  // namespace zorgcap
