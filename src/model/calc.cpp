#include "model/calc.h"

#include <stdexcept>

namespace zorgcap {

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
    input_ids_.emplace(key, static_cast<int>(record_->add(std::move(q))));
  }
}

Calc::Calc(const Inputs& inputs, const std::vector<Value>* parameters, std::vector<Value>* steps)
    : inputs_(inputs), parameters_(parameters), steps_(steps) {}

void Calc::rewind() {
  if (!tape_.empty() || cursor_ > 0) learned_ = true;
  cursor_ = 0;
  if (steps_) steps_->clear();
}

Value Calc::in(Text text) {
  if (parameters_ && learned_) {
    if (cursor_ >= tape_.size()) throw std::logic_error("the model read more parameters than on its first run");
    return (*parameters_)[static_cast<std::size_t>(tape_[cursor_++])];
  }
  const std::string key = text.str();
  if (parameters_) {
    auto it = inputs_.parameters.find(key);
    if (it == inputs_.parameters.end())
      throw std::logic_error("model reads parameter '" + key + "', which the inputs lack");
    int index = static_cast<int>(std::distance(inputs_.parameters.begin(), it));
    tape_.push_back(index);
    ++cursor_;
    return (*parameters_)[static_cast<std::size_t>(index)];
  }
  if (record_) {
    auto id = input_ids_.find(key);
    if (id != input_ids_.end()) {
      const Quantity& q = record_->by_index(static_cast<std::size_t>(id->second));
      return {q.min, q.max, id->second};
    }
  } else if (auto it = inputs_.parameters.find(key); it != inputs_.parameters.end()) {
    return {it->second.min, it->second.max, -1};
  }
  throw std::logic_error("model reads parameter '" + std::string(key) + "', which the inputs lack");
}

int Calc::add(Text key, Text label, Unit unit, std::string_view formula, std::initializer_list<int> operand_ids,
              double min, double max) {
  Quantity q;
  q.key = key.str();
  q.label = label.str();
  q.unit = unit;
  q.min = min;
  q.max = max;
  q.formula = formula;
  q.operands.reserve(operand_ids.size());
  for (int id : operand_ids) q.operands.push_back(record_->by_index(static_cast<std::size_t>(id)).key);
  return static_cast<int>(record_->add_with_known_operands(std::move(q)));
}

}  // namespace zorgcap
