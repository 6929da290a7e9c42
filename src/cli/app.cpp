#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "cli/diff_command.h"
#include "cli/explain.h"
#include "cli/reconcile_command.h"
#include "core/version.h"
#include "cli/report_command.h"
#include "core/suggest.h"
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
    "         [--format html,pdf,json,csv,xlsx,tex,md,docx]  (default: all) [--table N[,N...]]...\n"
    "         [--fonts DIR] [--marks herkomst|none]\n"
    "         [--montecarlo N] [--seed S] [--distribution uniform|triangular]\n"
    "         [--quiet | --verbose]\n"
    "                                      compute the model and write OUT/<scenario>/ (defaults: inputs,\n"
    "                                      outputs; templates and fonts: those installed with zorgcap):\n"
    "                                      report.html, tables.json, tables.csv, values.json,\n"
    "                                      manifest.json, report.pdf, tables.xlsx, tables.md, latex/\n"
    "                                      without --scenario: baseline and every INPUTS/scenarios/*.yaml,\n"
    "                                      in parallel (--jobs, default one per core); then OUT/index.html\n"
    "                                      --table: only these tables (1 to 37) in every format\n"
    "                                      --montecarlo: add P5/P50/P95 of the headline outcomes (N draws,\n"
    "                                      default 100000 when only --seed or --distribution is given;\n"
    "                                      seed fixed)\n"
    "                                      progress and summary on stdout only on a terminal or with\n"
    "                                      --verbose; --quiet: nothing but errors (stderr)\n"
    "  explain KEY [--inputs DIR]          show how a quantity is derived, down to its sources\n"
    "  diff OLD_OUT NEW_OUT [--json]       every input, quantity and displayed number that changed\n"
    "                                      between two run folders (or two scenario folders); exit 0\n"
    "                                      when nothing changed, 1 when something did, 2 when they\n"
    "                                      cannot be compared\n"
    "  reconcile [--inputs DIR] [--verbose]\n"
    "                                      compare every number the report prints (DIR/published.yaml)\n"
    "                                      with zorgcap's value for the report's own inputs (the\n"
    "                                      baseline); exit 1 on an unexplained deviation\n"
    "\n"
    "Each command accepts only its own options; 'zorgcap COMMAND --help' lists them.\n"
    "\n"
    "Options:\n"
    "  --help       show this help\n"
    "  --version    show the version\n"
    "\n"
    "Exit status:\n"
    "  0  success\n"
    "  1  bad input in a scenario (nothing is written for it); diff: something changed;\n"
    "     reconcile: an unexplained deviation\n"
    "  2  bad usage: unknown command or option, an option of another command, a bad option value,\n"
    "     a missing or extra argument\n"
    "  3  internal or I/O failure, e.g. an output that cannot be written (the previous outputs of\n"
    "     that scenario are left as they were)\n";

// Why a command refuses an option that another command has, where the generic message would not say.
struct Refusal {
  std::string_view command, option, reason;
};
constexpr Refusal kRefusals[] = {
    {"reconcile", "--scenario",
     "reconcile compares the numbers the report prints with the report's own inputs (the baseline) "
     "only; 'zorgcap report --scenario NAME' writes a scenario, 'zorgcap diff' compares two runs"},
    {"explain", "--scenario", "explain derives quantities from the report's own inputs (the baseline) only"},
};

// A check for a whole number from 1 to `max`. CLI11 puts the option's name before the message.
CLI::Validator whole_number(std::uint64_t max, std::string expected) {
  return CLI::Validator(
      [max, expected](std::string& s) -> std::string {
        std::uint64_t v = 0;
        const char* end = s.data() + s.size();
        auto [ptr, ec] = std::from_chars(s.data(), end, v);
        if (!s.empty() && ec == std::errc() && ptr == end && v >= 1 && v <= max) return "";
        return "expected " + expected + ", got '" + s + "'";
      },
      "");
}

std::vector<std::string> split_commas(const std::string& list) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t comma; (comma = list.find(',', start)) != std::string::npos; start = comma + 1)
    parts.push_back(list.substr(start, comma - start));
  parts.push_back(list.substr(start));
  return parts;
}

CLI::Validator format_list() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        const auto& known = known_formats();
        for (const std::string& f : split_commas(s))
          if (std::find(known.begin(), known.end(), f) == known.end()) {
            std::string list;
            for (const std::string& k : known) list += (list.empty() ? "" : ",") + k;
            return "unknown format '" + f + "' (known: " + list + ")";
          }
        return "";
      },
      "");
}

