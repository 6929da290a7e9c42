#include "cli/report_command.h"
#include "cli/file_digests.h"
#include "cli/glyph_warnings.h"
#include "cli/shipped_files.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <mutex>
#include <future>
#include <memory>
#include <thread>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/app.h"
#include "core/atomic_file.h"
#include "core/version.h"
#include "core/output_dir.h"
#include "core/read_file.h"
#include "document/analysis_build.h"
#include "document/build.h"
#include "document/reconciliation_build.h"
#include "inputs/published.h"
#include "model/finite_check.h"
#include "model/reconcile.h"
#include "document/table_template.h"
#include "inputs/load_inputs.h"
#include "inputs/yaml_tree.h"
#include "model/model.h"
#include "writers/docx_writer.h"
#include "writers/html_writer.h"
#include "writers/latex_writer.h"
#include "writers/markdown_writer.h"
#include "writers/xlsx_writer.h"
#include "writers/escape.h"
#include "writers/index_page.h"
#include "writers/pdf_deflate.h"
#include "writers/pdf_writer.h"
#include "writers/explore_writer.h"
#include "writers/tables_json.h"
#include "writers/values_json.h"

namespace zorgcap {
namespace {

// The scenario explore.html exports its edits as (inputs/scenarios/verkenning.yaml).
constexpr const char* kExploreScenario = "verkenning";
namespace fs = std::filesystem;

std::string manifest_json(const Inputs& inputs, const FileDigests& inputs_digest, const FileDigests& all_files,
                          const std::set<int>& tables) {
  nlohmann::ordered_json j;
  j["zorgcap_version"] = version();
  if (*git_commit()) j["git_commit"] = git_commit();
  j["scenario"] = inputs.scenario;
  if (!tables.empty()) j["tables"] = tables;  // a --table run: the table outputs hold only these
  j["inputs_sha256"] = inputs_digest.combined;
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& [path, hash] : all_files.files) files.push_back({{"path", path}, {"sha256", hash}});
  j["files"] = files;
  nlohmann::ordered_json params = nlohmann::ordered_json::object();
  for (const auto& [key, p] : inputs.parameters) {
    nlohmann::ordered_json pj;
    if (p.ranged) {
      pj["min"] = p.min;
      pj["max"] = p.max;
    } else {
      pj["value"] = p.min;
    }
    pj["unit"] = std::string(unit_name(p.unit));
    pj["source"] = p.source;
    params[key] = pj;
  }
  j["parameters"] = params;
  return j.dump(2) + "\n";
}

std::string read_text(const std::string& path) {
  std::string error;
  auto text = read_regular_file(path, 64 * 1024 * 1024, error);  // never blocks on a FIFO
  if (!text) throw std::runtime_error("cannot read " + path + ": " + error);
  return *text;
}

// Everything a run shares between scenarios: the templates, read and checked once.
struct SharedTemplates {
  std::vector<TableTemplate> tables;
  AnalysisTemplate analysis;
  std::vector<IndexRow> index_rows;
  std::string css;
  std::string explore_js, explore_css;  // templates/explore/: explore.html's script and stylesheet
  SourceTexts texts;
  FileDigests digests;  // of `texts`, for every scenario's manifest
};

// The folders a run's files are named under in its digests (file_digests.h).
std::vector<DigestRoot> digest_roots(const ReportOptions& o) {
  return {{o.inputs_dir, "inputs"}, {o.templates_dir, "templates"}};
}

std::optional<std::vector<IndexRow>> load_index_rows(const std::string& path, Diagnostics& diags, SourceTexts& texts) {
  std::string text;
  auto root = yaml::parse_file(path, diags, text);
  texts.emplace_back(path, text);
  const yaml::Node* rows = root && root->is_map() ? root->find("rows") : nullptr;
  if (!rows || !rows->is_sequence()) {
    if (root) diags.error(path, root->where, "rows", "expected a list 'rows'");
    return std::nullopt;
  }
  std::vector<IndexRow> out;
  for (const yaml::Node& r : rows->items) {
    auto get = [&](std::string_view k) {
      const yaml::Node* n = r.find(k);
      return n && n->is_scalar() ? n->text : std::string();
    };
    auto fmt = parse_number_format(get("format"));
    if (get("key").empty() || !fmt) {
      diags.error(path, r.where, "rows", "a row needs key, label, group and a number format");
      continue;
    }
    out.push_back({get("group"), get("label"), get("key"), get("unit"), *fmt});
  }
  return out;
}

std::optional<SharedTemplates> load_templates(const ReportOptions& o, Diagnostics& diags, SourceTexts& texts) {
  SharedTemplates t;
  auto tables = load_table_templates((fs::path(o.templates_dir) / "tables").string(), diags, t.texts);
  auto analysis = load_analysis_template((fs::path(o.templates_dir) / "analysis.yaml").string(), diags, t.texts);
  auto index = load_index_rows((fs::path(o.templates_dir) / "index.yaml").string(), diags, t.texts);
  std::string css_path = (fs::path(o.templates_dir) / "html" / "style.css").string();
  try {
    t.css = read_text(css_path);
    t.texts.emplace_back(css_path, t.css);
  } catch (const std::exception& e) {
    diags.error(css_path, {}, "", "cannot read the stylesheet");
  }
  for (auto [file, text] : {std::pair{"explore.js", &t.explore_js}, std::pair{"explore.css", &t.explore_css}}) {
    std::string path = (fs::path(o.templates_dir) / "explore" / file).string();
    try {
      *text = read_text(path);
      t.texts.emplace_back(path, *text);
    } catch (const std::exception& e) {
      diags.error(path, {}, "", "cannot read explore.html's script or stylesheet");
    }
  }
  if (!tables || !analysis || !index || !diags.empty()) {
    texts = t.texts;
    return std::nullopt;
  }
  t.tables = std::move(*tables);
  t.analysis = std::move(*analysis);
  t.index_rows = std::move(*index);
  t.digests = digest_files(t.texts, digest_roots(o));
  return t;
}

struct ScenarioOutcome {
  bool ok = false;
  int failure = kExitOk;  // kExitBadInput or kExitInternal when !ok
  std::string messages;   // errors and warnings, for stderr
  std::string summary;    // one line, for stdout
  std::optional<IndexScenario> index;  // when ok: its values of the index rows, as its values.json has them
};

// Bad input found after the inputs were read (the published numbers): exit 1, not 3.
struct BadInput : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A --table run: the Document keeps only the chosen tables, and the parts that are not tables
// (charts, Monte Carlo) are left out. Herkomst, Verantwoording and Bronnen stay, so that every
// mark in the tables still has its entry.
void keep_only_tables(Document& doc, const std::set<int>& tables) {
  std::erase_if(doc.tables, [&](const BuiltTable& t) { return tables.count(t.number) == 0; });
  doc.case_charts.clear();
  doc.tornados.clear();
  doc.uncertainty.reset();
  doc.uncertainty_table.reset();
}

struct PublishedNumbers {
  std::optional<std::vector<PublishedNumber>> published;
  std::optional<std::map<std::string, Erratum>> errata;
  Diagnostics diags;
  SourceTexts texts;
};

// The report's printed numbers and its errata, read for the baseline's Verantwoording.
PublishedNumbers read_published(const fs::path& inputs_dir) {
  PublishedNumbers p;
  p.published = load_published((inputs_dir / "published.yaml").string(), p.diags, p.texts);
  p.errata = load_errata((inputs_dir / "errata.yaml").string(), p.diags, p.texts);
  return p;
}

// Runs `f` on a thread of its own when a core is spare, else now; get() gives its result either way
// (or rethrows what it threw).
template <class F>
std::future<std::invoke_result_t<F>> start(bool spare_core, F f) {
  return std::async(spare_core ? std::launch::async : std::launch::deferred, std::move(f));
}

// Reading the printed numbers of a run that includes the baseline, started before the templates
// are read (it is the longest read). Its thread is made with SIGTERM and SIGINT blocked, as the
// signal watcher made later blocks them, so that they are never delivered to it.
std::future<PublishedNumbers> start_reading_published(bool spare_core, const std::string& inputs_dir) {
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  ::pthread_sigmask(SIG_BLOCK, &set, &old);
  auto f = start(spare_core, [dir = fs::path(inputs_dir)] { return read_published(dir); });
  ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return f;
}

// report.pdf's fonts, read once per run by the first scenario that draws one. A font that cannot be
// read fails each scenario's report.pdf with the same message.
class RunFonts {
 public:
  explicit RunFonts(std::string dir) : dir_(std::move(dir)) {}
  std::shared_ptr<const PdfFonts> get() {
    std::call_once(once_, [&] {
      try {
        fonts_ = PdfFonts::load(dir_);
      } catch (...) {
        error_ = std::current_exception();
      }
    });
    if (error_) std::rethrow_exception(error_);
    return fonts_;
  }

