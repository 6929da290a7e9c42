#include "document/value_text.h"

#include <cmath>

#include "core/number_format.h"

namespace zorgcap {
namespace {

int decimals_for(double x) {
  double a = std::fabs(x);
  if (a >= 1000 || x == std::round(x)) return 0;
  if (a >= 10) return 2;
  return 4;
}

std::string one(double x, Unit u) {
  if (u == Unit::aandeel) {
    double pct = x * 100;
    return format_nl(pct, pct == std::round(pct) ? 0 : 2) + "%";
  }
  return format_nl(x, decimals_for(x));
}

}  // namespace

std::string describe_value(const Quantity& q) {
  std::string unit = q.unit == Unit::aandeel ? "" : " " + std::string(unit_name(q.unit));
  if (q.single()) return one(q.min, q.unit) + unit;
  return one(q.min, q.unit) + " (min) – " + one(q.max, q.unit) + " (max)" + unit;
}

}  // namespace zorgcap
