#include "cli/diff_command.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

#include "cli/app.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

// The two folders cannot be compared: bad usage (exit 2). Other problems are I/O failures (3).
struct NotComparable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

json read_json(const fs::path& p) {
  std::ifstream in(p);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  try {
    return json::parse(in);
  } catch (const json::exception& e) {
    throw std::runtime_error(p.string() + " is not valid JSON: " + e.what());
  }
}

// ---------------------------------------------------------------------------------------------
// Which folders are compared

enum class FolderKind { scenario, run };

struct Folder {
  FolderKind kind = FolderKind::run;
  std::map<std::string, fs::path> scenarios;  // name → scenario folder
};

// The folder's own name, also for "out/" and "out/.".
std::string folder_name(const fs::path& p) {
  fs::path n = fs::absolute(p).lexically_normal();
  if (n.filename().empty()) n = n.parent_path();
  return n.filename().string();
}

// Whether `dir` is a scenario folder of zorgcap output (values.json and manifest.json).
bool is_scenario_folder(const fs::path& dir) {
  bool values = fs::is_regular_file(dir / "values.json"), manifest = fs::is_regular_file(dir / "manifest.json");
  if (values != manifest)
    throw NotComparable(dir.string() + " has " + (values ? "values.json but no manifest.json" : "manifest.json but no values.json") +
                        ": not a complete zorgcap scenario folder");
  return values;
}

Folder classify(const std::string& arg) {
  fs::path dir(arg);
  if (!fs::is_directory(dir)) throw NotComparable(arg + " is not a folder");
  Folder f;
  if (is_scenario_folder(dir)) {
    f.kind = FolderKind::scenario;
    f.scenarios[folder_name(dir)] = dir;
    return f;
  }
  bool empty = true;
  for (const auto& e : fs::directory_iterator(dir)) {
    empty = false;
    std::string name = e.path().filename().string();
    if (!e.is_directory() || name.empty() || name[0] == '.') continue;  // .staging folders of a run
    if (is_scenario_folder(e.path())) f.scenarios[name] = e.path();
  }
  if (empty) throw NotComparable(arg + " is empty: not zorgcap output");
  if (f.scenarios.empty())
    throw NotComparable(arg + " is not zorgcap output: neither it nor a subfolder holds values.json and manifest.json");
  return f;
}

// ---------------------------------------------------------------------------------------------
// Tables: every cell of tables.json with its grid position and labels

struct Cell {
  std::string id, section;  // "header" or "body"
  int row = 0, col = 0;
  std::string row_label, column_label;
  json text, quantity, values;  // only these fields are compared; others (footnotes, formats) are ignored
};

struct Table {
  int number = 0;
  std::string caption;
  std::map<std::tuple<int, int, int>, Cell> cells;  // (0 header / 1 body, row, column)
};

// "t10/r3/c2" → (3, 2); "t10/h0/c1" → (0, 1).
std::optional<std::pair<int, int>> grid_position(const std::string& id) {
  std::size_t a = id.find('/'), b = a == std::string::npos ? a : id.find('/', a + 1);
  if (b == std::string::npos || b + 2 > id.size() || id[b + 1] != 'c' || b - a < 3) return std::nullopt;
  try {
    return std::pair{std::stoi(id.substr(a + 2, b - a - 2)), std::stoi(id.substr(b + 2))};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\n' ? ' ' : c;
  return out;
}

// The grid of one section: (row, column) → the cell covering it, spans resolved.
using Grid = std::map<std::pair<int, int>, const json*>;

Grid grid_of(const json& rows, std::vector<std::pair<int, int>>& positions) {
  Grid g;
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t i = 0; i < rows[r].size(); ++i) {
      const json& c = rows[r][i];
      auto pos = grid_position(c.value("id", std::string()));
      std::pair<int, int> at = pos ? *pos : std::pair{static_cast<int>(r), static_cast<int>(i)};
      positions.push_back(at);
      int rs = c.value("rowspan", 1), cs = c.value("colspan", 1);
      for (int dr = 0; dr < std::max(rs, 1); ++dr)
        for (int dc = 0; dc < std::max(cs, 1); ++dc) g.emplace(std::pair{at.first + dr, at.second + dc}, &c);
    }
  return g;
}

std::string text_of(const json* c) { return c && c->contains("text") && (*c)["text"].is_string() ? one_line((*c)["text"]) : ""; }

// Distinct texts of the cells, joined " / ".
std::string join_labels(const std::vector<const json*>& cells) {
  std::string out;
  const json* last = nullptr;
  for (const json* c : cells) {
    if (c == last) continue;
    last = c;
    std::string t = text_of(c);
    if (!t.empty()) out += (out.empty() ? "" : " / ") + t;
  }
  return out;
}

