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

// The templates are hashed once per run and joined to each scenario's inputs: the same digests as
// hashing both lists together.
TEST(FileDigests, JoiningTwoListsIsHashingThemTogether) {
  const std::vector<DigestRoot> roots{{"in", "inputs"}, {"tpl", "templates"}};
  const std::vector<std::pair<std::string, std::string>> inputs{{"in/baseline.yaml", "a: 1\n"}, {"in/x.yaml", "b: 2\n"}};
  const std::vector<std::pair<std::string, std::string>> templates{{"tpl/tables/t1.yaml", "c: 3\n"}};
  auto both = inputs;
  both.insert(both.end(), templates.begin(), templates.end());
  const FileDigests joined = join_digests(digest_files(inputs, roots), digest_files(templates, roots));
  const FileDigests together = digest_files(both, roots);
  EXPECT_EQ(joined.files, together.files);
  EXPECT_EQ(joined.combined, together.combined);
  ASSERT_EQ(joined.files.size(), 3u);
  EXPECT_EQ(joined.files[2].first, "templates/tables/t1.yaml");
  EXPECT_NE(joined.combined, digest_files(inputs, roots).combined);
  // The order counts, as in a run: inputs first, then templates.
  EXPECT_NE(join_digests(digest_files(templates, roots), digest_files(inputs, roots)).combined, together.combined);
}

}  // namespace
}  // namespace zorgcap
