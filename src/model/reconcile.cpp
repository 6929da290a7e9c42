#include "model/reconcile.h"

#include "core/rounding.h"

namespace zorgcap {

double computed_value(const Results& results, const PublishedNumber& p) {
  const Quantity& q = results.at(p.quantity);
  return (p.bound == "max" ? q.max : q.min) * scale_factor(p.scale);
}

Reconciliation reconcile(const Results& results, const std::vector<PublishedNumber>& published) {
  Reconciliation r;
  for (const PublishedNumber& p : published) {
    Reconciled row{&p};
    if (p.quantity.empty() || !results.find(p.quantity)) {
      row.agreement = Agreement::unmapped;
      ++r.unmapped;
      r.rows.push_back(row);
      continue;
    }
    row.computed = computed_value(results, p);
    // Where the report contradicts itself, zorgcap must give the documented consistent value, at
    // the decimals zorgcap prints it with.
    bool documented = !p.erratum.empty() && p.expected.has_value();
    int decimals = documented ? p.expected_decimals : p.decimals;
    row.computed_rounded = round_half_up(row.computed, decimals);
    if (row.computed_rounded == round_half_up(documented ? *p.expected : p.value, decimals)) {
      row.agreement = documented ? Agreement::erratum : Agreement::reproduced;
      ++(documented ? r.errata : r.reproduced);
    } else {
      row.agreement = Agreement::deviation;
      ++r.deviations;
    }
    r.rows.push_back(row);
  }
  return r;
}

}  // namespace zorgcap
