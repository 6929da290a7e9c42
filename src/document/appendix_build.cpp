#include "document/appendix_build.h"

#include <algorithm>

#include "document/wording.h"

namespace zorgcap {
namespace {

using Style = AppendixRun::Style;

AppendixCell cell(std::vector<AppendixRun> runs, bool row_header = false) {
  AppendixCell c;
  c.runs = std::move(runs);
  c.row_header = row_header;
  return c;
}

AppendixRun run(std::string text, Style style = Style::text, int mark = 0) { return AppendixRun{std::move(text), style, mark}; }

}  // namespace

AppendixTable build_uncertainty_table(const Uncertainty& u) {
  AppendixTable t;
  t.anchor = "onzekerheid";
  t.heading = wording::kUncertainty;
  t.intro = std::to_string(u.draws) + " trekkingen; elke parameter met een bereik onafhankelijk getrokken (" +
            (u.distribution == "uniform" ? "uniform" : "driehoeksverdeling, top in het midden") +
            "), de andere op hun waarde; seed " + std::to_string(u.seed) + ".";
  t.columns = {"Casus", "Uitkomst", "Rapport (min – max)", "P5", "P50", "P95"};
  for (const UncertaintyRow& r : u.rows) {
    AppendixRow row;
    row.cells.push_back(cell({run(r.group)}));
    row.cells.push_back(cell({r.mark > 0 ? run(r.label, Style::value, r.mark) : run(r.label)}, true));
    AppendixCell range = cell({run(r.min_text, Style::value), run(" – "), run(r.max_text, Style::value), run(" " + r.unit)});
    range.keep_together = true;
    row.cells.push_back(std::move(range));
    for (const std::string* p : {&r.p5_text, &r.p50_text, &r.p95_text}) row.cells.push_back(cell({run(*p, Style::value)}));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string reconciliation_anchor(const std::string& id) { return "v-" + id; }

AppendixTable build_reconciliation_table(const ReconciliationSummary& s) {
  AppendixTable t;
  t.anchor = "verantwoording";
  t.heading = wording::kReconciliation;
  t.intro = std::string("Elk getal dat het rapport afdrukt, naast de waarde die zorgcap berekent (afgerond zoals het rapport). "
            "Waar het rapport zichzelf tegenspreekt, geeft zorgcap de consistente waarde; de status noemt de soort "
            "afwijking en de toelichting de reden. In de tabellen draagt zo'n getal het teken ") +
            wording::kDeviationMark + ", dat naar zijn regel hier verwijst.";
  t.summary = "Gereproduceerd: " + std::to_string(s.reproduced) + " van " + std::to_string(s.total) +
              "; verklaarde afwijkingen (inconsistenties in het rapport): " + std::to_string(s.explained) +
              "; onverklaard: " + std::to_string(s.unexplained) + "; niet gekoppeld: " + std::to_string(s.unmapped) + ".";
  t.landscape = true;  // the places (ids up to ~50 characters) and the explanations need the width
  t.columns = {"Plaats", "Rapport", "zorgcap", "Status", "Toelichting"};
  for (const ReconciliationRow& r : s.rows) {
    AppendixRow row;
    row.highlight = !r.erratum.empty();
    row.anchor = reconciliation_anchor(r.id);
    row.cells.push_back(cell({run(r.where + " "), run(r.id, Style::code)}, true));
    row.cells.push_back(cell({run(r.printed, Style::value)}));
    row.cells.push_back(cell({run(r.computed, Style::value, std::max(r.mark, 0))}));
    row.cells.push_back(cell({run(r.status)}));
    if (!r.erratum.empty())
      row.cells.push_back(cell({run(r.erratum, Style::label), run(" " + r.explanation)}));
    else
      row.cells.push_back(cell({}));
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace zorgcap
