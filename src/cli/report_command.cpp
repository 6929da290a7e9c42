#include "cli/report_command.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/app.h"
#include "core/atomic_file.h"
#include "core/output_dir.h"
#include "core/sha256.h"
#include "document/analysis_build.h"
#include "document/build.h"
#include "document/reconciliation_build.h"
#include "inputs/published.h"
#include "model/reconcile.h"
#include "document/table_template.h"
#include "inputs/load_inputs.h"
#include "model/model.h"
#include "writers/html_writer.h"
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
  j["zorgcap_version"] = ZORGCAP_VERSION;
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

}  // namespace

int run_report(const ReportOptions& o, std::ostream& out, std::ostream& err) {
  Diagnostics diags;
  SourceTexts input_texts, template_texts;
  auto inputs = load_inputs(o.inputs_dir, diags, input_texts);
  auto templates = load_table_templates((fs::path(o.templates_dir) / "tables").string(), diags, template_texts);
  auto analysis = load_analysis_template((fs::path(o.templates_dir) / "analysis.yaml").string(), diags, template_texts);
  std::optional<Results> results;
  if (inputs) results = evaluate(*inputs);
  if (results && templates) check_bindings(*templates, *results, diags);
  if (results && analysis) check_analysis_bindings(*analysis, *results, diags);
  if (!diags.empty()) {
    SourceTexts all = input_texts;
    all.insert(all.end(), template_texts.begin(), template_texts.end());
    err << diags.format(all) << "zorgcap: " << diags.size() << (diags.size() == 1 ? " error" : " errors")
        << "; nothing was written\n";
    return kExitBadInput;
  }
  try {
    std::string css_path = (fs::path(o.templates_dir) / "html" / "style.css").string();
    std::string css = read_text(css_path);
    template_texts.emplace_back(css_path, css);
    FileDigests input_digest = digest(input_texts);
    SourceTexts all = input_texts;
    all.insert(all.end(), template_texts.begin(), template_texts.end());
    FileDigests all_digest = digest(all);

    Document doc = build_document(*templates, *results, *inputs, input_digest.combined);
    add_analyses(doc, *analysis, run_analyses(*inputs, *analysis, o.montecarlo), *results, *inputs);
    // The report's printed numbers belong to its own inputs: the baseline scenario.
    fs::path published_path = fs::path(o.inputs_dir) / "published.yaml";
    if (inputs->scenario == "baseline" && fs::exists(published_path)) {
      Diagnostics pd;
      SourceTexts pt;
      auto published = load_published(published_path.string(), pd, pt);
      auto errata = load_errata((fs::path(o.inputs_dir) / "errata.yaml").string(), pd, pt);
      if (!published || !errata) throw std::runtime_error("cannot read the published numbers:\n" + pd.format(pt));
      add_reconciliation(doc, reconcile(*results, *published), *errata);
    }
    remove_stale_temporaries(o.out_dir);
    StagedDirectory dir(o.out_dir, inputs->scenario);
    write_file_atomic(dir.path_of("values.json"), values_json(inputs->scenario, *results, *inputs));
    write_file_atomic(dir.path_of("tables.json"), render_tables_json(doc));
    write_file_atomic(dir.path_of("tables.csv"), render_tables_csv(doc));
    write_file_atomic(dir.path_of("report.html"), render_html(doc, css));
    write_file_atomic(dir.path_of("report.pdf"), render_pdf(doc, o.font_dir.empty() ? ZORGCAP_FONT_DIR : o.font_dir));
    write_file_atomic(dir.path_of("manifest.json"), manifest_json(*inputs, input_digest, all_digest));
    dir.publish();
    out << "zorgcap: " << inputs->scenario << ": wrote " << (fs::path(o.out_dir) / inputs->scenario).string() << "/ ("
        << doc.tables.size() << " tables, " << results->size() << " quantities)\n";
  } catch (const std::exception& e) {
    err << "zorgcap: " << e.what() << "; the previous outputs were left as they were\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace zorgcap