// "26" or "1,26,27": table numbers of the report, 1 to 37.
CLI::Validator table_list() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        CLI::Validator one = whole_number(37, "a table number from 1 to 37");
        for (std::string part : split_commas(s))
          if (std::string problem = one(part); !problem.empty()) return problem;
        return "";
      },
      "");
}

CLI::Validator one_of(std::vector<std::string> choices) {
  return CLI::Validator(
      [choices](std::string& s) -> std::string {
        if (std::find(choices.begin(), choices.end(), s) != choices.end()) return "";
        std::string list;
        for (std::size_t i = 0; i < choices.size(); ++i)
          list += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
        return "expected " + list + ", got '" + s + "'";
      },
      "");
}

// Words of `text` wrapped into lines of at most `width` characters (a longer word stays whole).
std::string wrap(const std::string& text, std::size_t width) {
  std::string out, line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    std::string word = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? text.size() : end + 1;
    if (word.empty()) continue;
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  return out + line;
}

constexpr std::size_t kHelpWidth = 100;
constexpr std::size_t kHelpColumn = 34;

// `zorgcap COMMAND --help`: the usage line first, then what the command does, then its options
// with their descriptions wrapped to kHelpWidth.
class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter() {
    column_width(kHelpColumn);
    label("REQUIRED", "(required)");
  }
  std::string make_description(const CLI::App*) const override { return ""; }
  std::string make_usage(const CLI::App* app, std::string name) const override {
    return CLI::Formatter::make_usage(app, std::move(name)) + "\n" + wrap(app->get_description(), kHelpWidth) + "\n";
  }
  std::string make_option_desc(const CLI::Option* opt) const override {
    return wrap(opt->get_description(), kHelpWidth - kHelpColumn);
  }
};

// The command line: CLI11's tree of commands, and the values their options set.
struct CommandLine {
  CLI::App app{"", "zorgcap"};
  CLI::App* report = nullptr;
  CLI::App* explain = nullptr;
  CLI::App* diff = nullptr;
  CLI::App* reconcile = nullptr;

  ReportOptions report_options;
  std::string formats, distribution, marks = "herkomst";
  std::vector<std::string> tables;
  MonteCarloOptions montecarlo;
  CLI::Option* draws_option = nullptr;
  CLI::Option* seed_option = nullptr;
  CLI::Option* distribution_option = nullptr;
  CLI::Option* format_option = nullptr;

  std::string inputs = "inputs";  // explain, reconcile
  std::string key, old_dir, new_dir;
  bool json = false, verbose = false;
  bool quiet_report = false, verbose_report = false;

  CommandLine();
  std::vector<CLI::App*> commands() const { return {report, explain, diff, reconcile}; }
  CLI::App* selected() const {
    auto parsed = app.get_subcommands();
    return parsed.empty() ? nullptr : parsed.front();
  }
};

