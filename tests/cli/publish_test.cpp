// Nightly runs that never lie: an adversarial corpus of scenarios/ and OUT contents, two runs on one
// OUT, and signals. Each bad scenario is reported with its location and the others still publish;
// zorgcap touches only folders it made; a signal leaves no staging folder behind.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "cli/run_binary.h"
#include "test_support.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

// A copy of the shipped inputs with only the baseline and `midden`, to keep each run short.
struct SmallInputs {
  SmallInputs() {
    fs::copy(test::inputs_dir(), dir.path(), fs::copy_options::recursive);
    for (const auto& e : fs::directory_iterator(dir.path() / "scenarios"))
      if (e.path().filename() != "midden.yaml") fs::remove(e.path());
  }
  fs::path scenario(const std::string& name) const { return dir.path() / "scenarios" / (name + ".yaml"); }
  void add(const std::string& file, const std::string& name) {
    test::write_file((dir.path() / "scenarios" / file).string(),
                     "scenario: \"" + name + "\"\nextends: baseline\ndescription: d\nranges: max\n");
  }
  test::TempDir dir;
};

std::string report(const SmallInputs& in, const test::TempDir& out, const std::string& more = "") {
  return "report --inputs '" + in.dir.str() + "' --out '" + out.str() + "' --format json " + more;
}

std::set<std::string> files_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

std::vector<std::string> temporaries(const fs::path& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find("zorgcap-tmp") != std::string::npos) found.push_back(e.path().string());
  return found;
}

const std::set<std::string> kJsonFiles = {".zorgcap-output", "manifest.json", "tables.json", "values.json"};

