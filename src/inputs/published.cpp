#include "inputs/published.h"

#include "inputs/yaml_tree.h"

namespace zorgcap {
namespace {

bool is_erratum_kind(const std::string& k) {
  for (const std::string& known : erratum_kinds())
    if (k == known) return true;
  return false;
}

std::string kinds_message(const std::string& k) {
  std::string out = "unknown kind '" + k + "'; expected one of:";
  for (const std::string& known : erratum_kinds()) out += " '" + known + "'";
  return out;
}

}  // namespace

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
  out.reserve(root->entries.size());
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
    p.expected_decimals = static_cast<int>(num("expected_decimals", false).value_or(p.decimals));
    p.erratum = str("erratum");
    p.erratum_kind = str("erratum_kind");
    if (!p.erratum_kind.empty() && !is_erratum_kind(p.erratum_kind))
      diags.error(path, e.value.find("erratum_kind")->where, e.key + ".erratum_kind", kinds_message(p.erratum_kind));
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

std::optional<std::map<std::string, Erratum>> load_errata(const std::string& path, Diagnostics& diags,
                                                           SourceTexts& texts) {
  std::string text;
  auto root = yaml::parse_file(path, diags, text);
  texts.emplace_back(path, text);
  if (!root) return std::nullopt;
  const yaml::Node* list = root->is_map() ? root->find("errata") : nullptr;
  if (!list || !list->is_map()) {
    diags.error(path, root->where, "errata", "expected a map 'errata' of id: {kind, text}");
    return std::nullopt;
  }
  std::map<std::string, Erratum> out;
  std::size_t before = diags.size();
  for (const yaml::MapEntry& e : list->entries) {
    const yaml::Node* kind = e.value.is_map() ? e.value.find("kind") : nullptr;
    const yaml::Node* text = e.value.is_map() ? e.value.find("text") : nullptr;
    if (!e.value.is_map()) {
      diags.error(path, e.key_where, "errata." + e.key, "expected a map with 'kind' and 'text'");
      continue;
    }
    for (const yaml::MapEntry& f : e.value.entries)
      if (f.key != "kind" && f.key != "text")
        diags.error(path, f.key_where, "errata." + e.key + "." + f.key, "unknown key; expected 'kind' or 'text'");
    if (!text || !text->is_scalar() || text->text.empty())
      diags.error(path, text ? text->where : e.key_where, "errata." + e.key + ".text", "expected an explanation text");
    if (!kind || !kind->is_scalar())
      diags.error(path, kind ? kind->where : e.key_where, "errata." + e.key + ".kind", kinds_message(""));
    else if (!is_erratum_kind(kind->text))
      diags.error(path, kind->where, "errata." + e.key + ".kind", kinds_message(kind->text));
    if (text && kind) out[e.key] = Erratum{kind->text, text->text};
  }
  if (diags.size() != before) return std::nullopt;
  return out;
}

}  // namespace zorgcap
