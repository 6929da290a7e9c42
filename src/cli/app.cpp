#include "cli/app.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "cli/explain.h"
#include "cli/diff_command.h"
#include "cli/reconcile_command.h"
#include "cli/report_command.h"
#include "inputs/load_inputs.h"
#include "model/model.h"

namespace zorgcap {
namespace {

constexpr const char* kUsage =
    "Usage: zorgcap COMMAND [OPTIONS]\n"
    "\n"
    "Regenerates the tables of 'De effecten van sociale innovaties in de zorg' (Berenschot, 2024)\n"
    "from the report's rekenmodel, with every number traceable to its formula and source.\n"
    "\n"
    "Commands:\n"
    "  report [--inputs DIR] [--out DIR] [--templates DIR] [--scenario NAME]... [--jobs N]\n"
    "         [--format html,pdf,json,csv,xlsx,tex,md]  (default: all)\n"
    "                                      without --scenario: baseline and every INPUTS/scenarios/*.yaml,\n"
    "                                      in parallel (--jobs, default one per core); then OUT/index.html\n"
    "                                      compute the model and write OUT/<scenario>/ (defaults: inputs,\n"
    "                                      outputs, templates): report.html, tables.json, tables.csv,\n"
    "                                      values.json, manifest.json, report.pdf (fonts: --fonts DIR,\n"
    "                                      default the subset fonts the build made)\n"
    "         [--montecarlo N] [--seed S] [--distribution uniform|triangular]\n"
    "                                      add P5/P50/P95 of the headline outcomes (N draws, default\n"
    "                                      100000 when only --seed or --distribution is given; seed fixed)\n"
    "  explain KEY [--inputs DIR]           show how a quantity is derived, down to its sources\n"
    "  diff OLD_OUT NEW_OUT [--json]        every displayed number and input that changed between two\n"
    "                                      runs; exit 0 when nothing changed, 1 when something did\n"
    "  reconcile [--inputs DIR] [--verbose] compare every number the report prints (DIR/published.yaml)\n"
    "                                      with zorgcap's value; exit 1 on an unexplained deviation\n"
    "\n"
    "Options:\n"
    "  --help       show this help\n"
    "  --version    show the version\n"
    "\n"
    "Exit status: 0 success, 1 bad input (diff: something changed; reconcile: an unexplained\n"
    "deviation), 2 bad usage, 3 internal or I/O failure (e.g. an output that cannot be written).\n";

struct Options {
  std::string command;
  std::string inputs = "inputs";
  std::string out = "outputs";
  std::string templates = "templates";
  std::string fonts;
  std::vector<std::string> positional;
  bool verbose = false;
  bool json = false;
  std::string montecarlo, seed, distribution, format, jobs;
  std::vector<std::string> scenarios;
};

// Parses "--name VALUE" and "--name=VALUE" options; returns an error message on bad usage.
std::optional<std::string> parse(const std::vector<std::string>& args, Options& o) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto take = [&](const std::string& name, std::string& into) -> std::optional<std::string> {
      if (a == name) {
        if (i + 1 >= args.size()) return "option " + name + " needs a value";
        into = args[++i];
        return std::string();
      }
      if (a.rfind(name + "=", 0) == 0) {
        into = a.substr(name.size() + 1);
        return std::string();
      }
      return std::nullopt;
    };
    if (auto r = take("--inputs", o.inputs)) {
      if (!r->empty()) return r;
      continue;
    }
    bool taken = false;
    std::string scenario;
    if (auto r = take("--scenario", scenario)) {
      if (!r->empty()) return r;
      o.scenarios.push_back(scenario);
      continue;
    }
    for (auto [name, into] : {std::pair{"--montecarlo", &o.montecarlo}, std::pair{"--seed", &o.seed},
                              std::pair{"--distribution", &o.distribution}, std::pair{"--format", &o.format},
                              std::pair{"--jobs", &o.jobs}}) {
      if (auto r = take(name, *into)) {
        if (!r->empty()) return r;
        taken = true;
        break;
      }
    }
    if (taken) continue;
    if (auto r = take("--fonts", o.fonts)) {
      if (!r->empty()) return r;
      continue;
    }
    if (auto r = take("--templates", o.templates)) {
      if (!r->empty()) return r;
      continue;
    }
    if (auto r = take("--out", o.out)) {
      if (!r->empty()) return r;
      continue;
    }
    if (a == "--json") {
      o.json = true;
      continue;
    }
    if (a == "--verbose" || a == "-v") {
      o.verbose = true;
      continue;
    }
    if (a.size() > 1 && a[0] == '-') return "unknown option " + a;
    if (o.command.empty())
      o.command = a;
    else
      o.positional.push_back(a);
  }
  return std::nullopt;
}

