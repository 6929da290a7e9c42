#pragma once

namespace zorgcap {

// Half-up rounding (halves away from zero) to `decimals` places, as the report rounds. A value a
// hair below a half through binary floating point (202112.49999999997 for 925 × 1748 × 0.125)
// counts as the half it stands for: the tolerance is 1e-9 relative.
double round_half_up(double x, int decimals);

}  // namespace zorgcap
