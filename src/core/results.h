#pragma once
#include <deque>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "core/quantity.h"

namespace zorgcap {

// Every Quantity of one evaluation: inputs and derived, with their provenance graph (each derived
// quantity's operands are keys of earlier quantities). Iteration order is by key.
class Results {
 public:
  // Adds a quantity; its key must be new and its operands must already exist.
  std::size_t add(Quantity q);
  // The same, for a caller that took the operands from this Results (so they exist).
  std::size_t add_with_known_operands(Quantity q);
  const Quantity* find(std::string_view key) const;
  const Quantity& at(std::string_view key) const;  // throws std::out_of_range
  std::size_t size() const { return quantities_.size(); }

  void reserve(std::size_t n);

  // In key order.
  template <class F>
  void for_each(F f) const {
    for (std::size_t i : sorted()) f(quantities_[i]);
  }
  // In creation order (operands before the quantities that use them).
  const std::deque<Quantity>& in_order() const { return quantities_; }
  const Quantity& by_index(std::size_t i) const { return quantities_[i]; }

 private:
  const std::vector<std::size_t>& sorted() const;

  std::deque<Quantity> quantities_;  // a deque: elements never move, so index_ can view their keys
  std::unordered_map<std::string_view, std::size_t> index_;
  mutable std::vector<std::size_t> sorted_;  // indices in key order, built on first use
};

}  // namespace zorgcap
