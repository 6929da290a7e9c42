// The provenance graph must tell the truth: if changing an input moves a quantity, that input is
// among the quantity's ancestors in the graph (otherwise a reader is shown a wrong derivation).
#include <gtest/gtest.h>

#include <set>

#include "model/model.h"
#include "test_support.h"

namespace zorgcap {
namespace {

TEST(Provenance, EveryInputThatMovesAQuantityIsAmongItsAncestors) {
  const Inputs& base = test::baseline_inputs();
  const Results& before = test::baseline_results();
  std::map<std::string, std::set<std::string>> anc;
  before.for_each([&](const Quantity& q) { anc[q.key] = test::ancestors(before, q.key); });
  int moved = 0;
  for (const auto& [key, p] : base.parameters) {
    Inputs changed = base;
    Parameter& c = changed.parameters.at(key);
    c.min = c.min == 0 ? 0.1 : c.min * 1.1;
    c.max = c.max == 0 ? 0.1 : c.max * 1.1;
    Results after = evaluate(changed);
    after.for_each([&](const Quantity& q) {
      if (q.is_input) return;
      const Quantity& b = before.at(q.key);
      if (q.min == b.min && q.max == b.max) return;
      ++moved;
      EXPECT_TRUE(anc[q.key].count(key)) << q.key << " moves when " << key << " changes, but its provenance does not list it";
    });
  }
  EXPECT_GT(moved, 1000);  // the perturbations really moved things
}

TEST(Provenance, OperandsComeBeforeTheQuantitiesThatUseThem) {
  const Results& r = test::baseline_results();
  std::set<std::string> defined;
  for (const Quantity& q : r.in_order()) {
    for (const std::string& op : q.operands) EXPECT_TRUE(defined.count(op)) << q.key << " uses " << op;
    defined.insert(q.key);
  }
}

TEST(Provenance, EveryDerivedQuantityHasAFormulaNamingAllItsOperands) {
  test::baseline_results().for_each([](const Quantity& q) {
    if (q.is_input) {
      EXPECT_FALSE(q.source.empty()) << q.key;
      return;
    }
    ASSERT_FALSE(q.operands.empty()) << q.key;
    for (std::size_t i = 0; i < q.operands.size(); ++i)
      EXPECT_NE(q.formula.find("{" + std::to_string(i) + "}"), std::string::npos) << q.key << " formula " << q.formula;
  });
}

TEST(Provenance, EveryParameterIsUsedByTheModel) {
  std::set<std::string> used;
  test::baseline_results().for_each([&](const Quantity& q) { used.insert(q.operands.begin(), q.operands.end()); });
  for (const auto& [key, p] : test::baseline_inputs().parameters) {
    // Echo-only inputs: Table 11 prints the MS's whole time split, but only the polikliniek part
    // can be taken over (Table 12), so the other parts enter no formula.
    if (key.rfind("heelkunde.ms.tijd.", 0) == 0 && key != "heelkunde.ms.tijd.polikliniek") continue;
    EXPECT_TRUE(used.count(key)) << key << " is read by no formula";
  }
}

}  // namespace
}  // namespace zorgcap
