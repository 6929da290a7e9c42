#include "writers/tables_json.h"

#include <nlohmann/json.hpp>

#include <cctype>

namespace zorgcap {
namespace {

using nlohmann::ordered_json;

ordered_json cell_json(const BuiltCell& c) {
  ordered_json j;
  j["id"] = c.id;
  j["text"] = c.text;
  if (c.colspan > 1) j["colspan"] = c.colspan;
  if (c.rowspan > 1) j["rowspan"] = c.rowspan;
  ordered_json keys = ordered_json::array(), values = ordered_json::array();
  for (const BuiltRun& r : c.runs) {
    if (!r.is_number) continue;
    keys.push_back(r.number.bound == Bound::single ? r.number.key : r.number.key + "@" + std::string(bound_name(r.number.bound)));
    values.push_back(r.number.value);
  }
  if (!keys.empty()) {
    j["quantity"] = keys.size() == 1 ? keys[0] : keys;
    j["values"] = values;
  }
  ordered_json deviations = ordered_json::array();
  for (const BuiltRun& r : c.runs) {
    if (!r.is_number || !r.number.deviates()) continue;
    const PrintedComparison& p = *r.number.printed;
    ordered_json d;
    d["quantity"] = r.number.bound == Bound::single ? r.number.key : r.number.key + "@" + std::string(bound_name(r.number.bound));
    d["published"] = p.id;
    d["printed"] = p.printed;
    d["zorgcap"] = p.computed;
    d["kind"] = p.kind;
    if (!p.erratum.empty()) d["erratum"] = p.erratum;
    if (!p.reason.empty()) d["reason"] = p.reason;
    d["verantwoording"] = p.anchor;
    deviations.push_back(std::move(d));
  }
  if (!deviations.empty()) j["deviations"] = std::move(deviations);
  if (!c.footnotes.empty()) {
    ordered_json notes = ordered_json::array();
    for (const CellFootnote& f : c.footnotes) {
      ordered_json n;
      n["number"] = f.number;
      n["at"] = f.at;
      n["anchor"] = f.anchor;
      n["text"] = f.text;
      if (!f.url.empty()) n["url"] = f.url;
      notes.push_back(std::move(n));
    }
    j["footnotes"] = std::move(notes);
  }
  return j;
}

ordered_json rows_json(const std::vector<std::vector<BuiltCell>>& rows) {
  ordered_json out = ordered_json::array();
  for (const auto& row : rows) {
    ordered_json r = ordered_json::array();
    for (const BuiltCell& c : row) r.push_back(cell_json(c));
    out.push_back(std::move(r));
  }
  return out;
}

// RFC 4180 field; text a spreadsheet would run as a formula is prefixed with an apostrophe.
std::string csv_field(const std::string& s) {
  std::string v = s;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '@' || v[0] == '\t' || v[0] == '\r' ||
                     (v[0] == '-' && (v.size() == 1 || !std::isdigit(static_cast<unsigned char>(v[1]))))))
    v = "'" + v;
  bool quote = v.find_first_of(",\"\n\r") != std::string::npos;
  if (!quote) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string number_text(double v) {
  ordered_json j = v;  // shortest round-trip representation, locale-independent
  return j.dump();
}

}  // namespace

ordered_json chart_json(const Chart& c) {
  ordered_json j;
  j["id"] = c.id;
  j["kind"] = c.kind == Chart::Kind::range ? "range" : "tornado";
  j["title"] = c.title;
  if (!c.group.empty()) j["group"] = c.group;
  if (!c.unit.empty()) j["unit"] = c.unit;
  if (c.kind == Chart::Kind::tornado) {
    j["base"] = c.base;
    j["base_text"] = c.base_text;
  }
  ordered_json bars = ordered_json::array();
  for (const ChartBar& b : c.bars) {
    ordered_json bj;
    bj["label"] = b.label;
    if (!b.detail.empty()) bj["detail"] = b.detail;
    bj["quantity"] = b.key;
    bj["from"] = b.from;
    bj["to"] = b.to;
    bj["from_text"] = b.from_text;
    bj["to_text"] = b.to_text;
    bars.push_back(std::move(bj));
  }
  j["bars"] = std::move(bars);
  return j;
}

std::string render_tables_json(const Document& doc) {
  ordered_json tables = ordered_json::array();
  for (const BuiltTable& t : doc.tables) {
    ordered_json j;
    j["number"] = t.number;
    j["caption"] = t.caption;
    j["columns"] = t.columns;
    j["header"] = rows_json(t.header);
    j["rows"] = rows_json(t.body);
    if (!t.notes.empty()) j["notes"] = t.notes;
    tables.push_back(std::move(j));
  }
  ordered_json doc_json;
  doc_json["scenario"] = doc.scenario;
  doc_json["tables"] = std::move(tables);
  ordered_json charts = ordered_json::array();
  for (const auto* list : {&doc.case_charts, &doc.tornados})
    for (const Chart& c : *list) charts.push_back(chart_json(c));
  doc_json["charts"] = std::move(charts);
  if (doc.uncertainty) {
    const Uncertainty& u = *doc.uncertainty;
    ordered_json rows = ordered_json::array();
    for (const UncertaintyRow& r : u.rows)
      rows.push_back({{"quantity", r.key}, {"label", r.label}, {"group", r.group}, {"unit", r.unit},
                      {"min_text", r.min_text}, {"max_text", r.max_text}, {"p5", r.p5}, {"p50", r.p50}, {"p95", r.p95},
                      {"p5_text", r.p5_text}, {"p50_text", r.p50_text}, {"p95_text", r.p95_text}});
    doc_json["uncertainty"] = {{"draws", u.draws}, {"seed", u.seed}, {"distribution", u.distribution}, {"rows", rows}};
  }
  return doc_json.dump(2) + "\n";
}

std::string render_tables_csv(const Document& doc) {
  std::string out = "table,section,row,column,text,value,quantity\n";
  for (const BuiltTable& t : doc.tables) {
    for (const auto* section : {&t.header, &t.body}) {
      for (const auto& row : *section) {
        for (const BuiltCell& c : row) {
          std::string values, keys;
          for (const BuiltRun& r : c.runs) {
            if (!r.is_number) continue;
            values += (values.empty() ? "" : ";") + number_text(r.number.value);
            keys += (keys.empty() ? "" : ";") + r.number.key +
                    (r.number.bound == Bound::single ? "" : "@" + std::string(bound_name(r.number.bound)));
          }
          out += std::to_string(t.number) + "," + (c.header ? "header" : "body") + "," + std::to_string(c.row) + "," +
                 std::to_string(c.col) + "," + csv_field(c.text) + "," + csv_field(values) + "," + csv_field(keys) + "\n";
        }
      }
    }
  }
  return out;
}

}  // namespace zorgcap
