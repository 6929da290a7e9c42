// The repository stands alone: every documentation file that the sources point to is in it.
//
// Scans src/, inputs/, templates/, tests/, docs/, fuzz/ (without its corpus), bench/, scripts/,
// README.md, CMakeLists.txt and Makefile for
//   - a path to a Markdown file, like docs/<name>.md or templates/tables/README.md: the file must exist
//     inside the repository (relative to the repository root or to the citing file's folder);
//   - a bare upper-case name, like MODEL.md: it must exist in the citing file's folder, in docs/ or at
//     the root;
//   - a cited section, a Markdown name followed by a quoted title (MODEL.md "Casus 1b"): a heading of
//     that file must contain the title (case-insensitive);
//   - a link to an anchor, MODEL.md#rounding or (#rounding) in Markdown: a heading must have that
//     GitHub anchor;
//   - an inconsistency id of the report (I6, I3b) in inputs/ or src/model/: docs/MODEL.md must have a
//     heading that starts with it.
// Nothing outside the repository (such as ../shared) is read.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace zorgcap {
namespace {

namespace fs = std::filesystem;

const std::string kMd = ".md";  // kept apart so that this file cites no Markdown file by accident

// References in folders that this change could not edit (other work is rewriting them). Each is
// tolerated until it is fixed; remove an entry once its file no longer holds the reference.
struct Pending {
  const char* file;
  std::string reference;
};
const std::vector<Pending>& pending() {
  static const std::vector<Pending> p = {
  };
  return p;
}

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_path_char(char c) { return is_word(c) || c == '.' || c == '/' || c == '-'; }

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int line_of(const std::string& text, std::size_t pos) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

// The headings of a Markdown file (text after the #s), outside fenced code blocks.
std::vector<std::string> headings(const std::string& markdown) {
  std::vector<std::string> out;
  std::istringstream in(markdown);
  std::string line;
  bool fenced = false;
  while (std::getline(in, line)) {
    if (line.rfind("```", 0) == 0) fenced = !fenced;
    if (fenced) continue;
    std::size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes == 0 || hashes > 6 || hashes >= line.size() || line[hashes] != ' ') continue;
    std::string h = line.substr(hashes + 1);
    while (!h.empty() && (h.back() == ' ' || h.back() == '#' || h.back() == '\r')) h.pop_back();
    out.push_back(h);
  }
  return out;
}

// GitHub's anchor for a heading: lower case; letters, digits, '-' and '_' kept, spaces become '-',
// everything else is dropped. Accented Latin letters (U+00C0–U+024F) count as letters.
std::string anchor_of(const std::string& heading) {
  std::string out;
  for (std::size_t i = 0; i < heading.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(heading[i]);
    if (c < 0x80) {
      if (std::isalnum(c) || c == '-' || c == '_') out += static_cast<char>(std::tolower(c));
      else if (c == ' ') out += '-';
      continue;
    }
    std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    bool latin_letter = len == 2 && (c == 0xC3 || c == 0xC4 || c == 0xC5 || c == 0xC6 || c == 0xC7 || c == 0xC8 ||
                                     c == 0xC9) && !(c == 0xC3 && i + 1 < heading.size() &&
                                                     (static_cast<unsigned char>(heading[i + 1]) == 0x97 ||
                                                      static_cast<unsigned char>(heading[i + 1]) == 0xB7));
    if (latin_letter) out += heading.substr(i, len);  // (× and ÷ are not letters)
    i += len - 1;
  }
  return out;
}

class Checker {
 public:
  explicit Checker(fs::path root) : root_(fs::path(root).lexically_normal()) {}

