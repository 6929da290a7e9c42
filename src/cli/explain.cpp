#include "cli/explain.h"

#include <set>

#include "document/value_text.h"

namespace zorgcap {
namespace {

void walk(const Results& results, const Inputs& inputs, const Quantity& q, const std::string& indent, bool last,
          bool root, std::set<std::string>& shown, std::string& out) {
  std::string branch = root ? "" : (last ? "└─ " : "├─ ");
  std::string child_indent = root ? "" : indent + (last ? "   " : "│  ");
  out += indent + branch + q.key + " — " + q.label + " = " + describe_value(q) + "\n";
  if (q.is_input) {
    const Source& s = inputs.sources.at(q.source);
    out += child_indent + "   bron: " + s.label;
    if (!s.url.empty()) out += " <" + s.url + ">";
    out += "\n";
    if (!q.note.empty()) out += child_indent + "   noot: " + q.note + "\n";
    return;
  }
  out += child_indent + "   = " + render_formula(q, [&](const std::string& k) { return results.at(k).label; }) + "\n";
  if (!shown.insert(q.key).second) {
    out += child_indent + "   (afleiding hierboven al getoond)\n";
    return;
  }
  for (std::size_t i = 0; i < q.operands.size(); ++i)
    walk(results, inputs, results.at(q.operands[i]), child_indent, i + 1 == q.operands.size(), false, shown, out);
}

}  // namespace

std::string explain(const Results& results, const Inputs& inputs, const std::string& key) {
  std::set<std::string> shown;
  std::string out;
  walk(results, inputs, results.at(key), "", true, true, shown, out);
  return out;
}

}  // namespace zorgcap
