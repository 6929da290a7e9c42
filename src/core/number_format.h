#pragma once
#include <string>

namespace zorgcap {

// A number as the report prints it (nl-NL): half-up to `decimals`, '.' between thousands and ','
// before the decimals: 9842 → "9.842", 19.395 → "19,40" (2 decimals), -23.921 → "-23,92".
std::string format_nl(double x, int decimals);

}  // namespace zorgcap
