// The qualitative tables (3, 6, 7, 18, 31, 36, 37) and every caption carry the report's own wording:
// each paragraph of each cell occurs in the report's text (compared on letters only, so line breaks,
// hyphenation at line ends, footnote digits and page furniture of the extracted text do not count).
//
// The report's full text is not part of the repository. The test reads it from the file that the
// environment variable ZORGCAP_REPORT_TEXT names, or else from
// ../shared/seeds/report-sociale-innovaties-2024.txt beside the source folder (the development
// workplace's layout). With neither, it is skipped with a message saying so (README.md "Testing").
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "document/table_template.h"
#include "test_support.h"

namespace zorgcap {
namespace {

std::string letters(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isalpha(c)) out += static_cast<char>(std::tolower(c));
    else if (c >= 0x80) out += s[i];  // keep UTF-8 letters such as ë as they are
  }
  return out;
}

constexpr const char* kReportTextVariable = "ZORGCAP_REPORT_TEXT";

std::string workplace_report_text_path() {
  return test::source_dir() + "/../shared/seeds/report-sociale-innovaties-2024.txt";
}

// The file with the report's text: $ZORGCAP_REPORT_TEXT if set (it must then exist), else the
// workplace copy beside the repository if there is one, else "".
std::string report_text_path() {
  if (const char* env = std::getenv(kReportTextVariable); env != nullptr && *env != '\0') return env;
  std::string workplace = workplace_report_text_path();
  return std::filesystem::exists(workplace) ? workplace : std::string();
}

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    std::string p = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!letters(p).empty()) out.push_back(p);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

TEST(ReportWording, QualitativeTablesAndCaptionsAreTheReportsText) {
  std::string path = report_text_path();
  if (path.empty())
    GTEST_SKIP() << "ReportWording is skipped: it compares the templates' wording with the full text of the "
                 << "report, which is not in the repository; " << kReportTextVariable << " is not set and "
                 << workplace_report_text_path() << " does not exist. Set " << kReportTextVariable
                 << "=/path/to/report-sociale-innovaties-2024.txt to run it";
  ASSERT_TRUE(std::filesystem::is_regular_file(path))
      << "the report text " << path << " is not a regular file";
  std::string report = test::read_file(path);
  ASSERT_FALSE(report.empty()) << path << " is empty";
  std::string haystack = letters(report);
  Diagnostics diags;
  SourceTexts texts;
  auto templates = load_table_templates(test::source_dir() + "/templates/tables", diags, texts);
  ASSERT_TRUE(templates) << diags.format(texts);
  int checked = 0;
  for (const TableTemplate& t : *templates) {
    EXPECT_NE(haystack.find(letters(t.caption)), std::string::npos) << t.caption;
    bool qualitative = t.number == 3 || t.number == 6 || t.number == 7 || t.number == 18 || t.number == 31 ||
                       t.number == 36 || t.number == 37;
    if (!qualitative) continue;
    for (const auto* section : {&t.header, &t.rows})
      for (const auto& row : *section)
        for (const CellTemplate& c : row)
          for (const CellRun& r : c.runs) {
            ASSERT_FALSE(r.number) << "qualitative table " << t.number << " holds a number";
            for (const std::string& p : paragraphs(r.text)) {
              ++checked;
              EXPECT_NE(haystack.find(letters(p)), std::string::npos) << "table " << t.number << ": " << p;
            }
          }
  }
  EXPECT_GE(checked, 74);  // every paragraph of the seven tables
}

}  // namespace
}  // namespace zorgcap
