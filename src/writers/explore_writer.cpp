#include "writers/explore_writer.h"

#include <sstream>

#include <nlohmann/json.hpp>

#include "document/wording.h"
#include "writers/escape.h"
#include "writers/html_parts.h"
#include "writers/expr_json.h"

namespace zorgcap {
namespace {

using nlohmann::ordered_json;

ordered_json cell_json(const BuiltCell& c) {
  ordered_json j;
  j["id"] = c.id;
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
  if (!c.footnotes.empty()) {
    ordered_json notes = ordered_json::array();
    for (const CellFootnote& f : c.footnotes) notes.push_back(f.before_run);
    j["footnotes_before"] = std::move(notes);
  }
  return j;
}

// The cells that print a number or a source label (the others never change), flat.
void add_live_cells(ordered_json& out, const std::vector<std::vector<BuiltCell>>& rows) {
  for (const auto& row : rows)
    for (const BuiltCell& c : row)
      if (c.has_numbers() || !c.source_of.empty()) out.push_back(cell_json(c));
}

ordered_json chart_json(const Chart& c, const Document& doc) {
  ordered_json j;
  j["id"] = c.id;
  j["kind"] = c.kind == Chart::Kind::range ? "range" : "tornado";
  j["title"] = c.title;
  j["factor"] = c.format.factor();
  j["decimals"] = c.format.decimals;
  if (c.kind == Chart::Kind::tornado) {
    j["outcome"] = c.outcome;
    j["unit"] = c.unit;
    j["max_bars"] = c.max_bars;
    return j;  // its bars are recomputed whole
  }
  ordered_json bars = ordered_json::array();
  for (const ChartBar& b : c.bars)
    bars.push_back({{"label", b.label}, {"detail", b.detail}, {"key", b.key},
                    {"anchor", doc.provenance.at(static_cast<std::size_t>(b.mark - 1)).anchor}});
  j["bars"] = std::move(bars);
  return j;
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
    q["anchor"] = e.anchor;
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
                       {"upper_open", e.domain->upper_open},
                       {"upper_is_ceiling", e.domain->upper_is_ceiling}};
    } else {
      q["expr"] = expr_tree_json(e.expr, e.operands);
      q["operands"] = e.operands;
      ordered_json formula = ordered_json::array();
      for (const FormulaPiece& p : e.formula) {
        if (p.operand >= 0)
          formula.push_back(p.operand);
        else
          formula.push_back(p.text);
      }
      q["formula"] = std::move(formula);
    }
    qs[e.key] = std::move(q);
  }
  j["quantities"] = std::move(qs);
  ordered_json cells = ordered_json::array();
  for (const BuiltTable& t : doc.tables) {
    add_live_cells(cells, t.header);
    add_live_cells(cells, t.body);
  }
  j["cells"] = std::move(cells);
  ordered_json charts = ordered_json::array();
  for (const Chart& c : doc.case_charts) charts.push_back(chart_json(c, doc));
  for (const Chart& c : doc.tornados) charts.push_back(chart_json(c, doc));
  j["charts"] = std::move(charts);
  j["wording"] = {{"min_scenario", wording::kMinScenario},
                  {"max_scenario", wording::kMaxScenario},
                  {"smaller_in_max", wording::kSmallerInMax}};
  return j;
}

// JSON inside <script>: "</" would end the element, so it is written "<\/" (the same string in JSON).
std::string script_safe(std::string s) {
  for (std::size_t at = s.find("</"); at != std::string::npos; at = s.find("</", at + 3)) s.replace(at, 2, "<\\/");
  return s;
}

}  // namespace

std::string render_explore(const Document& doc, const ExploreAssets& assets) {
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<title>Verkennen: " << html_escape(doc.title) << "</title>\n"
    << "<style>\n" << assets.css << "</style>\n</head>\n<body>\n"
    << "<h1>Verkennen: " << html_escape(doc.title) << "</h1>\n"
    << "<p>Scenario <code>" << html_escape(doc.scenario)
    << "</code>. Wijzig een invoer; de tabellen, de figuren en de herkomst van elk getal rekenen direct opnieuw, met "
       "de afronding en notatie van zorgcap. De link in de adresbalk bewaart de wijzigingen.</p>\n"
    << "<noscript><p>Deze pagina rekent met JavaScript; zonder toont zij de tabellen van het scenario zoals "
       "report.html.</p></noscript>\n"
    << "<p id=\"hash-problems\" role=\"alert\"></p>\n<p id=\"model-problems\" role=\"alert\"></p>\n"
    << "<section aria-labelledby=\"changes-title\">\n<h2 id=\"changes-title\">Gewijzigde invoer</h2>\n"
    << "<p id=\"no-changes\">Nog niets gewijzigd.</p>\n"
    << "<table class=\"changes\"><thead><tr><th scope=\"col\">Invoer</th><th scope=\"col\">Oorspronkelijk</th>"
       "<th scope=\"col\">Nieuw</th><th scope=\"col\">Bron van het origineel</th></tr></thead>"
       "<tbody id=\"changes\"></tbody></table>\n"
    << "<p class=\"export\"><label for=\"scenario-name\">Naam van het scenario</label> "
       "<input type=\"text\" id=\"scenario-name\" value=\""
    << html_escape(assets.export_scenario)
    << "\" aria-describedby=\"scenario-name-help scenario-name-message\" autocomplete=\"off\" spellcheck=\"false\"> "
       "<button type=\"button\" id=\"export\">Exporteer als scenario</button> "
       "<button type=\"button\" id=\"reset\">Alles terugzetten</button></p>\n"
    << "<p id=\"scenario-name-help\" class=\"help\">Het bestand heet zo (NAAM.yaml, voor inputs/scenarios/). Een "
       "naam is 1 tot 100 letters, cijfers, spaties, '-', '_', '.', '(' en ')', begint met een letter of cijfer en "
       "eindigt niet op een spatie of punt.</p>\n"
    << "<p id=\"scenario-name-message\" class=\"message\" role=\"alert\"></p>\n"
    << "<details><summary>Scenario als YAML</summary><pre id=\"yaml\"></pre></details>\n</section>\n"
    << "<div class=\"layout\">\n<section id=\"inputs\" aria-labelledby=\"inputs-title\">\n"
       "<h2 id=\"inputs-title\">Invoer</h2>\n<div id=\"inputs-list\"></div>\n</section>\n"
    << "<main id=\"tables\">\n<h2>Tabellen</h2>\n";
  for (const BuiltTable& t : doc.tables) html::table(h, doc, t, true);
  if (!doc.case_charts.empty()) {
    h << "<section class=\"analysis\" id=\"figuren\">\n<h2>" << wording::kFigures << "</h2>\n";
    for (const Chart& c : doc.case_charts) html::chart(h, doc, c);
    h << "</section>\n";
  }
  if (!doc.tornados.empty()) {
    h << "<section class=\"analysis\" id=\"gevoeligheid\">\n<h2>" << wording::kSensitivity << "</h2>\n";
    for (const Chart& c : doc.tornados) html::chart(h, doc, c);
    h << "</section>\n";
  }
  html::provenance(h, doc, true);
  html::sources(h, doc);
  h << "</main>\n</div>\n";
  h << "<script type=\"application/json\" id=\"explore-data\">" << script_safe(data_json(doc, assets).dump())
    << "</script>\n";
  h << "<script>\n" << script_safe(assets.js) << "</script>\n</body>\n</html>\n";
  return h.str();
}

}  // namespace zorgcap
