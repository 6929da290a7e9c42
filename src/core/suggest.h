#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace zorgcap {

// The candidate closest to `word` by edit distance, if close enough to be a likely typo; else "".
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace zorgcap
