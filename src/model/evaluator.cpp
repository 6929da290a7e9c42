#include "model/evaluator.h"

#include <stdexcept>

#include "model/model.h"

namespace zorgcap {

// One recorded run names the steps and gives the tape: its derived quantities come in step order
// after the inputs.
ModelEvaluator::ModelEvaluator(const Inputs& inputs) : ModelEvaluator(inputs, evaluate(inputs)) {}

ModelEvaluator::ModelEvaluator(const Inputs& inputs, const Results& recorded)
    : inputs_(inputs), tape_(recorded, inputs.parameters.size()), slots_(tape_.minmax_slots()) {
  std::size_t n_inputs = inputs.parameters.size();
  for (std::size_t i = n_inputs; i < recorded.size(); ++i) result_index_.emplace(recorded.by_index(i).key, i - n_inputs);
  reset_parameters();
  run();
}

std::size_t ModelEvaluator::parameter_index(std::string_view key) const {
  auto it = inputs_.parameters.find(key);
  if (it == inputs_.parameters.end()) throw std::out_of_range("no parameter " + std::string(key));
  return static_cast<std::size_t>(std::distance(inputs_.parameters.begin(), it));
}

void ModelEvaluator::reset_parameters() {
  std::size_t i = 0;
  for (const auto& [key, p] : inputs_.parameters) set_parameter(i++, p.min, p.max);
}

std::size_t ModelEvaluator::result_index(std::string_view key) const {
  auto it = result_index_.find(std::string(key));
  if (it == result_index_.end()) throw std::out_of_range("no derived quantity " + std::string(key));
  return it->second;
}

}  // namespace zorgcap
