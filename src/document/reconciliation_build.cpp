#include "document/reconciliation_build.h"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/number_format.h"
#include "document/appendix_build.h"

namespace zorgcap {
namespace {

constexpr const char* kUnexplained = "onverklaarde afwijking";

bool stands_for(const BuiltNumber& n, const PublishedNumber& p) {
  return n.key == p.quantity && (p.bound.empty() || n.bound == Bound::single || bound_name(n.bound) == p.bound);
}

// The number runs of the report's tables, by table and quantity, in the order the tables hold them.
using NumberRuns = std::map<std::pair<std::string, std::string>, std::vector<BuiltRun*>>;
NumberRuns number_runs(Document& doc) {
  NumberRuns out;
  for (BuiltTable& t : doc.tables) {
    const std::string table = std::to_string(t.number);
    for (auto* section : {&t.header, &t.body})
      for (auto& cells : *section)
        for (BuiltCell& cell : cells)
          for (BuiltRun& run : cell.runs)
            if (run.is_number) out[{table, run.number.key}].push_back(&run);
  }
  return out;
}

// Each number of table `p.table` that is the printed number `p` learns how it compares; where two
// printed numbers concern the same number, one that deviates wins.
void mark_cells(const NumberRuns& runs, const PublishedNumber& p, const PrintedComparison& c) {
  auto it = runs.find({p.table, p.quantity});
  if (it == runs.end()) return;
  std::shared_ptr<const PrintedComparison> shared;
  for (BuiltRun* run : it->second)
    if (stands_for(run->number, p) && (!run->number.printed || !run->number.deviates()))
      run->number.printed = shared ? shared : (shared = std::make_shared<const PrintedComparison>(c));
}

std::string deviation_text(const std::string& where, const PrintedComparison& c) {
  std::string out = where + ": het rapport drukt " + c.printed + " af, zorgcap " + c.computed + " (" + c.kind;
  if (!c.erratum.empty()) out += ", " + c.erratum;
  out += ").";
  if (!c.reason.empty()) out += " " + c.reason;
  return out;
}

// The note beside a deviating cell: the comparison, then its kind, erratum and reason.
std::string cell_note(const PrintedComparison& c) {
  std::string kind = c.kind;
  if (!kind.empty() && kind[0] >= 'a' && kind[0] <= 'z') kind[0] = static_cast<char>(kind[0] - 'a' + 'A');
  return "Wijkt af van het rapport: het rapport drukt " + c.printed + ", zorgcap " + c.computed + ". " + kind +
         (c.erratum.empty() ? "" : " (" + c.erratum + ")") + (c.reason.empty() ? "." : ": " + c.reason);
}

}  // namespace

void add_reconciliation(Document& doc, const Reconciliation& r, const std::map<std::string, Erratum>& errata) {
  std::map<std::string, std::size_t, std::less<>> entries;
  for (std::size_t i = 0; i < doc.provenance.size(); ++i) entries.emplace(doc.provenance[i].key, i);
  const NumberRuns runs = number_runs(doc);
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
    auto entry = entries.find(p.quantity);
    if (row.agreement != Agreement::unmapped) {
      out.computed = format_nl(row.computed, row.agreement == Agreement::erratum ? p.expected_decimals : p.decimals);
      if (!p.printed.empty() && p.printed.back() == '%') out.computed += "%";
      out.mark = entry == entries.end() ? 0 : doc.provenance[entry->second].mark;
    }
    switch (row.agreement) {
      case Agreement::reproduced: out.status = "gereproduceerd"; break;
      case Agreement::erratum: out.status = erratum_kind_of(p, errata); break;
      case Agreement::deviation: out.status = kUnexplained; break;
      case Agreement::unmapped: out.status = "niet gekoppeld"; break;
    }
    if (row.agreement == Agreement::erratum) {
      out.erratum = p.erratum;
      auto e = errata.find(p.erratum);
      out.explanation = e == errata.end() ? "" : e->second.text;
    }
    if (row.agreement != Agreement::unmapped) {
      PrintedComparison c;
      c.status = row.agreement == Agreement::reproduced ? PrintedComparison::Status::reproduced
                 : row.agreement == Agreement::erratum  ? PrintedComparison::Status::erratum
                                                        : PrintedComparison::Status::deviation;
      c.id = p.id;
      c.printed = p.printed;
      c.computed = out.computed;
      c.erratum = out.erratum;
      if (c.status != PrintedComparison::Status::reproduced) {
        c.kind = out.status;
        c.reason = out.explanation;
        c.anchor = reconciliation_anchor(p.id);
        c.note = cell_note(c);
        if (entry != entries.end())
          doc.provenance[entry->second].deviations.push_back({out.where, c, deviation_text(out.where, c)});
      }
      if (p.table != "text") mark_cells(runs, p, c);
    }
    s.rows.push_back(std::move(out));
  }
  doc.reconciliation_table = build_reconciliation_table(s);
  doc.reconciliation = std::move(s);
}

}  // namespace zorgcap
