#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/scale.h"
#include "inputs/diagnostics.h"
#include "inputs/load_inputs.h"

namespace zorgcap {

// One number the report prints (inputs/published.yaml), and the quantity zorgcap computes for it.
struct PublishedNumber {
  std::string id;          // "t10.netto_fte_vs.min"
  std::string printed;     // as printed: "1.917"
  double value = 0;        // parsed, in the printed unit
  int decimals = 0;
  std::string table;       // "10" or "text"
  std::string cell;        // the cell text as printed
  std::optional<double> expected;  // where the report contradicts itself: the consistent value
  std::string erratum;     // id of the explanation in MODEL.md (I1 …)
  std::string quantity;    // empty: not mapped
  std::string bound;       // "min", "max" or empty (single value)
  Scale scale = Scale::number;  // published.yaml: een, procent, duizend, miljoen
};

std::optional<std::vector<PublishedNumber>> load_published(const std::string& path, Diagnostics& diags,
                                                           SourceTexts& texts);

// inputs/errata.yaml: a short Dutch explanation per inconsistency id (I1 …).
std::optional<std::map<std::string, std::string>> load_errata(const std::string& path, Diagnostics& diags,
                                                               SourceTexts& texts);

}  // namespace zorgcap
