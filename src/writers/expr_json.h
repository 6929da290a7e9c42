#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/expression.h"

namespace zorgcap {

// A formula tree as nested objects: {"op": …, "args": […]}, {"ref": KEY}, {"const": x} (values.json
// and explore.html; docs/MODEL.md "Formulas as trees"). Refs index `operands`.
nlohmann::ordered_json expr_tree_json(const Expr& expr, const std::vector<std::string>& operands);

}  // namespace zorgcap
