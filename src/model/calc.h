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
  std::string_view a, b, c, d;
  Text(const char* s) : a(s) {}  // NOLINT: implicit on purpose
  Text(std::string_view w, std::string_view x = {}, std::string_view y = {}, std::string_view z = {})
      : a(w), b(x), c(y), d(z) {}
  std::string str() const {
    std::string s;
    s.reserve(a.size() + b.size() + c.size() + d.size());
    s.append(a).append(b).append(c).append(d);
    return s;
  }
};

// The one way the model makes numbers: `in` reads a parameter, `step` derives a quantity from
// others with a formula in words. With a Results to record into, every step becomes a Quantity with
// its provenance. Without, only values are computed (same code, same arithmetic): the parameter
// values come from `parameters` (indexed like Inputs::parameters), and each step's value is
// appended to `steps`.
class Calc {
 public:
  Calc(const Inputs& inputs, Results* record);

  // Values only. The model reads its parameters in the same order on every run (it has no
  // data-dependent control flow), so the first run learns that order by key and later runs replay
  // it without looking keys up; `rewind` starts a run.
  Calc(const Inputs& inputs, const std::vector<Value>* parameters, std::vector<Value>* steps);
  void rewind();

  Value in(Text key);

  // `formula` names the operands as {0}, {1}, … in the order given.
  template <class F, class... V>
  Value step(Text key, Text label, Unit unit, std::string_view formula, F&& f, const V&... operands) {
    Value v{f(operands.min...), f(operands.max...), -1};
    if (record_)
      v.id = add(key, label, unit, formula, {operands.id...}, v.min, v.max);
    else if (steps_)
      steps_->push_back(v);
    return v;
  }

  bool recording() const { return record_ != nullptr; }

 private:
  int add(Text key, Text label, Unit unit, std::string_view formula, std::initializer_list<int> operand_ids,
          double min, double max);

  const Inputs& inputs_;
  Results* record_ = nullptr;
  const std::vector<Value>* parameters_ = nullptr;
  std::vector<Value>* steps_ = nullptr;
  std::vector<int> tape_;  // values only: parameter index of each `in` call, in call order
  std::size_t cursor_ = 0;
  bool learned_ = false;
  std::unordered_map<std::string_view, int> input_ids_;  // recording: parameter key -> quantity index
};

}  // namespace zorgcap
