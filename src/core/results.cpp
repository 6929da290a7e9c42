#include "core/results.h"

#include <stdexcept>

namespace zorgcap {

std::size_t Results::add(Quantity q) {
  if (index_.count(q.key)) throw std::logic_error("quantity defined twice: " + q.key);
  for (const std::string& op : q.operands)
    if (!index_.count(op)) throw std::logic_error("quantity " + q.key + " uses unknown operand " + op);
  std::size_t i = quantities_.size();
  index_.emplace(q.key, i);
  quantities_.push_back(std::move(q));
  return i;
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
