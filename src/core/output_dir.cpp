#include "core/output_dir.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <thread>

#include "core/atomic_file.h"
#include "core/read_file.h"

namespace zorgcap {
namespace fs = std::filesystem;
namespace {

// This process's staging folders, for clean-up on a signal.
struct Registry {
  std::mutex mutex;
  std::set<std::string> paths;
  bool shutting_down = false;
};

Registry& registry() {
  static Registry r;
  return r;
}

std::atomic<unsigned long> staging_counter{0};

bool is_real_dir(const fs::path& p) {
  std::error_code ec;
  return fs::symlink_status(p, ec).type() == fs::file_type::directory;
}

bool is_regular(const fs::path& p) {
  std::error_code ec;
  return fs::symlink_status(p, ec).type() == fs::file_type::regular;
}

// remove_all, retried: a worker may add a file to the folder while it is being removed (it can
// add no more once the folder is gone).
void remove_tree(const std::string& path) {
  std::error_code ec;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::remove_all(path, ec);
    if (fs::symlink_status(path, ec).type() == fs::file_type::not_found) return;
  }
}

void unregister(const std::string& path) {
  std::lock_guard<std::mutex> lock(registry().mutex);
  registry().paths.erase(path);
}

}  // namespace

bool is_marked_output(const std::string& dir) { return is_real_dir(dir) && is_regular(fs::path(dir) / kOutputMarker); }

Ownership folder_ownership(const std::string& parent, const std::string& name) {
  fs::path p = fs::path(parent) / name;
  std::error_code ec;
  auto type = fs::symlink_status(p, ec).type();
  if (type == fs::file_type::not_found) return Ownership::absent;
  if (type != fs::file_type::directory) return Ownership::foreign;
  if (is_regular(p / kOutputMarker)) return Ownership::ours;
  // Written before markers existed: zorgcap's own manifest names the scenario of the folder.
  fs::path manifest = p / "manifest.json";
  if (!is_regular(manifest)) return Ownership::foreign;
  std::string error;
  auto text = read_regular_file(manifest.string(), 16 * 1024 * 1024, error);
  if (!text) return Ownership::foreign;
  auto j = nlohmann::json::parse(*text, nullptr, false);
  if (j.is_object() && j.contains("zorgcap_version") && j.value("scenario", nlohmann::json()) == name)
    return Ownership::ours;
  return Ownership::foreign;
}

std::string new_staging_path(const std::string& parent, const std::string& name) {
  std::string path = (fs::path(parent) / ("." + name + "." + std::to_string(::getpid()) + "-" +
                                          std::to_string(++staging_counter) + std::string(kTempSuffix)))
                         .string();
  std::lock_guard<std::mutex> lock(registry().mutex);
  if (registry().shutting_down) throw ShuttingDown("the run was interrupted");
  registry().paths.insert(path);
  return path;
}

StagedDirectory::StagedDirectory(const std::string& parent, const std::string& name)
    : parent_(parent), name_(name), target_((fs::path(parent) / name).string()) {
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) throw std::runtime_error("cannot create " + parent + ": " + ec.message());
  staging_ = new_staging_path(parent, name);
  if (::mkdir(staging_.c_str(), 0755) != 0) {
    int err = errno;
    unregister(staging_);
    throw std::runtime_error("cannot create " + staging_ + ": " + std::strerror(err));
  }
  try {
    write_file_atomic(path_of(std::string(kOutputMarker)), kOutputMarkerText);
  } catch (...) {
    remove_tree(staging_);
    unregister(staging_);
    throw;
  }
}

StagedDirectory::~StagedDirectory() {
  remove_tree(staging_);  // not yet published, or now holding the previous outputs
  unregister(staging_);
}

std::string StagedDirectory::path_of(const std::string& file) const { return (fs::path(staging_) / file).string(); }

