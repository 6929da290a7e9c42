#include "model/evaluator.h"

#include <stdexcept>

#include "model/model.h"

namespace zorgcap {

ModelEvaluator::ModelEvaluator(const Inputs& inputs) : inputs_(inputs), calc_(inputs, &parameters_, &steps_) {
  reset_parameters();
  // One recorded run names the steps: its derived quantities come in step order after the inputs.
  Results recorded = evaluate(inputs);
  std::size_t n_inputs = inputs.parameters.size();
  for (std::size_t i = n_inputs; i < recorded.size(); ++i) result_index_.emplace(recorded.by_index(i).key, i - n_inputs);
  steps_.reserve(result_index_.size());
  run();  // learns the parameter tape
}

std::size_t ModelEvaluator::parameter_index(std::string_view key) const {
  auto it = inputs_.parameters.find(key);
  if (it == inputs_.parameters.end()) throw std::out_of_range("no parameter " + std::string(key));
  return static_cast<std::size_t>(std::distance(inputs_.parameters.begin(), it));
}

void ModelEvaluator::reset_parameters() {
  parameters_.clear();
  for (const auto& [key, p] : inputs_.parameters) parameters_.push_back({p.min, p.max, nullptr});
}

void ModelEvaluator::run() {
  calc_.rewind();
  run_model(calc_);
}

std::size_t ModelEvaluator::result_index(std::string_view key) const {
  auto it = result_index_.find(std::string(key));
  if (it == result_index_.end()) throw std::out_of_range("no derived quantity " + std::string(key));
  return it->second;
}

}  // namespace zorgcap
