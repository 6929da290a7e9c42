// Publishing a scenario folder: unique staging names, the marker, folders zorgcap did not make left
// untouched, stale folders retired in one step, and a reader that never blocks.
#include "core/output_dir.h"

#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "core/atomic_file.h"
#include "core/read_file.h"
#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(RobustOutputDir, StagingNamesAreUniqueAndHoldTheMarker) {
  test::TempDir out;
  StagedDirectory a(out.str(), "midden"), b(out.str(), "midden");
  EXPECT_NE(a.path_of("x"), b.path_of("x"));
  std::string pid = std::to_string(::getpid());
  for (const std::string& n : entries(out.path())) {
    EXPECT_EQ(n.rfind(".midden." + pid + "-", 0), 0u) << n;
    EXPECT_TRUE(n.size() > 12 && n.compare(n.size() - 12, 12, ".zorgcap-tmp") == 0) << n;
  }
  EXPECT_EQ(test::read_file(a.path_of(".zorgcap-output")), std::string(kOutputMarkerText));
  write_file_atomic(a.path_of("values.json"), "{}");
  a.publish();
  EXPECT_TRUE(is_marked_output((out.path() / "midden").string()));
  EXPECT_EQ(folder_ownership(out.str(), "midden"), Ownership::ours);
  write_file_atomic(b.path_of("values.json"), "{\"b\":1}");
  b.publish();  // replaces a's
  EXPECT_EQ(test::read_file((out.path() / "midden" / "values.json").string()), "{\"b\":1}");
}

TEST(RobustOutputDir, UnpublishedAndReplacedStagingFoldersAreRemoved) {
  test::TempDir out;
  { StagedDirectory a(out.str(), "laag"); }
  EXPECT_EQ(entries(out.path()), std::vector<std::string>{});
  {
    StagedDirectory a(out.str(), "laag");
    a.publish();
  }
  {
    StagedDirectory b(out.str(), "laag");
    b.publish();
  }
  EXPECT_EQ(entries(out.path()), std::vector<std::string>{"laag"});
}

TEST(RobustOutputDir, AFolderZorgcapDidNotMakeIsNeverReplaced) {
  test::TempDir out;
  fs::create_directory(out.path() / "midden");
  test::write_file((out.path() / "midden" / "mijn-notities.txt").string(), "van mij");
  test::write_file((out.path() / "hoog").string(), "a file");
  fs::create_symlink(out.path() / "midden", out.path() / "laag");
  EXPECT_EQ(folder_ownership(out.str(), "midden"), Ownership::foreign);
  EXPECT_EQ(folder_ownership(out.str(), "hoog"), Ownership::foreign);
  EXPECT_EQ(folder_ownership(out.str(), "laag"), Ownership::foreign);
  EXPECT_EQ(folder_ownership(out.str(), "nieuw"), Ownership::absent);
  for (const char* name : {"midden", "hoog", "laag"}) {
    StagedDirectory d(out.str(), name);
    EXPECT_THROW(d.publish(), ForeignFolder) << name;
  }
  EXPECT_EQ(entries(out.path() / "midden"), std::vector<std::string>{"mijn-notities.txt"});
  EXPECT_EQ(test::read_file((out.path() / "hoog").string()), "a file");
  EXPECT_TRUE(fs::is_symlink(out.path() / "laag"));
  EXPECT_FALSE(retire_output(out.str(), "midden"));
  EXPECT_FALSE(retire_output(out.str(), "laag"));
  EXPECT_TRUE(fs::exists(out.path() / "midden" / "mijn-notities.txt"));
  EXPECT_EQ(entries(out.path()), (std::vector<std::string>{"hoog", "laag", "midden"}));
}

