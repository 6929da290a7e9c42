#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/scale.h"

namespace zorgcap {

// How a template prints a number: a scale and a number of decimals (`n0`, `pct1`, `mln2`, `dzd0`).
struct NumberFormat {
  using Scale = zorgcap::Scale;
  Scale scale = Scale::number;
  int decimals = 0;

  double factor() const;
  std::string apply(double value) const;  // "19,39", "19" (for 0.19 as pct0), "3,35" (mln2)
  std::string spec() const;               // back to "pct0" etc.
};

std::optional<NumberFormat> parse_number_format(std::string_view spec);

}  // namespace zorgcap
