#pragma once
#include <string>

#include "core/quantity.h"

namespace zorgcap {

// The decimals a reader needs to recompute with a quantity's values by hand: the same for its min
// and max (and so in every provenance entry that shows it). Shares count in percent.
int reader_decimals(const Quantity& q);

// One value of `q` for a reader, with its unit: "1.916,56 fte", "19,47%", "€ 57.114,35 per jaar".
std::string reader_value(const Quantity& q, double x);

// A quantity's value(s) for a reader, not as a table prints them: "1.916,56 fte" for one value, and
// "… (minimumscenario) – … (maximumscenario)" for a range, saying so when the smaller value
// belongs to the maximum scenario.
std::string describe_value(const Quantity& q);

}  // namespace zorgcap
