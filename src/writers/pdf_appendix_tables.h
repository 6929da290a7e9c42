#pragma once
// The Document's appendix tables as BuiltTables so they are laid out like the
// report's tables (header repeated on every page).
#include "document/document.h"

namespace zorgcap::pdf {

// An appendix part's table (Monte Carlo, Verantwoording) as a BuiltTable: each value a number
// run (linked when it has a mark), a label followed by ":", the rest plain text; a cell kept
// together gets no-break spaces.
BuiltTable appendix_built_table(const AppendixTable& t);

}  // namespace zorgcap::pdf
