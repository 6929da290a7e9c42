#include "document/analysis_build.h"

#include <cmath>
#include <map>

#include "core/number_format.h"
#include "document/appendix_build.h"
#include "model/evaluator.h"

namespace zorgcap {
namespace {

// A parameter's value for a reader: shares as percentages, others with sensible decimals.
std::string parameter_text(double v, Unit u) {
  if (u == Unit::aandeel) {
    double pct = v * 100;
    return format_nl(pct, pct == std::round(pct) ? 0 : 1) + "%";
  }
  double a = std::fabs(v);
  return format_nl(v, a >= 100 || v == std::round(v) ? 0 : 2);
}

std::vector<std::string> headline_keys(const AnalysisTemplate& t) {
  std::vector<std::string> keys;
  for (const Headline& h : t.headlines) keys.push_back(h.key);
  return keys;
}

}  // namespace

bool check_analysis_bindings(const AnalysisTemplate& t, const Results& results, Diagnostics& diags) {
  std::size_t before = diags.size();
  auto check = [&](const std::string& key, const Location& where) {
    const Quantity* q = results.find(key);
    if (!q)
      diags.error(t.file, where, key, "no quantity with this key");
    else if (q->is_input)
      diags.error(t.file, where, key, "an analysis covers computed outcomes, not input parameters");
  };
  for (const Headline& h : t.headlines) check(h.key, h.where);
  for (const CaseChartTemplate& c : t.case_charts)
    for (const std::string& k : c.keys) check(k, c.where);
  return diags.size() == before;
}

AnalysisResults run_analyses(const Inputs& inputs, const AnalysisTemplate& t,
                             const std::optional<MonteCarloOptions>& montecarlo) {
  AnalysisResults a;
  a.ranges = parameter_ranges(inputs);
  ModelEvaluator evaluator(inputs);
  ModelFunction model = model_function(evaluator, headline_keys(t));
  a.tornados = tornado(a.ranges, t.headlines.size(), model);
  if (montecarlo) {
    a.options = *montecarlo;
    a.percentiles = monte_carlo(a.ranges, t.headlines.size(), model, *montecarlo);
  }
  return a;
}

void add_analyses(Document& doc, const AnalysisTemplate& t, const AnalysisResults& a, const Results& results,
                  const Inputs& inputs) {
  std::map<std::string, int, std::less<>> marks;
  for (const ProvenanceEntry& e : doc.provenance) marks.emplace(e.key, e.mark);

  for (std::size_t i = 0; i < t.case_charts.size(); ++i) {
    const CaseChartTemplate& ct = t.case_charts[i];
    Chart c;
    c.kind = Chart::Kind::range;
    c.id = "figuur-" + std::to_string(i + 1);
    c.title = ct.title;
    c.note = "Elke balk loopt van de minimum- tot de maximumwaarde van het rekenmodel.";
    c.format = ct.format;
    for (const std::string& key : ct.keys) {
      const Quantity& q = results.at(key);
      ChartBar b{q.label, "", key, marks.at(key), q.min * ct.format.factor(), q.max * ct.format.factor(),
                 ct.format.apply(q.min), ct.format.apply(q.max)};
      c.bars.push_back(std::move(b));
    }
    doc.case_charts.push_back(std::move(c));
  }

  for (std::size_t h = 0; h < t.headlines.size(); ++h) {
    const Headline& hl = t.headlines[h];
    const Quantity& q = results.at(hl.key);
    const Tornado& tor = a.tornados.at(h);
    Chart c;
    c.kind = Chart::Kind::tornado;
    c.id = "tornado-" + hl.key;
    c.title = q.label;
    c.group = hl.group;
    c.unit = hl.unit;
    c.base = tor.base * hl.format.factor();
    c.base_text = hl.format.apply(tor.base);
    c.format = hl.format;
    c.outcome = hl.key;
    c.max_bars = t.tornado_bars;
    c.note = "Elke balk: de uitkomst als alleen deze parameter over zijn bereik loopt (of ±20% bij één waarde), "
             "de andere op hun middenwaarde.";
    for (std::size_t i = 0; i < tor.bars.size() && static_cast<int>(i) < t.tornado_bars; ++i) {
      const TornadoBar& bar = tor.bars[i];
      const ParameterRange& r = a.ranges.at(bar.parameter);
      const Parameter& p = inputs.parameters.at(r.key);
      ChartBar b;
      b.label = p.label;
      b.detail = parameter_text(r.low, p.unit) + " – " + parameter_text(r.high, p.unit) + (r.ranged ? "" : " (±20%)");
      b.key = r.key;
      b.mark = marks.at(r.key);
      b.from = bar.outcome_low * hl.format.factor();
      b.to = bar.outcome_high * hl.format.factor();
      b.from_text = hl.format.apply(bar.outcome_low);
      b.to_text = hl.format.apply(bar.outcome_high);
      c.bars.push_back(std::move(b));
    }
    doc.tornados.push_back(std::move(c));
  }

  if (a.percentiles) {
    Uncertainty u;
    u.draws = a.options.draws;
    u.seed = a.options.seed;
    u.distribution = a.options.distribution == Distribution::uniform ? "uniform" : "triangular";
    for (std::size_t h = 0; h < t.headlines.size(); ++h) {
      const Headline& hl = t.headlines[h];
      const Quantity& q = results.at(hl.key);
      const Percentiles& pc = a.percentiles->at(h);
      u.rows.push_back({hl.key, q.label, hl.group, hl.unit, marks.at(hl.key), hl.format.apply(q.min), hl.format.apply(q.max),
                        hl.format.apply(pc.p5), hl.format.apply(pc.p50), hl.format.apply(pc.p95), pc.p5, pc.p50, pc.p95});
    }
    doc.uncertainty_table = build_uncertainty_table(u);
    doc.uncertainty = std::move(u);
  }
}

}  // namespace zorgcap
