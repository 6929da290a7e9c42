#pragma once
#include <map>
#include <string>
#include <vector>

#include "document/document.h"
#include "inputs/published.h"
#include "model/reconcile.h"

namespace zorgcap {

// Adds the appendix "Verantwoording" to `doc`: each printed number, zorgcap's value formatted the
// same way, its status (for a documented deviation its kind) and the explanation from errata.yaml.
// Each table number that stands for a printed number learns how it compares (BuiltNumber::printed),
// and each provenance entry lists the printed numbers of its quantity that deviate.
void add_reconciliation(Document& doc, const Reconciliation& r, const std::map<std::string, Erratum>& errata);

}  // namespace zorgcap
