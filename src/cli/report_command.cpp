#include "cli/report_command.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/app.h"
#include "core/atomic_file.h"
#include "core/version.h"
#include "core/output_dir.h"
#include "core/sha256.h"
#include "document/analysis_build.h"
#include "document/build.h"
#include "document/reconciliation_build.h"
#include "inputs/published.h"
#include "model/reconcile.h"
#include "document/table_template.h"
#include "inputs/load_inputs.h"
#include "inputs/yaml_tree.h"
#include "model/model.h"
#include "writers/html_writer.h"
#include "writers/latex_writer.h"
#include "writers/markdown_writer.h"
#include "writers/xlsx_writer.h"
#include "writers/index_page.h"
#include "writers/pdf_writer.h"
#include "writers/tables_json.h"
#include "writers/values_json.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;

// sha256 of each file read, and one digest over all of them (name and hash, in reading order).
struct FileDigests {
  std::vector<std::pair<std::string, std::string>> files;
  std::string combined;
};

FileDigests digest(const SourceTexts& texts) {
  FileDigests d;
  std::string all;
  for (const auto& [path, text] : texts) {
    d.files.emplace_back(path, sha256_hex(text));
    all += path + '\0' + d.files.back().second + '\n';
  }
  d.combined = sha256_hex(all);
  return d;
}

std::string manifest_json(const Inputs& inputs, const FileDigests& inputs_digest, const FileDigests& all_files) {
  nlohmann::ordered_json j;
  j["zorgcap_version"] = version();
  if (*git_commit()) j["git_commit"] = git_commit();
  j["scenario"] = inputs.scenario;
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
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Everything a run shares between scenarios: the templates, read and checked once.
struct SharedTemplates {
  std::vector<TableTemplate> tables;
  AnalysisTemplate analysis;
  std::vector<IndexRow> index_rows;
  std::string css;
  SourceTexts texts;
};

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
  if (!tables || !analysis || !index || !diags.empty()) {
    texts = t.texts;
    return std::nullopt;
  }
  t.tables = std::move(*tables);
  t.analysis = std::move(*analysis);
  t.index_rows = std::move(*index);
  return t;
}

struct ScenarioOutcome {
  bool ok = false;
  int failure = kExitOk;  // kExitBadInput or kExitInternal when !ok
  std::string messages;   // errors, for stderr
  std::string summary;    // one line, for stdout
};

// Bad input found after the inputs were read (the published numbers): exit 1, not 3.
struct BadInput : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One scenario through the whole pipeline; its folder is published only if everything succeeded.
ScenarioOutcome run_scenario(const ReportOptions& o, const SharedTemplates& t, const std::string& name) {
  ScenarioOutcome r;
  Diagnostics diags;
  SourceTexts input_texts;
  auto inputs = load_scenario(o.inputs_dir, name, diags, input_texts);
  std::optional<Results> results;
  if (inputs) results = evaluate(*inputs);
  if (results) {
    check_bindings(t.tables, *results, diags);
    check_analysis_bindings(t.analysis, *results, diags);
  }
  if (!diags.empty()) {
    SourceTexts all = input_texts;
    all.insert(all.end(), t.texts.begin(), t.texts.end());
    r.messages = diags.format(all) + "zorgcap: " + name + ": " + std::to_string(diags.size()) +
                 (diags.size() == 1 ? " error" : " errors") + "; nothing was written for this scenario\n";
    r.failure = kExitBadInput;
    return r;
  }
  try {
    FileDigests input_digest = digest(input_texts);
    SourceTexts all = input_texts;
    all.insert(all.end(), t.texts.begin(), t.texts.end());
    FileDigests all_digest = digest(all);

    Document doc = build_document(t.tables, *results, *inputs, input_digest.combined);
    add_analyses(doc, t.analysis, run_analyses(*inputs, t.analysis, o.montecarlo), *results, *inputs);
    // The report's printed numbers belong to its own inputs: the baseline scenario.
    fs::path published_path = fs::path(o.inputs_dir) / "published.yaml";
    if (inputs->scenario == "baseline" && fs::exists(published_path)) {
      Diagnostics pd;
      SourceTexts pt;
      auto published = load_published(published_path.string(), pd, pt);
      auto errata = load_errata((fs::path(o.inputs_dir) / "errata.yaml").string(), pd, pt);
      if (!published || !errata) throw BadInput("cannot read the published numbers:\n" + pd.format(pt));
      add_reconciliation(doc, reconcile(*results, *published), *errata);
    }
    StagedDirectory dir(o.out_dir, inputs->scenario);
    auto wants = [&](const char* f) { return o.formats.count(f) > 0; };
    write_file_atomic(dir.path_of("values.json"), values_json(inputs->scenario, *results, *inputs));
    write_file_atomic(dir.path_of("manifest.json"), manifest_json(*inputs, input_digest, all_digest));
    if (wants("json")) write_file_atomic(dir.path_of("tables.json"), render_tables_json(doc));
    if (wants("csv")) write_file_atomic(dir.path_of("tables.csv"), render_tables_csv(doc));
    if (wants("html")) write_file_atomic(dir.path_of("report.html"), render_html(doc, t.css));
    if (wants("pdf"))
      write_file_atomic(dir.path_of("report.pdf"), render_pdf(doc, o.font_dir.empty() ? ZORGCAP_FONT_DIR : o.font_dir));
    if (wants("xlsx")) write_xlsx(doc, dir.path_of("tables.xlsx"));
    if (wants("md")) write_file_atomic(dir.path_of("tables.md"), render_markdown(doc));
    if (wants("tex")) {
      fs::create_directory(dir.path_of("latex"));
      for (const auto& [file, text] : render_latex(doc)) write_file_atomic(dir.path_of("latex/" + file), text);
    }
    dir.publish();
    r.ok = true;
    r.summary = "zorgcap: " + name + ": wrote " + (fs::path(o.out_dir) / name).string() + "/ (" +
                std::to_string(doc.tables.size()) + " tables, " + std::to_string(results->size()) + " quantities)\n";
  } catch (const BadInput& e) {
    r.messages = "zorgcap: " + name + ": " + e.what() + "; the previous outputs were left as they were\n";
    r.failure = kExitBadInput;
  } catch (const std::exception& e) {
    // Writing the outputs failed (a full disk, an OUT that cannot be a folder), or a writer did.
    r.messages = "zorgcap: " + name + ": " + e.what() + "; the previous outputs were left as they were\n";
    r.failure = kExitInternal;
  }
  return r;
}

