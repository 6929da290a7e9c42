#pragma once
#include <optional>
#include <string>

#include "document/document.h"

namespace zorgcap {

// A cell that is one number with at most unit text around it: before it at most a "€", after it
// an optional "%" then at most two words of letters ("fte", "miljoen uren"); spaces anywhere
// between. A spreadsheet can hold such a cell as a number, its unit text in the number format.
struct UnitNumber {
  const BuiltRun* number = nullptr;  // the number's run, in the cell
  std::string prefix, suffix;        // the text before and after it
};
std::optional<UnitNumber> unit_number(const BuiltCell& cell);

}  // namespace zorgcap
