#include "inputs/load_inputs.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <limits>

#include <locale.h>
#include <wctype.h>

#include "core/utf8.h"

#include "core/suggest.h"
#include "inputs/yaml_tree.h"
#include "inputs/parameter_specs.h"

namespace zorgcap {
namespace {

using yaml::Node;

// Reading one file: every check reports with the file name and a key path.
class Reader {
 public:
  Reader(std::string file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}

  void error(const Location& where, const std::string& key, std::string message) {
    diags_.error(file_, where, key, std::move(message));
  }

  // Reports keys of `map` not in `allowed`, with a suggestion.
  void reject_unknown(const Node& map, const std::string& path, const std::vector<std::string_view>& allowed,
                      std::string_view what) {
    for (const yaml::MapEntry& e : map.entries) {
      if (std::find(allowed.begin(), allowed.end(), e.key) != allowed.end()) continue;
      std::string msg = "unknown " + std::string(what) + " '" + e.key + "'";
      std::string hint = closest_match(e.key, allowed);
      if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
      error(e.key_where, join(path, e.key), msg);
    }
  }

  bool expect_map(const Node& n, const std::string& path) {
    if (n.is_map()) return true;
    error(n.where, path, "expected a map of keys, got " + std::string(yaml::describe(n)));
    return false;
  }

  // A missing required key is reported at `missing_at` (the key that owns `parent`), else at `parent`.
  std::optional<std::string> text(const Node& parent, std::string_view key, const std::string& path, bool required,
                                  std::optional<Location> missing_at = std::nullopt) {
    const yaml::MapEntry* e = parent.find_entry(key);
    std::string p = join(path, key);
    if (!e) {
      if (required) error(missing_at.value_or(parent.where), p, "missing required key '" + std::string(key) + "'");
      return std::nullopt;
    }
    if (!e->value.is_scalar() || e->value.text.empty()) {
      error(e->value.kind == Node::Kind::null ? e->key_where : e->value.where, p,
            "expected text, got " + std::string(e->value.is_scalar() ? "an empty value" : yaml::describe(e->value)));
      return std::nullopt;
    }
    return e->value.text;
  }

  std::optional<double> number(const yaml::MapEntry& e, const std::string& path) {
    const Node& n = e.value;
    if (!n.is_scalar()) {
      error(n.kind == Node::Kind::null ? e.key_where : n.where, path,
            "expected a number, got " + std::string(yaml::describe(n)));
      return std::nullopt;
    }
    if (!n.plain) {
      error(n.where, path, "expected a number, got quoted text \"" + n.text + "\" (write the number without quotes)");
      return std::nullopt;
    }
    if (auto v = yaml::parse_number(n.text)) return v;
    std::string msg = "'" + n.text + "' is not a number";
    if (n.text.find(',') != std::string::npos)
      msg += " (write a point as the decimal separator and no thousands separator, e.g. 0.8 or 9842)";
    else if (n.text.size() > 1 && n.text[0] == '0' && std::isdigit(static_cast<unsigned char>(n.text[1])))
      msg += " (no leading zeros)";
    else if (n.text.find('%') != std::string::npos)
      msg += " (write a share as a fraction, e.g. 0.25 for 25%)";
    else if (std::size_t dot = n.text[0] == '-' ? 1 : 0;
             n.text.size() > dot + 1 && n.text[dot] == '.' && std::isdigit(static_cast<unsigned char>(n.text[dot + 1])))
      msg += " (write a digit before the point, e.g. 0.5)";
    error(n.where, path, msg);
    return std::nullopt;
  }

