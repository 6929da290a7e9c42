#pragma once
#include <deque>
#include <string_view>

#include "core/expression.h"

namespace zorgcap {

class NodeArena;

// How a Value was computed, recorded only when provenance is: a reference to a quantity (its index
// in the Results), a constant, or an operation on other nodes.
struct ExprTerm {
  ExprNode::Op op = ExprNode::Op::constant;
  double value = 0;           // constant
  std::string_view unit;      // constant: text of the program ("jaar")
  int quantity = -1;          // ref
  int decimals = 0;           // round
  const ExprTerm* a = nullptr;
  const ExprTerm* b = nullptr;
  NodeArena* arena = nullptr;  // where new terms built from this one go
};

class NodeArena {
 public:
  const ExprTerm* make(ExprTerm t) {
    t.arena = this;
    terms_.push_back(t);
    return &terms_.back();
  }
  void clear() { terms_.clear(); }

 private:
  std::deque<ExprTerm> terms_;  // a deque: terms never move while others are added
};

// A number during evaluation: its values in the minimum and maximum scenario and, when provenance
// is recorded, the term it was computed by. Arithmetic on Values computes both values and, when
// recording, the term; so the expression that computes a step is also its recorded formula.
struct Value {
  double min = 0;
  double max = 0;
  const ExprTerm* term = nullptr;
};

// A constant with a unit printed after it in the formula: `u / Constant{10, "jaar"}` reads
// "… ÷ 10 jaar".
struct Constant {
  double value;
  std::string_view unit;
};

namespace value_detail {
// A Value with no term while recording: only a plain number may be one (a constant).
const ExprTerm* untracked(const Value& v, NodeArena& arena);
inline NodeArena* arena_of(const Value& a, const Value& b) {
  return a.term ? a.term->arena : b.term ? b.term->arena : nullptr;
}
inline Value binary(ExprNode::Op op, double min, double max, const Value& a, const Value& b) {
  Value r{min, max, nullptr};
  if (NodeArena* arena = arena_of(a, b)) {
    auto term_of = [&](const Value& v) { return v.term ? v.term : untracked(v, *arena); };
    r.term = arena->make({op, 0, {}, -1, 0, term_of(a), term_of(b), nullptr});
  }
  return r;
}
inline Value constant(const Constant& k, const Value& like) {
  Value r{k.value, k.value, nullptr};
  if (like.term) r.term = like.term->arena->make({ExprNode::Op::constant, k.value, k.unit, -1, 0, nullptr, nullptr, nullptr});
  return r;
}
}  // namespace value_detail

inline Value operator+(const Value& a, const Value& b) {
  return value_detail::binary(ExprNode::Op::add, a.min + b.min, a.max + b.max, a, b);
}
inline Value operator-(const Value& a, const Value& b) {
  return value_detail::binary(ExprNode::Op::sub, a.min - b.min, a.max - b.max, a, b);
}
inline Value operator*(const Value& a, const Value& b) {
  return value_detail::binary(ExprNode::Op::mul, a.min * b.min, a.max * b.max, a, b);
}
inline Value operator/(const Value& a, const Value& b) {
  return value_detail::binary(ExprNode::Op::div, a.min / b.min, a.max / b.max, a, b);
}
// A plain number in a formula is a constant without unit.
inline Value operator+(double k, const Value& b) { return value_detail::constant({k, {}}, b) + b; }
inline Value operator-(double k, const Value& b) { return value_detail::constant({k, {}}, b) - b; }
inline Value operator*(const Value& a, double k) { return a * value_detail::constant({k, {}}, a); }
inline Value operator/(const Value& a, double k) { return a / value_detail::constant({k, {}}, a); }
inline Value operator/(const Value& a, const Constant& k) { return a / value_detail::constant(k, a); }

// Half-up rounding to `decimals` places (core/rounding.h), as one node of the formula.
Value round(const Value& x, int decimals);

}  // namespace zorgcap
