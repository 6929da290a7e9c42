// The corpus of malformed inputs in tests/bad_inputs/ (see its README.md): every case must be
// refused by load_inputs and by the real `zorgcap report` with exit code 1, no crash, the expected
// diagnostics first, and nothing written to the output folder.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "inputs/load_inputs.h"
#include "test_support.h"

extern char** environ;

namespace zorgcap {
namespace {

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;

const char* const kInputFiles[] = {"sources.yaml", "baseline.yaml"};

fs::path corpus_dir() { return fs::path(test::source_dir()) / "tests" / "bad_inputs"; }

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(corpus_dir(), ec))
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

Lines split_lines(const std::string& text) {
  Lines out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Builds the case's input folder in `into`: its own files, the shipped ones for files it does
// not hold (unless FILE.absent), and the files generate.txt asks for.
void materialise(const fs::path& case_dir, const fs::path& into) {
  fs::create_directories(into);
  for (const char* f : kInputFiles) {
    if (fs::exists(case_dir / f))
      fs::copy(case_dir / f, into / f, fs::copy_options::recursive);
    else if (!fs::exists(case_dir / (std::string(f) + ".absent")))
      fs::copy_file(fs::path(test::inputs_dir()) / f, into / f);
  }
  // generate.txt: "FILE BYTES" per line: the shipped FILE padded with comment lines to BYTES bytes.
  if (!fs::exists(case_dir / "generate.txt")) return;
  std::istringstream spec(test::read_file((case_dir / "generate.txt").string()));
  std::string file;
  std::size_t bytes = 0;
  while (spec >> file >> bytes) {
    std::string text = test::read_file(test::inputs_dir() + "/" + file);
    while (text.size() < bytes) {
      std::size_t room = bytes - text.size();
      std::size_t len = std::min<std::size_t>(room, 80);
      text += len == 1 ? std::string("\n") : "#" + std::string(len - 2, 'x') + "\n";
    }
    test::write_file((into / file).string(), text);
  }
}

// The diagnostic lines ("file:line:column: error: ...") of `text`, with `dir/` taken off the
// file names; source lines and carets are left out.
Lines diagnostic_lines(const std::string& text, const std::string& dir) {
  Lines out;
  std::string prefix = dir + "/";
  for (std::string& line : split_lines(text))
    if (line.rfind(prefix, 0) == 0) out.push_back(line.substr(prefix.size()));
  return out;
}

struct ProcessRun {
  bool exited = false;
  int exit_code = -1;
  int signal = 0;
  bool timed_out = false;
  std::string err;
};

// Runs a program with stdout and stderr sent to files, with a time limit.
ProcessRun run_program(const std::vector<std::string>& args, const fs::path& scratch) {
  ProcessRun r;
  std::string out_path = (scratch / "stdout.txt").string(), err_path = (scratch / "stderr.txt").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    ADD_FAILURE() << "cannot start " << args[0] << ": " << std::strerror(rc);
    return r;
  }
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      r.timed_out = true;
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  r.exited = WIFEXITED(status);
  r.exit_code = r.exited ? WEXITSTATUS(status) : -1;
  r.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  r.err = test::read_file(err_path);
  return r;
}

struct Tally {
  int cases = 0;
  int rejected = 0;
};
Tally& tally() {
  static Tally t;
  return t;
}

// Prints the count once every test has run.
class CorpusSummary : public ::testing::Environment {
 public:
  void TearDown() override {
    if (tally().cases > 0)
      std::cout << "bad inputs rejected correctly: " << tally().rejected << "/" << tally().cases << std::endl;
  }
};
[[maybe_unused]] ::testing::Environment* const kSummary = ::testing::AddGlobalTestEnvironment(new CorpusSummary);

class BadInputsCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInputsCorpus, RejectedWithTheExpectedDiagnostics) {
  const fs::path case_dir = corpus_dir() / GetParam();
  ++tally().cases;
  ASSERT_TRUE(fs::exists(case_dir / "expected.txt")) << case_dir << " has no expected.txt";
  const Lines expected = split_lines(test::read_file((case_dir / "expected.txt").string()));
  ASSERT_FALSE(expected.empty()) << "empty expected.txt in " << case_dir;

  test::TempDir tmp;
  const fs::path in = tmp.path() / "in", out = tmp.path() / "out";
  materialise(case_dir, in);

  // In-process: refused, and the first diagnostics are the expected ones.
  Diagnostics diags;
  SourceTexts texts;
  auto inputs = load_inputs(in.string(), diags, texts);
  EXPECT_FALSE(inputs.has_value());
  const Lines loaded = diagnostic_lines(diags.format(), in.string());
  EXPECT_EQ(loaded.size(), diags.size());  // every diagnostic names a file in the case folder
  Lines first(loaded.begin(), loaded.begin() + static_cast<std::ptrdiff_t>(std::min(loaded.size(), expected.size())));
  EXPECT_EQ(first, expected) << "load_inputs reported:\n" << diags.format();

  // The binary: exit code 1, no signal, the same diagnostics on stderr, no output written.
  ProcessRun r = run_program({ZORGCAP_BINARY, "report", "--inputs", in.string(), "--out", out.string(), "--templates",
                       test::source_dir() + "/templates"},
                      tmp.path());
  EXPECT_FALSE(r.timed_out) << "zorgcap did not finish within 60 s";
  EXPECT_EQ(r.signal, 0) << "zorgcap was killed by signal " << r.signal << "\n" << r.err;
  EXPECT_TRUE(r.exited);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(diagnostic_lines(r.err, in.string()), loaded) << "zorgcap stderr:\n" << r.err;
  EXPECT_TRUE(!fs::exists(out) || fs::is_empty(out)) << "zorgcap wrote into " << out;

  if (!HasFailure()) ++tally().rejected;
}

std::string case_test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = "case_" + info.param;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(BadInputs, BadInputsCorpus, ::testing::ValuesIn(case_names()), case_test_name);

TEST(BadInputs, CorpusHasAtLeastFortyWellFormedCases) {
  std::vector<std::string> names = case_names();
  EXPECT_GE(names.size(), 40u);
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    fs::path dir = corpus_dir() / name;
    EXPECT_TRUE(fs::is_regular_file(dir / "expected.txt"));
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::string f = entry.path().filename().string();
      bool known = f == "expected.txt" || f == "generate.txt";
      for (const char* input : kInputFiles) known |= f == input || f == std::string(input) + ".absent";
      EXPECT_TRUE(known) << "unexpected file " << f << " (see tests/bad_inputs/README.md)";
    }
  }
}

}  // namespace
}  // namespace zorgcap
