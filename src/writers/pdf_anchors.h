#pragma once
// Names of the places in report.pdf that links and bookmarks jump to.
#include <string>

#include "document/document.h"

namespace zorgcap::pdf {

std::string mark_anchor(int mark);                 // "herkomst-12": appendix entry 12
std::string table_anchor(const BuiltTable& table); // the table's id: "tabel-10"
inline const char* appendix_anchor = "herkomst";
inline const char* sources_anchor = "bronnen";
inline const char* figures_anchor = "figuren";               // "Figuren per casus"
inline const char* uncertainty_anchor = "onzekerheid";       // "Onzekerheid (Monte Carlo)"
inline const char* sensitivity_anchor = "gevoeligheid";      // "Gevoeligheid van de uitkomsten"
inline const char* reconciliation_anchor = "verantwoording"; // "Verantwoording"
std::string deviation_anchor(const PrintedComparison& p);  // "verantwoording-t4.pa.pct_benut.min"
std::string chart_anchor(const Chart& chart);  // the chart's id: "figuur-1", "tornado-huisarts.vs.netto_fte"

}  // namespace zorgcap::pdf
