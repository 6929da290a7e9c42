#include "core/number_format.h"

#include <cmath>
#include <cstdio>

#include "core/rounding.h"

namespace zorgcap {

std::string format_nl(double x, int decimals) {
  if (!std::isfinite(x)) return std::isnan(x) ? "n.b." : (x > 0 ? "∞" : "-∞");
  double r = round_half_up(x, decimals);
  double scaled = std::fabs(r) * std::pow(10.0, decimals);
  unsigned long long units = 0, frac = 0;
  std::string digits;
  if (scaled < 9.0e18) {
    units = static_cast<unsigned long long>(std::llround(scaled));
    unsigned long long div = 1;
    for (int i = 0; i < decimals; ++i) div *= 10;
    digits = std::to_string(units / div);
    frac = units % div;
  } else {
    // Beyond a 64-bit count of units (llround would overflow): a double that large is an integer,
    // and printf writes its exact digits.
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.0f", std::fabs(r));
    digits = buf;
    units = 1;
  }
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += '.';
    grouped += digits[i];
  }
  std::string out = (units != 0 && r < 0) ? "-" + grouped : grouped;
  if (decimals > 0) {
    std::string f = std::to_string(frac);
    out += ',' + std::string(static_cast<std::size_t>(decimals) - f.size(), '0') + f;
  }
  return out;
}

}  // namespace zorgcap
