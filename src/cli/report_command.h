#pragma once
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "model/analysis.h"
#include "writers/writer_options.h"

namespace zorgcap {

// What `report` prints besides errors: progress lines and summaries go to standard output when
// it is a terminal (automatic) or with --verbose, never with --quiet. Errors always go to stderr.
enum class Verbosity { automatic, quiet, verbose };

struct ReportOptions {
  std::string inputs_dir = "inputs";
  std::string out_dir = "outputs";
  std::string templates_dir;  // empty: the templates shipped with the binary (shipped_files.h)
  std::string font_dir;       // empty: the PDF fonts shipped with the binary
  WriterOptions writer;  // what the writers show besides the Document (--marks)
  std::optional<MonteCarloOptions> montecarlo;  // add P5/P50/P95 of the headline outcomes
  std::vector<std::string> scenarios;  // empty: baseline and every scenario in INPUTS/scenarios/
  std::set<std::string> formats = {"html", "pdf", "json", "csv", "xlsx", "tex", "md", "docx", "explore"};  // + values.json, manifest.json
  std::set<int> tables;  // --table: only these tables (and no charts) in the table outputs; empty: all
  unsigned jobs = 0;  // scenarios run in parallel; 0: one per core
  Verbosity verbosity = Verbosity::automatic;
};

// Output formats `--format` accepts.
const std::vector<std::string>& known_formats();

// Runs scenarios through the pipeline — load and validate inputs and templates, evaluate the model,
// build the document, write the outputs — publishing each OUT/<scenario>/ as a whole, in parallel
// (`jobs`), then OUT/index.html. One scenario's failure is reported and the others still complete.
// Problems go to `err`, ending with "zorgcap: failed scenarios: NAME..." when some failed. Progress
// and summaries go to `out` as `verbosity` says. Returns 0 if all succeeded; 1 if a scenario had bad input (or the templates
// did); 3 if an output could not be written or another internal failure happened (3 when both happen);
// 2 for a bad scenario name.
int run_report(const ReportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace zorgcap
