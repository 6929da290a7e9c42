#pragma once
#include <string_view>
#include <unordered_map>
#include <vector>

#include "inputs/inputs.h"
#include "model/calc.h"

namespace zorgcap {

// Runs the model many times with changed parameter values and no provenance: the sampling path of
// sensitivity and Monte Carlo analyses. Values equal those of `evaluate` for the same parameters.
class ModelEvaluator {
 public:
  explicit ModelEvaluator(const Inputs& inputs);
  ModelEvaluator(const ModelEvaluator&) = delete;
  ModelEvaluator& operator=(const ModelEvaluator&) = delete;

  // Parameters, in the order of Inputs::parameters (by key).
  std::size_t parameter_count() const { return parameters_.size(); }
  std::size_t parameter_index(std::string_view key) const;  // throws std::out_of_range
  Value& parameter(std::size_t i) { return parameters_[i]; }
  const Value& parameter(std::size_t i) const { return parameters_[i]; }
  void reset_parameters();  // back to the inputs' values

  void run();

  // A derived quantity's position among the results of `run` (throws std::out_of_range for an
  // unknown key or a parameter) and its value after the last run.
  std::size_t result_index(std::string_view key) const;
  const Value& result(std::size_t i) const { return steps_[i]; }

 private:
  const Inputs& inputs_;
  std::vector<Value> parameters_;
  std::vector<Value> steps_;
  Calc calc_;
  std::unordered_map<std::string, std::size_t> result_index_;
};

}  // namespace zorgcap
