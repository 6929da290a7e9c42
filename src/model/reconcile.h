#pragma once
#include <string>
#include <vector>

#include "core/results.h"
#include "inputs/published.h"

namespace zorgcap {

enum class Agreement {
  reproduced,   // zorgcap's value, rounded as printed, is the printed number
  erratum,      // the report contradicts itself here; zorgcap gives the documented consistent value
  deviation,    // neither: a number zorgcap cannot account for
  unmapped,     // no quantity assigned yet
};

struct Reconciled {
  const PublishedNumber* number;
  double computed = 0;          // in the printed unit, unrounded
  double computed_rounded = 0;  // rounded half-up to the printed decimals (an erratum's: expected_decimals)
  Agreement agreement = Agreement::unmapped;
};

struct Reconciliation {
  std::vector<Reconciled> rows;
  int reproduced = 0, errata = 0, deviations = 0, unmapped = 0;
};

// The computed value of a published number: its quantity's min or max, in the printed unit.
double computed_value(const Results& results, const PublishedNumber& p);

Reconciliation reconcile(const Results& results, const std::vector<PublishedNumber>& published);

}  // namespace zorgcap