  // Checks every text file under the given paths (relative to the root; a file or a folder).
  void scan(const std::vector<std::string>& paths, const std::vector<std::string>& skip = {}) {
    for (const std::string& p : paths) {
      fs::path full = root_ / p;
      if (fs::is_regular_file(full)) {
        check_file(full);
        continue;
      }
      if (!fs::is_directory(full)) continue;
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(full); it != fs::recursive_directory_iterator(); ++it) {
        std::string rel = relative(it->path());
        if (std::any_of(skip.begin(), skip.end(), [&](const std::string& s) { return rel == s; })) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file()) files.push_back(it->path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) check_file(f);
    }
  }

  const std::vector<std::string>& problems() const { return problems_; }
  const std::vector<std::string>& tolerated() const { return tolerated_; }
  int references() const { return references_; }

 private:
  std::string relative(const fs::path& p) const { return p.lexically_normal().lexically_relative(root_).generic_string(); }

  bool inside(const fs::path& p) const {
    std::string rel = relative(p);
    return !rel.empty() && rel != ".." && rel.rfind("../", 0) != 0 && !fs::path(rel).is_absolute();
  }

  void problem(const std::string& file, const std::string& text, std::size_t pos, const std::string& reference,
               const std::string& what) {
    for (const Pending& p : pending())
      if (file == p.file && reference == p.reference) {
        tolerated_.push_back(file + ": " + reference);
        return;
      }
    problems_.push_back(file + ":" + std::to_string(line_of(text, pos)) + ": " + reference + ": " + what);
  }

  // The Markdown file a reference names, or "" with `why` set.
  fs::path resolve(const fs::path& citing_dir, const std::string& ref, std::string& why) const {
    if (!ref.empty() && ref[0] == '/') {
      why = "an absolute path; name a file of the repository";
      return {};
    }
    std::vector<fs::path> candidates = {citing_dir / ref, root_ / ref};
    bool bare = ref.find('/') == std::string::npos;
    if (bare) candidates.push_back(root_ / "docs" / ref);
    bool any_inside = false;
    for (const fs::path& c : candidates) {
      fs::path n = c.lexically_normal();
      if (!inside(n)) continue;
      any_inside = true;
      if (fs::is_regular_file(n)) return n;
    }
    why = any_inside ? "no such file in the repository" : "points outside the repository";
    return {};
  }

  const std::vector<std::string>& headings_of(const fs::path& markdown) {
    auto it = headings_.find(markdown.string());
    if (it == headings_.end()) it = headings_.emplace(markdown.string(), headings(test::read_file(markdown.string()))).first;
    return it->second;
  }

  void check_section(const std::string& file, const std::string& text, std::size_t pos, const std::string& ref,
                     const fs::path& target, const std::string& section) {
    ++references_;
    std::string want = lower(section);
    for (const std::string& h : headings_of(target))
      if (lower(h).find(want) != std::string::npos) return;
    problem(file, text, pos, ref + " \"" + section + "\"", "no heading of " + relative(target) + " contains \"" +
                                                             section + "\"");
  }

  void check_anchor(const std::string& file, const std::string& text, std::size_t pos, const std::string& ref,
                    const fs::path& target, const std::string& anchor) {
    ++references_;
    for (const std::string& h : headings_of(target))
      if (anchor_of(h) == anchor) return;
    problem(file, text, pos, ref + "#" + anchor, "no heading of " + relative(target) + " has this anchor");
  }

  void check_file(const fs::path& path) {
    std::string text = test::read_file(path.string());
    if (text.size() > 4'000'000 || text.find('\0') != std::string::npos) return;  // not documentation
    const std::string file = relative(path);
    const fs::path dir = path.parent_path();
    const bool markdown = path.extension().string() == kMd;

    for (std::size_t i = text.find(kMd); i != std::string::npos; i = text.find(kMd, i + 1)) {
      std::size_t end = i + kMd.size();
      if (end < text.size() && is_word(text[end])) continue;  // .mdx, .md5
      std::size_t start = i;
      while (start > 0 && is_path_char(text[start - 1])) --start;
      while (start < i && text[start] == '.' && text.compare(start, 2, "./") != 0 &&
             text.compare(start, 3, "../") != 0)
        ++start;  // leading dots belong to the sentence, except in ./ and ../
      std::string ref = text.substr(start, end - start);
      std::size_t slash = ref.rfind('/');
      std::string name = ref.substr(slash == std::string::npos ? 0 : slash + 1);
      if (name.size() <= kMd.size()) continue;           // no name before the extension
      if (start > 0 && text[start - 1] == ':') continue;  // part of a URL (https://host/…)
      std::string stem = name.substr(0, name.size() - kMd.size());
      bool upper_name = std::all_of(stem.begin(), stem.end(), [](char c) {
        return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
      });

      // What follows: a quoted section title (MODEL.md "Casus 1b", also \"…\" inside C++ strings) or
      // an anchor (MODEL.md#rounding).
      std::string section, anchor;
      std::size_t k = end;
      if (k < text.size() && text[k] == '#') {
        std::size_t a = k + 1;
        while (a < text.size() && (is_word(text[a]) || text[a] == '-')) ++a;
        anchor = text.substr(k + 1, a - k - 1);
      } else {
        // At least one blank, then the quoted title, which starts with a letter or digit: in C++ the
        // quote right after a name usually closes a string literal ("README" + ", " …).
        while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
        bool blank = k > end;
        bool escaped = k < text.size() && text[k] == '\\';
        if (escaped) ++k;
        if (blank && k + 1 < text.size() && text[k] == '"' && std::isalnum(static_cast<unsigned char>(text[k + 1]))) {
          std::size_t close = text.find(escaped ? "\\\"" : "\"", k + 1);
          std::size_t newline = text.find('\n', k + 1);
          if (close != std::string::npos && close < newline && close - k - 1 <= 80) section = text.substr(k + 1, close - k - 1);
        }
      }

      bool is_path = slash != std::string::npos;
      if (!is_path && !upper_name && section.empty() && anchor.empty()) continue;  // tables.md: an output's name
      ++references_;
      std::string why;
      fs::path target = resolve(dir, ref, why);
      if (target.empty()) {
        problem(file, text, start, ref, why);
        continue;
      }
      if (!section.empty()) check_section(file, text, start, ref, target, section);
      if (!anchor.empty()) check_anchor(file, text, start, ref, target, anchor);
    }

    if (markdown)  // links within the same file: [text](#anchor)
      for (std::size_t i = text.find("](#"); i != std::string::npos; i = text.find("](#", i + 1)) {
        std::size_t a = i + 3;
        while (a < text.size() && (is_word(text[a]) || text[a] == '-')) ++a;
        check_anchor(file, text, i, "", path, text.substr(i + 3, a - i - 3));
      }

    if (file.rfind("inputs/", 0) == 0 || file.rfind("src/model/", 0) == 0) check_errata_ids(file, text);
  }

  // I1 … I20, I3b: the report's inconsistencies, each with its heading in docs/MODEL.md.
  void check_errata_ids(const std::string& file, const std::string& text) {
    fs::path model = root_ / "docs" / ("MODEL" + kMd);
    for (std::size_t i = text.find('I'); i != std::string::npos; i = text.find('I', i + 1)) {
      if (i > 0 && is_word(text[i - 1])) continue;
      std::size_t e = i + 1;
      while (e < text.size() && e - i <= 2 && std::isdigit(static_cast<unsigned char>(text[e]))) ++e;
      if (e == i + 1) continue;
      if (e < text.size() && text[e] == 'b') ++e;
      if (e < text.size() && is_word(text[e])) continue;
      std::string id = text.substr(i, e - i);
      ++references_;
      if (!fs::is_regular_file(model)) {
        problem(file, text, i, id, "docs/MODEL" + kMd + " is missing");
        continue;
      }
      bool found = false;
      for (const std::string& h : headings_of(model))
        if (h.compare(0, id.size(), id) == 0 && (h.size() == id.size() || !is_word(h[id.size()]))) found = true;
      if (!found) problem(file, text, i, id, "no heading of docs/MODEL" + kMd + " starts with this inconsistency id");
    }
  }

  fs::path root_;
  std::vector<std::string> problems_, tolerated_;
  std::map<std::string, std::vector<std::string>> headings_;
  int references_ = 0;
};

