#include "core/scale.h"

#include <gtest/gtest.h>

namespace zorgcap {
namespace {

TEST(Scale, FactorMultipliesAValueOntoItsPrintedScale) {
  EXPECT_EQ(scale_factor(Scale::number), 1);
  EXPECT_EQ(scale_factor(Scale::percent), 100);
  EXPECT_EQ(scale_factor(Scale::thousand), 1e-3);
  EXPECT_EQ(scale_factor(Scale::million), 1e-6);
}

}  // namespace
}  // namespace zorgcap
