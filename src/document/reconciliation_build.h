#pragma once
#include <map>
#include <string>
#include <vector>

#include "document/document.h"
#include "inputs/published.h"
#include "model/reconcile.h"

namespace zorgcap {

// Adds the appendix "Verantwoording" to `doc`: each printed number, zorgcap's value formatted the
// same way, its status and (for a documented inconsistency) the explanation from errata.yaml.
void add_reconciliation(Document& doc, const Reconciliation& r, const std::map<std::string, std::string>& errata);

}  // namespace zorgcap
