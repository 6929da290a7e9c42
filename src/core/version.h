#pragma once

namespace zorgcap {

// The zorgcap version ("0.1.0") and the git commit the binary was built from ("" outside a git
// checkout). Defined in a file the build generates (cmake/version.cmake), so a new commit
// recompiles that one file only.
const char* version();
const char* git_commit();

}  // namespace zorgcap
