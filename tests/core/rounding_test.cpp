// Half-up rounding: a hair below a half (binary floating point) counts as the half, and nothing
// further below it does, however large the value.
#include "core/rounding.h"

#include <gtest/gtest.h>

namespace zorgcap {
namespace {

TEST(RoundHalfUp, AHalfLeftJustBelowByTheArithmeticRoundsUp) {
  // 925 × 1748 × 0,125 = 202.112,5 exactly; in doubles it comes out a hair below.
  EXPECT_EQ(round_half_up(925 * 1748 * 0.125, 0), 202113);
  EXPECT_EQ(round_half_up(0.285 * 100, 0), 29);  // 28,499999999999996
  EXPECT_EQ(round_half_up(-2.5, 0), -3);          // halves away from zero
  EXPECT_EQ(round_half_up(2.4999, 0), 2);
}

TEST(RoundHalfUp, LargeValuesRoundToTheNearest) {
  // Hours of casus 1a: 6.881.526,40 uren stays ,40 (it printed ,41 when the allowance was a
  // relative billionth: 0,69 of a cent here).
  EXPECT_DOUBLE_EQ(round_half_up(6881526.4, 2), 6881526.40);
  EXPECT_EQ(round_half_up(807156480.2, 0), 807156480);
  EXPECT_EQ(round_half_up(807156480.5, 0), 807156481);
  EXPECT_EQ(round_half_up(1422129000.0, 2), 1422129000.0);
  EXPECT_EQ(round_half_up(1e10, 0), 1e10);
}

}  // namespace
}  // namespace zorgcap
