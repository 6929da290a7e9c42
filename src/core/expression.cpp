#include "core/expression.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <stdexcept>

#include "core/rounding.h"

namespace zorgcap {
namespace {

using Op = ExprNode::Op;

void check_arity(const ExprNode& n) {
  int want = n.op == Op::ref || n.op == Op::constant ? 0 : n.op == Op::neg || n.op == Op::round ? 1 : 2;
  if (n.args != want) throw std::logic_error(std::string("expression node ") + op_name(n.op) + " has a wrong arity");
}

double eval(const Expr& e, std::size_t& at, const std::function<double(int)>& operand) {
  if (at >= e.size()) throw std::logic_error("truncated expression");
  const ExprNode& n = e[at++];
  check_arity(n);
  switch (n.op) {
    case Op::ref: return operand(n.operand);
    case Op::constant: return n.value;
    case Op::neg: return -eval(e, at, operand);
    case Op::round: return round_half_up(eval(e, at, operand), n.decimals);
    default: break;
  }
  double a = eval(e, at, operand);
  double b = eval(e, at, operand);
  switch (n.op) {
    case Op::add: return a + b;
    case Op::sub: return a - b;
    case Op::mul: return a * b;
    case Op::div: return a / b;
    case Op::min: return std::min(a, b);
    case Op::max: return std::max(a, b);
    default: throw std::logic_error("unknown expression node");
  }
}

// Binding strength in the printed formula: sums, products, negation, atoms.
int precedence(Op op) {
  switch (op) {
    case Op::add:
    case Op::sub: return 1;
    case Op::mul:
    case Op::div: return 2;
    case Op::neg: return 3;
    default: return 4;
  }
}

std::string constant_text(const ExprNode& n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", n.value);
  std::string s = buf;
  std::replace(s.begin(), s.end(), '.', ',');
  if (s.front() == '-') s.replace(0, 1, "−");
  return n.unit.empty() ? s : s + " " + n.unit;
}

struct Printer {
  const Expr& e;
  std::size_t at = 0;
  std::set<int> decimals;

  // Prints the subtree at `at`; `parens_below` wraps it in parentheses when it binds weaker.
  std::string print(int parens_below) {
    const ExprNode& n = e.at(at++);
    check_arity(n);
    std::string s;
    switch (n.op) {
      case Op::ref: s = "{" + std::to_string(n.operand) + "}"; break;
      case Op::constant: s = constant_text(n); break;
      case Op::neg: s = "−" + print(4); break;
      case Op::round:
        decimals.insert(n.decimals);
        s = "⌊" + print(0) + "⌉";
        break;
      case Op::min:
      case Op::max: {
        std::string a = print(0);
        s = std::string(op_name(n.op)) + "(" + a + "; " + print(0) + ")";
        break;
      }
      case Op::add: {
        std::string a = print(1);
        s = a + " + " + print(1);
        break;
      }
      case Op::sub: {
        std::string a = print(1);
        s = a + " − " + print(2);
        break;
      }
      case Op::mul: {
        std::string a = print(2);
        s = a + " × " + print(2);
        break;
      }
      case Op::div: {
        std::string a = print(2);
        s = a + " ÷ " + print(3);
        break;
      }
    }
    return precedence(n.op) < parens_below ? "(" + s + ")" : s;
  }
};

}  // namespace

const char* op_name(ExprNode::Op op) {
  switch (op) {
    case Op::ref: return "ref";
    case Op::constant: return "const";
    case Op::add: return "add";
    case Op::sub: return "sub";
    case Op::mul: return "mul";
    case Op::div: return "div";
    case Op::neg: return "neg";
    case Op::min: return "min";
    case Op::max: return "max";
    case Op::round: return "round";
  }
  return "?";
}

double evaluate_expr(const Expr& e, const std::function<double(int)>& operand) {
  std::size_t at = 0;
  double v = eval(e, at, operand);
  if (at != e.size()) throw std::logic_error("expression has trailing nodes");
  return v;
}

std::string expr_formula(const Expr& e) {
  Printer p{e, 0, {}};
  std::string s = p.print(0);
  if (p.at != e.size()) throw std::logic_error("expression has trailing nodes");
  if (p.decimals.empty()) return s;
  if (p.decimals.size() == 1 && *p.decimals.begin() > 0) {
    int d = *p.decimals.begin();
    return s + " (afgerond op " + std::to_string(d) + (d == 1 ? " decimaal)" : " decimalen)");
  }
  return s + " (afgerond)";
}

}  // namespace zorgcap
