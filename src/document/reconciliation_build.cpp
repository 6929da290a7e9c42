#include "document/reconciliation_build.h"

#include "core/number_format.h"
#include "document/appendix_build.h"

namespace zorgcap {
namespace {

bool stands_for(const BuiltNumber& n, const PublishedNumber& p) {
  return n.key == p.quantity && (p.bound.empty() || n.bound == Bound::single || bound_name(n.bound) == p.bound);
}

// Each number of table `p.table` that is the printed number `p` learns how it compares; where two
// printed numbers concern the same number, one that deviates wins.
void mark_cells(Document& doc, const Reconciled& row) {
  const PublishedNumber& p = *row.number;
  if (row.agreement == Agreement::unmapped || p.table == "text") return;
  PrintedComparison c;
  c.status = row.agreement == Agreement::reproduced ? PrintedComparison::Status::reproduced
             : row.agreement == Agreement::erratum  ? PrintedComparison::Status::erratum
                                                    : PrintedComparison::Status::deviation;
  c.id = p.id;
  c.printed = p.printed;
  if (row.agreement == Agreement::erratum) c.erratum = p.erratum;
  for (BuiltTable& t : doc.tables) {
    if (std::to_string(t.number) != p.table) continue;
    for (auto* section : {&t.header, &t.body})
      for (auto& cells : *section)
        for (BuiltCell& cell : cells)
          for (BuiltRun& run : cell.runs)
            if (run.is_number && stands_for(run.number, p) && (!run.number.printed || !run.number.deviates()))
              run.number.printed = c;
  }
}

}  // namespace

void add_reconciliation(Document& doc, const Reconciliation& r, const std::map<std::string, std::string>& errata) {
  std::map<std::string, int, std::less<>> marks;
  for (const ProvenanceEntry& e : doc.provenance) marks.emplace(e.key, e.mark);
  ReconciliationSummary s;
  s.total = static_cast<int>(r.rows.size());
  s.reproduced = r.reproduced;
  s.explained = r.errata;
  s.unexplained = r.deviations;
  s.unmapped = r.unmapped;
  for (const Reconciled& row : r.rows) {
    const PublishedNumber& p = *row.number;
    ReconciliationRow out;
    out.id = p.id;
    out.where = p.table == "text" ? "tekst" : "Tabel " + p.table;
    out.printed = p.printed;
    if (row.agreement != Agreement::unmapped) {
      out.computed = format_nl(row.computed, p.decimals);
      if (!p.printed.empty() && p.printed.back() == '%') out.computed += "%";
      auto m = marks.find(p.quantity);
      out.mark = m == marks.end() ? 0 : m->second;
    }
    switch (row.agreement) {
      case Agreement::reproduced: out.status = "gereproduceerd"; break;
      case Agreement::erratum: out.status = "inconsistentie in het rapport"; break;
      case Agreement::deviation: out.status = "afwijking"; break;
      case Agreement::unmapped: out.status = "niet gekoppeld"; break;
    }
    if (row.agreement == Agreement::erratum) {
      out.erratum = p.erratum;
      auto e = errata.find(p.erratum);
      out.explanation = e == errata.end() ? "" : e->second;
    }
    s.rows.push_back(std::move(out));
    mark_cells(doc, row);
  }
  doc.reconciliation_table = build_reconciliation_table(s);
  doc.reconciliation = std::move(s);
}

}  // namespace zorgcap