TEST(RobustOutputDir, AFolderFromBeforeMarkersIsRecognisedByItsManifest) {
  test::TempDir out;
  fs::create_directory(out.path() / "midden");
  test::write_file((out.path() / "midden" / "manifest.json").string(),
                   "{\"zorgcap_version\": \"0.9\", \"scenario\": \"midden\"}");
  EXPECT_EQ(folder_ownership(out.str(), "midden"), Ownership::ours);
  EXPECT_FALSE(is_marked_output((out.path() / "midden").string()));  // not removed as stale, though
  fs::create_directory(out.path() / "kopie");  // a copy of another scenario's folder is not this one
  fs::copy(out.path() / "midden" / "manifest.json", out.path() / "kopie" / "manifest.json");
  EXPECT_EQ(folder_ownership(out.str(), "kopie"), Ownership::foreign);
  fs::create_directory(out.path() / "pijp");
  ASSERT_EQ(::mkfifo((out.path() / "pijp" / "manifest.json").c_str(), 0644), 0);
  EXPECT_EQ(folder_ownership(out.str(), "pijp"), Ownership::foreign);  // and no hang
}

TEST(RobustOutputDir, RetiringAMarkedFolderIsOneRenameThenADelete) {
  test::TempDir out;
  {
    StagedDirectory d(out.str(), "oud");
    write_file_atomic(d.path_of("values.json"), "{}");
    d.publish();
  }
  EXPECT_TRUE(retire_output(out.str(), "oud"));
  EXPECT_EQ(entries(out.path()), std::vector<std::string>{});
}

TEST(RobustOutputDir, StaleTemporariesAreClearedButNotTheUsersFiles) {
  test::TempDir out;
  fs::create_directory(out.path() / ".midden.123-1.zorgcap-tmp");
  test::write_file((out.path() / ".midden.123-1.zorgcap-tmp" / "values.json").string(), "{}");
  test::write_file((out.path() / "index.html.zorgcap-tmp").string(), "<html>");
  fs::create_directory(out.path() / "eigen");
  fs::create_directory(out.path() / ".verborgen");
  remove_stale_temporaries(out.str());
  EXPECT_EQ(entries(out.path()), (std::vector<std::string>{".verborgen", "eigen"}));
}

TEST(RobustOutputDir, ASecondLockOnTheSameOutWaitsThenGivesUp) {
  test::TempDir out;
  std::ostringstream err1, err2;
  OutputLock first(out.str(), 0, err1);
  EXPECT_TRUE(fs::is_regular_file(out.path() / ".zorgcap.lock"));
  auto start = std::chrono::steady_clock::now();
  try {
    OutputLock second(out.str(), 1, err2);
    ADD_FAILURE() << "the second lock was granted while the first was held";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("another zorgcap report is still writing"), std::string::npos) << e.what();
  }
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(900));
  EXPECT_NE(err2.str().find("waiting up to 1 s"), std::string::npos) << err2.str();
  EXPECT_EQ(err1.str(), "");
}

TEST(RobustReadFile, AFifoAFolderAndASymlinkLoopAreErrorsNotHangs) {
  test::TempDir dir;
  std::string error;
  ASSERT_EQ(::mkfifo((dir.path() / "fifo").c_str(), 0644), 0);
  EXPECT_FALSE(read_regular_file((dir.path() / "fifo").string(), 1000, error));
  EXPECT_EQ(error, "is not a regular file (a FIFO, socket or device)");
  EXPECT_FALSE(read_regular_file(dir.str(), 1000, error));
  EXPECT_EQ(error, "is a folder, not a file");
  fs::create_symlink("loop", dir.path() / "loop");
  EXPECT_FALSE(read_regular_file((dir.path() / "loop").string(), 1000, error));
  EXPECT_EQ(error, "cannot open the file: Too many levels of symbolic links");
  EXPECT_FALSE(read_regular_file((dir.path() / "absent").string(), 1000, error));
  EXPECT_EQ(error, "cannot open the file");
  test::write_file((dir.path() / "f").string(), "12345");
  EXPECT_FALSE(read_regular_file((dir.path() / "f").string(), 4, error));
  EXPECT_EQ(error, "file is 5 bytes; zorgcap reads input files up to 4 bytes");
  EXPECT_EQ(read_regular_file((dir.path() / "f").string(), 5, error).value_or("?"), "12345");
}

}  // namespace
}  // namespace zorgcap
