#include "core/rounding.h"

#include <algorithm>
#include <cmath>

namespace zorgcap {

namespace {

// 10^0 … 10^22 are exact doubles, so these equal std::pow(10, n), without its cost on the sampling
// path (the model rounds in many steps).
constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

double power_of_ten(int n) {
  return n >= 0 && n <= 22 ? kPowersOfTen[n] : std::pow(10.0, n);
}

}  // namespace

double round_half_up(double x, int decimals) {
  double scale = power_of_ten(decimals);
  double y = std::fabs(x) * scale;
  // From 2^52 units on, a double has no fraction left to round.
  if (y >= 4503599627370496.0) return x;
  // A value a computation left just below a half (0,285 × 100 = 28,499999999999996) still rounds up.
  // The allowance is a billionth of a unit, or for large values a few units in the last place of
  // the double (1e-15 relative): a relative billionth would round 807.156.480,2 up.
  double r = std::floor(y + 0.5 + std::max(1e-9, 1e-15 * y));
  return std::copysign(r / scale, x);
}

}  // namespace zorgcap
