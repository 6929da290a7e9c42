// Every key the model makes is written whole in its source, so `git grep KEY src/model` finds the
// step that makes it (a key assembled from pieces would not be found).
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace zorgcap {
namespace {

TEST(ModelKeys, EveryDerivedKeyIsALiteralInTheModelSource) {
  std::string source;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() + "/src/model"))
    if (entry.path().extension() == ".cpp") source += test::read_file(entry.path().string());
  ASSERT_FALSE(source.empty());
  int derived = 0;
  test::baseline_results().for_each([&](const Quantity& q) {
    if (q.is_input) return;
    ++derived;
    EXPECT_NE(source.find("\"" + q.key + "\""), std::string::npos) << q.key << " is not written whole in src/model";
  });
  EXPECT_GT(derived, 200);
}

}  // namespace
}  // namespace zorgcap
