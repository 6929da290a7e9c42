#include "cli/diff_command.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/app.h"

namespace zorgcap {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

// A folder argument that is not a folder: bad usage (exit 2). Other problems are I/O failures (3).
struct NotAFolder : std::runtime_error {
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

// Scenario folders of a zorgcap output folder (those holding a tables.json), sorted.
std::set<std::string> scenarios(const fs::path& dir) {
  if (!fs::is_directory(dir)) throw NotAFolder(dir.string() + " is not a folder");
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_directory() && fs::exists(e.path() / "tables.json") && e.path().filename().string()[0] != '.')
      out.insert(e.path().filename().string());
  return out;
}

struct NumberCell {
  int table = 0, row = 0, col = 0;
  std::string row_label, text;
};

// Body cells that hold numbers, by cell id.
std::map<std::string, NumberCell> number_cells(const json& tables) {
  std::map<std::string, NumberCell> out;
  for (const json& t : tables.at("tables")) {
    int number = t.at("number").get<int>();
    const json& rows = t.at("rows");
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::string label = rows[r].empty() ? "" : rows[r][0].value("text", "");
      for (const json& c : rows[r]) {
        if (!c.contains("quantity")) continue;
        std::string id = c.at("id").get<std::string>();
        std::size_t cpos = id.rfind("/c");
        int col = cpos == std::string::npos ? 0 : std::stoi(id.substr(cpos + 2));
        out[id] = {number, static_cast<int>(r), col, label, c.at("text").get<std::string>()};
      }
    }
  }
  return out;
}

std::string short_label(const std::string& s) {
  std::string one = s.substr(0, s.find('\n'));
  return one.size() > 60 ? one.substr(0, 57) + "..." : one;
}

}  // namespace

int run_diff(const std::string& old_dir, const std::string& new_dir, bool as_json, std::ostream& out,
             std::ostream& err) {
  ordered_json changes = ordered_json::array();
  std::ostringstream text;
  try {
    std::set<std::string> a = scenarios(old_dir), b = scenarios(new_dir), all;
    all.insert(a.begin(), a.end());
    all.insert(b.begin(), b.end());
    for (const std::string& s : all) {
      if (!a.count(s) || !b.count(s)) {
        bool added = !a.count(s);
        changes.push_back({{"scenario", s}, {"kind", added ? "scenario added" : "scenario removed"}});
        text << s << ": scenario " << (added ? "added" : "removed") << "\n";
        continue;
      }
      auto old_cells = number_cells(read_json(fs::path(old_dir) / s / "tables.json"));
      auto new_cells = number_cells(read_json(fs::path(new_dir) / s / "tables.json"));
      std::set<std::string> ids;
      for (const auto& [id, c] : old_cells) ids.insert(id);
      for (const auto& [id, c] : new_cells) ids.insert(id);
      for (const std::string& id : ids) {
        auto o = old_cells.find(id), n = new_cells.find(id);
        std::string before = o == old_cells.end() ? "" : o->second.text;
        std::string after = n == new_cells.end() ? "" : n->second.text;
        if (before == after) continue;
        const NumberCell& c = n != new_cells.end() ? n->second : o->second;
        changes.push_back({{"scenario", s}, {"kind", "number"}, {"table", c.table}, {"row", c.row}, {"column", c.col},
                           {"row_label", c.row_label}, {"cell", id}, {"old", before}, {"new", after}});
        text << s << ": Tabel " << c.table << ", rij " << c.row + 1 << " (" << short_label(c.row_label) << "), kolom "
             << c.col + 1 << ": " << before << " → " << after << "\n";
      }
      fs::path om = fs::path(old_dir) / s / "manifest.json", nm = fs::path(new_dir) / s / "manifest.json";
      json op = fs::exists(om) ? read_json(om).value("parameters", json::object()) : json::object();
      json np = fs::exists(nm) ? read_json(nm).value("parameters", json::object()) : json::object();
      std::set<std::string> keys;
      for (auto it = op.begin(); it != op.end(); ++it) keys.insert(it.key());
      for (auto it = np.begin(); it != np.end(); ++it) keys.insert(it.key());
      for (const std::string& k : keys) {
        json before = op.value(k, json()), after = np.value(k, json());
        if (before == after) continue;
        changes.push_back({{"scenario", s}, {"kind", "input"}, {"parameter", k}, {"old", before}, {"new", after}});
        text << s << ": invoer " << k << ": " << (before.is_null() ? "-" : before.dump()) << " → "
             << (after.is_null() ? "-" : after.dump()) << "\n";
      }
    }
  } catch (const NotAFolder& e) {
    err << "zorgcap diff: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    err << "zorgcap diff: " << e.what() << "\n";
    return kExitInternal;
  }
  if (as_json)
    out << ordered_json{{"changes", changes}}.dump(2) << "\n";
  else
    out << text.str() << (changes.empty() ? "no changes\n" : std::to_string(changes.size()) + " changes\n");
  return changes.empty() ? kExitOk : kExitBadInput;
}

}  // namespace zorgcap