std::map<int, Table> read_tables(const fs::path& file) {
  json doc = read_json(file);
  std::map<int, Table> out;
  for (const json& t : doc.at("tables")) {
    Table table;
    table.number = t.at("number").get<int>();
    table.caption = one_line(t.value("caption", std::string()));
    static const json none = json::array();
    const json& header = t.contains("header") ? t.at("header") : none;
    const json& body = t.at("rows");
    std::vector<std::pair<int, int>> hpos, bpos;
    Grid hgrid = grid_of(header, hpos), bgrid = grid_of(body, bpos);
    // Row headers: the cells marked row_header, if tables.json marks them; otherwise the first
    // row_header_columns columns (default 1, as in the templates; a row header may show numbers).
    bool marked = false;
    for (const json& row : body)
      for (const json& c : row) marked = marked || c.contains("row_header");
    int row_header_columns = t.contains("row_header_columns") && t["row_header_columns"].is_number_integer()
                                 ? t["row_header_columns"].get<int>()
                                 : 1;
    auto column_label = [&](int col, int above) {
      std::vector<const json*> cells;
      for (int h = 0; h < above; ++h)
        if (auto it = hgrid.find({h, col}); it != hgrid.end()) cells.push_back(it->second);
      return join_labels(cells);
    };
    int header_rows = static_cast<int>(header.size());
    std::size_t at = 0;
    for (std::size_t r = 0; r < header.size(); ++r)
      for (const json& c : header[r]) {
        auto [row, col] = hpos[at++];
        Cell cell{c.value("id", std::string()), "header", row, col, "", column_label(col, row), c.value("text", json()),
                  c.value("quantity", json()), c.value("values", json())};
        table.cells[{0, row, col}] = std::move(cell);
      }
    at = 0;
    for (std::size_t r = 0; r < body.size(); ++r)
      for (const json& c : body[r]) {
        auto [row, col] = bpos[at++];
        std::vector<const json*> leading;
        for (int j = 0; j < col; ++j) {
          auto it = bgrid.find({row, j});
          if (it == bgrid.end()) continue;
          if (marked ? it->second->value("row_header", false) : j < row_header_columns) leading.push_back(it->second);
        }
        Cell cell{c.value("id", std::string()), "body", row, col, join_labels(leading), column_label(col, header_rows),
                  c.value("text", json()), c.value("quantity", json()), c.value("values", json())};
        table.cells[{1, row, col}] = std::move(cell);
      }
    out[table.number] = std::move(table);
  }
  return out;
}

// The quantity keys the cells display ("key" or "key@bound").
void displayed_keys(const std::map<int, Table>& tables, std::set<std::string>& out) {
  for (const auto& [n, t] : tables)
    for (const auto& [pos, c] : t.cells) {
      if (c.quantity.is_string()) out.insert(c.quantity.get<std::string>());
      if (c.quantity.is_array())
        for (const json& k : c.quantity)
          if (k.is_string()) out.insert(k.get<std::string>());
    }
}

// ---------------------------------------------------------------------------------------------
// The differences of one scenario

struct CellChange {
  const Cell* old_cell = nullptr;
  const Cell* new_cell = nullptr;
  const Cell& any() const { return new_cell ? *new_cell : *old_cell; }
};

struct TableChange {
  int number = 0;
  std::optional<std::string> old_caption, new_caption;  // nullopt: no such table on that side
  std::vector<CellChange> cells;
  std::size_t count() const {
    if (!old_caption || !new_caption) return 1;  // a table added or removed is one change
    return cells.size() + (*old_caption != *new_caption ? 1 : 0);
  }
};

struct QuantityChange {
  std::string key;
  const json* old_q = nullptr;  // values.json entries; null: not on that side
  const json* new_q = nullptr;
};

struct ScenarioDiff {
  std::string name;
  std::string status;  // "unchanged", "changed", "added", "removed"
  bool tables_compared = false;
  json old_values, new_values;
  std::map<int, Table> old_tables, new_tables;
  std::vector<QuantityChange> inputs, quantities;
  std::vector<TableChange> tables;
  std::size_t count() const {
    if (status == "added" || status == "removed") return 1;
    std::size_t n = inputs.size() + quantities.size();
    for (const TableChange& t : tables) n += t.count();
    return n;
  }
};

std::map<std::string, const json*> quantities_by_key(const json& values) {
  std::map<std::string, const json*> out;
  for (const json& q : values.at("quantities")) out[q.at("key").get<std::string>()] = &q;
  return out;
}

