#pragma once
#include <string>

namespace zorgcap {

// The folders zorgcap ships with its binary: `templates` and `fonts`, in `share/zorgcap/` beside
// the binary (a build folder) or one level up (an installation: PREFIX/bin/zorgcap and
// PREFIX/share/zorgcap/). Found from the binary's own path, never from the current directory, so
// a report can be made from anywhere.
// Returns the folder, or throws std::runtime_error naming the places looked in.
std::string shipped_folder(const std::string& name);

}  // namespace zorgcap
