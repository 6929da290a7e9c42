#include "cli/reconcile_command.h"

#include "cli/app.h"
#include "core/number_format.h"
#include "inputs/load_inputs.h"
#include "inputs/published.h"
#include "model/model.h"
#include "model/reconcile.h"

namespace zorgcap {
namespace {

const char* status_word(Agreement a) {
  switch (a) {
    case Agreement::reproduced: return "gereproduceerd";
    case Agreement::erratum: return "verklaarde afwijking";
    case Agreement::deviation: return "AFWIJKING";
    case Agreement::unmapped: return "NIET GEKOPPELD";
  }
  return "";
}

}  // namespace

int run_reconcile(const std::string& inputs_dir, bool verbose, std::ostream& out, std::ostream& err) {
  Diagnostics diags;
  SourceTexts texts;
  auto inputs = load_inputs(inputs_dir, diags, texts);
  auto published = load_published(inputs_dir + "/published.yaml", diags, texts);
  auto errata = load_errata(inputs_dir + "/errata.yaml", diags, texts);
  if (!inputs || !published || !errata) {
    err << diags.format(texts);
    return kExitBadInput;
  }
  Results results = evaluate(*inputs);
  Reconciliation r = reconcile(results, *published);
  for (const Reconciled& row : r.rows) {
    bool problem = row.agreement == Agreement::deviation || row.agreement == Agreement::unmapped;
    if (!verbose && !problem) continue;
    const PublishedNumber& p = *row.number;
    out << p.id << ": " << status_word(row.agreement) << " — rapport " << p.printed;
    int decimals = row.agreement == Agreement::erratum ? p.expected_decimals : p.decimals;
    if (row.agreement != Agreement::unmapped) out << ", zorgcap " << format_nl(row.computed_rounded, decimals);
    if (p.expected) out << " (consistent: " << format_nl(*p.expected, p.expected_decimals) << ", " << p.erratum << ")";
    out << "\n";
    if (row.agreement == Agreement::erratum && errata->count(p.erratum))
      out << "    " << erratum_kind_of(p, *errata) << ": " << errata->at(p.erratum).text << "\n";
  }
  out << "printed numbers reproduced: " << r.reproduced << "/" << r.rows.size() << ", explained deviations: " << r.errata
      << ", unexplained: " << r.deviations << ", unmapped: " << r.unmapped << "\n";
  return (r.deviations == 0 && r.unmapped == 0) ? kExitOk : kExitBadInput;
}

}  // namespace zorgcap