  static std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  Diagnostics& diags_;
};

std::vector<std::string_view> parameter_keys() {
  std::vector<std::string_view> keys;
  for (const ParameterSpec& s : parameter_specs()) keys.push_back(s.key);
  return keys;
}

std::optional<Node> read_file(const std::string& path, Diagnostics& diags, SourceTexts& texts) {
  std::string text;
  auto node = yaml::parse_file(path, diags, text);
  texts.emplace_back(path, std::move(text));
  return node;
}

bool read_source_entries(const Node& list, const std::string& where, Reader& r, Inputs& out);

// Returns whether the list of sources could be read (its entries may still have errors).
bool read_sources(const Node& root, Reader& r, Inputs& out) {
  if (!r.expect_map(root, "")) return false;
  r.reject_unknown(root, "", {"sources"}, "key");
  const yaml::MapEntry* list = root.find_entry("sources");
  if (!list) {
    r.error(root.where, "sources", "missing required key 'sources'");
    return false;
  }
  return read_source_entries(list->value, "sources", r, out);
}

// Reads a map of source id -> {label, reference, url, footnotes} into `out.sources`.
bool read_source_entries(const Node& list, const std::string& where, Reader& r, Inputs& out) {
  if (!r.expect_map(list, where)) return false;
  for (const yaml::MapEntry& e : list.entries) {
    std::string path = where + "." + e.key;
    if (!r.expect_map(e.value, path)) continue;
    if (out.sources.count(e.key)) {
      r.error(e.key_where, path, "source '" + e.key + "' is already defined (in sources.yaml or a scenario it extends)");
      continue;
    }
    r.reject_unknown(e.value, path, {"label", "reference", "url", "footnotes"}, "source field");
    Source s;
    s.id = e.key;
    s.label = r.text(e.value, "label", path, true, e.key_where).value_or("");
    s.reference = r.text(e.value, "reference", path, true, e.key_where).value_or("");
    s.url = r.text(e.value, "url", path, false).value_or("");
    if (const yaml::MapEntry* fn = e.value.find_entry("footnotes")) {
      if (!fn->value.is_sequence()) {
        r.error(fn->value.where, path + ".footnotes", "expected a list of footnote numbers, e.g. [58, 59]");
      } else {
        for (const Node& item : fn->value.items) {
          auto v = item.is_scalar() && item.plain ? yaml::parse_number(item.text) : std::nullopt;
          if (!v || *v < 1 || *v > std::numeric_limits<int>::max() || *v != std::floor(*v))
            r.error(item.where, path + ".footnotes", "a footnote number must be a whole number of 1 or more");
          else
            s.footnotes.push_back(static_cast<int>(*v));
        }
      }
    }
    out.sources.emplace(s.id, std::move(s));
  }
  return true;
}

// The model's spec of parameter entry `e`, or nullptr after reporting an unknown parameter.
const ParameterSpec* known_parameter(const yaml::MapEntry& e, Reader& r) {
  if (const ParameterSpec* spec = find_parameter_spec(e.key)) return spec;
  static const std::vector<std::string_view> keys = parameter_keys();
  std::string hint = closest_match(e.key, keys);
  r.error(e.key_where, "parameters." + e.key,
          "unknown parameter '" + e.key + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
  return nullptr;
}

// Reads `value`, or `min` and `max`, of a parameter entry into `p`; strict numbers in the parameter's
// domain, min <= max. Returns false after reporting a problem.
bool read_values(const yaml::MapEntry& e, const ParameterSpec& spec, const std::string& path, Reader& r, Parameter& p) {
  bool ok = true;
  const yaml::MapEntry* value = e.value.find_entry("value");
  const yaml::MapEntry* min = e.value.find_entry("min");
  const yaml::MapEntry* max = e.value.find_entry("max");
  auto check_domain = [&](const yaml::MapEntry& field, double v) {
    if (!in_domain(v, spec.domain)) {
      r.error(field.value.where, path + "." + field.key,
              field.value.text + " is out of range: '" + e.key + "' must be " + std::string(domain_description(spec.domain)));
      return false;
    }
    if (double ceiling = realistic_ceiling(spec.unit); v > ceiling) {
      r.error(field.value.where, path + "." + field.key,
              field.value.text + " is out of range: '" + e.key + "' is in " + std::string(unit_name(spec.unit)) +
                  ", and no realistic value is above " + std::to_string(static_cast<long long>(ceiling)));
      return false;
    }
    return true;
  };
  if (value && (min || max)) {
    r.error((min ? min : max)->key_where, path, "give either 'value' or 'min' and 'max', not both");
    ok = false;
  } else if (value) {
    auto v = r.number(*value, path + ".value");
    if (v && check_domain(*value, *v)) {
      p.min = p.max = *v;
    } else {
      ok = false;
    }
  } else if (min || max) {
    if (!min || !max) {
      r.error((min ? min : max)->key_where, path, std::string("a range needs both 'min' and 'max'; '") + (min ? "max" : "min") + "' is missing");
      ok = false;
    } else {
      auto lo = r.number(*min, path + ".min");
      auto hi = r.number(*max, path + ".max");
      bool lo_ok = lo && check_domain(*min, *lo);
      bool hi_ok = hi && check_domain(*max, *hi);
      if (lo_ok && hi_ok && *lo > *hi) {
        r.error(min->value.where, path + ".min", "min (" + min->value.text + ") is greater than max (" + max->value.text + ")");
        ok = false;
      }
      ok &= lo_ok && hi_ok;
      if (lo) p.min = *lo;
      if (hi) p.max = *hi;
      p.ranged = true;
    }
  } else {
    r.error(e.key_where, path, "missing 'value' (or 'min' and 'max')");
    ok = false;
  }
  if (ok && !(e.value.find_entry("min"))) p.ranged = false;
  return ok;
}

// Reads one parameter definition (label, value or min/max, unit, source, note). Source ids are
// checked only when sources.yaml could be read (`sources_read`), not to bury its error under one
// "not defined" per parameter.
void read_parameter(const yaml::MapEntry& e, const ParameterSpec& spec, bool sources_read, Reader& r, Inputs& out) {
  std::string path = "parameters." + e.key;
  if (!r.expect_map(e.value, path)) return;
  r.reject_unknown(e.value, path, {"label", "value", "min", "max", "unit", "source", "note"}, "parameter field");
  Parameter p;
  p.key = e.key;
  p.file = r.file();
  p.where = e.key_where;
  bool ok = true;
  auto label = r.text(e.value, "label", path, true, e.key_where);
  ok &= label.has_value();
  p.label = label.value_or("");
  p.note = r.text(e.value, "note", path, false).value_or("");

  if (auto unit = r.text(e.value, "unit", path, true, e.key_where)) {
    const yaml::MapEntry* ue = e.value.find_entry("unit");
    if (auto u = parse_unit(*unit)) {
      if (*u != spec.unit) {
        r.error(ue->value.where, path + ".unit",
                "unit '" + *unit + "' does not match what the model expects ('" + std::string(unit_name(spec.unit)) + "')");
        ok = false;
      }
      p.unit = *u;
    } else {
      std::size_t n = 0;
      const std::string_view* names = unit_names(n);
      std::string hint = closest_match(*unit, std::vector<std::string_view>(names, names + n));
      r.error(ue->value.where, path + ".unit",
              "unknown unit '" + *unit + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
      ok = false;
    }
  } else {
    ok = false;
  }

  if (auto src = r.text(e.value, "source", path, true, e.key_where)) {
    if (sources_read && !out.sources.count(*src)) {
      std::vector<std::string_view> ids;
      for (const auto& [id, s] : out.sources) ids.push_back(id);
      std::string hint = closest_match(*src, ids);
      r.error(e.value.find_entry("source")->value.where, path + ".source",
              "source '" + *src + "' is not defined in sources.yaml" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
      ok = false;
    }
    p.source = *src;
  } else {
    ok = false;
  }

  ok &= read_values(e, spec, path, r, p);
  if (ok) out.parameters[p.key] = std::move(p);
}

// The C.UTF-8 character classes (glibc), for Unicode letters and digits in scenario names; a null
// locale if it is missing, and then only ASCII letters and digits are accepted.
locale_t utf8_ctype() {
  static const locale_t loc = ::newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  return loc;
}

bool name_char_ok(char32_t c, bool first) {
  if (c < 0x80) {
    if (std::isalnum(static_cast<int>(c))) return true;
    return !first && (c == ' ' || c == '-' || c == '_' || c == '.' || c == '(' || c == ')');
  }
  if (c >= 0x0300 && c <= 0x036F) return !first;  // combining accents: a decomposed (NFD) é
  locale_t loc = utf8_ctype();
  return loc && ::iswalnum_l(static_cast<wint_t>(c), loc) != 0;
}

void read_baseline(const Node& root, bool sources_read, Reader& r, Inputs& out) {
  if (!r.expect_map(root, "")) return;
  r.reject_unknown(root, "", {"scenario", "title", "peildatum", "parameters"}, "key");
  out.scenario = r.text(root, "scenario", "", true).value_or("baseline");
  if (std::string why = scenario_name_problem(out.scenario); !why.empty())
    r.error(root.find_entry("scenario")->value.where, "scenario", why);
  out.title = r.text(root, "title", "", true).value_or("");
  out.peildatum = r.text(root, "peildatum", "", true).value_or("");
  const yaml::MapEntry* params = root.find_entry("parameters");
  if (!params) {
    r.error(root.where, "parameters", "missing required key 'parameters'");
    return;
  }
  if (!r.expect_map(params->value, "parameters")) return;
  for (const yaml::MapEntry& e : params->value.entries)
    if (const ParameterSpec* spec = known_parameter(e, r)) read_parameter(e, *spec, sources_read, r, out);
  for (const ParameterSpec& spec : parameter_specs())
    if (!params->value.find_entry(spec.key))
      r.error(params->key_where, "parameters." + std::string(spec.key),
              "parameter '" + std::string(spec.key) + "' is missing (the model needs it; unit " +
                  std::string(unit_name(spec.unit)) + ")");
}

// An override in a scenario: new value(s) for an existing parameter, with its own source id or a
// stated assumption (which becomes a source of its own, so provenance still ends in a reason).
void read_override(const yaml::MapEntry& e, const ParameterSpec& spec, const std::string& scenario, Reader& r,
                   Inputs& out) {
  std::string path = "parameters." + e.key;
  if (!r.expect_map(e.value, path)) return;
  r.reject_unknown(e.value, path, {"value", "min", "max", "source", "assumption", "note", "unit"}, "override field");
  Parameter p = out.parameters.at(e.key);
  bool ok = true;
  if (auto unit = r.text(e.value, "unit", path, false); unit && *unit != unit_name(spec.unit)) {
    r.error(e.value.find_entry("unit")->value.where, path + ".unit",
            "unit '" + *unit + "' does not match what the model expects ('" + std::string(unit_name(spec.unit)) + "')");
    ok = false;
  }
  ok &= read_values(e, spec, path, r, p);
  auto source = r.text(e.value, "source", path, false);
  auto assumption = r.text(e.value, "assumption", path, false);
  if (source && assumption) {
    r.error(e.value.find_entry("assumption")->key_where, path, "give either 'source' or 'assumption', not both");
    ok = false;
  } else if (source) {
    if (!out.sources.count(*source)) {
      std::vector<std::string_view> ids;
      for (const auto& [id, s] : out.sources) ids.push_back(id);
      std::string hint = closest_match(*source, ids);
      r.error(e.value.find_entry("source")->value.where, path + ".source",
              "source '" + *source + "' is not defined in sources.yaml or this scenario's sources" +
                  (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
      ok = false;
    }
    p.source = *source;
  } else if (assumption) {
    Source s;
    s.id = "aanname:" + scenario + ":" + e.key;
    s.label = assumption_source_label(scenario);
    s.reference = *assumption;
    p.source = s.id;
    out.sources[s.id] = std::move(s);
  } else if (!e.value.find_entry("source") && !e.value.find_entry("assumption")) {
    r.error(e.key_where, path, "an override needs its own 'source' (an id in sources.yaml) or 'assumption' (the reason, in words)");
    ok = false;
  } else {
    ok = false;  // an empty source or assumption was reported by text()
  }
  p.note = r.text(e.value, "note", path, false).value_or("");
  p.file = r.file();
  p.where = e.key_where;
  if (ok) out.parameters[e.key] = std::move(p);
}

// Loads scenario `name` into `out`, following `extends` down to the baseline. `chain` holds the
// scenarios on the way (to report a cycle); `from_file`/`from_where` locate the reference to `name`.
bool load_chain(const std::string& dir, const std::string& name, std::vector<std::string>& chain, Inputs& out,
                Diagnostics& diags, SourceTexts& texts, const std::string& from_file, Location from_where,
                const LoadedBaseline* baseline) {
  namespace fs = std::filesystem;
  // The name is checked before it goes near the file system: a 300-character or '../' name is bad
  // input, located at the `extends:` value that gave it (or at the scenario's file).
  if (std::string why = scenario_name_problem(name); !why.empty()) {
    diags.error(from_file.empty() ? (fs::path(dir) / "scenarios").string() + "/" + printable(name) + ".yaml" : from_file,
                from_where, from_file.empty() ? "" : "extends", why);
    return false;
  }
  if (name == "baseline" && baseline) {
    diags.append(baseline->diags);
    texts.insert(texts.end(), baseline->texts.begin(), baseline->texts.end());
    if (baseline->inputs) out = *baseline->inputs;
    return baseline->inputs.has_value();
  }
  if (name == "baseline") {
    auto base = load_inputs(dir, diags, texts);
    if (base) out = std::move(*base);
    return base.has_value();
  }
  if (std::find(chain.begin(), chain.end(), name) != chain.end()) {
    std::string cycle;
    for (const std::string& c : chain) cycle += c + " → ";
    diags.error(from_file, from_where, "extends", "'extends' makes a cycle: " + cycle + name);
    return false;
  }
  std::string path = (fs::path(dir) / "scenarios" / (name + ".yaml")).string();
  std::error_code ec;
  if (fs::symlink_status(path, ec).type() == fs::file_type::not_found) {
    diags.error(from_file.empty() ? path : from_file, from_where, from_file.empty() ? "" : "extends",
                "no scenario '" + name + "' (expected " + path + ")");
    return false;
  }
  // Anything else in place of a file (a folder, a FIFO, a symlink loop) is reported by the reader,
  // which never blocks.
  std::size_t before = diags.size();
  auto root = read_file(path, diags, texts);
  if (!root) return false;
  Reader r(path, diags);
  if (!r.expect_map(*root, "")) return false;
  r.reject_unknown(*root, "", {"scenario", "extends", "title", "description", "peildatum", "ranges", "sources", "parameters"},
                   "key");
  if (auto declared = r.text(*root, "scenario", "", true); declared && *declared != name)
    r.error(root->find_entry("scenario")->value.where, "scenario",
            "the scenario is called '" + *declared + "' but its file is " + name + ".yaml: they must match");
  r.text(*root, "description", "", true);  // the reasoning is required, shown to nobody by the model
  auto extends = r.text(*root, "extends", "", true);
  if (!extends) return false;
  chain.push_back(name);
  bool parent_ok =
      load_chain(dir, *extends, chain, out, diags, texts, path, root->find_entry("extends")->value.where, baseline);
  chain.pop_back();
  if (!parent_ok) return false;
  out.scenario = name;
  if (auto title = r.text(*root, "title", "", false)) out.title = *title;
  if (auto peildatum = r.text(*root, "peildatum", "", false)) out.peildatum = *peildatum;
  // `ranges: min | midden | max` turns every range the scenario inherits into one value.
  if (auto ranges = r.text(*root, "ranges", "", false)) {
    if (*ranges != "min" && *ranges != "midden" && *ranges != "max") {
      r.error(root->find_entry("ranges")->value.where, "ranges", "ranges is min, midden or max");
    } else {
      for (auto& [key, p] : out.parameters) {
        if (!p.ranged) continue;
        double v = *ranges == "min" ? p.min : *ranges == "max" ? p.max : (p.min + p.max) / 2;
        p.note = std::string(*ranges == "midden" ? "Middenwaarde" : *ranges == "min" ? "Ondergrens" : "Bovengrens") +
                 " van het bereik in scenario " + name + (p.note.empty() ? "" : ". " + p.note);
        p.min = p.max = v;
        p.ranged = false;
      }
    }
  }
  if (const Node* sources = root->find("sources")) read_source_entries(*sources, "sources", r, out);
  if (const yaml::MapEntry* params = root->find_entry("parameters"); params && r.expect_map(params->value, "parameters")) {
    for (const yaml::MapEntry& e : params->value.entries)
      if (const ParameterSpec* spec = known_parameter(e, r)) read_override(e, *spec, name, r, out);
  }
  out.files.push_back(path);
  return diags.size() == before;
}

}  // namespace

std::string printable(std::string_view name) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (std::size_t at = 0; at < name.size();) {
    std::size_t n = utf8::sequence_length(name, at);
    unsigned char c = static_cast<unsigned char>(name[at]);
    if (n == 0 || (n == 1 && (c < 0x20 || c == 0x7F))) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
      ++at;
    } else {
      out.append(name.substr(at, n));
      at += n;
    }
  }
  return out;
}

std::string scenario_name_problem(std::string_view name) {
  auto bad = [&](const std::string& why) {
    std::string shown = name.size() > 120 ? printable(name.substr(0, 60)) + "…" : printable(name);
    return "'" + shown + "' is not a scenario name: " + why + " (a name is 1 to " +
           std::to_string(kMaxScenarioNameChars) +
           " letters, digits, spaces, '-', '_', '.', '(' and ')', starting with a letter or digit; it names the "
           "output folder)";
  };
  if (name.empty()) return bad("it is empty");
  // The length is checked on the bytes first: nothing that long is looked at further.
  if (name.size() > 4 * kMaxScenarioNameChars) return bad("it is " + std::to_string(name.size()) + " bytes long");
  if (!utf8::valid(name)) return bad("it is not valid UTF-8");
  if (std::size_t chars = utf8::count(name); chars > kMaxScenarioNameChars)
    return bad("it is " + std::to_string(chars) + " characters long");
  if (name.back() == ' ' || name.back() == '.') return bad(std::string("it ends with '") + name.back() + "'");
  // Names of files zorgcap (and the nightly job in README.md) writes in OUT are not folder names.
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view ext : {".html", ".htm", ".json", ".txt", ".lock", ".zorgcap-tmp", ".zorgcap-output"})
    if (lower.size() >= ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0)
      return bad("it ends in '" + std::string(ext) + "', which is reserved for files zorgcap writes in OUT (index.html)");
  bool first = true;
  for (std::size_t at = 0; at < name.size(); first = false) {
    std::size_t start = at;
    char32_t c = utf8::next(name, at);
    if (!name_char_ok(c, first))
      return bad("'" + printable(name.substr(start, at - start)) + "' is not allowed" + (first ? " at the start" : ""));
  }
  return "";
}

bool is_valid_scenario_name(std::string_view name) { return scenario_name_problem(name).empty(); }

LoadedBaseline load_baseline(const std::string& dir) {
  LoadedBaseline b;
  b.inputs = load_inputs(dir, b.diags, b.texts);
  return b;
}

std::optional<Inputs> load_scenario(const std::string& dir, const std::string& name, Diagnostics& diags,
                                    SourceTexts& texts, const LoadedBaseline* baseline) {
  Inputs out;
  std::vector<std::string> chain;
  if (!load_chain(dir, name, chain, out, diags, texts, "", {}, baseline)) return std::nullopt;
  return out;
}

std::vector<std::string> list_scenarios(const std::string& dir) {
  std::error_code ec;
  return list_scenarios(dir, ec);
}

std::vector<std::string> list_scenarios(const std::string& dir, std::error_code& ec) {
  namespace fs = std::filesystem;
  std::vector<std::string> names;
  ec.clear();
  // Every *.yaml entry, whatever its type and name: a folder, a FIFO, a symlink loop or a badly
  // named file is then reported for its scenario instead of being skipped silently or ending the
  // run. Nothing here follows a link or throws.
  for (fs::directory_iterator it(fs::path(dir) / "scenarios", ec), end; !ec && it != end; it.increment(ec)) {
    std::string file = it->path().filename().string();
    if (file.size() > 5 && file.compare(file.size() - 5, 5, ".yaml") == 0) names.push_back(file.substr(0, file.size() - 5));
  }
  if (ec == std::errc::no_such_file_or_directory) ec.clear();
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<Inputs> load_inputs(const std::string& dir, Diagnostics& diags, SourceTexts& texts) {
  namespace fs = std::filesystem;
  Inputs in;
  std::size_t before = diags.size();
  std::string sources_path = (fs::path(dir) / "sources.yaml").string();
  std::string baseline_path = (fs::path(dir) / "baseline.yaml").string();
  bool sources_read = false;
  if (auto root = read_file(sources_path, diags, texts)) {
    Reader r(sources_path, diags);
    sources_read = read_sources(*root, r, in);
  }
  in.files.push_back(sources_path);
  if (auto root = read_file(baseline_path, diags, texts)) {
    Reader r(baseline_path, diags);
    read_baseline(*root, sources_read, r, in);
  }
  in.files.push_back(baseline_path);
  if (diags.size() != before) return std::nullopt;
  return in;
}

std::string assumption_source_label(std::string_view scenario) {
  return "Aanname in scenario " + std::string(scenario);
}

}  // namespace zorgcap
