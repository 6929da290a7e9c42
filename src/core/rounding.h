#pragma once

namespace zorgcap {

// Half-up rounding (halves away from zero) to `decimals` places, as the report rounds. A value a
// hair below a half through binary floating point (202112.49999999997 for 925 × 1748 × 0.125)
// counts as the half it stands for: the tolerance is 1e-9 of a unit, or 1e-15 relative for large
// values (a relative 1e-9 would round 807156480.2 up).
double round_half_up(double x, int decimals);

}  // namespace zorgcap
