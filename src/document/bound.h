#pragma once
#include <string_view>

namespace zorgcap {

// Which of a quantity's values a printed number is: its only value, or its value in the report's
// minimum or maximum scenario.
enum class Bound { single, min, max };

// "" for single, "min", "max": the spelling of templates (`KEY@min`) and of tables.json keys.
constexpr std::string_view bound_name(Bound b) { return b == Bound::min ? "min" : b == Bound::max ? "max" : ""; }

}  // namespace zorgcap
