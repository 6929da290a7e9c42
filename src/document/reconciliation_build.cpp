#include "document/reconciliation_build.h"

#include "core/number_format.h"

namespace zorgcap {

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
  }
  doc.reconciliation = std::move(s);
}

}  // namespace zorgcap