std::optional<Inputs> load(const Options& o, std::ostream& err) {
  Diagnostics diags;
  SourceTexts texts;
  auto inputs = load_inputs(o.inputs, diags, texts);
  if (!inputs) {
    err << diags.format(texts);
    err << "zorgcap: " << diags.size() << (diags.size() == 1 ? " error" : " errors") << " in the inputs\n";
  }
  return inputs;
}

int report(const Options& o, std::ostream& out, std::ostream& err) {
  if (!o.positional.empty()) {
    err << "zorgcap report: unexpected argument '" << o.positional[0] << "'\n" << kUsage;
    return kExitUsage;
  }
  ReportOptions r;
  if (!o.montecarlo.empty() || !o.seed.empty() || !o.distribution.empty()) {
    MonteCarloOptions mc;
    auto whole = [](const std::string& s, std::uint64_t max, std::uint64_t& into) {
      if (s.empty() || s.size() > 19 || s.find_first_not_of("0123456789") != std::string::npos) return false;
      into = std::stoull(s);
      return into >= 1 && into <= max;
    };
    std::uint64_t draws = mc.draws, seed = mc.seed;
    if (!o.montecarlo.empty() && !whole(o.montecarlo, 10'000'000, draws)) {
      err << "zorgcap report: --montecarlo takes a number of draws from 1 to 10000000\n";
      return kExitUsage;
    }
    if (!o.seed.empty() && !whole(o.seed, UINT64_MAX, seed)) {
      err << "zorgcap report: --seed takes a whole number of 1 or more\n";
      return kExitUsage;
    }
    mc.draws = static_cast<std::size_t>(draws);
    mc.seed = seed;
    if (o.distribution == "triangular") mc.distribution = Distribution::triangular;
    else if (!o.distribution.empty() && o.distribution != "uniform") {
      err << "zorgcap report: --distribution is uniform or triangular\n";
      return kExitUsage;
    }
    r.montecarlo = mc;
  }
  r.scenarios = o.scenarios;
  if (!o.format.empty()) {
    r.formats.clear();
    std::size_t start = 0;
    while (start <= o.format.size()) {
      std::size_t comma = o.format.find(',', start);
      std::string f = o.format.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      const auto& known = known_formats();
      if (std::find(known.begin(), known.end(), f) == known.end()) {
        std::string list;
        for (const std::string& k : known) list += (list.empty() ? "" : ",") + k;
        err << "zorgcap report: unknown format '" << f << "' (known: " << list << ")\n";
        return kExitUsage;
      }
      r.formats.insert(f);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  if (!o.jobs.empty()) {
    if (o.jobs.size() > 3 || o.jobs.find_first_not_of("0123456789") != std::string::npos || std::stoi(o.jobs) < 1) {
      err << "zorgcap report: --jobs takes a number from 1 to 999\n";
      return kExitUsage;
    }
    r.jobs = static_cast<unsigned>(std::stoi(o.jobs));
  }
  r.inputs_dir = o.inputs;
  r.out_dir = o.out;
  r.templates_dir = o.templates;
  r.font_dir = o.fonts;
  return run_report(r, out, err);
}

int explain_command(const Options& o, std::ostream& out, std::ostream& err) {
  if (o.positional.size() != 1) {
    err << "zorgcap explain: give exactly one quantity key, e.g. zorgcap explain huisarts.vs.netto_fte\n";
    return kExitUsage;
  }
  auto inputs = load(o, err);
  if (!inputs) return kExitBadInput;
  Results results = evaluate(*inputs);
  if (!results.find(o.positional[0])) {
    err << "zorgcap explain: no quantity '" << o.positional[0] << "' (zorgcap report lists every key in values.json)\n";
    return kExitBadInput;
  }
  out << explain(results, *inputs, o.positional[0]);
  return kExitOk;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") {
      out << kUsage;
      return kExitOk;
    }
    if (a == "--version") {
      out << "zorgcap " << ZORGCAP_VERSION << "\n";
      return kExitOk;
    }
  }
  Options o;
  if (auto problem = parse(args, o)) {
    err << "zorgcap: " << *problem << "\n" << kUsage;
    return kExitUsage;
  }
  try {
    if (o.command == "report") return report(o, out, err);
    if (o.command == "explain") return explain_command(o, out, err);
    if (o.command == "diff") {
      if (o.positional.size() != 2) {
        err << "zorgcap diff: give two output folders: zorgcap diff OLD_OUT NEW_OUT [--json]\n";
        return kExitUsage;
      }
      return run_diff(o.positional[0], o.positional[1], o.json, out, err);
    }
    if (o.command == "reconcile") {
      if (!o.positional.empty()) {
        err << "zorgcap reconcile: unexpected argument '" << o.positional[0] << "'\n";
        return kExitUsage;
      }
      return run_reconcile(o.inputs, o.verbose, out, err);
    }
  } catch (const std::exception& e) {
    err << "zorgcap: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
  err << (o.command.empty() ? "zorgcap: no command given\n" : "zorgcap: unknown command '" + o.command + "'\n") << kUsage;
  return kExitUsage;
}

}  // namespace zorgcap
