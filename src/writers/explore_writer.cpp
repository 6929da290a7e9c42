#include "writers/explore_writer.h"

#include <nlohmann/json.hpp>

#include "writers/escape.h"
#include "writers/expr_json.h"

namespace zorgcap {
namespace {

using nlohmann::ordered_json;

ordered_json cell_json(const BuiltCell& c) {
  ordered_json j;
  j["id"] = c.id;
  j["text"] = c.text;
  if (c.colspan > 1) j["colspan"] = c.colspan;
  if (c.rowspan > 1) j["rowspan"] = c.rowspan;
  if (c.header) j["header"] = true;
  if (c.row_header) j["row_header"] = true;
  ordered_json runs = ordered_json::array();
  for (std::size_t i = 0; i < c.runs.size(); ++i) {
    const BuiltRun& r = c.runs[i];
    if (r.is_number) {
      ordered_json n;
      n["key"] = r.number.key;
      n["bound"] = std::string(bound_name(r.number.bound));
      n["factor"] = r.number.format.factor();
      n["decimals"] = r.number.format.decimals;
      runs.push_back(std::move(n));
    } else if (auto s = c.source_of.find(i); s != c.source_of.end()) {
      runs.push_back({{"src", s->second}, {"text", r.text}});
    } else {
      runs.push_back(r.text);
    }
  }
  j["runs"] = std::move(runs);
  return j;
}

ordered_json section_json(const std::vector<std::vector<BuiltCell>>& rows) {
  ordered_json out = ordered_json::array();
  for (const auto& row : rows) {
    ordered_json r = ordered_json::array();
    for (const BuiltCell& c : row) r.push_back(cell_json(c));
    out.push_back(std::move(r));
  }
  return out;
}

ordered_json data_json(const Document& doc, const ExploreAssets& assets) {
  ordered_json j;
  j["scenario"] = doc.scenario;
  j["title"] = doc.title;
  j["export_scenario"] = assets.export_scenario;
  j["assumption_label"] = assets.assumption_label;
  ordered_json qs = ordered_json::object();
  for (const ProvenanceEntry& e : doc.provenance) {
    ordered_json q;
    q["label"] = e.label;
    q["unit"] = e.unit;
    q["min"] = e.min;
    q["max"] = e.max;
    if (e.source) {
      q["input"] = true;
      q["ranged"] = e.ranged;
      q["source_label"] = e.source->label;
      if (e.domain)
        q["domain"] = {{"lower", e.domain->lower},
                       {"lower_open", e.domain->lower_open},
                       {"bounded_above", e.domain->bounded_above},
                       {"upper", e.domain->upper},
                       {"upper_open", e.domain->upper_open}};
    } else {
      q["expr"] = expr_tree_json(e.expr, e.operands);
    }
    qs[e.key] = std::move(q);
  }
  j["quantities"] = std::move(qs);
  ordered_json tables = ordered_json::array();
  for (const BuiltTable& t : doc.tables) {
    ordered_json tj;
    tj["id"] = t.id;
    tj["caption"] = t.caption;
    tj["header"] = section_json(t.header);
    tj["body"] = section_json(t.body);
    tj["notes"] = t.notes;
    tables.push_back(std::move(tj));
  }
  j["tables"] = std::move(tables);
  return j;
}

// JSON inside <script>: "</" would end the element, so it is written "<\/" (the same string in JSON).
std::string script_safe(std::string s) {
  for (std::size_t at = s.find("</"); at != std::string::npos; at = s.find("</", at + 3)) s.replace(at, 2, "<\\/");
  return s;
}

}  // namespace

std::string render_explore(const Document& doc, const ExploreAssets& assets) {
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<title>Verkennen: " + html_escape(doc.title) + "</title>\n";
  h += "<style>\n" + assets.css + "</style>\n</head>\n<body>\n";
  h += "<h1>Verkennen: " + html_escape(doc.title) + "</h1>\n";
  h += "<p>Scenario <code>" + html_escape(doc.scenario) +
       "</code>. Wijzig een invoer; alle tabellen rekenen direct opnieuw, met de afronding en notatie van zorgcap. "
       "De link in de adresbalk bewaart de wijzigingen.</p>\n";
  h += "<noscript><p>Deze pagina rekent met JavaScript; report.html toont de tabellen zonder.</p></noscript>\n";
  h += "<p id=\"hash-problems\" role=\"alert\"></p>\n<p id=\"model-problems\" role=\"alert\"></p>\n";
  h += "<section aria-labelledby=\"changes-title\">\n<h2 id=\"changes-title\">Gewijzigde invoer</h2>\n";
  h += "<p id=\"no-changes\">Nog niets gewijzigd.</p>\n";
  h += "<table><thead><tr><th scope=\"col\">Invoer</th><th scope=\"col\">Oorspronkelijk</th><th scope=\"col\">Nieuw</th>"
       "<th scope=\"col\">Bron van het origineel</th></tr></thead><tbody id=\"changes\"></tbody></table>\n";
  h += "<p><button type=\"button\" id=\"export\">Exporteer als scenario</button> "
       "<button type=\"button\" id=\"reset\">Alles terugzetten</button></p>\n";
  h += "<details><summary>Scenario als YAML</summary><pre id=\"yaml\"></pre></details>\n</section>\n";
  h += "<div class=\"layout\">\n<section id=\"inputs\" aria-labelledby=\"inputs-title\">\n"
       "<h2 id=\"inputs-title\">Invoer</h2>\n<div id=\"inputs-list\"></div>\n</section>\n";
  h += "<section aria-labelledby=\"tables-title\">\n<h2 id=\"tables-title\">Tabellen</h2>\n<div id=\"tables\"></div>\n"
       "</section>\n</div>\n";
  h += "<script type=\"application/json\" id=\"explore-data\">" + script_safe(data_json(doc, assets).dump()) +
       "</script>\n";
  h += "<script>\n" + script_safe(assets.js) + "</script>\n</body>\n</html>\n";
  return h;
}

}  // namespace zorgcap
