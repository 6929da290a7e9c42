#include "cli/shipped_files.h"

#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace zorgcap {
namespace fs = std::filesystem;

std::string shipped_folder(const std::string& name) {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) throw std::runtime_error("cannot find zorgcap's own binary (/proc/self/exe): " + ec.message());
  fs::path dir = exe.parent_path();
  const fs::path candidates[] = {dir / "share" / "zorgcap" / name, dir.parent_path() / "share" / "zorgcap" / name};
  for (const fs::path& c : candidates)
    if (fs::is_directory(c, ec)) return c.string();
  throw std::runtime_error("cannot find the " + name + " zorgcap ships: looked in " + candidates[0].string() +
                           " and " + candidates[1].string() + " (install with 'make install', or pass --" + name +
                           " DIR)");
}

}  // namespace zorgcap
