#include "core/rounding.h"

#include <algorithm>
#include <cmath>

namespace zorgcap {

double round_half_up(double x, int decimals) {
  double scale = std::pow(10.0, decimals);
  double y = std::fabs(x) * scale;
  double r = std::floor(y + 0.5 + 1e-9 * std::max(1.0, y));
  return std::copysign(r / scale, x);
}

}  // namespace zorgcap
