#include "cli/file_digests.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/sha256.h"
#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;

TEST(FileDigests, AFileIsNamedUnderItsFolderHoweverTheFolderIsSpelled) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "project" / "inputs" / "scenarios");
  std::string abs = (dir.path() / "project" / "inputs").string();
  std::vector<DigestRoot> roots{{abs, "inputs"}, {"/elsewhere/templates", "templates"}};
  EXPECT_EQ(portable_name(abs + "/baseline.yaml", roots), "inputs/baseline.yaml");
  EXPECT_EQ(portable_name(abs + "/scenarios/../scenarios/hoog.yaml", roots), "inputs/scenarios/hoog.yaml");
  EXPECT_EQ(portable_name("/elsewhere/templates/tables/tabel-01.yaml", roots), "templates/tables/tabel-01.yaml");
  std::vector<DigestRoot> via_dotdot{{abs + "/../inputs", "inputs"}};
  EXPECT_EQ(portable_name(abs + "/baseline.yaml", via_dotdot), "inputs/baseline.yaml");
}

TEST(FileDigests, RelativeAndAbsoluteSpellingsGiveOneDigest) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "inputs");
  const fs::path cwd = fs::current_path();
  fs::current_path(dir.path());
  std::vector<std::pair<std::string, std::string>> relative{{"inputs/baseline.yaml", "a: 1\n"},
                                                              {"inputs/sources.yaml", "b: 2\n"}};
  std::vector<std::pair<std::string, std::string>> absolute{{(dir.path() / "inputs/baseline.yaml").string(), "a: 1\n"},
                                                              {(dir.path() / "inputs/sources.yaml").string(), "b: 2\n"}};
  FileDigests r = digest_files(relative, {{"inputs", "inputs"}});
  FileDigests a = digest_files(absolute, {{(dir.path() / "inputs").string(), "inputs"}});
  FileDigests d = digest_files(relative, {{"./inputs/../inputs/", "inputs"}});
  fs::current_path(cwd);
  EXPECT_EQ(r.combined, a.combined);
  EXPECT_EQ(r.combined, d.combined);
  ASSERT_EQ(r.files.size(), 2u);
  EXPECT_EQ(r.files[0].first, "inputs/baseline.yaml");
  EXPECT_EQ(r.files[0].second, sha256_hex("a: 1\n"));
  // The digest is over names and contents: another content, another digest.
  relative[1].second = "b: 3\n";
  EXPECT_NE(digest_files(relative, {{"inputs", "inputs"}}).combined, r.combined);
}

}  // namespace
}  // namespace zorgcap