TEST(ScenarioIsolation, ALongExtendsIsALocatedErrorAndTheOthersArePublished) {
  SmallInputs in;
  test::write_file(in.scenario("lang").string(), "scenario: lang\nextends: " + std::string(300, 'a') + "\ndescription: d\n");
  test::TempDir out;
  auto r = test::run_zorgcap(report(in, out));
  EXPECT_EQ(r.exit_code, 1) << r.err;  // bad input, not a crash (it was SIGABRT, 134)
  EXPECT_NE(r.err.find("lang.yaml:2:10: error: extends: 'aaaa"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("it is 300 characters long"), std::string::npos) << r.err;
  EXPECT_EQ(files_in(out.path() / "baseline"), kJsonFiles);
  EXPECT_EQ(files_in(out.path() / "midden"), kJsonFiles);
  EXPECT_FALSE(fs::exists(out.path() / "lang"));
  EXPECT_NE(r.err.find("2 of 3 scenarios written"), std::string::npos) << r.err;
  EXPECT_EQ(temporaries(out.path()), std::vector<std::string>{});
}

TEST(ScenarioIsolation, SymlinkLoopsFifosAndFoldersInScenariosAreLocatedErrors) {
  SmallInputs in;
  fs::create_symlink("lus.yaml", in.scenario("lus"));
  ASSERT_EQ(::mkfifo(in.scenario("pijp").c_str(), 0644), 0);
  fs::create_directory(in.scenario("map"));
  test::TempDir out;
  auto r = test::run_zorgcap(report(in, out));  // a FIFO once hung the run: run_binary would hang too
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("lus.yaml: error: cannot open the file: Too many levels of symbolic links"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("pijp.yaml: error: is not a regular file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("map.yaml: error: is a folder, not a file"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 of 5 scenarios written"), std::string::npos) << r.err;
  EXPECT_EQ(files_in(out.path() / "midden"), kJsonFiles);
}

TEST(ScenarioIsolation, UnicodeNamesRunAndBadNamesAreReportedWhileTheOthersRun) {
  SmallInputs in;
  in.add("midden (kopie).yaml", "midden (kopie)");
  in.add("scénario-é.yaml", "scénario-é");
  in.add("-x.yaml", "-x");
  in.add("index.html.yaml", "index.html");
  in.add(".verborgen.yaml", ".verborgen");
  in.add("kapot\xFF.yaml", "kapot");
  test::TempDir out;
  auto r = test::run_zorgcap(report(in, out));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  for (const char* ok : {"baseline", "midden", "midden (kopie)", "scénario-é"})
    EXPECT_EQ(files_in(out.path() / ok), kJsonFiles) << ok;
  EXPECT_NE(r.err.find("scenarios/-x.yaml: error: '-x' is not a scenario name: '-' is not allowed at the start"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("scenarios/index.html.yaml: error: 'index.html' is not a scenario name: it ends in '.html'"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("scenarios/.verborgen.yaml: error:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("scenarios/kapot\\xFF.yaml: error: 'kapot\\xFF' is not a scenario name: it is not valid UTF-8"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("4 of 8 scenarios written"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_regular_file(out.path() / "index.html"));
  std::string index = test::read_file((out.path() / "index.html").string());
  EXPECT_NE(index.find("href=\"midden (kopie)/report.html\""), std::string::npos);
  EXPECT_NE(index.find("href=\"scénario-é/report.html\""), std::string::npos);
  // The index lists each failed scenario with its error.
  EXPECT_NE(index.find("Niet bijgewerkt in deze run"), std::string::npos);
  EXPECT_NE(index.find("<strong>index.html</strong>"), std::string::npos);
  EXPECT_NE(index.find("is not a scenario name: it ends in &#39;.html&#39;"), std::string::npos) << index;
  // And a later run still works: nothing was made that breaks it.
  fs::remove(in.dir.path() / "scenarios" / "index.html.yaml");
  fs::remove(in.dir.path() / "scenarios" / "-x.yaml");
  fs::remove(in.dir.path() / "scenarios" / ".verborgen.yaml");
  fs::remove(in.dir.path() / "scenarios" / "kapot\xFF.yaml");
  auto again = test::run_zorgcap(report(in, out));
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(test::read_file((out.path() / "index.html").string()).find("Niet bijgewerkt"), std::string::npos);
}

TEST(ScenarioIsolation, AFifoOrFolderInPlaceOfAnInputIsALocatedError) {
  SmallInputs in;
  fs::remove(in.dir.path() / "sources.yaml");
  ASSERT_EQ(::mkfifo((in.dir.path() / "sources.yaml").c_str(), 0644), 0);
  test::TempDir out;
  auto r = test::run_zorgcap(report(in, out));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("sources.yaml: error: is not a regular file"), std::string::npos) << r.err;
  fs::remove(in.dir.path() / "sources.yaml");
  fs::create_directory(in.dir.path() / "sources.yaml");
  r = test::run_zorgcap(report(in, out, "--scenario midden"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("sources.yaml: error: is a folder, not a file"), std::string::npos) << r.err;
}

TEST(BatchPublish, ARepeatedScenarioRunsOnceAndItsFolderIsComplete) {
  SmallInputs in;
  test::TempDir out;
  ASSERT_EQ(test::run_zorgcap(report(in, out, "--scenario midden")).exit_code, 0);
  auto r = test::run_zorgcap("report --inputs '" + in.dir.str() + "' --out '" + out.str() +
                             "' --format html,json --scenario midden --scenario midden --scenario midden --jobs 3 --verbose");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> expected = kJsonFiles;
  expected.insert("report.html");
  EXPECT_EQ(files_in(out.path() / "midden"), expected);
  std::size_t wrote = 0;
  for (std::size_t at = 0; (at = r.out.find("midden: wrote", at)) != std::string::npos; ++at) ++wrote;
  EXPECT_EQ(wrote, 1u) << r.out;
  EXPECT_EQ(temporaries(out.path()), std::vector<std::string>{});
}

TEST(BatchPublish, FoldersZorgcapDidNotMakeAreNeverReplacedReadOrIndexed) {
  SmallInputs in;
  test::TempDir out;
  fs::create_directory(out.path() / "midden");  // the user's own folder, named like a scenario
  test::write_file((out.path() / "midden" / "notities.txt").string(), "van mij");
  fs::create_directory(out.path() / "eigen");  // a folder with a corrupt values.json
  test::write_file((out.path() / "eigen" / "values.json").string(), "{ kapot");
  fs::create_directory(out.path() / "pijp");  // one with a FIFO for values.json
  ASSERT_EQ(::mkfifo((out.path() / "pijp" / "values.json").c_str(), 0644), 0);
  auto r = test::run_zorgcap(report(in, out));
  EXPECT_EQ(r.exit_code, 3) << r.err;  // midden cannot be written
  EXPECT_NE(r.err.find("midden was not made by zorgcap (it holds no .zorgcap-output), so it was left untouched"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(files_in(out.path() / "midden"), std::set<std::string>{"notities.txt"});
  EXPECT_EQ(test::read_file((out.path() / "eigen" / "values.json").string()), "{ kapot");
  EXPECT_TRUE(fs::exists(out.path() / "pijp" / "values.json"));
  EXPECT_EQ(files_in(out.path() / "baseline"), kJsonFiles);
  std::string index = test::read_file((out.path() / "index.html").string());
  EXPECT_EQ(index.find("href=\"eigen/"), std::string::npos);
  EXPECT_EQ(index.find("href=\"pijp/"), std::string::npos);
  EXPECT_EQ(index.find("href=\"midden/"), std::string::npos);
  EXPECT_NE(index.find("<strong>midden</strong>"), std::string::npos);  // listed as failed
  // A full run removes only folders zorgcap made: the user's stay.
  auto again = test::run_zorgcap(report(in, out, "--scenario baseline"));
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(fs::exists(out.path() / "eigen"));
  EXPECT_TRUE(fs::exists(out.path() / "pijp"));
}

TEST(BatchPublish, AScenarioRemovedFromTheInputsIsRemovedFromOutAndTheIndex) {
  SmallInputs in;
  in.add("tijdelijk.yaml", "tijdelijk");
  test::TempDir out;
  ASSERT_EQ(test::run_zorgcap(report(in, out)).exit_code, 0);
  ASSERT_TRUE(fs::exists(out.path() / "tijdelijk" / "values.json"));
  ASSERT_NE(test::read_file((out.path() / "index.html").string()).find("href=\"tijdelijk/"), std::string::npos);
  fs::remove(in.scenario("tijdelijk"));
  // A run of some scenarios leaves the others alone.
  ASSERT_EQ(test::run_zorgcap(report(in, out, "--scenario midden")).exit_code, 0);
  EXPECT_TRUE(fs::exists(out.path() / "tijdelijk"));
  // A full run publishes exactly the scenarios there are.
  auto r = test::run_zorgcap(report(in, out, "--verbose"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(out.path() / "tijdelijk"));
  EXPECT_NE(r.out.find("tijdelijk: removed"), std::string::npos) << r.out;
  EXPECT_EQ(test::read_file((out.path() / "index.html").string()).find("tijdelijk"), std::string::npos);
  EXPECT_EQ(files_in(out.path()), (std::set<std::string>{".zorgcap.lock", "baseline", "index.html", "midden"}));
}

TEST(BatchPublish, AFailedScenarioKeepsItsPreviousOutputsAndIsListedAsFailed) {
  SmallInputs in;
  test::TempDir out;
  ASSERT_EQ(test::run_zorgcap(report(in, out)).exit_code, 0);
  std::string before = test::read_file((out.path() / "midden" / "values.json").string());
  test::write_file(in.scenario("midden").string(), "scenario: midden\nextends: baseline\n");  // no description
  auto r = test::run_zorgcap(report(in, out));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(test::read_file((out.path() / "midden" / "values.json").string()), before);
  std::string index = test::read_file((out.path() / "index.html").string());
  EXPECT_NE(index.find("href=\"midden/report.html\""), std::string::npos);  // its previous outputs
  EXPECT_NE(index.find("missing required key &#39;description&#39;"), std::string::npos) << index;
}

TEST(BatchPublish, AScenariosFolderThatCannotBeListedRemovesNothing) {
  SmallInputs in;
  test::TempDir out;
  ASSERT_EQ(test::run_zorgcap(report(in, out)).exit_code, 0);
  fs::remove_all(in.dir.path() / "scenarios");
  fs::create_symlink("scenarios", in.dir.path() / "scenarios");  // a loop: not "no scenarios"
  auto r = test::run_zorgcap(report(in, out));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("scenarios: error: cannot list the scenarios: Too many levels of symbolic links"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(files_in(out.path() / "midden"), kJsonFiles);  // kept
  EXPECT_EQ(files_in(out.path() / "baseline"), kJsonFiles);
  // Without a scenarios folder at all, there are no scenarios: their folders go.
  fs::remove(in.dir.path() / "scenarios");
  r = test::run_zorgcap(report(in, out));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(out.path() / "midden"));
}

// The shell starts two runs on one OUT at once, with different formats, so the folder shows whose
// files it holds.
TEST(RobustPublish, TwoRunsOnOneOutTakeTurns) {
  SmallInputs in;
  test::TempDir out, logs;
  std::string base = "\"$ZORGCAP\" report --inputs '" + in.dir.str() + "' --out '" + out.str() + "' --scenario baseline";
  auto r = test::run_shell("( " + base + " --format json 2>&1; echo \"a=$?\" ) > '" + logs.str() + "/a.txt' & " +
                           "( " + base + " --format html 2>&1; echo \"b=$?\" ) > '" + logs.str() + "/b.txt' & wait");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string a = test::read_file((logs.path() / "a.txt").string());
  std::string b = test::read_file((logs.path() / "b.txt").string());
  EXPECT_NE(a.find("a=0"), std::string::npos) << a;
  EXPECT_NE(b.find("b=0"), std::string::npos) << b;
  std::string waited = "another zorgcap report is writing to";
  EXPECT_TRUE(a.find(waited) != std::string::npos || b.find(waited) != std::string::npos)
      << "neither run waited: they did not overlap, the test proves little\n" << a << b;
  auto files = files_in(out.path() / "baseline");
  std::set<std::string> html = {".zorgcap-output", "manifest.json", "values.json", "report.html"};
  EXPECT_TRUE(files == kJsonFiles || files == html) << "a mix of two runs";
  EXPECT_EQ(temporaries(out.path()), std::vector<std::string>{});
}

// Holds OUT/.zorgcap.lock as another run would.
struct HeldLock {
  explicit HeldLock(const fs::path& out) {
    fs::create_directories(out);
    fd = ::open((out / ".zorgcap.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    EXPECT_EQ(::flock(fd, LOCK_EX), 0);
  }
  ~HeldLock() { ::close(fd); }
  int fd = -1;
};

TEST(RobustPublish, ASecondRunGivesUpWithExit3WhenTheWaitIsOver) {
  SmallInputs in;
  test::TempDir out;
  HeldLock held(out.path());
  auto r = test::run_shell("ZORGCAP_LOCK_WAIT=1 \"$ZORGCAP\" " + report(in, out));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("waiting up to 1 s"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("gave up after waiting 1 s; nothing was written"), std::string::npos) << r.err;
  EXPECT_EQ(files_in(out.path()), std::set<std::string>{".zorgcap.lock"});
}

// Starts zorgcap with `args`, returns its pid; stdout and stderr to `log`.
pid_t start(const std::vector<std::string>& args, const fs::path& log) {
  pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(test::source_dir().c_str()) != 0) ::_exit(127);
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    std::vector<char*> argv{const_cast<char*>(ZORGCAP_BINARY)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(ZORGCAP_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  for (int i = 0; i < 1000; ++i) {  // 20 s at most
    if (::waitpid(pid, &status, WNOHANG) == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    std::this_thread::sleep_for(20ms);
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  ADD_FAILURE() << "zorgcap did not end within 20 s";
  return -1000;
}

// Sends `sig` to a run of every format for baseline and several scenarios as soon as one of its
// staging folders exists, and checks it exits 128 + sig without leaving any.
void signal_mid_run(int sig) {
  SmallInputs in;
  for (const char* n : {"a1", "a2", "a3", "a4", "a5", "a6"}) in.add(std::string(n) + ".yaml", n);
  test::TempDir out, logs;
  fs::path log = logs.path() / "log";
  pid_t pid = start({"report", "--inputs", in.dir.str(), "--out", out.str(), "--jobs", "2"}, log);
  bool staging_seen = false;
  for (int i = 0; i < 20000 && !staging_seen; ++i) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(out.path(), ec))
      if (e.path().filename().string().find(".zorgcap-tmp") != std::string::npos) staging_seen = true;
    if (!staging_seen) std::this_thread::sleep_for(1ms);
  }
  ASSERT_TRUE(staging_seen) << "no staging folder appeared";
  ASSERT_EQ(::kill(pid, sig), 0);
  int code = wait_exit(pid);
  EXPECT_EQ(code, 128 + sig) << test::read_file(log.string());
  EXPECT_EQ(temporaries(out.path()), std::vector<std::string>{});
  for (const auto& e : fs::directory_iterator(out.path()))  // whatever was published is complete
    if (e.is_directory()) {
      EXPECT_TRUE(fs::exists(e.path() / "report.pdf")) << e.path();
    }
}

TEST(RobustSignals, SigtermRemovesThisRunsStagingAndExits143) { signal_mid_run(SIGTERM); }
TEST(RobustSignals, SigintRemovesThisRunsStagingAndExits130) { signal_mid_run(SIGINT); }

TEST(RobustSignals, ARunWaitingForTheLockEndsOnSigterm) {
  SmallInputs in;
  test::TempDir out, logs;
  HeldLock held(out.path());
  pid_t pid = start({"report", "--inputs", in.dir.str(), "--out", out.str(), "--format", "json"}, logs.path() / "log");
  // Signalled once it says it waits for the lock (not after a fixed time: under a sanitizer on a
  // busy machine the start alone can take longer).
  const std::string log = (logs.path() / "log").string();
  auto waiting = [&] { return fs::exists(log) && test::read_file(log).find("waiting up to") != std::string::npos; };
  for (int i = 0; i < 400 && !waiting(); ++i) std::this_thread::sleep_for(50ms);
  ASSERT_TRUE(waiting()) << (fs::exists(log) ? test::read_file(log) : "no log");
  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  EXPECT_EQ(wait_exit(pid), 143) << test::read_file(log);
  EXPECT_EQ(files_in(out.path()), std::set<std::string>{".zorgcap.lock"});
}

}  // namespace
}  // namespace zorgcap
