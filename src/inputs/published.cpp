#include "inputs/published.h"

#include "inputs/yaml_tree.h"

namespace zorgcap {

std::optional<std::vector<PublishedNumber>> load_published(const std::string& path, Diagnostics& diags,
                                                           SourceTexts& texts) {
  std::string text;
  std::size_t before = diags.size();
  auto root = yaml::parse_file(path, diags, text);
  texts.emplace_back(path, text);
  if (!root) return std::nullopt;
  if (!root->is_map()) {
    diags.error(path, root->where, "", "expected a map of published numbers");
    return std::nullopt;
  }
  std::vector<PublishedNumber> out;
  for (const yaml::MapEntry& e : root->entries) {
    PublishedNumber p;
    p.id = e.key;
    auto str = [&](std::string_view k) -> std::string {
      const yaml::Node* n = e.value.find(k);
      return n && n->is_scalar() ? n->text : std::string();
    };
    auto num = [&](std::string_view k, bool required) -> std::optional<double> {
      const yaml::Node* n = e.value.find(k);
      if (!n) {
        if (required) diags.error(path, e.key_where, e.key + "." + std::string(k), "missing");
        return std::nullopt;
      }
      auto v = n->is_scalar() && n->plain ? yaml::parse_number(n->text) : std::nullopt;
      if (!v) diags.error(path, n->where, e.key + "." + std::string(k), "expected a number");
      return v;
    };
    p.printed = str("printed");
    p.value = num("value", true).value_or(0);
    p.decimals = static_cast<int>(num("decimals", true).value_or(0));
    p.table = str("table");
    p.cell = str("cell");
    p.expected = num("expected", false);
    p.erratum = str("erratum");
    p.quantity = str("quantity");
    p.bound = str("bound");
    std::string scale = str("scale");
    if (scale == "procent") p.scale = Scale::percent;
    else if (scale == "miljoen") p.scale = Scale::million;
    else if (scale == "duizend") p.scale = Scale::thousand;
    else if (scale.empty() || scale == "een") p.scale = Scale::number;
    else diags.error(path, e.value.find("scale")->where, e.key + ".scale", "unknown scale '" + scale + "'");
    if (!p.bound.empty() && p.bound != "min" && p.bound != "max")
      diags.error(path, e.value.find("bound")->where, e.key + ".bound", "bound must be min or max");
    out.push_back(std::move(p));
  }
  if (diags.size() != before) return std::nullopt;
  return out;
}

std::optional<std::map<std::string, std::string>> load_errata(const std::string& path, Diagnostics& diags,
                                                               SourceTexts& texts) {
  std::string text;
  auto root = yaml::parse_file(path, diags, text);
  texts.emplace_back(path, text);
  if (!root) return std::nullopt;
  const yaml::Node* list = root->is_map() ? root->find("errata") : nullptr;
  if (!list || !list->is_map()) {
    diags.error(path, root->where, "errata", "expected a map 'errata' of id: explanation");
    return std::nullopt;
  }
  std::map<std::string, std::string> out;
  for (const yaml::MapEntry& e : list->entries) {
    if (!e.value.is_scalar() || e.value.text.empty()) {
      diags.error(path, e.key_where, "errata." + e.key, "expected an explanation text");
      return std::nullopt;
    }
    out[e.key] = e.value.text;
  }
  return out;
}

}  // namespace zorgcap
