#pragma once
// The scale a number is printed on: as is, in percent, in thousands or in millions.

namespace zorgcap {

enum class Scale { number, percent, thousand, million };

// What a value is multiplied by to print it on `s`: 0.19 is 19 in percent, 3.35e6 is 3.35 million.
constexpr double scale_factor(Scale s) {
  switch (s) {
    case Scale::number: return 1;
    case Scale::percent: return 100;
    case Scale::thousand: return 1e-3;
    case Scale::million: return 1e-6;
  }
  return 1;
}

}  // namespace zorgcap
