#pragma once
#include <string>

namespace zorgcap {

// A scenario's output folder is replaced as a whole: its files are written into a staging folder
// next to it, then the staging folder is swapped in with one atomic rename (renameat2 with
// RENAME_EXCHANGE when the target exists). A reader sees the old set of files or the new set.
class StagedDirectory {
 public:
  // Creates `<parent>/.<name>.zorgcap-tmp` (removing one a killed run left behind).
  StagedDirectory(const std::string& parent, const std::string& name);
  ~StagedDirectory();  // removes the staging folder if it was not published
  StagedDirectory(const StagedDirectory&) = delete;
  StagedDirectory& operator=(const StagedDirectory&) = delete;

  std::string path_of(const std::string& file) const;  // where to write `file` in the staging folder
  void publish();  // swaps the staging folder in for `<parent>/<name>`; throws std::runtime_error

 private:
  std::string staging_, target_;
  bool published_ = false;
};

// Removes staging folders and temporary files (*.zorgcap-tmp) that a killed run left in `dir`.
void remove_stale_temporaries(const std::string& dir);

}  // namespace zorgcap