std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const std::string& l : lines) s += "  " + l + "\n";
  return s;
}

TEST(Repository, EveryCitedDocumentAndSectionIsInTheRepository) {
  Checker c(test::source_dir());
  c.scan({"src", "inputs", "templates", "tests", "docs", "fuzz", "bench", "scripts", "README.md", "CMakeLists.txt",
          "Makefile"},
         {"fuzz/corpus"});
  EXPECT_TRUE(c.problems().empty()) << c.problems().size() << " reference(s) that do not resolve in the repository:\n"
                                    << joined(c.problems());
  EXPECT_GT(c.references(), 100);  // the scan found the references it is meant to check
  for (const std::string& t : c.tolerated())
    std::cout << "note: tolerated until its folder is edited (tests/repository_test.cpp, pending()): " << t << "\n";
}

TEST(Repository, TheModelDocumentHasAHeadingForEverySectionTheCodeCites) {
  std::vector<std::string> h = headings(test::read_file(test::source_dir() + "/docs/MODEL" + kMd));
  for (const char* section : {"Casus 1a", "Casus 1b", "Casus 2", "Casus 3", "Chapter 3: retention",
                              "Chapter 3: efficiency", "Chapter 4", "Inconsistencies in the report", "Rounding",
                              "Inferred constants"})
    EXPECT_TRUE(std::any_of(h.begin(), h.end(), [&](const std::string& x) { return x.find(section) != std::string::npos; }))
        << section;
}

