#pragma once
#include <string>
#include <utility>
#include <vector>

namespace zorgcap {

// The sha256 of each file a run read, and one digest over all of them. A file is named by its path
// relative to the folder it was found in, under that folder's role ("inputs/baseline.yaml",
// "templates/tables/tabel-01.yaml"), so the same files give the same digest however the folders
// were spelled on the command line (relative, absolute, through "..").
struct FileDigests {
  std::vector<std::pair<std::string, std::string>> files;  // portable name, sha256
  std::string combined;                                    // over every name and hash, in reading order
};

// A folder the files of a run come from, and the name it has in the digests.
struct DigestRoot {
  std::string folder;
  std::string role;  // "inputs", "templates"
};

// `path` as `role/relative-path` under the first root that contains it; a file outside every root
// keeps its file name under the first root's role ("inputs/../x.yaml" would name the caller's cwd).
std::string portable_name(const std::string& path, const std::vector<DigestRoot>& roots);

FileDigests digest_files(const std::vector<std::pair<std::string, std::string>>& texts,
                         const std::vector<DigestRoot>& roots);

// The digests of `first`'s files followed by `then`'s: what digest_files gives for both lists of
// files read one after the other (so that files read once per run are hashed once).
FileDigests join_digests(const FileDigests& first, const FileDigests& then);

}  // namespace zorgcap
