#include "core/number_format.h"

#include <gtest/gtest.h>

#include "core/rounding.h"

namespace zorgcap {

TEST(RoundHalfUp, RoundsHalvesAwayFromZero) {
  EXPECT_EQ(round_half_up(2.5, 0), 3);
  EXPECT_EQ(round_half_up(-2.5, 0), -3);
  EXPECT_EQ(round_half_up(2.49, 0), 2);
  EXPECT_DOUBLE_EQ(round_half_up(0.664, 2), 0.66);
}

TEST(RoundHalfUp, TreatsAHalfBlurredByBinaryArithmeticAsAHalf) {
  // 925 × 1748 × (0.08 + 0.0275 + 0.0025 + 0.015) lands a hair below 202112.5 in doubles.
  double share = 0.08 + 0.0275 + 0.0025 + 0.015;
  EXPECT_EQ(round_half_up(925 * 1748.0 * share, 0), 202113);
  EXPECT_EQ(round_half_up(share * 100, 0), 13);
}

TEST(RoundHalfUp, RoundsToTensAndToManyDecimals) {
  // Hand-computed: negative decimals round to tens and hundreds; 10^0 … 10^22 are all exact.
  EXPECT_EQ(round_half_up(1234.5, -1), 1230);
  EXPECT_EQ(round_half_up(1250, -2), 1300);
  EXPECT_DOUBLE_EQ(round_half_up(0.123456789, 8), 0.12345679);
  EXPECT_EQ(round_half_up(1e-22 * 3, 22), 3e-22);
  EXPECT_DOUBLE_EQ(round_half_up(2.5e-23, 23), 3e-23);  // beyond 10^22: std::pow
}

TEST(FormatNl, UsesDutchSeparators) {
  EXPECT_EQ(format_nl(9842, 0), "9.842");
  EXPECT_EQ(format_nl(19.395, 2), "19,40");
  EXPECT_EQ(format_nl(1031.2, 2), "1.031,20");
  EXPECT_EQ(format_nl(-23.921, 2), "-23,92");
  EXPECT_EQ(format_nl(207054, 0), "207.054");
  EXPECT_EQ(format_nl(0.4, 0), "0");
  EXPECT_EQ(format_nl(-0.4, 0), "0");
  EXPECT_EQ(format_nl(1234567.891, 1), "1.234.567,9");
}

}  // namespace zorgcap

namespace zorgcap {
namespace {

// Numbers beyond 2^63 units (a hostile input can make a product that large) print their exact
// digits instead of a wrapped-around 64-bit count: 1e19 and 2.5e20 are exact doubles.
TEST(FormatNl, NumbersBeyondSixtyFourBitsPrintTheirDigits) {
  EXPECT_EQ(format_nl(1e19, 0), "10.000.000.000.000.000.000");
  EXPECT_EQ(format_nl(-2.5e20, 2), "-250.000.000.000.000.000.000,00");
  EXPECT_EQ(format_nl(1e18, 2), "1.000.000.000.000.000.000,00");  // 1e20 hundredths: past 2^63 too
  EXPECT_EQ(format_nl(9.0e17, 0), "900.000.000.000.000.000");     // still counted in 64 bits
  EXPECT_EQ(format_nl(1e300, 0).size(), 301u + 100u);             // 301 digits and 100 dots
}

}  // namespace
}  // namespace zorgcap
