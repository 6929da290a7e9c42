// Which cells are one number with only unit text around it (a spreadsheet's number cells).
#include "document/unit_number.h"

#include <gtest/gtest.h>

namespace zorgcap {
namespace {

BuiltRun text(std::string t) {
  BuiltRun r;
  r.text = std::move(t);
  return r;
}
BuiltRun number(std::string t) {
  BuiltRun r = text(t);
  r.is_number = true;
  r.number.text = std::move(t);
  return r;
}
BuiltCell cell(std::vector<BuiltRun> runs) {
  BuiltCell c;
  c.runs = std::move(runs);
  return c;
}

TEST(UnitNumber, ANumberWithItsUnit) {
  // The result points into the cell, so the cell must outlive it.
  const BuiltCell amount = cell({text("€ "), number("286,44"), text(" miljoen")});
  auto u = unit_number(amount);
  ASSERT_TRUE(u);
  EXPECT_EQ(u->number->text, "286,44");
  EXPECT_EQ(u->prefix, "€ ");
  EXPECT_EQ(u->suffix, " miljoen");
  EXPECT_TRUE(unit_number(cell({number("19"), text("%")})));
  EXPECT_TRUE(unit_number(cell({number("1,27"), text(" miljoen uren")})));
  EXPECT_TRUE(unit_number(cell({number("9.842")})));
}

TEST(UnitNumber, AnythingElseIsText) {
  EXPECT_FALSE(unit_number(cell({number("1.917"), text("-"), number("3.833"), text(" fte")})));
  EXPECT_FALSE(unit_number(cell({text("ca. "), number("5")})));
  EXPECT_FALSE(unit_number(cell({number("5"), text(" (2020)")})));
  EXPECT_FALSE(unit_number(cell({number("5"), text(" huisartsen met inzet")})));
  EXPECT_FALSE(unit_number(cell({number("5"), text(" fte %")})));
  EXPECT_FALSE(unit_number(cell({text("Onderzoek Nivel (2020)")})));
}

}  // namespace
}  // namespace zorgcap
