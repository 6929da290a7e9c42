#pragma once
#include <mutex>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace zorgcap {

// The file zorgcap writes into every scenario folder it makes (into the staging folder, before the
// swap). zorgcap replaces, removes, reads and indexes only folders that hold it: a folder of the
// user's that happens to have a scenario's name is never touched.
inline constexpr std::string_view kOutputMarker = ".zorgcap-output";
inline constexpr std::string_view kOutputMarkerText =
    "This folder was written by zorgcap report and is replaced as a whole by the next run.\n";

// The lock file in OUT that keeps two runs from writing into the same OUT at once.
inline constexpr std::string_view kLockFile = ".zorgcap.lock";

// Who made `<parent>/<name>`, judged without following a symlink:
// - absent: nothing there;
// - ours: a real folder holding the marker file, or (from before markers) a folder holding a
//   manifest.json whose "scenario" is `name` and that has a "zorgcap_version";
// - foreign: anything else (a file, a symlink, a user's folder).
enum class Ownership { absent, ours, foreign };
Ownership folder_ownership(const std::string& parent, const std::string& name);

// Only a real folder with the marker file (what this version writes): for listing and removing.
bool is_marked_output(const std::string& dir);

// Thrown when a scenario's folder in OUT was not made by zorgcap.
struct ForeignFolder : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Thrown when the run is shutting down (SIGTERM, SIGINT) and no new staging folder may be made.
struct ShuttingDown : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A scenario's output folder is replaced as a whole: its files are written into a staging folder
// next to it, then the staging folder is swapped in with one atomic rename (renameat2 with
// RENAME_EXCHANGE when the target exists). A reader sees the old set of files or the new set.
// Staging names are unique per process and call: `<parent>/.<name>.<pid>-<n>.zorgcap-tmp`. Every
// staging folder is registered, so that remove_this_runs_temporaries() can clear them on a signal.
class StagedDirectory {
 public:
  // Creates the staging folder (and `parent`) with the marker file in it; throws
  // std::runtime_error, or ShuttingDown after remove_this_runs_temporaries().
  StagedDirectory(const std::string& parent, const std::string& name);
  ~StagedDirectory();  // removes the staging folder if it was not published
  StagedDirectory(const StagedDirectory&) = delete;
  StagedDirectory& operator=(const StagedDirectory&) = delete;

  std::string path_of(const std::string& file) const;  // where to write `file` in the staging folder
  // Swaps the staging folder in for `<parent>/<name>`. Throws ForeignFolder (and leaves it
  // untouched) if that is not a folder zorgcap made; std::runtime_error on an I/O failure.
  void publish();

 private:
  std::string parent_, name_, staging_, target_;
  bool published_ = false;
};

// A unique staging name in `parent` for `name`, registered for clean-up: `.<name>.<pid>-<n>.zorgcap-tmp`.
std::string new_staging_path(const std::string& parent, const std::string& name);

// Removes `<parent>/<name>` if it is a folder zorgcap marked: renamed to a registered staging
// name first (one atomic step), then deleted, so a kill mid-way leaves no half folder that still
// looks published. Returns false (and does nothing) for a folder zorgcap did not mark.
bool retire_output(const std::string& parent, const std::string& name);

// Removes staging folders (`.*.zorgcap-tmp`) and temporary files (`*.zorgcap-tmp`) that a killed
// run left in `dir`. Call it only while holding the OutputLock: then no other run is using them.
void remove_stale_temporaries(const std::string& dir);

// For a signal: removes every staging folder and registered temporary file of this process and
// makes later StagedDirectory constructors throw ShuttingDown. It keeps the registry locked on
// return, so no publish can start; the caller exits the process next (_exit).
void remove_this_runs_temporaries();

// Holds the registry while the caller writes a file in OUT (index.html), so that a signal's
// clean-up runs before or after it, never while its temporary file exists.
std::unique_lock<std::mutex> hold_outputs();

// An advisory lock (flock) on OUT/.zorgcap.lock, held for the whole run; the kernel drops it when
// the process ends, however it ends. A second run on the same OUT waits for the first, with one
// message on `err`, for up to `wait_seconds` (0: not at all), then throws std::runtime_error.
class OutputLock {
 public:
  OutputLock(const std::string& out_dir, unsigned wait_seconds, std::ostream& err);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  // Removes the lock file and drops the lock: for a run that leaves OUT as it found it (absent).
  void release_and_remove();

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace zorgcap
