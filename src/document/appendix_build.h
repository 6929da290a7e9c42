#pragma once
#include "document/document.h"

namespace zorgcap {

// "Onzekerheid (Monte Carlo)": Casus | Uitkomst | Rapport (min – max) | P5 | P50 | P95, with the
// method in the introduction; the outcome links to its provenance entry.
AppendixTable build_uncertainty_table(const Uncertainty& u);

// "Verantwoording": Plaats | Rapport | zorgcap | Status | Toelichting, with the counts as its
// summary; zorgcap's value links to its provenance entry, rows with an erratum are highlighted, and
// each row is a link target (its anchor "v-<id>").
AppendixTable build_reconciliation_table(const ReconciliationSummary& s);

// The link target of a printed number's row in "Verantwoording": "v-t4.pa.pct_benut.min".
std::string reconciliation_anchor(const std::string& id);

}  // namespace zorgcap
