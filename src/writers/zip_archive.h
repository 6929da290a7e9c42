#pragma once
#include <string>
#include <utility>
#include <vector>

namespace zorgcap {

// A zip archive (libzip, deflate) holding `entries` (name → content) in the order given, as bytes.
// Deterministic: every entry is dated 1980-01-01 00:00 (the first date a zip can hold) whatever
// the clock and the time zone, and carries no extra fields. Throws std::runtime_error when libzip
// fails.
std::string zip_archive(const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace zorgcap
