#include "core/number_format.h"

#include <cmath>

#include "core/rounding.h"

namespace zorgcap {

std::string format_nl(double x, int decimals) {
  if (!std::isfinite(x)) return std::isnan(x) ? "n.b." : (x > 0 ? "∞" : "-∞");
  double r = round_half_up(x, decimals);
  double scaled = std::fabs(r) * std::pow(10.0, decimals);
  auto units = static_cast<unsigned long long>(std::llround(scaled));
  unsigned long long div = 1;
  for (int i = 0; i < decimals; ++i) div *= 10;
  unsigned long long whole = units / div, frac = units % div;

  std::string digits = std::to_string(whole);
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