CommandLine::CommandLine() {
  app.set_version_flag("--version", std::string("zorgcap ") + version(), "show the version");
  app.set_help_flag("-h,--help", "show this help");
  app.require_subcommand(0, 1);  // none: "no command given", below
  // Unknown arguments are collected rather than thrown, so that the message can name the command
  // and the command an option belongs to (see leftover_problem).
  app.allow_extras();
  app.formatter(std::make_shared<HelpFormatter>());  // the commands added below share it
  // A repeated option takes its last value, as `--opt` overrides usually do.
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);

  // The exit codes of one command, for its --help: "CODE meaning" each.
  auto footer = [](std::vector<std::string> codes) {
    std::string text = "Exit status:";
    for (const std::string& c : codes) {
      text += "\n  " + c.substr(0, 1) + "  ";
      for (char ch : wrap(c.substr(2), kHelpWidth - 5)) text += ch == '\n' ? std::string("\n     ") : std::string(1, ch);
    }
    return text;
  };
  report = app.add_subcommand("report",
                              "Computes the model and writes OUT/<scenario>/ for the baseline and every scenario "
                              "(or the --scenario ones), in parallel, then OUT/index.html comparing them.");
  report->add_option("--inputs", report_options.inputs_dir, "baseline.yaml, sources.yaml, scenarios/*.yaml")
      ->option_text("DIR (default: inputs)");
  report->add_option("--out", report_options.out_dir, "write OUT/<scenario>/ and OUT/index.html here")
      ->option_text("DIR (default: outputs)");
  report->add_option("--templates", report_options.templates_dir, "table templates, analysis.yaml, html/style.css")
      ->option_text("DIR (default: the templates installed with zorgcap)");
  report
      ->add_option("--scenario", report_options.scenarios,
                   "run only this scenario (INPUTS/scenarios/NAME.yaml, or baseline); repeatable. "
                   "Default: baseline and every scenario")
      ->option_text("NAME")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  report->add_option("--jobs", report_options.jobs, "threads: scenarios run in parallel, and a lone scenario writes its PDF beside the rest; 1 to 999 (default: one per core)")
      ->option_text("N")
      ->check(whole_number(999, "a number from 1 to 999"));
  format_option = report
                      ->add_option("--format", formats,
                                   "comma-separated, any of html,pdf,json,csv,xlsx,tex,md,docx,explore (default: all); "
                                   "values.json and manifest.json are always written")
                      ->option_text("LIST")
                      ->check(format_list());
  report
      ->add_option("--table", tables,
                   "write only this table (1 to 37), in every format, for pasting into a document; "
                   "repeatable, or a comma-separated list. Default: all tables")
      ->option_text("N[,N...]")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->check(table_list());
  report->add_option("--fonts", report_options.font_dir, "fonts for report.pdf (default: the subset fonts installed with zorgcap)")
      ->option_text("DIR");
  report
      ->add_option("--marks", marks,
                   "the marks after numbers in report.pdf: herkomst (default) shows each number's provenance mark "
                   "and a red deviation mark where it differs from the printed report; none shows no marks (a clean "
                   "appendix), each number still linking to its provenance entry")
      ->option_text("herkomst|none")
      ->check(one_of({"herkomst", "none"}));
  draws_option = report
                     ->add_option("--montecarlo", montecarlo.draws,
                                  "add P5/P50/P95 of the headline outcomes from N draws, 1 to 10000000 "
                                  "(default 100000 when only --seed or --distribution is given)")
                     ->option_text("N")
                     ->check(whole_number(10'000'000, "a number of draws from 1 to 10000000"));
  seed_option = report->add_option("--seed", montecarlo.seed, "seed of the Monte Carlo draws (default: fixed)")
                    ->option_text("S")
                    ->check(whole_number(UINT64_MAX, "a whole number of 1 or more"));
  distribution_option = report
                            ->add_option("--distribution", distribution,
                                         "how each ranged input is drawn (default: uniform)")
                            ->option_text("uniform|triangular")
                            ->check(one_of({"uniform", "triangular"}));
  auto* quiet = report->add_flag("-q,--quiet", quiet_report,
                                 "print nothing but errors (on stderr), even on a terminal");
  report
      ->add_flag("-v,--verbose", verbose_report,
                 "print a progress line per scenario and a summary on stdout even when it is not a terminal "
                 "(default: only on a terminal)")
      ->excludes(quiet);
  report->footer(footer({"0 every scenario written",
                          "1 bad input in some scenario (reported as file:line:column); nothing is written for it, "
                          "the others still complete",
                          "2 bad usage", "3 internal or I/O failure, e.g. an output that cannot be written; that "
                          "scenario's previous outputs are left as they were (3 when both happen)"}));

  explain = app.add_subcommand("explain", "Shows how a quantity is derived, down to its sources (baseline inputs).");
  explain->add_option("KEY", key, "a quantity key, e.g. huisarts.vs.netto_fte (values.json lists them all)")
      ->type_name("")
      ->required();
  explain->add_option("--inputs", inputs, "the model's inputs")->option_text("DIR (default: inputs)");
  explain->footer(footer({"0 ok", "1 bad input, or no such quantity", "2 bad usage", "3 internal failure"}));

  diff = app.add_subcommand("diff",
                            "Every input, quantity (values.json) and displayed number (tables.json) that changed "
                            "between two runs of zorgcap report: two run folders or two scenario folders.");
  diff->add_option("OLD_OUT", old_dir, "output folder of the earlier run")->type_name("")->required();
  diff->add_option("NEW_OUT", new_dir, "output folder of the later run")->type_name("")->required();
  diff->add_flag("--json", json, "print the changes as JSON");
  diff->footer(footer({"0 nothing changed", "1 something changed",
                        "2 bad usage, or folders that cannot be compared: not a folder, empty, not zorgcap output "
                        "(no values.json and manifest.json), or a run folder against a scenario folder",
                        "3 internal or I/O failure, e.g. a values.json or tables.json that cannot be read"}));

  reconcile = app.add_subcommand("reconcile",
                                 "Compares every number the report prints (INPUTS/published.yaml) with zorgcap's "
                                 "value for the report's own inputs (the baseline).");
  reconcile->add_option("--inputs", inputs, "the model's inputs and published.yaml")
      ->option_text("DIR (default: inputs)");
  reconcile->add_flag("-v,--verbose", verbose, "list every printed number with its status, not only the problems");
  reconcile->footer(footer({"0 every printed number reproduced or explained",
                             "1 bad input, an unexplained deviation or an unmapped number", "2 bad usage",
                             "3 internal failure"}));

  for (CLI::App* c : commands()) {
    c->allow_extras();
    c->set_help_flag("-h,--help", "show the options of zorgcap " + c->get_name());
  }
}