 private:
  std::string dir_;
  std::once_flag once_;
  std::shared_ptr<const PdfFonts> fonts_;
  std::exception_ptr error_;
};

// One scenario through the whole pipeline; its folder is published only if everything succeeded.
// With a spare core, reading the printed numbers and writing report.pdf run beside the rest.
// `early`: the printed numbers, being read since the run started (for the baseline).
ScenarioOutcome run_scenario(const ReportOptions& o, const SharedTemplates& t, const LoadedBaseline& baseline,
                             RunFonts& fonts, pdf::PageCache* pages, const std::string& name, bool spare_core,
                             std::future<PublishedNumbers>& early) {
  ScenarioOutcome r;
  Diagnostics diags;
  SourceTexts input_texts;
  auto inputs = load_scenario(o.inputs_dir, name, diags, input_texts, &baseline);
  // The report's printed numbers belong to its own inputs: the baseline scenario.
  const fs::path published_path = fs::path(o.inputs_dir) / "published.yaml";
  std::future<PublishedNumbers> published;
  if (inputs && inputs->scenario == "baseline" && fs::exists(published_path))
    published = early.valid() ? std::move(early) : start(spare_core, [dir = fs::path(o.inputs_dir)] { return read_published(dir); });
  std::optional<Results> results;
  if (inputs) results = evaluate(*inputs);
  if (results) {
    check_finite(*results, *inputs, diags);
    check_bindings(t.tables, *results, diags);
    check_analysis_bindings(t.analysis, *results, diags);
  }
  if (!diags.empty()) {
    SourceTexts all = input_texts;
    all.insert(all.end(), t.texts.begin(), t.texts.end());
    r.messages = diags.format(all) + "zorgcap: " + printable(name) + ": " + std::to_string(diags.size()) +
                 (diags.size() == 1 ? " error" : " errors") + "; nothing was written for this scenario\n";
    r.failure = kExitBadInput;
    return r;
  }
  try {
    FileDigests input_digest = digest_files(input_texts, digest_roots(o));
    FileDigests all_digest = join_digests(input_digest, t.digests);

    Document doc = build_document(t.tables, *results, *inputs, input_digest.combined);
    add_analyses(doc, t.analysis, run_analyses(*inputs, t.analysis, o.montecarlo), *results, *inputs);
    auto wants = [&](const char* f) { return o.formats.count(f) > 0; };
    // report.pdf: with a spare core its thread starts here, loading libharu and the fonts while the
    // Document is completed (the printed numbers may still be being read), and takes the Document
    // once `complete` is set.
    std::vector<char32_t> replaced;  // characters report.pdf could not draw
    std::optional<StagedDirectory> dir;
    std::promise<void> complete;
    bool completed = false;
    std::future<void> pdf;
    if (wants("pdf"))
      pdf = start(spare_core, [&, ready = complete.get_future()]() mutable {
        WriterOptions writer = o.writer;
        writer.spare_thread = spare_core;
        PdfRenderer renderer(fonts.get(), writer, pages);
        ready.get();  // throws when the Document was not completed
        write_file_atomic(dir->path_of("report.pdf"), renderer.render(doc, &replaced));
      });
    // Whatever throws, report.pdf's thread ends before what it reads goes. A deferred report.pdf (no
    // spare core) is not written for a scenario that failed.
    struct Join {
      std::promise<void>& complete;
      const bool& completed;
      std::future<void>& f;
      ~Join() {
        if (!completed) complete.set_exception(std::make_exception_ptr(std::runtime_error("the Document was not completed")));
        if (f.valid() && f.wait_for(std::chrono::seconds(0)) != std::future_status::deferred) f.wait();
      }
    } join{complete, completed, pdf};
    if (published.valid()) {
      PublishedNumbers p = published.get();
      if (!p.published || !p.errata) throw BadInput("cannot read the published numbers:\n" + p.diags.format(p.texts));
      add_reconciliation(doc, reconcile(*results, *p.published), *p.errata);
    }
    if (!o.tables.empty()) keep_only_tables(doc, o.tables);
    dir.emplace(o.out_dir, inputs->scenario);
    complete.set_value();
    completed = true;
    write_file_atomic(dir->path_of("values.json"), values_json(inputs->scenario, *results, *inputs));
    write_file_atomic(dir->path_of("manifest.json"), manifest_json(*inputs, input_digest, all_digest, o.tables));
    if (wants("json")) write_file_atomic(dir->path_of("tables.json"), render_tables_json(doc));
    if (wants("csv")) write_file_atomic(dir->path_of("tables.csv"), render_tables_csv(doc));
    if (wants("html")) write_file_atomic(dir->path_of("report.html"), render_html(doc, t.css));
    if (wants("explore"))
      write_file_atomic(dir->path_of("explore.html"),
                        render_explore(doc, {t.explore_js, t.explore_css, kExploreScenario,
                                             assumption_source_label(kExploreScenario)}));
    if (wants("xlsx")) write_xlsx(doc, dir->path_of("tables.xlsx"));
    if (wants("md")) write_file_atomic(dir->path_of("tables.md"), render_markdown(doc));
    if (wants("docx")) {
      DocxOptions docx;
      docx.show_marks = o.writer.marks == Marks::herkomst;  // the same --marks as report.pdf
      write_file_atomic(dir->path_of("tables.docx"), render_docx(doc, docx));
    }
    if (wants("tex")) {
      fs::create_directory(dir->path_of("latex"));
      for (const auto& [file, text] : render_latex(doc)) write_file_atomic(dir->path_of("latex/" + file), text);
    }
    if (pdf.valid()) {
      pdf.get();
      if (!replaced.empty()) {  // where the characters report.pdf could not draw come from
        SourceTexts all = input_texts;
        all.insert(all.end(), t.texts.begin(), t.texts.end());
        r.messages += glyph_warnings(replaced, all);
      }
    }
    dir->publish();
    r.ok = true;
    r.index = IndexScenario{name, name, {}};
    for (const IndexRow& row : t.index_rows)
      if (const Quantity* q = results->find(row.key)) r.index->values[row.key] = {q->min, q->max};
    r.summary = "zorgcap: " + name + ": wrote " + (fs::path(o.out_dir) / name).string() + "/ (" +
                std::to_string(doc.tables.size()) + " tables, " + std::to_string(results->size()) + " quantities)\n";
  } catch (const ForeignFolder& e) {
    r.messages = "zorgcap: " + printable(name) + ": " + e.what() + "\n";
    r.failure = kExitInternal;
  } catch (const BadInput& e) {
    r.messages = "zorgcap: " + printable(name) + ": " + e.what() + "; the previous outputs were left as they were\n";
    r.failure = kExitBadInput;
  } catch (const std::exception& e) {
    // Writing the outputs failed (a full disk, an OUT that cannot be a folder), or a writer did.
    r.messages = "zorgcap: " + printable(name) + ": " + e.what() + "; the previous outputs were left as they were\n";
    r.failure = kExitInternal;
  }
  return r;
}

// The failed scenarios of this run, with their errors, as a section of the index page (only when
// there are any, so a run without failures writes the same page as before).
std::string failures_section(const std::vector<std::pair<std::string, std::string>>& failed) {
  if (failed.empty()) return "";
  std::string s = "<section class=\"failures\">\n<h2>Niet bijgewerkt in deze run</h2>\n<ul>\n";
  for (const auto& [name, message] : failed)
    s += "<li><strong>" + html_escape(printable(name)) + "</strong>\n<pre>" + html_escape(message) + "</pre></li>\n";
  return s + "</ul>\n</section>\n";
}

// OUT/index.html from the folders zorgcap made in OUT (their values.json), baseline first, then by
// name, and the scenarios that failed in this run. Folders zorgcap did not make are never read.
// Returns the problems met (a marked folder whose values.json cannot be read), each also listed.
// `written`: the scenarios this run published, whose values are at hand (values.json round-trips
// every double, so reading it back gives the same numbers).
std::vector<std::string> write_index(const ReportOptions& o, const SharedTemplates& t,
                                     std::vector<std::pair<std::string, std::string>> failed,
                                     const std::map<std::string, const IndexScenario*>& written) {
  std::vector<IndexScenario> scenarios;
  std::vector<std::string> names, problems;
  std::error_code ec;
  for (fs::directory_iterator it(o.out_dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string n = it->path().filename().string();
    if (is_valid_scenario_name(n) && is_marked_output(it->path().string())) names.push_back(n);
  }
  if (ec) throw std::runtime_error("cannot list " + o.out_dir + ": " + ec.message());
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return (a != "baseline") == (b != "baseline") ? a < b : a == "baseline";  // baseline first
  });
  for (const std::string& n : names) {
    if (auto w = written.find(n); w != written.end()) {
      scenarios.push_back(*w->second);
      continue;
    }
    std::string path = (fs::path(o.out_dir) / n / "values.json").string();
    try {
      nlohmann::json v = nlohmann::json::parse(read_text(path));
      IndexScenario s{n, n, {}};
      for (const auto& q : v.at("quantities")) s.values[q.at("key").get<std::string>()] = {q.at("min"), q.at("max")};
      scenarios.push_back(std::move(s));
    } catch (const std::exception& e) {
      std::string what = std::string(e.what()).rfind("cannot read", 0) == 0 ? e.what() : path + ": " + e.what();
      problems.push_back(what);
      failed.emplace_back(n, "zorgcap: " + n + ": the index cannot show this folder: " + what + "\n");
    }
  }
  std::string page = render_index(t.index_rows, scenarios, t.css);
  if (std::string extra = failures_section(failed); !extra.empty()) {
    std::size_t at = page.rfind("</main>");
    page.insert(at == std::string::npos ? page.size() : at, extra);
  }
  auto hold = hold_outputs();  // a signal's clean-up waits until index.html is in place
  write_file_atomic((fs::path(o.out_dir) / "index.html").string(), page);
  return problems;
}