json field(const json* q, const char* name) { return q && q->contains(name) ? (*q)[name] : json(); }

bool is_input(const QuantityChange& c) {
  return (c.old_q && c.old_q->contains("source")) || (c.new_q && c.new_q->contains("source"));
}

bool cell_differs(const Cell& a, const Cell& b) { return a.text != b.text || a.quantity != b.quantity || a.values != b.values; }

void compare(ScenarioDiff& d, const fs::path& old_dir, const fs::path& new_dir) {
  d.old_values = read_json(old_dir / "values.json");
  d.new_values = read_json(new_dir / "values.json");
  d.tables_compared = fs::exists(old_dir / "tables.json") && fs::exists(new_dir / "tables.json");
  std::set<std::string> displayed;
  if (d.tables_compared) {
    d.old_tables = read_tables(old_dir / "tables.json");
    d.new_tables = read_tables(new_dir / "tables.json");
    displayed_keys(d.old_tables, displayed);
    displayed_keys(d.new_tables, displayed);
    std::set<int> numbers;
    for (const auto& [n, t] : d.old_tables) numbers.insert(n);
    for (const auto& [n, t] : d.new_tables) numbers.insert(n);
    for (int n : numbers) {
      auto o = d.old_tables.find(n), w = d.new_tables.find(n);
      TableChange tc;
      tc.number = n;
      if (o != d.old_tables.end()) tc.old_caption = o->second.caption;
      if (w != d.new_tables.end()) tc.new_caption = w->second.caption;
      if (o != d.old_tables.end() && w != d.new_tables.end()) {
        std::set<std::tuple<int, int, int>> positions;
        for (const auto& [p, c] : o->second.cells) positions.insert(p);
        for (const auto& [p, c] : w->second.cells) positions.insert(p);
        for (const auto& p : positions) {
          auto oc = o->second.cells.find(p), nc = w->second.cells.find(p);
          const Cell* a = oc == o->second.cells.end() ? nullptr : &oc->second;
          const Cell* b = nc == w->second.cells.end() ? nullptr : &nc->second;
          if (a && b && !cell_differs(*a, *b)) continue;
          tc.cells.push_back({a, b});
        }
      }
      if (tc.count() > 0) d.tables.push_back(std::move(tc));
    }
  }
  auto old_q = quantities_by_key(d.old_values), new_q = quantities_by_key(d.new_values);
  std::set<std::string> keys;
  for (const auto& [k, q] : old_q) keys.insert(k);
  for (const auto& [k, q] : new_q) keys.insert(k);
  for (const std::string& k : keys) {
    QuantityChange c{k, old_q.count(k) ? old_q[k] : nullptr, new_q.count(k) ? new_q[k] : nullptr};
    auto same = [&](const char* f) { return field(c.old_q, f) == field(c.new_q, f); };
    bool value_same = c.old_q && c.new_q && same("min") && same("max");
    bool other_same = c.old_q && c.new_q && same("unit") && same("source") && same("source_label") && same("formula");
    if (value_same && other_same) continue;
    if (is_input(c)) {
      d.inputs.push_back(c);
      continue;
    }
    // A derived quantity whose changed bounds all show in a compared table cell is reported there.
    bool shown = d.tables_compared && other_same &&
                 (same("min") || displayed.count(k) || displayed.count(k + "@min")) &&
                 (same("max") || displayed.count(k) || displayed.count(k + "@max"));
    if (!shown) d.quantities.push_back(c);
  }
}

// ---------------------------------------------------------------------------------------------
// Output

std::string number_text(const json& v) {
  if (v.is_null()) return "-";
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));  // 9842, not 9842.0
  }
  return v.dump();  // the shortest representation that reads back exactly
}

std::string value_text(const json* q) {
  if (!q) return "-";
  json min = field(q, "min"), max = field(q, "max");
  return min == max ? number_text(min) : number_text(min) + " – " + number_text(max);
}

std::string shown_text(const json& text) {
  if (!text.is_string()) return "-";
  std::string out;
  for (char c : text.get<std::string>()) out += c == '\n' ? std::string(" / ") : std::string(1, c);
  return out.empty() ? "\"\"" : out;
}

std::string label_of(const QuantityChange& c) {
  json l = field(c.new_q ? c.new_q : c.old_q, "label");
  return l.is_string() ? l.get<std::string>() : "";
}

std::string string_field(const json* q, const char* name) {
  json v = field(q, name);
  return v.is_string() ? v.get<std::string>() : "";
}