// OUT/index.html from every scenario folder now in OUT (its values.json), sorted by name.
void write_index(const ReportOptions& o, const SharedTemplates& t) {
  std::vector<IndexScenario> scenarios;
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(o.out_dir))
    if (e.is_directory() && e.path().filename().string()[0] != '.' && fs::exists(e.path() / "values.json"))
      names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return (a != "baseline") == (b != "baseline") ? a < b : a == "baseline";  // baseline first
  });
  for (const std::string& n : names) {
    nlohmann::json v = nlohmann::json::parse(read_text((fs::path(o.out_dir) / n / "values.json").string()));
    IndexScenario s{n, n, {}};
    for (const auto& q : v.at("quantities")) s.values[q.at("key").get<std::string>()] = {q.at("min"), q.at("max")};
    scenarios.push_back(std::move(s));
  }
  write_file_atomic((fs::path(o.out_dir) / "index.html").string(), render_index(t.index_rows, scenarios, t.css));
}

}  // namespace

const std::vector<std::string>& known_formats() {
  static const std::vector<std::string> formats = {"html", "pdf", "json", "csv", "xlsx", "tex", "md"};
  return formats;
}

int run_report(const ReportOptions& o, std::ostream& out, std::ostream& err) {
  std::vector<std::string> names = o.scenarios;
  if (names.empty()) {
    names.push_back("baseline");
    for (const std::string& s : list_scenarios(o.inputs_dir))
      if (s != "baseline") names.push_back(s);
  }
  for (const std::string& n : names)
    if (!is_valid_scenario_name(n)) {
      err << "zorgcap report: '" << n << "' is not a scenario name (letters, digits, '-', '_', '.'; no path)\n";
      return kExitUsage;
    }
  Diagnostics diags;
  SourceTexts template_texts;
  auto shared = load_templates(o, diags, template_texts);
  if (!shared) {
    err << diags.format(template_texts) << "zorgcap: " << diags.size() << " errors in the templates; nothing was written\n";
    return kExitBadInput;
  }
  // Nothing is created before a scenario succeeds: bad input leaves OUT as it was.
  if (fs::is_directory(o.out_dir)) remove_stale_temporaries(o.out_dir);

  std::vector<ScenarioOutcome> outcomes(names.size());
  std::atomic<std::size_t> next{0};
  std::mutex progress;
  std::size_t done = 0;
  // The one rule for what is not an error: on standard output, only on a terminal or with
  // --verbose, never with --quiet (cron mails whatever a job prints).
  bool console = o.verbosity == Verbosity::verbose ||
                 (o.verbosity == Verbosity::automatic && ::isatty(STDOUT_FILENO) != 0);
  unsigned jobs = o.jobs > 0 ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(names.size()));
  auto worker = [&] {
    for (std::size_t i; (i = next++) < names.size();) {
      auto start = std::chrono::steady_clock::now();
      try {
        outcomes[i] = run_scenario(o, *shared, names[i]);
      } catch (const std::exception& e) {  // not to end the process from a worker thread
        outcomes[i] = {false, kExitInternal, "zorgcap: " + names[i] + ": internal error: " + e.what() + "\n", ""};
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
  for (std::size_t i = 0; i < names.size(); ++i) {
    err << outcomes[i].messages;
    if (console) out << outcomes[i].summary;
    failed += !outcomes[i].ok;
    if (!outcomes[i].ok) failed_names += " " + names[i];
    code = std::max(code, outcomes[i].failure);
  }
  if (static_cast<std::size_t>(failed) < names.size()) {
    try {
      write_index(o, *shared);
    } catch (const std::exception& e) {
      err << "zorgcap: cannot write the index page: " << e.what() << "\n";
      ++failed;
      code = kExitInternal;
    }
  }
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