// The checker itself: a small repository with one reference of each kind, good and broken.
TEST(Repository, CheckerReportsEachKindOfBrokenReference) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "docs");
  fs::create_directories(dir.path() / "src");
  test::write_file((dir.path() / "docs" / ("MODEL" + kMd)).string(),
                   "# Model\n\n## Casus 1a: huisarts\n\n```\n## Casus 9 (in a code block)\n```\n\n### I3b: swap\n");
  test::write_file((dir.path() / "src" / "a.cpp").string(),
                   "// fine: docs/MODEL" + kMd + " \"Casus 1a\", MODEL" + kMd + " \"casus 1A\", MODEL" + kMd +
                       "#casus-1a-huisarts, tables" + kMd + ", https://example.org/X/README" + kMd +
                       ", {\"MODEL" + kMd + "\", \"x\"}\n"
                       "// broken: docs/MISSING" + kMd + "\n"
                       "// broken: MODEL" + kMd + " \"Casus 9\"\n"
                       "// broken: shared/docs/MODEL" + kMd + "\n"
                       "// broken: ../../elsewhere/MODEL" + kMd + "\n"
                       "// broken: MODEL" + kMd + "#casus-1b\n"
                       "// broken: NOTES" + kMd + "\n"
                       "// broken: \"see MODEL" + kMd + " \\\"Casus 8\\\"\"\n");
  fs::create_directories(dir.path() / "src" / "model");
  test::write_file((dir.path() / "src" / "model" / "m.cpp").string(), "// I3b is fine, I4 is not; I12x is no id\n");
  Checker c(dir.path());
  c.scan({"src", "docs"});
  std::vector<std::string> expected = {
      "src/a.cpp:2: docs/MISSING" + kMd + ": no such file in the repository",
      "src/a.cpp:3: MODEL" + kMd + " \"Casus 9\": no heading of docs/MODEL" + kMd + " contains \"Casus 9\"",
      "src/a.cpp:4: shared/docs/MODEL" + kMd + ": no such file in the repository",
      "src/a.cpp:5: ../../elsewhere/MODEL" + kMd + ": points outside the repository",
      "src/a.cpp:6: MODEL" + kMd + "#casus-1b: no heading of docs/MODEL" + kMd + " has this anchor",
      "src/a.cpp:7: NOTES" + kMd + ": no such file in the repository",
      "src/a.cpp:8: MODEL" + kMd + " \"Casus 8\": no heading of docs/MODEL" + kMd + " contains \"Casus 8\"",
      "src/model/m.cpp:1: I4: no heading of docs/MODEL" + kMd + " starts with this inconsistency id",
  };
  EXPECT_EQ(c.problems(), expected) << joined(c.problems());
}

TEST(Repository, AnchorsFollowGitHub) {
  EXPECT_EQ(anchor_of("Casus 1b: heelkunde, the chirurg (MS) and the anios hand work to a VS or PA"),
            "casus-1b-heelkunde-the-chirurg-ms-and-the-anios-hand-work-to-a-vs-or-pa");
  EXPECT_EQ(anchor_of("I4: Casus 3 prints 6 415 fte for 10 % of 64 300"), "i4-casus-3-prints-6-415-fte-for-10--of-64-300");
  EXPECT_EQ(anchor_of("Patiëntgebonden uren → fte"), "patiëntgebonden-uren--fte");
}

}  // namespace
}  // namespace zorgcap
