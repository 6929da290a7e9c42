#include "cli/file_digests.h"

#include <filesystem>

#include "core/sha256.h"

namespace zorgcap {
namespace fs = std::filesystem;

namespace {

fs::path normal_absolute(const std::string& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  return (ec ? fs::path(p) : a).lexically_normal();
}

// `p` relative to `root`, or empty when `p` is not inside `root`.
fs::path inside(const fs::path& p, const fs::path& root) {
  fs::path rel = p.lexically_relative(root);
  if (rel.empty() || *rel.begin() == "..") return {};
  return rel;
}

}  // namespace

std::string portable_name(const std::string& path, const std::vector<DigestRoot>& roots) {
  fs::path p = normal_absolute(path);
  for (const DigestRoot& r : roots) {
    fs::path rel = inside(p, normal_absolute(r.folder));
    if (!rel.empty()) return r.role + "/" + rel.generic_string();
  }
  std::string role = roots.empty() ? std::string("file") : roots.front().role;
  return role + "/" + p.filename().generic_string();
}

namespace {

std::string combined_digest(const std::vector<std::pair<std::string, std::string>>& files) {
  std::string all;
  for (const auto& [name, sha] : files) all += name + '\0' + sha + '\n';
  return sha256_hex(all);
}

}  // namespace

FileDigests digest_files(const std::vector<std::pair<std::string, std::string>>& texts,
                         const std::vector<DigestRoot>& roots) {
  FileDigests d;
  for (const auto& [path, text] : texts) d.files.emplace_back(portable_name(path, roots), sha256_hex(text));
  d.combined = combined_digest(d.files);
  return d;
}

FileDigests join_digests(const FileDigests& first, const FileDigests& then) {
  FileDigests d;
  d.files = first.files;
  d.files.insert(d.files.end(), then.files.begin(), then.files.end());
  d.combined = combined_digest(d.files);
  return d;
}

}  // namespace zorgcap
