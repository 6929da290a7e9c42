#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/results.h"
#include "inputs/inputs.h"
#include "model/value.h"

namespace zorgcap {

// A label built from up to four pieces, joined only when provenance is recorded, so the
// values-only mode of the model allocates nothing. Keys are never built: the model writes each
// key whole, so `git grep KEY src` finds the step that makes it.
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

// The one way the model makes numbers: `in` reads a parameter, `step` names the Value an
// expression of other Values computed. With a Results to record into, every step becomes a
// Quantity whose formula is that expression's tree. Without, only values are computed (same code,
// same arithmetic). The sampling path runs the tape made from a recorded run (model/tape.h).
class Calc {
 public:
  Calc(const Inputs& inputs, Results* record);

  Value in(std::string_view key);
  Value step(std::string_view key, Text label, Unit unit, const Value& expression);

  bool recording() const { return record_ != nullptr; }

 private:
  Value record(std::string_view key, Text label, Unit unit, const Value& expression);

  const Inputs& inputs_;
  Results* record_ = nullptr;
  NodeArena terms_;
  std::vector<const ExprTerm*> quantity_terms_;  // recording: the ref term of each quantity, by index
  std::unordered_map<std::string_view, int> input_ids_;  // recording: parameter key -> quantity index
};

}  // namespace zorgcap
