#pragma once
// The analyses' tables, built as BuiltTables from the Document so they are laid out like the
// report's tables (header repeated on every page).
#include "document/document.h"

namespace zorgcap::pdf {

// Casus | Uitkomst | Rapport (min – max) | P5 | P50 | P95; the outcome links to its appendix entry.
BuiltTable uncertainty_table(const Uncertainty& u);

// Plaats | Rapport | zorgcap | Status | Toelichting; zorgcap's value links to its appendix entry.
BuiltTable reconciliation_table(const ReconciliationSummary& s);

}  // namespace zorgcap::pdf
