#pragma once
#include <map>
#include <string>
#include <string_view>

#include "document/document.h"

namespace zorgcap {

// The tables as LaTeX for pdflatex: file name → content.
//   tabel-NN.tex: one table as a booktabs longtable (breaks across pages, header rows repeated
//                 with \endhead), p{} columns, \multicolumn / \multirow for spans. Every number is
//                 followed by its provenance mark as a superscript link to the appendix entry.
//   tables.tex:   a complete article (a4paper, utf8 inputenc, T1 fontenc, textcomp; booktabs,
//                 longtable, multirow, array, pdflscape, geometry, hyperref) that \input{}s every
//                 table (landscape ones on a landscape page), then "Herkomst van de getallen"
//                 (\hypertarget per entry) and "Bronnen".
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
