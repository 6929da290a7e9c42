// values.json carries each derived quantity's formula as a tree. Evaluating that tree here, with
// an evaluator of its own, from the operands' values as values.json records them, must give the
// recorded value exactly: for the baseline and every shipped scenario, in both bounds.
#include "writers/values_json.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "core/rounding.h"
#include "inputs/load_inputs.h"
#include "model/model.h"
#include "test_support.h"

namespace zorgcap {
namespace {

using nlohmann::json;

double eval(const json& node, const std::map<std::string, const json*>& by_key, const char* bound) {
  if (node.contains("ref")) return by_key.at(node["ref"].get<std::string>())->at(bound).get<double>();
  if (node.contains("const")) return node["const"].get<double>();
  const std::string op = node.at("op");
  const json& args = node.at("args");
  auto arg = [&](std::size_t i) { return eval(args.at(i), by_key, bound); };
  if (op == "neg") return -arg(0);
  if (op == "round") return round_half_up(arg(0), node.at("decimals").get<int>());
  EXPECT_EQ(args.size(), 2u) << op;
  if (op == "add") return arg(0) + arg(1);
  if (op == "sub") return arg(0) - arg(1);
  if (op == "mul") return arg(0) * arg(1);
  if (op == "div") return arg(0) / arg(1);
  if (op == "min") return std::min(arg(0), arg(1));
  if (op == "max") return std::max(arg(0), arg(1));
  ADD_FAILURE() << "unknown op " << op;
  return 0;
}

void collect_refs(const json& node, std::vector<std::string>& refs) {
  if (node.contains("ref")) refs.push_back(node["ref"]);
  if (node.contains("args"))
    for (const json& a : node["args"]) collect_refs(a, refs);
}

// Returns the number of trees checked.
int check_scenario(const std::string& name) {
  Diagnostics diags;
  SourceTexts texts;
  std::optional<Inputs> inputs = load_scenario(test::inputs_dir(), name, diags, texts);
  EXPECT_TRUE(inputs) << name << "\n" << diags.format(texts);
  if (!inputs) return 0;
  json doc = json::parse(values_json(name, evaluate(*inputs), *inputs));
  std::map<std::string, const json*> by_key;
  for (const json& q : doc["quantities"]) by_key[q["key"]] = &q;
  int checked = 0;
  for (const json& q : doc["quantities"]) {
    if (q.contains("source")) {
      EXPECT_FALSE(q.contains("expr")) << q["key"];
      continue;
    }
    EXPECT_TRUE(q.contains("expr")) << q["key"];
    if (!q.contains("expr")) continue;
    // The tree names exactly the operands values.json lists, in their order of first appearance.
    std::vector<std::string> refs, distinct;
    collect_refs(q["expr"], refs);
    for (const std::string& r : refs)
      if (std::find(distinct.begin(), distinct.end(), r) == distinct.end()) distinct.push_back(r);
    EXPECT_EQ(distinct, q["operands"].get<std::vector<std::string>>()) << q["key"];
    for (const char* bound : {"min", "max"}) {
      double value = eval(q["expr"], by_key, bound);
      EXPECT_EQ(value, q[bound].get<double>()) << name << " " << q["key"] << "@" << bound;
    }
    ++checked;
  }
  return checked;
}

TEST(ValuesJson, EveryExpressionTreeGivesItsRecordedValueInEveryScenario) {
  std::vector<std::string> names{"baseline"};
  for (const std::string& s : list_scenarios(test::inputs_dir())) names.push_back(s);
  ASSERT_GE(names.size(), 6u);  // the baseline and the five shipped scenarios
  for (const std::string& name : names) EXPECT_GT(check_scenario(name), 200) << name;
}

TEST(ValuesJson, ATreeReadsAsItsFormula) {
  json doc = json::parse(values_json("baseline", test::baseline_results(), test::baseline_inputs()));
  for (const json& q : doc["quantities"]) {
    if (q["key"] != "huisarts.vs.benodigd_uren") continue;
    // (bruto + overleg) ÷ (1 − overige taken), as MODEL.md writes the need (I2).
    EXPECT_EQ(q["expr"], json::parse(
              R"({"op":"div","args":[{"op":"add","args":[{"ref":"huisarts.vs.bruto_uren"},{"ref":"huisarts.vs.overleg_uren"}]},)"
              R"({"op":"sub","args":[{"const":1.0},{"ref":"eerste_lijn.vs.aandeel_overige_taken"}]}]})"));
    return;
  }
  FAIL() << "huisarts.vs.benodigd_uren is not in values.json";
}

}  // namespace
}  // namespace zorgcap
