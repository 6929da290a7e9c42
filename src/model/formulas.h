#pragma once
// Small arithmetic shared by the model parts, so each formula is written once.

namespace zorgcap::f {

inline double mul(double a, double b) { return a * b; }
inline double mul3(double a, double b, double c) { return a * b * c; }
inline double div(double a, double b) { return a / b; }
inline double add(double a, double b) { return a + b; }
inline double sub(double a, double b) { return a - b; }
inline double complement(double a) { return 1 - a; }
inline double mean(double a, double b) { return (a + b) / 2; }

}  // namespace zorgcap::f
