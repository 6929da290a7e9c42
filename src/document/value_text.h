#pragma once
#include <string>

#include "core/quantity.h"

namespace zorgcap {

// A quantity's value(s) for a reader, not as a table prints them: enough decimals to follow a
// calculation ("1.916,56 fte"), shares as percentages, and "min – max" for a range.
std::string describe_value(const Quantity& q);

}  // namespace zorgcap