// SIGTERM and SIGINT, while a report runs: they are blocked in every thread and taken by one
// watcher thread (sigwaitinfo), so no code runs in a signal handler. The watcher removes this run's
// staging folders and exits with 128 + the signal (143, 130). finish() stops the watcher.
class SignalWatcher {
 public:
  SignalWatcher() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGINT);
    ::pthread_sigmask(SIG_BLOCK, &set_, &old_);
    thread_ = std::thread([this] { watch(); });
  }
  ~SignalWatcher() { finish(); }
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

  void finish() {
    if (!thread_.joinable()) return;
    done_ = true;
    ::pthread_kill(thread_.native_handle(), SIGTERM);  // wakes the watcher, which sees done_
    thread_.join();
    ::pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }

 private:
  void watch() {
    for (;;) {
      siginfo_t info{};
      int sig = ::sigwaitinfo(&set_, &info);
      if (sig < 0) continue;  // EINTR
      if (done_ && info.si_pid == ::getpid()) return;  // finish(): from this process, not a user's kill
      remove_this_runs_temporaries();
      const char* msg = sig == SIGINT ? "zorgcap: interrupted (SIGINT); this run's temporary folders were removed\n"
                                      : "zorgcap: terminated (SIGTERM); this run's temporary folders were removed\n";
      ssize_t ignored = ::write(STDERR_FILENO, msg, std::strlen(msg));
      (void)ignored;
      ::_exit(128 + sig);
    }
  }

  sigset_t set_{}, old_{};
  std::atomic<bool> done_{false};
  std::thread thread_;
};

