#include "writers/values_json.h"

#include <nlohmann/json.hpp>

#include "writers/expr_json.h"

namespace zorgcap {

std::string values_json(const std::string& scenario, const Results& results, const SourceCatalog& inputs) {
  using nlohmann::ordered_json;
  ordered_json list = ordered_json::array();
  results.for_each([&](const Quantity& q) {
    ordered_json j;
    j["key"] = q.key;
    j["label"] = q.label;
    j["unit"] = std::string(unit_name(q.unit));
    j["min"] = q.min;
    j["max"] = q.max;
    if (q.is_input) {
      j["source"] = q.source;
      const Source& s = inputs.sources.at(q.source);
      j["source_label"] = s.label;
      if (!q.note.empty()) j["note"] = q.note;
    } else {
      j["formula"] = render_formula(q, [&](const std::string& k) { return results.at(k).label; });
      j["operands"] = q.operands;
      j["expr"] = expr_tree_json(q.expr, q.operands);
    }
    list.push_back(std::move(j));
  });
  ordered_json doc;
  doc["scenario"] = scenario;
  doc["quantities"] = std::move(list);
  return doc.dump(2) + "\n";
}

}  // namespace zorgcap
