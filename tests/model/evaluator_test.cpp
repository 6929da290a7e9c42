// The sampling path (values only, replayed parameter reads) gives exactly the values of the
// recorded path for the same inputs.
#include "model/evaluator.h"

#include <gtest/gtest.h>

#include <random>

#include "model/model.h"
#include "test_support.h"

namespace zorgcap {
namespace {

void expect_same(ModelEvaluator& e, const Results& r, std::size_t n_inputs) {
  for (std::size_t i = n_inputs; i < r.size(); ++i) {
    const Quantity& q = r.by_index(i);
    Value v = e.result(e.result_index(q.key));
    ASSERT_EQ(v.min, q.min) << q.key;
    ASSERT_EQ(v.max, q.max) << q.key;
  }
}

TEST(ModelEvaluator, GivesTheRecordedValuesForTheBaseline) {
  ModelEvaluator e(test::baseline_inputs());
  e.run();
  expect_same(e, test::baseline_results(), test::baseline_inputs().parameters.size());
}

TEST(ModelEvaluator, GivesTheRecordedValuesForChangedParameters) {
  std::mt19937_64 rng(7);
  ModelEvaluator e(test::baseline_inputs());
  for (int trial = 0; trial < 20; ++trial) {
    Inputs changed = test::baseline_inputs();
    std::size_t i = 0;
    for (auto& [key, p] : changed.parameters) {
      std::uniform_real_distribution<double> u(0.8, 1.2);
      p.min *= u(rng);
      p.max = std::max(p.min, p.max * u(rng));
      e.set_parameter(i++, p.min, p.max);
    }
    e.run();
    expect_same(e, evaluate(changed), changed.parameters.size());
  }
}

TEST(ModelEvaluator, RejectsUnknownKeys) {
  ModelEvaluator e(test::baseline_inputs());
  EXPECT_THROW(e.result_index("huisartsen.fte"), std::out_of_range);  // a parameter, not a result
  EXPECT_THROW(e.parameter_index("bestaat.niet"), std::out_of_range);
  EXPECT_EQ(e.parameter(e.parameter_index("huisartsen.fte")).min, 9842);
}

}  // namespace
}  // namespace zorgcap
