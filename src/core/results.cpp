#include "core/results.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace zorgcap {

std::size_t Results::add(Quantity q) {
  for (const std::string& op : q.operands)
    if (!index_.count(op)) throw std::logic_error("quantity " + q.key + " uses unknown operand " + op);
  return add_with_known_operands(std::move(q));
}

std::size_t Results::add_with_known_operands(Quantity q) {
  std::size_t i = quantities_.size();
  if (index_.count(q.key)) throw std::logic_error("quantity defined twice: " + q.key);
  quantities_.push_back(std::move(q));
  index_.emplace(quantities_.back().key, i);
  sorted_.clear();
  return i;
}

void Results::reserve(std::size_t n) { index_.reserve(n); }

const std::vector<std::size_t>& Results::sorted() const {
  if (sorted_.size() != quantities_.size()) {
    sorted_.resize(quantities_.size());
    std::iota(sorted_.begin(), sorted_.end(), std::size_t{0});
    std::sort(sorted_.begin(), sorted_.end(),
              [&](std::size_t a, std::size_t b) { return quantities_[a].key < quantities_[b].key; });
  }
  return sorted_;
}

const Quantity* Results::find(std::string_view key) const {
  auto it = index_.find(key);
  return it == index_.end() ? nullptr : &quantities_[it->second];
}

const Quantity& Results::at(std::string_view key) const {
  if (const Quantity* q = find(key)) return *q;
  throw std::out_of_range("no quantity " + std::string(key));
}

}  // namespace zorgcap
