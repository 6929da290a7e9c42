#pragma once
#include <map>
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
  const Quantity* find(std::string_view key) const;
  const Quantity& at(std::string_view key) const;  // throws std::out_of_range
  std::size_t size() const { return quantities_.size(); }

  // In key order.
  template <class F>
  void for_each(F f) const {
    for (const auto& [key, index] : index_) f(quantities_[index]);
  }
  // In creation order (operands before the quantities that use them).
  const std::vector<Quantity>& in_order() const { return quantities_; }
  const Quantity& by_index(std::size_t i) const { return quantities_[i]; }

 private:
  std::vector<Quantity> quantities_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

}  // namespace zorgcap
