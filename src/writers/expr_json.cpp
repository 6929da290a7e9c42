#include "writers/expr_json.h"

namespace zorgcap {
namespace {

nlohmann::ordered_json node_json(const Expr& e, const std::vector<std::string>& operands, std::size_t& at) {
  const ExprNode& n = e.at(at++);
  nlohmann::ordered_json j;
  switch (n.op) {
    case ExprNode::Op::ref: j["ref"] = operands.at(static_cast<std::size_t>(n.operand)); return j;
    case ExprNode::Op::constant:
      j["const"] = n.value;
      if (!n.unit.empty()) j["unit"] = n.unit;
      return j;
    default: break;
  }
  j["op"] = op_name(n.op);
  if (n.op == ExprNode::Op::round) j["decimals"] = n.decimals;
  nlohmann::ordered_json args = nlohmann::ordered_json::array();
  for (int i = 0; i < n.args; ++i) args.push_back(node_json(e, operands, at));
  j["args"] = std::move(args);
  return j;
}

}  // namespace

nlohmann::ordered_json expr_tree_json(const Expr& expr, const std::vector<std::string>& operands) {
  std::size_t at = 0;
  return node_json(expr, operands, at);
}

}  // namespace zorgcap