// "9842 → 10100 fte (Onderzoek Nivel (2020))", with what else changed.
std::string quantity_line(const QuantityChange& c, bool input) {
  std::string unit_old = string_field(c.old_q, "unit"), unit_new = string_field(c.new_q, "unit");
  std::string line = c.key;
  std::string label = label_of(c);
  if (!label.empty()) line += " (" + label + ")";
  line += ": " + value_text(c.old_q);
  if (c.old_q && c.new_q && unit_old != unit_new) line += " " + unit_old;
  line += " → " + value_text(c.new_q);
  std::string unit = c.new_q ? unit_new : unit_old;
  if (!unit.empty()) line += " " + unit;
  if (input) {
    std::string so = string_field(c.old_q, "source_label"), sn = string_field(c.new_q, "source_label");
    if (so.empty()) so = string_field(c.old_q, "source");
    if (sn.empty()) sn = string_field(c.new_q, "source");
    if (c.old_q && c.new_q && so != sn)
      line += "; source: " + so + " → " + sn;
    else
      line += "; source: " + (c.new_q ? sn : so);
  } else if (c.old_q && c.new_q && field(c.old_q, "formula") != field(c.new_q, "formula")) {
    line += "; formula: " + string_field(c.old_q, "formula") + " → " + string_field(c.new_q, "formula");
  }
  if (!c.old_q) line += " (added)";
  if (!c.new_q) line += " (removed)";
  return line;
}

std::string cell_label(const Cell& c) {
  std::string row = c.section == "header" ? "header" : c.row_label.empty() ? "rij " + std::to_string(c.row + 1) : c.row_label;
  std::string col = c.column_label.empty() ? "kolom " + std::to_string(c.col + 1) : c.column_label;
  return row + " | " + col;
}

std::string cell_line(const CellChange& c) {
  std::string line = cell_label(c.any()) + ": " + (c.old_cell ? shown_text(c.old_cell->text) : "-") + " → " +
                     (c.new_cell ? shown_text(c.new_cell->text) : "-");
  if (c.old_cell && c.new_cell && c.old_cell->text == c.new_cell->text) {
    // The displayed text is the same; the raw numbers behind it (or the quantity shown) are not.
    if (c.old_cell->quantity != c.new_cell->quantity)
      line += " (quantity " + c.old_cell->quantity.dump() + " → " + c.new_cell->quantity.dump() + ")";
    else
      line += " (values " + c.old_cell->values.dump() + " → " + c.new_cell->values.dump() + ")";
  }
  return line;
}

void write_text(const std::vector<ScenarioDiff>& diffs, std::size_t total, std::ostream& out) {
  for (const ScenarioDiff& d : diffs) {
    if (d.status == "unchanged") continue;
    if (d.status == "added" || d.status == "removed") {
      out << d.name << ": scenario " << d.status << "\n";
      continue;
    }
    out << d.name << ":\n";
    if (!d.tables_compared)
      out << "  (tables.json is not on both sides: the tables were not compared, every changed quantity is listed)\n";
    if (!d.inputs.empty()) {
      out << "  inputs:\n";
      for (const QuantityChange& c : d.inputs) out << "    " << quantity_line(c, true) << "\n";
    }
    for (const TableChange& t : d.tables) {
      out << "  " << (t.new_caption ? *t.new_caption : *t.old_caption) << "\n";
      if (!t.old_caption) {
        out << "    table added\n";
        continue;
      }
      if (!t.new_caption) {
        out << "    table removed\n";
        continue;
      }
      if (*t.old_caption != *t.new_caption) out << "    caption: " << *t.old_caption << " → " << *t.new_caption << "\n";
      for (const CellChange& c : t.cells) out << "    " << cell_line(c) << "\n";
    }
    if (!d.quantities.empty()) {
      out << (d.tables_compared ? "  other quantities (not displayed in a table):\n" : "  quantities:\n");
      for (const QuantityChange& c : d.quantities) out << "    " << quantity_line(c, false) << "\n";
    }
  }
  if (total == 0)
    out << "no changes\n";
  else
    out << total << (total == 1 ? " change\n" : " changes\n");
}

ordered_json quantity_side(const json* q, bool input) {
  if (!q) return nullptr;
  ordered_json j;
  j["min"] = field(q, "min");
  j["max"] = field(q, "max");
  j["unit"] = field(q, "unit");
  if (input) {
    j["source"] = field(q, "source");
    j["source_label"] = field(q, "source_label");
  } else {
    j["formula"] = field(q, "formula");
  }
  return j;
}

ordered_json quantity_json(const QuantityChange& c, bool input) {
  ordered_json j;
  j["key"] = c.key;
  j["label"] = label_of(c);
  j["old"] = quantity_side(c.old_q, input);
  j["new"] = quantity_side(c.new_q, input);
  return j;
}

