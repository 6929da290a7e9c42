#include "model/finite_check.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace zorgcap {
namespace {

bool finite(const Quantity& q) { return std::isfinite(q.min) && std::isfinite(q.max); }

std::string which_bound(const Quantity& q) {
  std::string bad = q.min == q.max            ? "its value"
                    : !std::isfinite(q.min) && !std::isfinite(q.max) ? "both scenarios"
                    : !std::isfinite(q.min) ? "the minimumscenario"
                                            : "the maximumscenario";
  double v = std::isfinite(q.min) ? q.max : q.min;
  return bad + " (" + (std::isnan(v) ? "not a number" : v > 0 ? "+infinity" : "-infinity") + ")";
}

// The input parameters `q` follows from, by key.
std::set<std::string> feeding_inputs(const Results& results, const Quantity& q) {
  std::set<std::string> inputs, seen;
  std::vector<const Quantity*> todo{&q};
  while (!todo.empty()) {
    const Quantity* cur = todo.back();
    todo.pop_back();
    if (!seen.insert(cur->key).second) continue;
    if (cur->is_input) {
      inputs.insert(cur->key);
      continue;
    }
    for (const std::string& op : cur->operands)
      if (const Quantity* o = results.find(op)) todo.push_back(o);
  }
  return inputs;
}

}  // namespace

void check_finite(const Results& results, const Inputs& inputs, Diagnostics& diags) {
  std::size_t following = 0;
  std::vector<const Quantity*> origins;
  for (const Quantity& q : results.in_order()) {
    if (q.is_input || finite(q)) continue;
    bool operands_finite = std::all_of(q.operands.begin(), q.operands.end(), [&](const std::string& k) {
      const Quantity* o = results.find(k);
      return !o || finite(*o);
    });
    if (operands_finite)
      origins.push_back(&q);
    else
      ++following;
  }
  // The first few origins are enough to find the input; the rest are counted.
  constexpr std::size_t kShown = 3;
  if (origins.size() > kShown) {
    following += origins.size() - kShown;
    origins.resize(kShown);
  }
  for (std::size_t i = 0; i < origins.size(); ++i) {
    const Quantity& q = *origins[i];
    std::vector<const Parameter*> feeding;
    for (const std::string& k : feeding_inputs(results, q))
      if (auto it = inputs.parameters.find(k); it != inputs.parameters.end()) feeding.push_back(&it->second);
    // The files read last first: a scenario's overrides are the likelier cause than the baseline.
    auto rank = [&](const Parameter* p) {
      auto it = std::find(inputs.files.begin(), inputs.files.end(), p->file);
      return it == inputs.files.end() ? std::ptrdiff_t{-1} : it - inputs.files.begin();
    };
    std::stable_sort(feeding.begin(), feeding.end(), [&](const Parameter* a, const Parameter* b) {
      return rank(a) != rank(b) ? rank(a) > rank(b) : a->where.line < b->where.line;
    });
    std::string message = "the quantity '" + q.key + "' (" + q.label + ") is not a finite number in " + which_bound(q) +
                          "; it follows from ";
    for (std::size_t f = 0; f < feeding.size(); ++f) {
      const Parameter& p = *feeding[f];
      message += (f ? ", " : "") + p.key + " (" + p.file + ":" + std::to_string(p.where.line) + ")";
    }
    if (feeding.empty()) message += "no input parameter";
    message += ": one of them is too large or too small for the model's arithmetic";
    if (i + 1 == origins.size() && following > 0)
      message += " (" + std::to_string(following) + " more quantities are not finite either)";
    if (feeding.empty())
      diags.error(inputs.files.empty() ? std::string() : inputs.files.front(), {}, q.key, message);
    else
      diags.error(feeding.front()->file, feeding.front()->where, feeding.front()->key, message);
  }
}

}  // namespace zorgcap
