#include "document/value_text.h"

#include <algorithm>
#include <cmath>

#include "core/number_format.h"
#include "document/wording.h"

namespace zorgcap {
namespace {

bool whole(double x) { return std::fabs(x - std::round(x)) <= 1e-9 * std::max(1.0, std::fabs(x)); }

double shown(const Quantity& q, double x) { return q.unit == Unit::aandeel ? x * 100 : x; }

}  // namespace

int reader_decimals(const Quantity& q) {
  double lo = shown(q, q.min), hi = shown(q, q.max);
  if (whole(lo) && whole(hi)) return 0;
  if (q.unit == Unit::aandeel) return 2;
  // Two decimals from 10 up (cents, hundredths of an fte or hour), four below (factors, ratios), so a
  // sum or product of the values shown gives the result shown.
  return std::max(std::fabs(lo), std::fabs(hi)) >= 10 ? 2 : 4;
}

std::string reader_value(const Quantity& q, double x) {
  std::string v = format_nl(shown(q, x), reader_decimals(q));
  switch (q.unit) {
    case Unit::aandeel: return v + "%";
    case Unit::euro: return "€ " + v;
    case Unit::euro_per_uur: return "€ " + v + " per uur";
    case Unit::euro_per_jaar: return "€ " + v + " per jaar";
    case Unit::factor:
    case Unit::aantal: return v;
    default: return v + " " + std::string(unit_name(q.unit));
  }
}

std::string describe_value(const Quantity& q) {
  if (q.single()) return reader_value(q, q.min);
  std::string out = reader_value(q, q.min) + " (" + wording::kMinScenario + ") – " + reader_value(q, q.max) + " (" +
                    wording::kMaxScenario + ")";
  if (q.min > q.max) out += std::string("; ") + wording::kSmallerInMax;
  return out;
}

}  // namespace zorgcap