// The commands (other than `here`) that have an option named `name` ("--format", "-v").
std::vector<std::string> owners(const CommandLine& cl, const std::string& name, const CLI::App* here) {
  std::vector<std::string> out;
  for (const CLI::App* c : cl.commands())
    if (c != here && c->get_option_no_throw(name) != nullptr) out.push_back(c->get_name());
  return out;
}

std::string join_and(const std::vector<std::string>& words) {
  std::string s;
  for (std::size_t i = 0; i < words.size(); ++i) s += (i == 0 ? "" : i + 1 == words.size() ? " and " : ", ") + words[i];
  return s;
}

// A usage problem; `command` is null for one before any command.
struct Problem {
  const CLI::App* command = nullptr;
  std::string message;
};

// What is wrong with the arguments CLI11 could not place, if any: an option before the command, an
// unknown command, an option of another command or of none, an extra argument.
std::optional<Problem> leftover_problem(const CommandLine& cl) {
  std::vector<std::string> top = cl.app.remaining(false);
  const CLI::App* cmd = cl.selected();
  for (const std::string& a : top) {
    if (a.size() > 1 && a[0] == '-') {
      std::string name = a.substr(0, a.find('='));
      if (cmd) return Problem{nullptr, name + " must come after the command: zorgcap " + cmd->get_name() + " " + name};
      return Problem{nullptr, "unknown option " + name + " (options come after the command)"};
    }
  }
  if (!top.empty()) {
    if (cmd) return Problem{nullptr, "unexpected argument '" + top.front() + "' before the command " + cmd->get_name()};
    std::vector<std::string_view> names;
    for (const CLI::App* c : cl.commands()) names.push_back(c->get_name());
    std::string guess = closest_match(top.front(), names);
    return Problem{nullptr, "unknown command '" + top.front() + "'" + (guess.empty() ? "" : " (did you mean " + guess + "?)")};
  }
  if (!cmd) return std::nullopt;

  std::vector<std::string> rest = cmd->remaining(false);
  const std::string& here = cmd->get_name();
  for (const std::string& a : rest) {
    if (a.size() < 2 || a[0] != '-') continue;
    std::string name = a.substr(0, a.find('='));
    for (const Refusal& r : kRefusals)
      if (r.command == here && r.option == name)
        return Problem{cmd, name + " is not an option of " + here + ": " + std::string(r.reason)};
    if (name == "--version") return Problem{cmd, "--version is not an option of " + here + " (use zorgcap --version)"};
    std::vector<std::string> other = owners(cl, name, cmd);
    if (!other.empty()) return Problem{cmd, name + " is an option of " + join_and(other) + ", not of " + here};
    std::vector<std::string> own;
    for (const CLI::Option* o : cmd->get_options())
      for (const std::string& l : o->get_lnames()) own.push_back("--" + l);
    std::string guess = closest_match(name, std::vector<std::string_view>(own.begin(), own.end()));
    return Problem{cmd, "unknown option " + name + " for " + here + (guess.empty() ? "" : " (did you mean " + guess + "?)")};
  }
  if (rest.empty()) return std::nullopt;
  if (cmd == cl.explain) return Problem{cmd, "give exactly one quantity key, not also '" + rest.front() + "'"};
  if (cmd == cl.diff) return Problem{cmd, "give two output folders, not also '" + rest.front() + "'"};
  return Problem{cmd, "unexpected argument '" + rest.front() + "'"};
}

