#pragma once
#include <string>
#include <string_view>
#include <vector>

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

  // derived: a formula in words with placeholders {0}, {1}, … for the operands, in order. It is
  // text of the program (a literal in the model code), so a view is enough.
  std::string_view formula;
  std::vector<std::string> operands;

  bool single() const { return min == max; }
};

// The formula with each placeholder {i} replaced by `name(operand key)`.
template <class NameOf>
std::string render_formula(const Quantity& q, NameOf name) {
  std::string out;
  for (std::size_t i = 0; i < q.formula.size(); ++i) {
    char c = q.formula[i];
    if (c == '{') {
      std::size_t close = q.formula.find('}', i);
      if (close != std::string::npos) {
        std::size_t idx = static_cast<std::size_t>(std::stoul(std::string(q.formula.substr(i + 1, close - i - 1))));
        out += idx < q.operands.size() ? name(q.operands[idx]) : "?";
        i = close;
        continue;
      }
    }
    out += c;
  }
  return out;
}

}  // namespace zorgcap
