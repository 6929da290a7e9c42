#pragma once
#include <span>
#include <string_view>

#include "core/unit.h"

namespace zorgcap {

// What values a parameter may take; checked when inputs are loaded so the model can trust them.
enum class Domain {
  share,           // 0 <= x <= 1
  share_below_one, // 0 <= x < 1 (used as 1 / (1 - x))
  share_positive,  // 0 < x <= 1 (used as a divisor)
  nonnegative,     // x >= 0
  positive,        // x > 0 (used as a divisor)
};

struct ParameterSpec {
  std::string_view key;
  Unit unit;
  Domain domain;
};

// The schema of the inputs: every parameter the rekenmodel reads, with its unit and domain.
// inputs/baseline.yaml must define exactly these; the model trusts the values it is given.
std::span<const ParameterSpec> parameter_specs();
const ParameterSpec* find_parameter_spec(std::string_view key);
std::string_view domain_description(Domain d);

// The largest value a parameter of unit `u` can realistically have (168 hours in a week, 24 in a
// shift, more people than live in the Netherlands …). A value above it is a typing error, and
// one far above it would overflow the model's arithmetic.
double realistic_ceiling(Unit u);
// A domain as bounds: at least `lower` (above it when `lower_open`) and, when `bounded_above`, at
// most `upper` (below it when `upper_open`).
struct DomainBounds {
  double lower = 0;
  bool lower_open = false;
  bool bounded_above = false;
  double upper = 0;
  bool upper_open = false;
};
DomainBounds domain_limits(Domain d);
bool in_domain(double v, Domain d);
// Every value a parameter may take when it is loaded: its domain, capped by realistic_ceiling.
DomainBounds parameter_limits(const ParameterSpec& spec);

}  // namespace zorgcap
