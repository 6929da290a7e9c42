#include "model/tape.h"

#include <algorithm>
#include <bit>
#include <map>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "core/rounding.h"

namespace zorgcap {
namespace {

using Op = ExprNode::Op;

double round_lane(double x, int decimals) { return round_half_up(x, decimals); }
MinMax round_lane(MinMax x, int decimals) { return MinMax{round_half_up(x[0], decimals), round_half_up(x[1], decimals)}; }

// std::min and std::max, lane by lane: the first argument unless the second is strictly beyond it.
double min_lane(double a, double b) { return std::min(a, b); }
double max_lane(double a, double b) { return std::max(a, b); }
MinMax min_lane(MinMax a, MinMax b) { return b < a ? b : a; }
MinMax max_lane(MinMax a, MinMax b) { return a < b ? b : a; }

bool unary(Op op) { return op == Op::neg || op == Op::round; }

using Operation = ModelTape::Operation;

// Turns the recorded formula trees into operations over slots.
struct Builder {
  std::size_t parameter_count;
  std::vector<double> initial;         // per slot
  std::vector<bool> constant;          // per slot: holds a constant (never written by the tape)
  std::vector<Operation> operations;   // in the order the model computed them
  std::map<std::uint64_t, std::uint32_t> constants;  // by bit pattern
  std::map<std::tuple<Op, int, std::uint32_t, std::uint32_t>, std::uint32_t> made;

  std::uint32_t new_slot(double value, bool is_constant) {
    if (initial.size() >= UINT32_MAX) throw std::length_error("the model has too many values for its tape");
    initial.push_back(value);
    constant.push_back(is_constant);
    return static_cast<std::uint32_t>(initial.size() - 1);
  }

  std::uint32_t constant_slot(double v) {
    auto [it, fresh] = constants.try_emplace(std::bit_cast<std::uint64_t>(v), 0);
    if (fresh) it->second = new_slot(v, true);
    return it->second;
  }

  std::uint32_t operation(Op op, int decimals, std::uint32_t a, std::uint32_t b) {
    if (unary(op)) b = a;
    if (constant[a] && constant[b]) {  // the same arithmetic, done once now
      double x = initial[a], y = initial[b];
      switch (op) {
        case Op::add: return constant_slot(x + y);
        case Op::sub: return constant_slot(x - y);
        case Op::mul: return constant_slot(x * y);
        case Op::div: return constant_slot(x / y);
        case Op::neg: return constant_slot(-x);
        case Op::min: return constant_slot(min_lane(x, y));
        case Op::max: return constant_slot(max_lane(x, y));
        case Op::round: return constant_slot(round_lane(x, decimals));
        default: throw std::logic_error("not an operation");
      }
    }
    auto [it, fresh] = made.try_emplace({op, op == Op::round ? decimals : 0, a, b}, 0);
    if (fresh) {
      it->second = new_slot(0, false);
      operations.push_back({op, decimals, it->second, a, b});
    }
    return it->second;
  }

