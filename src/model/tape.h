#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/expression.h"
#include "core/results.h"

namespace zorgcap {

// Both scenario values of a number on the tape, computed by one vector operation per instruction
// (each lane is IEEE arithmetic on its own, so equal to the two scalar operations of Value).
using MinMax = double __attribute__((vector_size(16)));

// The rekenmodel as a flat program over numbered slots, derived at run time from one recorded run
// of the model (the formula trees its Results hold), so the model's C++ code stays the one
// definition of every formula. Slots 0 … P−1 are the parameters (in Inputs::parameters order); the
// others hold constants and the values of operations. Each operation of the recorded trees is one
// instruction, done in the order and with the operands the model used: a run of the tape gives
// every derived quantity bit for bit the value the model computes, as long as the model is
// straight-line arithmetic on Values (no branch on a value; tests/model/tape_test.cpp checks it for
// perturbed parameters). Identical operations on the same slots are done once, and operations on
// constants are done when the tape is made.
class ModelTape {
 public:
  // `recorded`: a recorded run (evaluate), whose first `parameter_count` quantities are the inputs.
  ModelTape(const Results& recorded, std::size_t parameter_count);

  std::size_t parameter_count() const { return parameter_count_; }
  std::size_t slot_count() const { return constants_.size(); }
  // Derived quantities, in the recorded order: the slot that holds quantity parameter_count + i.
  std::size_t result_count() const { return result_slots_.size(); }
  std::size_t result_slot(std::size_t i) const { return result_slots_[i]; }
  std::size_t instruction_count() const { return instructions_.size(); }

  // The same tape with only the instructions these results depend on (same slots).
  ModelTape only(std::span<const std::size_t> results) const;

  // One operation of the model: slot `out` gets op(a, b) (a unary op reads only a).
  struct Operation {
    ExprNode::Op op;
    int decimals;
    std::uint32_t out, a, b;
  };

  // Slots for a run: the constants in place, parameters 0.
  std::vector<double> slots() const { return constants_; }
  std::vector<MinMax> minmax_slots() const;

  // One evaluation: with the parameters in slots [0, P), fills every result slot.
  void run(double* slots) const;
  void run(MinMax* slots) const;

 private:
  struct Instruction {
    std::uint32_t out, a, b;
  };
  // Consecutive instructions of one kind, run as one loop (no dispatch per instruction).
  struct Block {
    ExprNode::Op op;
    int decimals;
    std::uint32_t begin, end;
  };
  void schedule(const std::vector<Operation>& operations);
  template <class Lane>
  void execute(Lane* slots) const;

  ModelTape() = default;
  std::size_t parameter_count_ = 0;
  std::vector<double> constants_;  // every slot's initial value: 0, or a constant's value
  std::vector<std::size_t> result_slots_;
  std::vector<Instruction> instructions_;
  std::vector<Block> blocks_;
};

}  // namespace zorgcap
