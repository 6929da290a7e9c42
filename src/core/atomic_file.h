#pragma once
#include <string>
#include <string_view>

namespace zorgcap {

// Writes `content` to `path` so that readers see the old file or the new one, never a part:
// the bytes go to a temporary file in the same folder, then are renamed over `path`. Throws
// std::runtime_error (naming the path and the system's reason) on failure, after removing the
// temporary file. A killed process leaves the old file. There is no fsync per file: a flush costs
// tens of milliseconds here and a batch writes thousands of files; the rename keeps readers safe
// from any failure of zorgcap itself (power loss may need a rerun).
void write_file_atomic(const std::string& path, std::string_view content);

// The suffix of zorgcap's temporary files, so a later run can clear ones a killed run left.
inline constexpr std::string_view kTempSuffix = ".zorgcap-tmp";

}  // namespace zorgcap
