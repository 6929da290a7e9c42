#include "core/output_dir.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "core/atomic_file.h"

namespace zorgcap {
namespace fs = std::filesystem;

StagedDirectory::StagedDirectory(const std::string& parent, const std::string& name)
    : staging_((fs::path(parent) / ("." + name + std::string(kTempSuffix))).string()),
      target_((fs::path(parent) / name).string()) {
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) throw std::runtime_error("cannot create " + parent + ": " + ec.message());
  fs::remove_all(staging_, ec);
  if (!fs::create_directory(staging_, ec) || ec)
    throw std::runtime_error("cannot create " + staging_ + ": " + (ec ? ec.message() : "exists"));
}

StagedDirectory::~StagedDirectory() {
  if (published_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

std::string StagedDirectory::path_of(const std::string& file) const { return (fs::path(staging_) / file).string(); }

void StagedDirectory::publish() {
  std::error_code ec;
  if (fs::exists(target_, ec)) {
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0)
      throw std::runtime_error("cannot replace " + target_ + ": " + std::strerror(errno));
    published_ = true;
    fs::remove_all(staging_, ec);  // now holds the previous outputs
  } else {
    if (std::rename(staging_.c_str(), target_.c_str()) != 0)
      throw std::runtime_error("cannot create " + target_ + ": " + std::strerror(errno));
    published_ = true;
  }
}

void remove_stale_temporaries(const std::string& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.size() > kTempSuffix.size() && name.compare(name.size() - kTempSuffix.size(), kTempSuffix.size(), kTempSuffix) == 0)
      fs::remove_all(entry.path(), ec);
  }
}

}  // namespace zorgcap
