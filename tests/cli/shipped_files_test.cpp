// Reproducible anywhere: the same inputs give the same bytes however their folder is spelled, and
// zorgcap finds its templates and fonts from its own binary, installed or in the build folder,
// whatever the current directory.
#include "cli/shipped_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/run_binary.h"
#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;

std::string inputs_sha(const fs::path& out) {
  return nlohmann::json::parse(test::read_file((out / "baseline" / "manifest.json").string())).at("inputs_sha256");
}

TEST(Reproducible, ThreeSpellingsOfTheInputsFolderGiveTheSameBytes) {
  test::TempDir tmp;
  // A copy of the inputs beside the outputs, reached as relative, absolute and "../x/inputs".
  fs::create_directories(tmp.path() / "x");
  fs::copy(test::inputs_dir(), tmp.path() / "x" / "inputs", fs::copy_options::recursive);
  fs::create_directories(tmp.path() / "work");
  const std::string common = " --scenario baseline --format html,md,tex,json,pdf --quiet";
  auto run = [&](const std::string& cwd, const std::string& inputs, const std::string& out) {
    return test::run_shell("cd '" + cwd + "' && \"$ZORGCAP\" report --inputs '" + inputs + "' --out '" +
                           (tmp.path() / out).string() + "'" + common);
  };
  auto a = run((tmp.path() / "x").string(), "inputs", "a");
  auto b = run("/", (tmp.path() / "x" / "inputs").string(), "b");
  auto c = run((tmp.path() / "work").string(), "../x/inputs", "c");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(inputs_sha(tmp.path() / "a"), inputs_sha(tmp.path() / "b"));
  EXPECT_EQ(inputs_sha(tmp.path() / "a"), inputs_sha(tmp.path() / "c"));
  for (const char* file : {"report.html", "report.pdf", "tables.md", "latex/tables.tex", "manifest.json", "tables.json"}) {
    std::string first = test::read_file((tmp.path() / "a" / "baseline" / file).string());
    ASSERT_FALSE(first.empty()) << file;
    EXPECT_EQ(first, test::read_file((tmp.path() / "b" / "baseline" / file).string())) << file;
    EXPECT_EQ(first, test::read_file((tmp.path() / "c" / "baseline" / file).string())) << file;
  }
  // No absolute path of this machine in any of them.
  for (const char* file : {"report.html", "tables.md", "manifest.json", "latex/tables.tex"})
    EXPECT_EQ(test::read_file((tmp.path() / "b" / "baseline" / file).string()).find(tmp.path().string()),
              std::string::npos)
        << file;
}

TEST(Reproducible, TheBuildFolderBinaryRunsFromAnyDirectory) {
  test::TempDir tmp;
  auto r = test::run_shell("cd / && \"$ZORGCAP\" report --inputs '" + test::inputs_dir() + "' --out '" + tmp.str() +
                           "' --scenario baseline --format html,pdf --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_regular_file(tmp.path() / "baseline" / "report.pdf"));
  EXPECT_TRUE(fs::is_regular_file(tmp.path() / "baseline" / "report.html"));
}

TEST(Reproducible, AnInstalledZorgcapFindsItsTemplatesAndFontsBesideItself) {
  test::TempDir tmp;
  const fs::path prefix = tmp.path() / "prefix";
  auto install = test::run_shell("cmake --install '" + std::string(ZORGCAP_BUILD_DIR) + "' --prefix '" + prefix.string() +
                                 "' >/dev/null");
  ASSERT_EQ(install.exit_code, 0) << install.err;
  ASSERT_TRUE(fs::is_regular_file(prefix / "bin" / "zorgcap"));
  ASSERT_TRUE(fs::is_regular_file(prefix / "share" / "zorgcap" / "templates" / "tables" / "tabel-01.yaml"));
  ASSERT_TRUE(fs::is_regular_file(prefix / "share" / "zorgcap" / "fonts" / "DejaVuSans.ttf"));
  fs::create_directories(tmp.path() / "home");
  auto installed = test::run_shell("cd '" + (tmp.path() / "home").string() + "' && '" + (prefix / "bin" / "zorgcap").string() +
                                   "' report --inputs '" + test::inputs_dir() + "' --out installed --scenario baseline --quiet");
  ASSERT_EQ(installed.exit_code, 0) << installed.err;
  auto built = test::run_zorgcap("report --inputs inputs --out '" + (tmp.path() / "built").string() +
                                 "' --scenario baseline --quiet");
  ASSERT_EQ(built.exit_code, 0) << built.err;
  for (const char* file : {"report.html", "report.pdf", "tables.json", "tables.csv", "tables.md", "manifest.json"}) {
    std::string a = test::read_file((tmp.path() / "home" / "installed" / "baseline" / file).string());
    ASSERT_FALSE(a.empty()) << file;
    EXPECT_EQ(a, test::read_file((tmp.path() / "built" / "baseline" / file).string())) << file;
  }
}

TEST(Reproducible, AMissingShareFolderIsNamedWithThePlacesLookedIn) {
  // The test binary itself sits in the build folder, so the build's share/zorgcap is found ...
  EXPECT_TRUE(fs::is_directory(shipped_folder("templates")));
  EXPECT_TRUE(fs::is_regular_file(fs::path(shipped_folder("fonts")) / "DejaVuSans.ttf"));
  // ... and a folder zorgcap does not ship is an error naming both places.
  try {
    shipped_folder("no-such-folder");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("share/zorgcap/no-such-folder"), std::string::npos) << what;
    EXPECT_NE(what.find("--no-such-folder"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace zorgcap
