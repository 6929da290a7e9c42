#pragma once
#include "document/document.h"

namespace zorgcap {

// "Onzekerheid (Monte Carlo)": Casus | Uitkomst | Rapport (min – max) | P5 | P50 | P95, with the
// method in the introduction; the outcome links to its provenance entry.
AppendixTable build_uncertainty_table(const Uncertainty& u);

// "Verantwoording": Plaats | Rapport | zorgcap | Status | Toelichting, with the counts as its
// summary; zorgcap's value links to its provenance entry, and rows with an erratum are highlighted.
AppendixTable build_reconciliation_table(const ReconciliationSummary& s);

}  // namespace zorgcap
