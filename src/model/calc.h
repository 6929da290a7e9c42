#pragma once
#include <initializer_list>
#include <unordered_map>
#include <string>
#include <string_view>
#include <utility>

#include "core/results.h"
#include "inputs/inputs.h"

namespace zorgcap {

// A number during evaluation: its values in the minimum and maximum scenario, and (when provenance
// is recorded) the index of its Quantity.
struct Value {
  double min = 0;
  double max = 0;
  int id = -1;
};

// A key or label built from up to three pieces, joined only when provenance is recorded, so the
// values-only path of the model allocates nothing.
struct Text {
  std::string_view a, b, c;
  Text(const char* s) : a(s) {}  // NOLINT: implicit on purpose
  Text(std::string_view x, std::string_view y = {}, std::string_view z = {}) : a(x), b(y), c(z) {}
  std::string str() const {
    std::string s;
    s.reserve(a.size() + b.size() + c.size());
    s.append(a).append(b).append(c);
    return s;
  }
};

// The one way the model makes numbers: `in` reads a parameter, `step` derives a quantity from
// others with a formula in words. With a Results to record into, every step becomes a Quantity with
// its provenance; without, only values are computed (same code, same arithmetic).
class Calc {
 public:
  Calc(const Inputs& inputs, Results* record);

  Value in(std::string_view key) const;

  // `formula` names the operands as {0}, {1}, … in the order given.
  template <class F, class... V>
  Value step(Text key, Text label, Unit unit, std::string_view formula, F&& f, const V&... operands) {
    Value v{f(operands.min...), f(operands.max...), -1};
    if (record_) v.id = add(key, label, unit, formula, {operands.id...}, v.min, v.max);
    return v;
  }

  bool recording() const { return record_ != nullptr; }

 private:
  int add(Text key, Text label, Unit unit, std::string_view formula, std::initializer_list<int> operand_ids,
          double min, double max);

  const Inputs& inputs_;
  Results* record_;
  std::unordered_map<std::string_view, int> input_ids_;  // recording: parameter key -> quantity index
};

}  // namespace zorgcap