// A missing positional argument (CLI11's RequiredError), in the words of the command.
std::string missing_argument(const CommandLine& cl, const CLI::App* cmd, const std::string& cli11_message) {
  if (cmd == cl.explain) return "give a quantity key, e.g. zorgcap explain huisarts.vs.netto_fte";
  if (cmd == cl.diff) return "give two output folders: zorgcap diff OLD_OUT NEW_OUT [--json]";
  return cli11_message;
}

int usage_error(const CLI::App* cmd, const std::string& problem, std::ostream& err) {
  if (!cmd) {
    err << "zorgcap: " << problem << "\n\n" << kUsage;
  } else {
    err << "zorgcap " << cmd->get_name() << ": " << problem << "\n"
        << "Run 'zorgcap " << cmd->get_name() << " --help' for its options.\n";
  }
  return kExitUsage;
}

std::optional<Inputs> load(const std::string& dir, std::ostream& err) {
  Diagnostics diags;
  SourceTexts texts;
  auto inputs = load_inputs(dir, diags, texts);
  if (!inputs) {
    err << diags.format(texts);
    err << "zorgcap: " << diags.size() << (diags.size() == 1 ? " error" : " errors") << " in the inputs\n";
  }
  return inputs;
}

int report_command(CommandLine& cl, std::ostream& out, std::ostream& err) {
  ReportOptions r = cl.report_options;
  if (cl.draws_option->count() || cl.seed_option->count() || cl.distribution_option->count()) {
    MonteCarloOptions mc = cl.montecarlo;
    mc.distribution = cl.distribution == "triangular" ? Distribution::triangular : Distribution::uniform;
    r.montecarlo = mc;
  }
  if (cl.quiet_report) r.verbosity = Verbosity::quiet;
  if (cl.verbose_report) r.verbosity = Verbosity::verbose;
  r.writer.marks = cl.marks == "none" ? Marks::none : Marks::herkomst;
  if (cl.format_option->count()) {
    r.formats.clear();
    for (const std::string& f : split_commas(cl.formats)) r.formats.insert(f);
  }
  for (const std::string& list : cl.tables)
    for (const std::string& n : split_commas(list)) r.tables.insert(std::stoi(n));
  return run_report(r, out, err);
}

int explain_command(const CommandLine& cl, std::ostream& out, std::ostream& err) {
  auto inputs = load(cl.inputs, err);
  if (!inputs) return kExitBadInput;
  Results results = evaluate(*inputs);
  if (!results.find(cl.key)) {
    err << "zorgcap explain: no quantity '" << cl.key << "' (zorgcap report lists every key in values.json)\n";
    return kExitBadInput;
  }
  out << explain(results, *inputs, cl.key);
  return kExitOk;
}

int dispatch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommandLine cl;
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
  try {
    cl.app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    if (cl.selected())
      out << cl.app.help();  // the selected command's help
    else
      out << kUsage;
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    out << kUsage;
    return kExitOk;
  } catch (const CLI::CallForVersion& e) {
    out << e.what() << "\n";
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    // An argument CLI11 could not place explains more than what it then failed on (a KEY missing
    // because the only word was taken by a foreign option's value, say).
    if (auto p = leftover_problem(cl)) return usage_error(p->command, p->message, err);
    const CLI::App* cmd = cl.selected();
    if (cmd && dynamic_cast<const CLI::RequiredError*>(&e)) return usage_error(cmd, missing_argument(cl, cmd, e.what()), err);
    std::string message = e.what();
    // CLI11 says "--jobs: 1 required UINT missing" for an option given without its value.
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) && message.ends_with(" missing") && message.find(':') != std::string::npos)
      message = message.substr(0, message.find(':')) + " needs a value";
    return usage_error(cmd, message, err);
  }
  if (auto p = leftover_problem(cl)) return usage_error(p->command, p->message, err);
  const CLI::App* cmd = cl.selected();
  if (!cmd) return usage_error(nullptr, "no command given", err);

  if (cmd == cl.report) return report_command(cl, out, err);
  if (cmd == cl.explain) return explain_command(cl, out, err);
  if (cmd == cl.diff) return run_diff(cl.old_dir, cl.new_dir, cl.json, out, err);
  return run_reconcile(cl.inputs, cl.verbose, out, err);
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    return dispatch(args, out, err);
  } catch (const std::exception& e) {
    err << "zorgcap: internal error: " << e.what() << "\n";
  } catch (...) {
    err << "zorgcap: internal error: an exception that is not a std::exception\n";
  }
  return kExitInternal;
}

}  // namespace zorgcap
