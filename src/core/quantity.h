#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/expression.h"
#include "core/unit.h"

namespace zorgcap {

// A number zorgcap can show. `min` and `max` are its values in the report's minimum and maximum
// scenario (equal when the report gives one value; a derived quantity may have min > max, e.g. a
// utilisation rate that falls as the need rises). Provenance: an input names its source; a derived
// quantity names its formula and operands.
struct Quantity {
  std::string key;
  std::string label;
  Unit unit = Unit::factor;
  double min = 0;
  double max = 0;

  bool is_input = false;
  std::string source;   // input: source id (sources.yaml)
  std::string note;     // input: optional remark

  // derived: the formula as the model computed it (a tree whose refs index `operands`), and the
  // same formula in words with placeholders {0}, {1}, … (expr_formula of `expr`).
  Expr expr;
  std::string formula;
  std::vector<std::string> operands;

  bool single() const { return min == max; }
};

// The formula for a particular output: each run of literal text through `literal(text)` (e.g. an
// escaper), each placeholder {i} replaced by `operand(i)`.
template <class Operand, class Literal>
std::string render_formula_with(const Quantity& q, Operand operand, Literal literal) {
  std::string out, text;
  for (std::size_t i = 0; i < q.formula.size(); ++i) {
    char c = q.formula[i];
    std::size_t close = c == '{' ? q.formula.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      text += c;
      continue;
    }
    std::size_t idx = static_cast<std::size_t>(std::stoul(std::string(q.formula.substr(i + 1, close - i - 1))));
    out += literal(std::string_view(text));
    text.clear();
    out += idx < q.operands.size() ? operand(idx) : std::string("?");
    i = close;
  }
  return out + literal(std::string_view(text));
}

// The formula as plain text, each placeholder {i} replaced by `name(operand key)`.
template <class NameOf>
std::string render_formula(const Quantity& q, NameOf name) {
  return render_formula_with(
      q, [&](std::size_t i) { return name(q.operands[i]); }, [](std::string_view t) { return std::string(t); });
}

}  // namespace zorgcap