// How long a run waits for another run on the same OUT: ZORGCAP_LOCK_WAIT seconds (0: not at all),
// else 600.
unsigned lock_wait_seconds() {
  const char* v = std::getenv("ZORGCAP_LOCK_WAIT");
  if (!v || !*v) return 600;
  char* end = nullptr;
  unsigned long s = std::strtoul(v, &end, 10);
  return *end == '\0' && s < 86400 ? static_cast<unsigned>(s) : 600;
}

}  // namespace

const std::vector<std::string>& known_formats() {
  static const std::vector<std::string> formats = {"html", "pdf", "json", "csv", "xlsx", "tex", "md", "docx", "explore"};
  return formats;
}

int run_report(const ReportOptions& given, std::ostream& out, std::ostream& err) {
  ReportOptions o = given;
  try {
    if (o.templates_dir.empty()) o.templates_dir = shipped_folder("templates");
    if (o.font_dir.empty() && o.formats.count("pdf")) o.font_dir = shipped_folder("fonts");
  } catch (const std::exception& e) {
    err << "zorgcap: " << e.what() << "; nothing was written\n";
    return kExitInternal;
  }
  // Each scenario once, in the order given (a repeated --scenario would race with itself).
  std::vector<std::string> names;
  for (const std::string& n : o.scenarios)
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  const bool full_run = names.empty();
  std::error_code listing;  // set when INPUTS/scenarios/ exists but cannot be listed
  if (full_run) {
    names.push_back("baseline");
    for (const std::string& s : list_scenarios(o.inputs_dir, listing))
      if (s != "baseline") names.push_back(s);
  }
  // A --scenario that is no name is a usage error. A file in scenarios/ with a bad name is that
  // scenario's bad input (load_scenario reports it); the others still run.
  if (!full_run)
    for (const std::string& n : names)
      if (std::string why = scenario_name_problem(n); !why.empty()) {
        err << "zorgcap report: --scenario " << why << "\n";
        return kExitUsage;
      }
  // --jobs is the number of threads: one per scenario at a time, and when fewer scenarios than
  // that are left to share them, each also writes its report.pdf on a thread of its own.
  const unsigned threads = o.jobs > 0 ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  const unsigned jobs = std::min<unsigned>(threads, static_cast<unsigned>(names.size()));
  const bool spare_core = threads > jobs;
  std::future<PublishedNumbers> published;  // for the baseline's scenario only
  if (std::find(names.begin(), names.end(), "baseline") != names.end() &&
      fs::exists(fs::path(o.inputs_dir) / "published.yaml"))
    published = start_reading_published(spare_core, o.inputs_dir);

  Diagnostics diags;
  SourceTexts template_texts;
  auto shared = load_templates(o, diags, template_texts);
  if (!shared) {
    err << diags.format(template_texts) << "zorgcap: " << diags.size() << " errors in the templates; nothing was written\n";
    return kExitBadInput;
  }
  if (o.montecarlo && o.montecarlo->draws > max_monte_carlo_draws(shared->analysis.headlines.size())) {
    err << "zorgcap report: --montecarlo " << o.montecarlo->draws << ": the draws of "
        << shared->analysis.headlines.size() << " outcomes are kept in memory, at most "
        << (kMonteCarloMemoryLimit >> 20) << " MiB per scenario: give at most "
        << max_monte_carlo_draws(shared->analysis.headlines.size()) << " draws\n";
    return kExitUsage;
  }
  for (int n : o.tables)
    if (std::none_of(shared->tables.begin(), shared->tables.end(), [&](const TableTemplate& t) { return t.number == n; })) {
      err << "zorgcap report: --table " << n << ": the templates in " << o.templates_dir << "/tables have no table " << n
          << "; nothing was written\n";
      return kExitUsage;
    }
  // From here, SIGTERM and SIGINT remove this run's staging folders before the process exits.
  SignalWatcher signals;
  // One run at a time per OUT; under the lock, any staging folder left in OUT is from a killed run.
  std::error_code exists_ec;
  const bool out_existed = fs::symlink_status(o.out_dir, exists_ec).type() != fs::file_type::not_found;
  std::optional<OutputLock> lock;
  try {
    lock.emplace(o.out_dir, lock_wait_seconds(), err);
  } catch (const std::exception& e) {
    err << "zorgcap: " << e.what() << "; nothing was written\n";
    return kExitInternal;
  }
  remove_stale_temporaries(o.out_dir);

  // Every scenario extends the baseline: it is read once for the run.
  const LoadedBaseline baseline = load_baseline(o.inputs_dir);
  RunFonts fonts(o.font_dir);
  pdf::PageCache pages;  // for a batch: a page the report before had too is not compressed again
  std::vector<ScenarioOutcome> outcomes(names.size());
  std::atomic<std::size_t> next{0};
  std::mutex progress;
  std::size_t done = 0;
  // The one rule for what is not an error: on standard output, only on a terminal or with
  // --verbose, never with --quiet (cron mails whatever a job prints).
  bool console = o.verbosity == Verbosity::verbose ||
                 (o.verbosity == Verbosity::automatic && ::isatty(STDOUT_FILENO) != 0);
  auto worker = [&] {
    for (std::size_t i; (i = next++) < names.size();) {
      auto start = std::chrono::steady_clock::now();
      try {
        outcomes[i] = run_scenario(o, *shared, baseline, fonts, names.size() > 1 ? &pages : nullptr, names[i], spare_core,
                                   published);
      } catch (const std::exception& e) {  // not to end the process from a worker thread
        outcomes[i] = {false, kExitInternal, "zorgcap: " + printable(names[i]) + ": internal error: " + e.what() + "\n", "", std::nullopt};
      } catch (...) {
        outcomes[i] = {false, kExitInternal, "zorgcap: " + printable(names[i]) + ": internal error\n", "", std::nullopt};
      }
      if (!console) continue;
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
      std::lock_guard<std::mutex> lock(progress);
      out << "[" << ++done << "/" << names.size() << "] " << names[i] << ": " << (outcomes[i].ok ? "ok" : "FAILED")
          << " (" << ms << " ms)\n";
    }
  };
  std::vector<std::thread> pool;
  for (unsigned j = 1; j < jobs; ++j) pool.emplace_back(worker);
  worker();
  for (std::thread& th : pool) th.join();

  int failed = 0, code = kExitOk;
  std::string failed_names;
  std::vector<std::pair<std::string, std::string>> failures;
  for (std::size_t i = 0; i < names.size(); ++i) {
    err << outcomes[i].messages;
    if (console) out << outcomes[i].summary;
    failed += !outcomes[i].ok;
    if (!outcomes[i].ok) failed_names += " " + names[i];
    code = std::max(code, outcomes[i].failure);
    if (!outcomes[i].ok) failures.emplace_back(names[i], outcomes[i].messages);
  }
  // A full run publishes exactly the scenarios there are: a folder zorgcap made for a scenario
  // that no longer exists is removed (a failed scenario keeps its previous outputs).
  if (listing) {
    // Not knowing which scenarios exist, a run removes none of their folders.
    err << "zorgcap: " << (fs::path(o.inputs_dir) / "scenarios").string() << ": error: cannot list the scenarios: "
        << listing.message() << "; the scenario folders in " << o.out_dir << "/ were kept\n";
    code = std::max(code, kExitBadInput);
  } else if (full_run) {
    std::error_code ec;
    std::vector<std::string> stale;
    for (fs::directory_iterator it(o.out_dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::string n = it->path().filename().string();
      if (std::find(names.begin(), names.end(), n) == names.end() && is_marked_output(it->path().string()))
        stale.push_back(n);
    }
    std::sort(stale.begin(), stale.end());
    for (const std::string& n : stale)
      if (retire_output(o.out_dir, n) && console) out << "zorgcap: " << n << ": removed " << (fs::path(o.out_dir) / n).string()
                                           << "/ (the scenario no longer exists)\n";
  }
  // A run in which nothing succeeded leaves an OUT it had to create as it was: absent.
  if (static_cast<std::size_t>(failed) == names.size() && !out_existed) {
    lock->release_and_remove();
    ::rmdir(o.out_dir.c_str());  // only if empty
    signals.finish();
    err << "zorgcap: 0 of " << names.size() << " scenarios written to " << o.out_dir << "/\n";
    if (!failed_names.empty()) err << "zorgcap: failed scenarios:" << failed_names << "\n";
    return code;
  }
  try {
    std::map<std::string, const IndexScenario*> written;
    for (const ScenarioOutcome& outcome : outcomes)
      if (outcome.ok && outcome.index) written.emplace(outcome.index->name, &*outcome.index);
    for (const std::string& problem : write_index(o, *shared, failures, written)) {
      err << "zorgcap: index.html: " << problem << "\n";
      code = kExitInternal;
    }
  } catch (const std::exception& e) {
    err << "zorgcap: cannot write the index page: " << e.what() << "\n";
    ++failed;
    code = kExitInternal;
  }
  signals.finish();
  std::ostringstream summary;
  summary << "zorgcap: " << names.size() - static_cast<std::size_t>(failed) << " of " << names.size()
          << " scenarios written to " << o.out_dir << "/\n";
  if (failed) {
    // An error: on stderr whatever the verbosity, with the names a nightly job can quote.
    err << summary.str();
    if (!failed_names.empty()) err << "zorgcap: failed scenarios:" << failed_names << "\n";
  } else if (console && names.size() > 1) {
    out << summary.str();
  }
  return code;
}

}  // namespace zorgcap
