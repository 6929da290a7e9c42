#include "model/calc.h"

#include <stdexcept>

namespace zorgcap {

Calc::Calc(const Inputs& inputs, Results* record) : inputs_(inputs), record_(record) {
  if (!record_) return;
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
    input_ids_.emplace(key, static_cast<int>(record_->add(std::move(q))));
  }
}

Value Calc::in(std::string_view key) const {
  auto it = inputs_.parameters.find(key);
  if (it == inputs_.parameters.end())
    throw std::logic_error("model reads parameter '" + std::string(key) + "', which the inputs lack");
  int id = -1;
  if (record_) id = input_ids_.find(key)->second;
  return {it->second.min, it->second.max, id};
}

int Calc::add(Text key, Text label, Unit unit, std::string_view formula, std::initializer_list<int> operand_ids,
              double min, double max) {
  Quantity q;
  q.key = key.str();
  q.label = label.str();
  q.unit = unit;
  q.min = min;
  q.max = max;
  q.formula = std::string(formula);
  for (int id : operand_ids) q.operands.push_back(record_->by_index(static_cast<std::size_t>(id)).key);
  return static_cast<int>(record_->add(std::move(q)));
}

}  // namespace zorgcap
