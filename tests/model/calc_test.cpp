#include "model/calc.h"

#include <gtest/gtest.h>

namespace zorgcap {
namespace {

Inputs two_inputs() {
  Inputs in;
  in.sources["s"] = Source{"s", "Bron S", "Referentie", "", {}};
  Parameter a{"a", "Aantal A", Unit::fte, 10, 20, true, "s", "", "x.yaml", {}};
  Parameter b{"b", "Factor B", Unit::factor, 3, 3, false, "s", "", "x.yaml", {}};
  in.parameters["a"] = a;
  in.parameters["b"] = b;
  return in;
}

TEST(Calc, AStepRecordsItsFormulaOperandsAndBothScenarioValues) {
  Inputs in = two_inputs();
  Results r;
  Calc c(in, &r);
  Value v = c.step("c", "Product", Unit::fte, c.in("a") * c.in("b"));
  EXPECT_EQ(v.min, 30);
  EXPECT_EQ(v.max, 60);
  const Quantity& q = r.at("c");
  EXPECT_FALSE(q.is_input);
  EXPECT_EQ(q.formula, "{0} × {1}");
  EXPECT_EQ(q.operands, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(render_formula(q, [&](const std::string& k) { return r.at(k).label; }), "Aantal A × Factor B");
  EXPECT_TRUE(r.at("a").is_input);
  EXPECT_EQ(r.at("a").source, "s");
}

TEST(Calc, WithoutRecordingComputesTheSameValues) {
  Inputs in = two_inputs();
  Calc c(in, nullptr);
  Value v = c.step("c", "Product", Unit::fte, c.in("a") * c.in("b"));
  EXPECT_EQ(v.min, 30);
  EXPECT_EQ(v.max, 60);
  EXPECT_EQ(v.term, nullptr);
}

TEST(Calc, TheExpressionIsTheRecordedTree) {
  Inputs in = two_inputs();
  Results r;
  Calc c(in, &r);
  Value a = c.in("a"), b = c.in("b");
  c.step("c", "Iets", Unit::fte, round((a + b) / (1 - b) * a, 1) / Constant{10, "jaar"});
  const Quantity& q = r.at("c");
  EXPECT_EQ(q.formula, "⌊({0} + {1}) ÷ (1 − {1}) × {0}⌉ ÷ 10 jaar (afgerond op 1 decimaal)");
  EXPECT_EQ(q.operands, (std::vector<std::string>{"a", "b"}));
  // add(a, b) ÷ sub(1, b) × a, rounded, ÷ 10: the tree in prefix order.
  std::vector<std::string> ops;
  for (const ExprNode& n : q.expr) ops.push_back(op_name(n.op));
  EXPECT_EQ(ops, (std::vector<std::string>{"div", "round", "mul", "div", "add", "ref", "ref", "sub", "const", "ref", "ref",
                                           "const"}));
  EXPECT_EQ(q.expr.back().unit, "jaar");
  // (10 + 3) ÷ (1 − 3) × 10 = −65, rounded −65, ÷ 10 = −6.5; max: (20 + 3) ÷ −2 × 20 = −230 → −23.
  EXPECT_EQ(q.min, -6.5);
  EXPECT_EQ(q.max, -23);
}

TEST(Calc, ReadingAMissingParameterIsAnError) {
  Inputs in = two_inputs();
  Calc c(in, nullptr);
  EXPECT_THROW(c.in("bestaat.niet"), std::logic_error);
}

TEST(Results, RejectsADuplicateKeyAndAnUnknownOperand) {
  Results r;
  Quantity a;
  a.key = "a";
  r.add(a);
  EXPECT_THROW(r.add(a), std::logic_error);
  Quantity b;
  b.key = "b";
  b.operands = {"zz"};
  EXPECT_THROW(r.add(b), std::logic_error);
}

}  // namespace
}  // namespace zorgcap
