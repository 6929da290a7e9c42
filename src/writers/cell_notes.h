#pragma once
#include <string>
#include <vector>

#include "document/document.h"

namespace zorgcap {

// What the export writers (XLSX, LaTeX) print beside a cell: its footnote markers, and a note for
// each number that deviates from the printed report.

// A cell's text in pieces: the text of its runs, split where a footnote marker stands (never
// inside a number), and the markers themselves.
struct CellPiece {
  std::string text;                 // a run's text, or part of it (empty for a marker)
  const BuiltRun* run = nullptr;    // the run the text belongs to
  const CellFootnote* footnote = nullptr;  // a marker
};
std::vector<CellPiece> cell_pieces(const BuiltCell& cell);

// The Document's note for a number that deviates from the printed report (PrintedComparison::note);
// "" when it does not deviate.
std::string deviation_note(const BuiltNumber& number);


}  // namespace zorgcap