void StagedDirectory::publish() {
  std::lock_guard<std::mutex> lock(registry().mutex);
  if (registry().shutting_down) throw ShuttingDown("the run was interrupted");
  switch (folder_ownership(parent_, name_)) {
    case Ownership::foreign:
      throw ForeignFolder(target_ + " was not made by zorgcap (it holds no " + std::string(kOutputMarker) +
                          "), so it was left untouched; move it away or use another --out");
    case Ownership::ours:
      if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0)
        throw std::runtime_error("cannot replace " + target_ + ": " + std::strerror(errno));
      break;
    case Ownership::absent:
      if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE) != 0)
        throw std::runtime_error("cannot create " + target_ + ": " + std::strerror(errno));
      break;
  }
  published_ = true;
}

bool retire_output(const std::string& parent, const std::string& name) {
  std::string target = (fs::path(parent) / name).string();
  std::string retired;
  {
    std::lock_guard<std::mutex> lock(registry().mutex);
    if (registry().shutting_down || !is_marked_output(target)) return false;
    retired = (fs::path(parent) / ("." + name + "." + std::to_string(::getpid()) + "-" +
                                   std::to_string(++staging_counter) + std::string(kTempSuffix)))
                  .string();
    registry().paths.insert(retired);
    if (::renameat2(AT_FDCWD, target.c_str(), AT_FDCWD, retired.c_str(), RENAME_NOREPLACE) != 0) {
      registry().paths.erase(retired);
      return false;
    }
  }
  remove_tree(retired);
  unregister(retired);
  return true;
}

void remove_stale_temporaries(const std::string& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() <= kTempSuffix.size() ||
        name.compare(name.size() - kTempSuffix.size(), kTempSuffix.size(), kTempSuffix) != 0)
      continue;
    auto type = fs::symlink_status(it->path(), ec).type();
    // A staging folder is hidden; a temporary file sits beside the file it replaces (index.html).
    if ((type == fs::file_type::directory && name[0] == '.') || type == fs::file_type::regular) {
      std::error_code rm;
      fs::remove_all(it->path(), rm);
    }
  }
}

void remove_this_runs_temporaries() {
  Registry& r = registry();
  r.mutex.lock();  // never unlocked: the process exits next
  r.shutting_down = true;
  for (const std::string& p : r.paths) remove_tree(p);
}

std::unique_lock<std::mutex> hold_outputs() { return std::unique_lock<std::mutex>(registry().mutex); }

OutputLock::OutputLock(const std::string& out_dir, unsigned wait_seconds, std::ostream& err) {
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) throw std::runtime_error("cannot create " + out_dir + ": " + ec.message());
  path_ = (fs::path(out_dir) / kLockFile).string();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait_seconds);
  bool told = false;
  for (;;) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
    if (fd_ < 0) throw std::runtime_error("cannot open the lock file " + path_ + ": " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) {
      // The holder before us may have removed the lock file (release_and_remove) after we opened
      // it: then our lock is on a file nobody else sees, so open the path again.
      struct stat held {}, now {};
      if (::fstat(fd_, &held) == 0 && ::stat(path_.c_str(), &now) == 0 && held.st_ino == now.st_ino &&
          held.st_dev == now.st_dev)
        return;
      ::close(fd_);
      continue;
    }
    int e = errno;
    ::close(fd_);
    fd_ = -1;
    if (e == EINTR) continue;
    if (e != EWOULDBLOCK) throw std::runtime_error("cannot lock " + path_ + ": " + std::strerror(e));
    if (std::chrono::steady_clock::now() >= deadline)
      throw std::runtime_error("another zorgcap report is still writing to " + out_dir + "/ (it holds " + path_ +
                               "); gave up after waiting " + std::to_string(wait_seconds) + " s");
    if (!told) {
      err << "zorgcap: another zorgcap report is writing to " << out_dir << "/; waiting up to " << wait_seconds
          << " s for it to finish\n"
          << std::flush;
      told = true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

void OutputLock::release_and_remove() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // while still locked: a waiting run then opens the path afresh
  ::close(fd_);
  fd_ = -1;
}

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // closing drops the flock
}

}  // namespace zorgcap
