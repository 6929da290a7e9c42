#include "writers/tables_json.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <set>
#include <utility>
#include <vector>

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

// Text a spreadsheet would execute as a formula (or a DDE command): a leading = + - @, tab or CR.
// "-2+3" is a formula too, so every leading minus counts; the numeric columns are not text.
bool runs_as_formula(const std::string& s) {
  return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

// RFC 4180 field, quoted when it holds a separator, a quote or a line break.
std::string csv_quote(const std::string& v) {
  if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// A text column: protected with a leading apostrophe where a spreadsheet would execute it.
std::string csv_text(const std::string& s) { return csv_quote(runs_as_formula(s) ? "'" + s : s); }

std::string number_text(double v) {
  if (!std::isfinite(v)) return "";
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
  // UTF-8 with a byte order mark, so that spreadsheets import the text as UTF-8.
  std::string out = "\xEF\xBB\xBFtable,section,row,column,text,quantity,unit,min,max\n";
  for (const BuiltTable& t : doc.tables) {
    for (const auto* section : {&t.header, &t.body}) {
      for (const auto& row : *section) {
        for (const BuiltCell& c : row) {
          const std::string lead = std::to_string(t.number) + "," + (c.header ? "header" : "body") + "," +
                                   std::to_string(c.row) + "," + std::to_string(c.col) + "," + csv_text(c.text) + ",";
          // One line per quantity the cell prints, in order of appearance: its printed bounds'
          // raw values in `min` and `max` (both for a single value, one of them for one bound).
          std::vector<std::string> keys;
          std::map<std::string, std::pair<std::string, std::string>> bounds;
          std::map<std::string, std::string> units;
          std::map<std::string, std::set<Bound>> printed;
          for (const BuiltRun& r : c.runs) {
            if (!r.is_number) continue;
            const BuiltNumber& n = r.number;
            if (!bounds.count(n.key)) keys.push_back(n.key);
            auto& [lo, hi] = bounds[n.key];
            units[n.key] = n.unit;
            printed[n.key].insert(n.bound);
            if (n.bound != Bound::max) lo = number_text(n.value);
            if (n.bound != Bound::min) hi = number_text(n.value);
          }
          if (keys.empty()) out += lead + ",,,\n";
          for (const std::string& k : keys) {
            const std::set<Bound>& b = printed[k];
            std::string key = k;
            if (b.size() == 1 && *b.begin() != Bound::single) key += "@" + std::string(bound_name(*b.begin()));
            out += lead + csv_text(key) + "," + csv_text(units[k]) + "," + bounds[k].first + "," + bounds[k].second + "\n";
          }
        }
      }
    }
  }
  return out;
}

}  // namespace zorgcap
