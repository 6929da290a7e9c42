#include "model/finite_check.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace zorgcap {
namespace {

Quantity input(const std::string& key, double v) {
  Quantity q;
  q.key = key;
  q.label = key;
  q.min = q.max = v;
  q.is_input = true;
  return q;
}

Quantity derived(const std::string& key, double min, double max, std::vector<std::string> operands) {
  Quantity q;
  q.key = key;
  q.label = "label of " + key;
  q.min = min;
  q.max = max;
  q.operands = std::move(operands);
  return q;
}

TEST(FiniteCheck, NamesWhereTheOverflowStartsAndTheInputsFromTheScenarioFirst) {
  const double inf = std::numeric_limits<double>::infinity();
  Results r;
  r.add(input("a", 1));
  r.add(input("b", 0));
  r.add(input("c", 2));
  r.add(derived("ratio", 1, inf, {"a", "b"}));       // a ÷ b: where it starts, in the maximumscenario
  r.add(derived("scaled", 2, inf, {"ratio", "c"}));  // follows from it: counted only
  r.add(derived("fine", 3, 3, {"c"}));
  Inputs in;
  in.files = {"inputs/baseline.yaml", "inputs/scenarios/s.yaml"};
  in.parameters["a"] = Parameter{"a", "a", Unit::factor, 1, 1, false, "x", "", "inputs/baseline.yaml", {10, 3}};
  in.parameters["b"] = Parameter{"b", "b", Unit::factor, 0, 0, false, "x", "", "inputs/scenarios/s.yaml", {5, 3}};
  in.parameters["c"] = Parameter{"c", "c", Unit::factor, 2, 2, false, "x", "", "inputs/baseline.yaml", {12, 3}};
  Diagnostics d;
  check_finite(r, in, d);
  ASSERT_EQ(d.size(), 1u);
  const Diagnostic& e = d.items()[0];
  EXPECT_EQ(e.file, "inputs/scenarios/s.yaml");
  EXPECT_EQ(e.where.line, 5);
  EXPECT_EQ(e.key, "b");
  EXPECT_NE(e.message.find("'ratio' (label of ratio) is not a finite number in the maximumscenario (+infinity)"),
            std::string::npos)
      << e.message;
  EXPECT_NE(e.message.find("b (inputs/scenarios/s.yaml:5), a (inputs/baseline.yaml:10)"), std::string::npos) << e.message;
  EXPECT_EQ(e.message.find("c (inputs"), std::string::npos) << "c does not feed ratio";
  EXPECT_NE(e.message.find("1 more quantities are not finite either"), std::string::npos) << e.message;
}

TEST(FiniteCheck, FiniteResultsPass) {
  Results r;
  r.add(input("a", 1));
  r.add(derived("d", 1, 2, {"a"}));
  Inputs in;
  Diagnostics d;
  check_finite(r, in, d);
  EXPECT_TRUE(d.empty());
  r.add(derived("nan", std::nan(""), 1, {"a"}));
  check_finite(r, in, d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d.items()[0].message.find("in the minimumscenario (not a number)"), std::string::npos) << d.items()[0].message;
}

}  // namespace
}  // namespace zorgcap
