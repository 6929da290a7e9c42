#include "document/analysis_template.h"

#include "inputs/yaml_tree.h"

namespace zorgcap {
namespace {

using yaml::Node;

std::string text_of(const Node* n) { return n && n->is_scalar() ? n->text : std::string(); }

std::optional<NumberFormat> format_of(const Node& parent, const std::string& file, const std::string& path,
                                      Diagnostics& diags) {
  const Node* f = parent.find("format");
  auto fmt = f && f->is_scalar() ? parse_number_format(f->text) : std::nullopt;
  if (!fmt) diags.error(file, f ? f->where : parent.where, path + ".format", "expected a number format such as n0 or mln2");
  return fmt;
}

}  // namespace

std::optional<AnalysisTemplate> load_analysis_template(const std::string& path, Diagnostics& diags, SourceTexts& texts) {
  std::string text;
  std::size_t before = diags.size();
  auto root = yaml::parse_file(path, diags, text);
  texts.emplace_back(path, text);
  if (!root) return std::nullopt;
  AnalysisTemplate t;
  t.file = path;
  if (!root->is_map()) {
    diags.error(path, root->where, "", "expected a map with headlines and case_charts");
    return std::nullopt;
  }
  for (const yaml::MapEntry& e : root->entries)
    if (e.key != "tornado_bars" && e.key != "headlines" && e.key != "case_charts")
      diags.error(path, e.key_where, e.key, "unknown key '" + e.key + "' (tornado_bars, headlines, case_charts)");
  if (const Node* n = root->find("tornado_bars")) {
    auto v = n->is_scalar() && n->plain ? yaml::parse_number(n->text) : std::nullopt;
    if (!v || *v < 1 || *v > 50 || *v != static_cast<int>(*v))
      diags.error(path, n->where, "tornado_bars", "a whole number from 1 to 50");
    else
      t.tornado_bars = static_cast<int>(*v);
  }
  const Node* headlines = root->find("headlines");
  if (!headlines || !headlines->is_sequence()) {
    diags.error(path, headlines ? headlines->where : root->where, "headlines", "expected a list of headline outcomes");
  } else {
    for (std::size_t i = 0; i < headlines->items.size(); ++i) {
      const Node& h = headlines->items[i];
      std::string p = "headlines[" + std::to_string(i) + "]";
      if (!h.is_map() || text_of(h.find("key")).empty() || text_of(h.find("case")).empty()) {
        diags.error(path, h.where, p, "a headline needs key, case, format and unit");
        continue;
      }
      auto fmt = format_of(h, path, p, diags);
      if (fmt) t.headlines.push_back({text_of(h.find("key")), text_of(h.find("case")), *fmt, text_of(h.find("unit")), h.where});
    }
  }
  if (const Node* charts = root->find("case_charts")) {
    if (!charts->is_sequence()) diags.error(path, charts->where, "case_charts", "expected a list of charts");
    for (std::size_t i = 0; charts->is_sequence() && i < charts->items.size(); ++i) {
      const Node& c = charts->items[i];
      std::string p = "case_charts[" + std::to_string(i) + "]";
      const Node* bars = c.find("bars");
      if (!c.is_map() || text_of(c.find("title")).empty() || !bars || !bars->is_sequence()) {
        diags.error(path, c.where, p, "a chart needs title, format and a list of bars");
        continue;
      }
      CaseChartTemplate ct{text_of(c.find("title")), {}, {}, c.where};
      if (auto fmt = format_of(c, path, p, diags)) ct.format = *fmt;
      for (const Node& b : bars->items) ct.keys.push_back(text_of(&b));
      t.case_charts.push_back(std::move(ct));
    }
  }
  if (diags.size() != before) return std::nullopt;
  return t;
}

}  // namespace zorgcap
