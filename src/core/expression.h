#pragma once
#include <functional>
#include <string>
#include <vector>

namespace zorgcap {

// A derived quantity's formula as a tree, stored flat in prefix order: each node is followed by
// its arguments (`args` of them, each a whole subtree). A `ref` names one of the quantity's
// operands by position. The tree is what the model computed, operation for operation, so
// evaluating it with doubles from the operands' values gives the quantity's value exactly.
struct ExprNode {
  enum class Op { ref, constant, add, sub, mul, div, neg, min, max, round };
  Op op = Op::constant;
  double value = 0;    // constant
  std::string unit;    // constant: a unit printed after it ("10 jaar"), may be empty
  int operand = -1;    // ref: index into the quantity's operands
  int decimals = 0;    // round: half-up to this many decimals
  int args = 0;        // number of argument subtrees that follow
};
using Expr = std::vector<ExprNode>;

// The name of an operation as values.json writes it ("add", "round", …; "ref" and "const").
const char* op_name(ExprNode::Op op);

// Evaluates the tree; `operand(i)` gives the value of operand i.
double evaluate_expr(const Expr& e, const std::function<double(int)>& operand);

// The formula in words with Dutch operators (×, ÷, −) and the fewest parentheses that keep its
// meaning; operand i is written {i}. A formula with rounding gets ⌊…⌉ around each rounded part and
// the suffix " (afgerond)" or " (afgerond op N decimalen)".
std::string expr_formula(const Expr& e);

}  // namespace zorgcap
