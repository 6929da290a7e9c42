#pragma once
#include "core/results.h"
#include "inputs/diagnostics.h"
#include "inputs/inputs.h"

namespace zorgcap {

// Every derived quantity must be a finite number in both scenarios: the inputs' domains allow
// values (two tiny divisors whose product underflows to 0) whose arithmetic breaks. For each
// quantity that is not finite while all its operands are (where it starts; the first three in model
// order), one error at the input that feeds it from the file read last (a scenario's override
// before the baseline), naming the quantity and every input it follows from, with their file:line.
// The other quantities that are not finite are counted, not repeated.
void check_finite(const Results& results, const Inputs& inputs, Diagnostics& diags);

}  // namespace zorgcap