  // The slot of the subtree at e[at], in prefix order; `operands` are the slots of its refs.
  std::uint32_t tree(const Expr& e, std::size_t& at, const std::vector<std::uint32_t>& operands) {
    if (at >= e.size()) throw std::logic_error("truncated expression");
    const ExprNode& n = e[at++];
    switch (n.op) {
      case Op::ref: return operands.at(static_cast<std::size_t>(n.operand));
      case Op::constant: return constant_slot(n.value);
      default: break;
    }
    std::uint32_t a = tree(e, at, operands);
    std::uint32_t b = unary(n.op) ? a : tree(e, at, operands);
    return operation(n.op, n.decimals, a, b);
  }
};

}  // namespace

ModelTape::ModelTape(const Results& recorded, std::size_t parameter_count) : parameter_count_(parameter_count) {
  if (recorded.size() < parameter_count) throw std::logic_error("a recorded run has every parameter");
  Builder b{parameter_count, {}, {}, {}, {}, {}};
  std::unordered_map<std::string_view, std::uint32_t> slot_of;  // quantity key -> slot
  for (std::size_t i = 0; i < parameter_count; ++i) slot_of.emplace(recorded.by_index(i).key, b.new_slot(0, false));
  std::vector<std::uint32_t> operands;
  for (std::size_t i = parameter_count; i < recorded.size(); ++i) {
    const Quantity& q = recorded.by_index(i);
    operands.clear();
    for (const std::string& k : q.operands) operands.push_back(slot_of.at(k));
    std::size_t at = 0;
    std::uint32_t slot = b.tree(q.expr, at, operands);
    if (at != q.expr.size()) throw std::logic_error("expression has trailing nodes");
    slot_of.emplace(q.key, slot);
    result_slots_.push_back(slot);
  }
  constants_ = std::move(b.initial);
  schedule(b.operations);
}

ModelTape ModelTape::only(std::span<const std::size_t> results) const {
  std::vector<bool> needed(slot_count(), false);
  for (std::size_t r : results) needed[result_slots_.at(r)] = true;
  std::vector<Operation> kept;
  for (std::size_t k = blocks_.size(); k-- > 0;) {
    const Block& block = blocks_[k];
    for (std::uint32_t i = block.end; i-- > block.begin;) {
      const Instruction& in = instructions_[i];
      if (!needed[in.out]) continue;
      needed[in.a] = needed[in.b] = true;
      kept.push_back({block.op, block.decimals, in.out, in.a, in.b});
    }
  }
  std::reverse(kept.begin(), kept.end());
  ModelTape t;
  t.parameter_count_ = parameter_count_;
  t.constants_ = constants_;
  t.result_slots_ = result_slots_;
  t.schedule(kept);
  return t;
}

// Orders the operations (given in an order where each comes after those it reads) into as few
// blocks of one kind as it can: each block takes every ready operation of the kind that has the
// most, and the ones that become ready by it. Any order after its operands gives the same values.
void ModelTape::schedule(const std::vector<Operation>& operations) {
  using Kind = std::pair<Op, int>;
  auto kind = [](const Operation& o) { return Kind{o.op, o.op == Op::round ? o.decimals : 0}; };
  std::vector<std::int32_t> writer(slot_count(), -1);  // the operation that writes a slot
  for (std::size_t i = 0; i < operations.size(); ++i) writer[operations[i].out] = static_cast<std::int32_t>(i);
  std::vector<int> waiting(operations.size(), 0);  // operands not yet computed
  std::vector<std::vector<std::uint32_t>> readers(operations.size());
  for (std::size_t i = 0; i < operations.size(); ++i) {
    const Operation& o = operations[i];
    std::uint32_t reads[] = {o.a, o.b};
    for (std::uint32_t s : std::span(reads, o.a == o.b ? 1 : 2))
      if (writer[s] >= 0) {
        ++waiting[i];
        readers[static_cast<std::size_t>(writer[s])].push_back(static_cast<std::uint32_t>(i));
      }
  }
  std::map<Kind, std::vector<std::uint32_t>> ready;
  for (std::size_t i = 0; i < operations.size(); ++i)
    if (waiting[i] == 0) ready[kind(operations[i])].push_back(static_cast<std::uint32_t>(i));
  instructions_.clear();
  blocks_.clear();
  while (instructions_.size() < operations.size()) {
    auto most = std::max_element(ready.begin(), ready.end(),
                                 [](const auto& x, const auto& y) { return x.second.size() < y.second.size(); });
    Kind k = most->first;
    std::vector<std::uint32_t> work = std::move(most->second);
    ready.erase(most);
    Block block{k.first, k.second, static_cast<std::uint32_t>(instructions_.size()), 0};
    for (std::size_t w = 0; w < work.size(); ++w) {
      const Operation& o = operations[work[w]];
      instructions_.push_back({o.out, o.a, o.b});
      for (std::uint32_t r : readers[work[w]])
        if (--waiting[r] == 0) {
          if (kind(operations[r]) == k)
            work.push_back(r);
          else
            ready[kind(operations[r])].push_back(r);
        }
    }
    block.end = static_cast<std::uint32_t>(instructions_.size());
    blocks_.push_back(block);
  }
}

std::vector<MinMax> ModelTape::minmax_slots() const {
  std::vector<MinMax> s(constants_.size());
  for (std::size_t i = 0; i < s.size(); ++i) s[i] = MinMax{constants_[i], constants_[i]};
  return s;
}

template <class Lane>
void ModelTape::execute(Lane* s) const {
  const Instruction* code = instructions_.data();
  for (const Block& k : blocks_) {
    const Instruction* i = code + k.begin;
    const Instruction* end = code + k.end;
    switch (k.op) {
      case Op::add: for (; i != end; ++i) s[i->out] = s[i->a] + s[i->b]; break;
      case Op::sub: for (; i != end; ++i) s[i->out] = s[i->a] - s[i->b]; break;
      case Op::mul: for (; i != end; ++i) s[i->out] = s[i->a] * s[i->b]; break;
      case Op::div: for (; i != end; ++i) s[i->out] = s[i->a] / s[i->b]; break;
      case Op::neg: for (; i != end; ++i) s[i->out] = -s[i->a]; break;
      case Op::min: for (; i != end; ++i) s[i->out] = min_lane(s[i->a], s[i->b]); break;
      case Op::max: for (; i != end; ++i) s[i->out] = max_lane(s[i->a], s[i->b]); break;
      case Op::round: for (; i != end; ++i) s[i->out] = round_lane(s[i->a], k.decimals); break;
      case Op::ref:
      case Op::constant: break;  // no instructions: slots
    }
  }
}

void ModelTape::run(double* slots) const { execute(slots); }
void ModelTape::run(MinMax* slots) const { execute(slots); }

}  // namespace zorgcap
