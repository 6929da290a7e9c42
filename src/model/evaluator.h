#pragma once
#include <string_view>
#include <unordered_map>
#include <vector>

#include "inputs/inputs.h"
#include "model/tape.h"
#include "model/value.h"

namespace zorgcap {

// Runs the model many times with changed parameter values and no provenance: the sampling path of
// sensitivity and Monte Carlo analyses. It runs the model's tape (model/tape.h), made from one
// recorded run, so its values equal those of `evaluate` for the same parameters, bit for bit.
class ModelEvaluator {
 public:
  explicit ModelEvaluator(const Inputs& inputs);
  ModelEvaluator(const ModelEvaluator&) = delete;
  ModelEvaluator& operator=(const ModelEvaluator&) = delete;

  // Parameters, in the order of Inputs::parameters (by key).
  std::size_t parameter_count() const { return tape_.parameter_count(); }
  std::size_t parameter_index(std::string_view key) const;  // throws std::out_of_range
  Value parameter(std::size_t i) const { return {slots_[i][0], slots_[i][1], nullptr}; }
  void set_parameter(std::size_t i, double min, double max) { slots_[i] = MinMax{min, max}; }
  void reset_parameters();  // back to the inputs' values

  // Both scenario values of every derived quantity.
  void run() { tape_.run(slots_.data()); }

  // A derived quantity's position among the results of `run` (throws std::out_of_range for an
  // unknown key or a parameter) and its value after the last run.
  std::size_t result_index(std::string_view key) const;
  Value result(std::size_t i) const {
    const MinMax& v = slots_[tape_.result_slot(i)];
    return {v[0], v[1], nullptr};
  }

  const ModelTape& tape() const { return tape_; }

 private:
  ModelEvaluator(const Inputs& inputs, const Results& recorded);

  const Inputs& inputs_;
  ModelTape tape_;
  std::vector<MinMax> slots_;
  std::unordered_map<std::string, std::size_t> result_index_;
};

}  // namespace zorgcap
