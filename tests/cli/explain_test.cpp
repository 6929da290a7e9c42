#include "cli/explain.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace zorgcap {
namespace {

TEST(Explain, ShowsTheDerivationDownToTheSources) {
  std::string text = explain(test::baseline_results(), test::baseline_inputs(), "huisarts.vs.netto_fte");
  EXPECT_EQ(text.rfind("huisarts.vs.netto_fte — Netto vrijgekomen fte huisarts (VS) = 1.916,60 fte (minimumscenario) – "
                        "3.833,20 fte (maximumscenario)\n", 0), 0u)
      << text;
  EXPECT_NE(text.find("= Netto vrijgekomen uren huisarts (VS) ÷ Uren per fte per jaar"), std::string::npos);
  EXPECT_NE(text.find("huisartsen.fte — Aantal fte huisartsen = 9.842 fte"), std::string::npos);
  EXPECT_NE(text.find("bron: Onderzoek Nivel (2020)"), std::string::npos);
  EXPECT_NE(text.find("weken_per_jaar"), std::string::npos);  // reached through uren_per_fte
}

TEST(Explain, WorksForEveryQuantity) {
  test::baseline_results().for_each([](const Quantity& q) {
    std::string text = explain(test::baseline_results(), test::baseline_inputs(), q.key);
    EXPECT_EQ(text.rfind(q.key + " — ", 0), 0u) << q.key;
    EXPECT_NE(text.find("bron: "), std::string::npos) << q.key << " does not reach a source";
  });
}

}  // namespace
}  // namespace zorgcap
