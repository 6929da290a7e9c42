#include "model/calc.h"

#include <algorithm>
#include <stdexcept>

#include "core/rounding.h"

namespace zorgcap {

const ExprTerm* value_detail::untracked(const Value& v, NodeArena& arena) {
  if (v.min != v.max)
    throw std::logic_error("a Value the model did not read or compute enters a recorded formula");
  return arena.make({ExprNode::Op::constant, v.min, {}, -1, 0, nullptr, nullptr, nullptr});
}

Value round(const Value& x, int decimals) {
  Value r{round_half_up(x.min, decimals), round_half_up(x.max, decimals), nullptr};
  if (x.term) r.term = x.term->arena->make({ExprNode::Op::round, 0, {}, -1, decimals, x.term, nullptr, nullptr});
  return r;
}

Calc::Calc(const Inputs& inputs, Results* record) : inputs_(inputs), record_(record) {
  if (!record_) return;
  record_->reserve(inputs_.parameters.size() + 512);
  input_ids_.reserve(inputs_.parameters.size());
  for (const auto& [key, p] : inputs_.parameters) {
    Quantity q;
    q.key = key;
    q.label = p.label;
    q.unit = p.unit;
    q.min = p.min;
    q.max = p.max;
    q.is_input = true;
    q.source = p.source;
    q.note = p.note;
    int id = static_cast<int>(record_->add(std::move(q)));
    input_ids_.emplace(key, id);
    quantity_terms_.push_back(terms_.make({ExprNode::Op::ref, 0, {}, id, 0, nullptr, nullptr, nullptr}));
  }
}

Value Calc::in(std::string_view key) {
  if (record_) {
    if (auto id = input_ids_.find(key); id != input_ids_.end()) {
      const Quantity& q = record_->by_index(static_cast<std::size_t>(id->second));
      return {q.min, q.max, quantity_terms_[static_cast<std::size_t>(id->second)]};
    }
  } else if (auto it = inputs_.parameters.find(key); it != inputs_.parameters.end()) {
    return {it->second.min, it->second.max, nullptr};
  }
  throw std::logic_error("model reads parameter '" + std::string(key) + "', which the inputs lack");
}

Value Calc::step(std::string_view key, Text label, Unit unit, const Value& expression) {
  if (record_) return record(key, label, unit, expression);
  return {expression.min, expression.max, nullptr};
}

namespace {

// Flattens a term into prefix order; each quantity it references becomes an operand, numbered in
// order of first appearance (the order the formula names them in).
struct Flattener {
  Expr expr;
  std::vector<int> operands;  // quantity indices

  void add(const ExprTerm* t) {
    ExprNode n;
    n.op = t->op;
    n.value = t->value;
    n.unit = std::string(t->unit);
    n.decimals = t->decimals;
    n.args = t->b ? 2 : t->a ? 1 : 0;
    if (t->op == ExprNode::Op::ref) {
      auto it = std::find(operands.begin(), operands.end(), t->quantity);
      n.operand = static_cast<int>(it - operands.begin());
      if (it == operands.end()) operands.push_back(t->quantity);
    }
    expr.push_back(std::move(n));
    if (t->a) add(t->a);
    if (t->b) add(t->b);
  }
};

}  // namespace

Value Calc::record(std::string_view key, Text label, Unit unit, const Value& expression) {
  if (!expression.term) throw std::logic_error("step '" + std::string(key) + "' computes nothing the model read");
  Flattener f;
  f.add(expression.term);
  Quantity q;
  q.key = std::string(key);
  q.label = label.str();
  q.unit = unit;
  q.min = expression.min;
  q.max = expression.max;
  q.formula = expr_formula(f.expr);
  q.expr = std::move(f.expr);
  q.operands.reserve(f.operands.size());
  for (int id : f.operands) q.operands.push_back(record_->by_index(static_cast<std::size_t>(id)).key);
  int id = static_cast<int>(record_->add_with_known_operands(std::move(q)));
  if (quantity_terms_.size() <= static_cast<std::size_t>(id)) quantity_terms_.resize(static_cast<std::size_t>(id) + 1);
  quantity_terms_[static_cast<std::size_t>(id)] = terms_.make({ExprNode::Op::ref, 0, {}, id, 0, nullptr, nullptr, nullptr});
  return {expression.min, expression.max, quantity_terms_[static_cast<std::size_t>(id)]};
}

}  // namespace zorgcap
