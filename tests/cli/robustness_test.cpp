// A failing run never costs a report: killed mid-run, or unable to write, zorgcap leaves the
// previous outputs of the scenario byte for byte as they were, and no temporary files behind.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include "cli/run_binary.h"
#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;

std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).string()] = test::read_file(e.path().string());
  return files;
}

// Starts `zorgcap report` (a slow one: Monte Carlo) and kills it with SIGKILL after `delay`.
// Returns true if the kill landed before the process finished.
bool run_and_kill(const fs::path& out, std::chrono::milliseconds delay) {
  pid_t pid = ::fork();
  if (pid == 0) {
    ::chdir(test::source_dir().c_str());
    ::freopen("/dev/null", "w", stdout);
    ::freopen("/dev/null", "w", stderr);
    std::string o = out.string();
    ::execl(ZORGCAP_BINARY, ZORGCAP_BINARY, "report", "--out", o.c_str(), "--montecarlo", "300000", "--seed", "7",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::this_thread::sleep_for(delay);
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

TEST(Robustness, KillingARunLeavesThePreviousOutputsIntact) {
  test::TempDir out;
  auto first = test::run_zorgcap("report --out '" + out.str() + "'");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto before = snapshot(out.path() / "baseline");
  ASSERT_GE(before.size(), 6u);  // report.html, report.pdf, tables.*, values.json, manifest.json, …
  int killed = 0;
  for (int ms : {1, 5, 15, 30, 60, 100, 150, 250, 400, 600}) {
    killed += run_and_kill(out.path(), std::chrono::milliseconds(ms));
    // Whatever the moment, the published folder is complete and either the old or a new run's;
    // a new run with other options would differ, so here it must be the old one or a full new set.
    auto now = snapshot(out.path() / "baseline");
    ASSERT_EQ(now.size(), before.size()) << "after a kill at " << ms << " ms";
    if (now != before) {
      EXPECT_NE(now.at("report.html").find("Onzekerheid (Monte Carlo)"), std::string::npos) << ms << " ms";
      before = now;  // the killed run got to publish: that is a complete, consistent set too
    }
  }
  EXPECT_GE(killed, 5) << "the runs finished before they could be killed; the test proves little";
  std::cout << "kill tests: " << killed << " runs killed mid-way, outputs intact after each\n";
  // The next run clears what killed runs left behind.
  ASSERT_EQ(test::run_zorgcap("report --out '" + out.str() + "'").exit_code, 0);
  for (const auto& e : fs::directory_iterator(out.path()))
    EXPECT_EQ(e.path().filename().string().find("zorgcap-tmp"), std::string::npos) << e.path();
}

TEST(Robustness, AFullDiskGivesAClearErrorAndLeavesThePreviousOutputs) {
  test::TempDir out;
  ASSERT_EQ(test::run_zorgcap("report --out '" + out.str() + "'").exit_code, 0);
  auto before = snapshot(out.path() / "baseline");
  // RLIMIT_FSIZE makes writes past 20 KB fail (EFBIG), as a full disk would; SIGXFSZ is ignored so
  // the write returns an error instead of killing the process.
  auto r = test::run_shell("trap '' XFSZ; ulimit -f 20; \"$ZORGCAP\" report --out '" + out.str() + "'");
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;  // an I/O failure, not bad input
  EXPECT_NE(r.err.find("cannot write"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("the previous outputs were left as they were"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(out.path() / "baseline"), before);
  for (const auto& e : fs::directory_iterator(out.path()))
    EXPECT_EQ(e.path().filename().string().find("zorgcap-tmp"), std::string::npos) << e.path();
}

TEST(Robustness, AnOutputPathThatCannotBeAFolderGivesAClearError) {
  test::TempDir tmp;
  test::write_file((tmp.path() / "file").string(), "not a folder");
  auto r = test::run_zorgcap("report --out '" + (tmp.path() / "file" / "out").string() + "'");
  EXPECT_EQ(r.exit_code, 3);  // an I/O failure, not bad input
  EXPECT_NE(r.err.find("cannot create"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace zorgcap
