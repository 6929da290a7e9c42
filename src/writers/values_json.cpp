#include "writers/values_json.h"

#include <nlohmann/json.hpp>

namespace zorgcap {
namespace {

// The tree as nested objects: {"op": …, "args": […]}, {"ref": KEY}, {"const": x}.
nlohmann::ordered_json expr_json(const Quantity& q, std::size_t& at) {
  const ExprNode& n = q.expr.at(at++);
  nlohmann::ordered_json j;
  switch (n.op) {
    case ExprNode::Op::ref: j["ref"] = q.operands.at(static_cast<std::size_t>(n.operand)); return j;
    case ExprNode::Op::constant:
      j["const"] = n.value;
      if (!n.unit.empty()) j["unit"] = n.unit;
      return j;
    default: break;
  }
  j["op"] = op_name(n.op);
  if (n.op == ExprNode::Op::round) j["decimals"] = n.decimals;
  nlohmann::ordered_json args = nlohmann::ordered_json::array();
  for (int i = 0; i < n.args; ++i) args.push_back(expr_json(q, at));
  j["args"] = std::move(args);
  return j;
}

}  // namespace

std::string values_json(const std::string& scenario, const Results& results, const SourceCatalog& inputs) {
  using nlohmann::ordered_json;
  ordered_json list = ordered_json::array();
  results.for_each([&](const Quantity& q) {
    ordered_json j;
    j["key"] = q.key;
    j["label"] = q.label;
    j["unit"] = std::string(unit_name(q.unit));
    j["min"] = q.min;
    j["max"] = q.max;
    if (q.is_input) {
      j["source"] = q.source;
      const Source& s = inputs.sources.at(q.source);
      j["source_label"] = s.label;
      if (!q.note.empty()) j["note"] = q.note;
    } else {
      j["formula"] = render_formula(q, [&](const std::string& k) { return results.at(k).label; });
      j["operands"] = q.operands;
      std::size_t at = 0;
      j["expr"] = expr_json(q, at);
    }
    list.push_back(std::move(j));
  });
  ordered_json doc;
  doc["scenario"] = scenario;
  doc["quantities"] = std::move(list);
  return doc.dump(2) + "\n";
}

}  // namespace zorgcap