ordered_json cell_side(const Cell* c) {
  if (!c) return nullptr;
  ordered_json j;
  j["text"] = c->text;
  j["quantity"] = c->quantity;
  j["values"] = c->values;
  return j;
}

ordered_json json_output(const std::string& old_dir, const std::string& new_dir, FolderKind kind,
                         const std::vector<ScenarioDiff>& diffs, std::size_t total) {
  ordered_json scenarios = ordered_json::array();
  for (const ScenarioDiff& d : diffs) {
    ordered_json s;
    s["scenario"] = d.name;
    s["status"] = d.status;
    s["tables_compared"] = d.tables_compared;
    s["changes"] = d.count();
    ordered_json inputs = ordered_json::array(), tables = ordered_json::array(), quantities = ordered_json::array();
    for (const QuantityChange& c : d.inputs) inputs.push_back(quantity_json(c, true));
    for (const TableChange& t : d.tables) {
      ordered_json tj;
      tj["table"] = t.number;
      tj["status"] = !t.old_caption ? "added" : !t.new_caption ? "removed" : "changed";
      tj["old_caption"] = t.old_caption ? ordered_json(*t.old_caption) : ordered_json();
      tj["new_caption"] = t.new_caption ? ordered_json(*t.new_caption) : ordered_json();
      ordered_json cells = ordered_json::array();
      for (const CellChange& c : t.cells) {
        const Cell& a = c.any();
        ordered_json cj;
        cj["cell"] = a.id;
        cj["section"] = a.section;
        cj["row"] = a.row;
        cj["column"] = a.col;
        cj["row_label"] = a.row_label;
        cj["column_label"] = a.column_label;
        cj["old"] = cell_side(c.old_cell);
        cj["new"] = cell_side(c.new_cell);
        cells.push_back(std::move(cj));
      }
      tj["cells"] = std::move(cells);
      tables.push_back(std::move(tj));
    }
    for (const QuantityChange& c : d.quantities) quantities.push_back(quantity_json(c, false));
    s["inputs"] = std::move(inputs);
    s["tables"] = std::move(tables);
    s["quantities"] = std::move(quantities);
    scenarios.push_back(std::move(s));
  }
  ordered_json j;
  j["old"] = old_dir;
  j["new"] = new_dir;
  j["kind"] = kind == FolderKind::run ? "run" : "scenario";
  j["changes"] = total;
  j["scenarios"] = std::move(scenarios);
  return j;
}

}  // namespace

int run_diff(const std::string& old_dir, const std::string& new_dir, bool as_json, std::ostream& out,
             std::ostream& err) {
  std::vector<ScenarioDiff> diffs;
  std::size_t total = 0;
  FolderKind kind = FolderKind::run;
  try {
    Folder a = classify(old_dir), b = classify(new_dir);
    if (a.kind != b.kind) {
      auto what = [](const Folder& f) { return f.kind == FolderKind::run ? "a run folder (scenario subfolders)" : "a scenario folder"; };
      throw NotComparable(old_dir + " is " + what(a) + " but " + new_dir + " is " + what(b) +
                          ": give two run folders or two scenario folders");
    }
    kind = a.kind;
    if (kind == FolderKind::scenario) {
      // Two scenario folders are compared whatever their names; the newer one names the result.
      fs::path o = a.scenarios.begin()->second;
      a.scenarios = {{b.scenarios.begin()->first, o}};
    }
    std::set<std::string> names;
    for (const auto& [n, p] : a.scenarios) names.insert(n);
    for (const auto& [n, p] : b.scenarios) names.insert(n);
    diffs.reserve(names.size());  // the diffs keep pointers into their own members
    for (const std::string& s : names) {
      diffs.emplace_back();
      ScenarioDiff& d = diffs.back();
      d.name = s;
      auto o = a.scenarios.find(s), n = b.scenarios.find(s);
      if (o == a.scenarios.end() || n == b.scenarios.end()) {
        d.status = o == a.scenarios.end() ? "added" : "removed";
      } else {
        compare(d, o->second, n->second);
        d.status = d.count() == 0 ? "unchanged" : "changed";
      }
      total += d.count();
    }
  } catch (const NotComparable& e) {
    err << "zorgcap diff: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    err << "zorgcap diff: " << e.what() << "\n";
    return kExitInternal;
  }
  if (as_json)
    out << json_output(old_dir, new_dir, kind, diffs, total).dump(2) << "\n";
  else
    write_text(diffs, total, out);
  return total == 0 ? kExitOk : kExitBadInput;
}

}  // namespace zorgcap
