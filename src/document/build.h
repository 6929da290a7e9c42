#pragma once
#include <string>
#include <vector>

#include "core/results.h"
#include "document/document.h"
#include "document/table_template.h"
#include "inputs/diagnostics.h"
#include "inputs/inputs.h"

namespace zorgcap {

// Checks every number reference of the templates against the Results: the key exists, and a
// quantity with two values is referenced with @min or @max. Problems go to `diags`.
bool check_bindings(const std::vector<TableTemplate>& templates, const Results& results, Diagnostics& diags);

// The build pass: binds templates to Results, resolves spans into grids, formats every number and
// assigns provenance marks in document order. Call check_bindings first.
Document build_document(const std::vector<TableTemplate>& templates, const Results& results, const Inputs& inputs,
                        const std::string& inputs_digest);

}  // namespace zorgcap
