// The tape is the recorded model made flat: a run of it must give every derived quantity exactly
// (bit for bit, also for -0, infinities and NaN) the value the model computes through Calc.
#include "model/tape.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <random>

#include "model/calc.h"
#include "model/model.h"
#include "test_support.h"

namespace zorgcap {
namespace {

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

std::vector<MinMax> minmax_parameters(const ModelTape& t, const Inputs& in) {
  std::vector<MinMax> s = t.minmax_slots();
  std::size_t i = 0;
  for (const auto& [key, p] : in.parameters) s[i++] = MinMax{p.min, p.max};
  return s;
}

// Every derived quantity of `in`: both lanes of one MinMax run, and each scenario alone on a
// one-value run, against the recorded model.
void expect_tape_equals_model(const Inputs& in, const std::string& trial) {
  Results recorded = evaluate(in);
  std::size_t n = in.parameters.size();
  ModelTape tape(recorded, n);
  ASSERT_EQ(tape.result_count(), recorded.size() - n);

  std::vector<MinMax> both = minmax_parameters(tape, in);
  tape.run(both.data());
  std::vector<double> low = tape.slots(), high = tape.slots();
  std::size_t i = 0;
  for (const auto& [key, p] : in.parameters) {
    low[i] = p.min;
    high[i++] = p.max;
  }
  tape.run(low.data());
  tape.run(high.data());
  for (std::size_t r = 0; r < tape.result_count(); ++r) {
    const Quantity& q = recorded.by_index(n + r);
    std::size_t s = tape.result_slot(r);
    ASSERT_TRUE(same_bits(both[s][0], q.min)) << trial << ": " << q.key << " min " << both[s][0] << " vs " << q.min;
    ASSERT_TRUE(same_bits(both[s][1], q.max)) << trial << ": " << q.key << " max " << both[s][1] << " vs " << q.max;
    ASSERT_TRUE(same_bits(low[s], q.min)) << trial << ": " << q.key << " (one value) " << low[s] << " vs " << q.min;
    ASSERT_TRUE(same_bits(high[s], q.max)) << trial << ": " << q.key << " (one value) " << high[s] << " vs " << q.max;
  }
}

TEST(ModelTape, GivesTheModelsValuesForTheBaselineBitForBit) {
  expect_tape_equals_model(test::baseline_inputs(), "baseline");
}

TEST(ModelTape, GivesTheModelsValuesForRandomlyPerturbedParametersBitForBit) {
  std::mt19937_64 rng(20240601);
  std::uniform_real_distribution<double> factor(0.5, 1.5);
  for (int trial = 0; trial < 40; ++trial) {
    Inputs changed = test::baseline_inputs();
    for (auto& [key, p] : changed.parameters) {
      p.min *= factor(rng);
      p.max *= factor(rng);  // min > max too: the tape does not care which is which
    }
    expect_tape_equals_model(changed, "trial " + std::to_string(trial));
  }
}

TEST(ModelTape, GivesTheModelsValuesWhereTheArithmeticBreaks) {
  // Zeros, negatives and huge values: divisions by zero, infinities, NaN, −0.
  std::mt19937_64 rng(13);
  const double odd[] = {0.0, -0.0, -1.0, 1e300, -1e-300, 0.5};
  for (int trial = 0; trial < 20; ++trial) {
    Inputs changed = test::baseline_inputs();
    for (auto& [key, p] : changed.parameters) {
      if (rng() % 4 == 0) p.min = odd[rng() % 6];
      if (rng() % 4 == 0) p.max = odd[rng() % 6];
    }
    expect_tape_equals_model(changed, "odd trial " + std::to_string(trial));
  }
}

TEST(ModelTape, ACutTapeComputesItsResultsWithFewerInstructions) {
  const Inputs& in = test::baseline_inputs();
  Results recorded = evaluate(in);
  std::size_t n = in.parameters.size();
  ModelTape full(recorded, n);
  std::vector<std::size_t> wanted;
  for (std::size_t r = 0; r < full.result_count(); ++r)
    if (recorded.by_index(n + r).key.starts_with("doelmatigheid.")) wanted.push_back(r);
  ASSERT_FALSE(wanted.empty());
  ModelTape cut = full.only(wanted);
  EXPECT_LT(cut.instruction_count(), full.instruction_count());
  EXPECT_GT(cut.instruction_count(), 0u);
  std::vector<double> slots = cut.slots();
  std::size_t i = 0;
  for (const auto& [key, p] : in.parameters) slots[i++] = p.max;
  cut.run(slots.data());
  for (std::size_t r : wanted) {
    const Quantity& q = recorded.by_index(n + r);
    EXPECT_TRUE(same_bits(slots[cut.result_slot(r)], q.max)) << q.key;
  }
}

Inputs two_inputs() {
  Inputs in;
  in.sources["s"] = Source{"s", "Bron S", "Referentie", "", {}};
  in.parameters["a"] = Parameter{"a", "A", Unit::fte, 10, 20, true, "s", "", "x.yaml", {}};
  in.parameters["b"] = Parameter{"b", "B", Unit::factor, 3, 4, true, "s", "", "x.yaml", {}};
  return in;
}

TEST(ModelTape, DoesAnOperationTheFormulasShareOnceAndConstantsWhenItIsMade) {
  Inputs in = two_inputs();
  Results r;
  Calc c(in, &r);
  Value a = c.in("a"), b = c.in("b");
  Value ab = a * b;  // not a step: both formulas below hold a copy of this subtree
  c.step("c", "C", Unit::fte, ab + a);
  c.step("d", "D", Unit::fte, ab - a);
  c.step("e", "E", Unit::fte, round(b / Constant{10, "jaar"}, 0));  // 3/10 → 0 and 4/10 → 0
  c.step("f", "F", Unit::fte, a);  // a step that is its parameter
  ModelTape t(r, 2);
  EXPECT_EQ(t.instruction_count(), 5u);  // a × b once, + and −, b ÷ 10 and its rounding
  std::vector<MinMax> s = t.minmax_slots();
  s[0] = MinMax{10, 20};
  s[1] = MinMax{3, 4};
  t.run(s.data());
  EXPECT_EQ(s[t.result_slot(0)][0], 40);   // 10 × 3 + 10
  EXPECT_EQ(s[t.result_slot(0)][1], 100);  // 20 × 4 + 20
  EXPECT_EQ(s[t.result_slot(1)][0], 20);
  EXPECT_EQ(s[t.result_slot(1)][1], 60);
  EXPECT_EQ(s[t.result_slot(2)][0], 0);
  EXPECT_EQ(s[t.result_slot(3)][1], 20);
  EXPECT_EQ(t.result_slot(3), 0u);  // no copy: the parameter's own slot
}

TEST(ModelTape, FoldsOperationsOnConstantsWithTheSameArithmetic) {
  // g = a × ⌊1 ÷ 3⌉₂ as a formula tree: the rounding and division of constants are done when the
  // tape is made, so the tape holds one instruction.
  Results r;
  Quantity a;
  a.key = "a";
  a.is_input = true;
  r.add(a);
  Quantity g;
  g.key = "g";
  auto node = [](ExprNode::Op op, int args, double value = 0, int operand = -1, int decimals = 0) {
    ExprNode n;
    n.op = op;
    n.args = args;
    n.value = value;
    n.operand = operand;
    n.decimals = decimals;
    return n;
  };
  using Op = ExprNode::Op;
  g.expr = {node(Op::mul, 2), node(Op::ref, 0, 0, 0), node(Op::round, 1, 0, -1, 2), node(Op::div, 2),
            node(Op::constant, 0, 1), node(Op::constant, 0, 3)};
  g.operands = {"a"};
  r.add(g);
  ModelTape t(r, 1);
  EXPECT_EQ(t.instruction_count(), 1u);
  std::vector<double> s = t.slots();
  s[0] = 300;
  t.run(s.data());
  EXPECT_TRUE(same_bits(s[t.result_slot(0)], 300 * 0.33));
  EXPECT_TRUE(same_bits(s[t.result_slot(0)], evaluate_expr(g.expr, [](int) { return 300.0; })));
}

}  // namespace
}  // namespace zorgcap
