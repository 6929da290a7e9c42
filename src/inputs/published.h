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
  int expected_decimals = 0;       // the decimals zorgcap prints it with (= decimals unless the
                                   // printed decimals are the slip, as in "1.422,129")
  std::string erratum;     // id of the explanation in MODEL.md (I1 …)
  std::string erratum_kind;  // this number's kind of deviation where it differs from its erratum's ("" else)
  std::string quantity;    // empty: not mapped
  std::string bound;       // "min", "max" or empty (single value)
  Scale scale = Scale::number;  // published.yaml: een, procent, duizend, miljoen
};

std::optional<std::vector<PublishedNumber>> load_published(const std::string& path, Diagnostics& diags,
                                                           SourceTexts& texts);

// The kinds of deviation an erratum can be (inputs/errata.yaml, docs/MODEL.md "Kinds of deviation"),
// as the reader sees them.
inline const std::vector<std::string>& erratum_kinds() {
  static const std::vector<std::string> kinds{"fout in het rapport", "afronding van eigen invoer",
                                              "rekenen met afgeronde tussenwaarde", "afrondingsfout",
                                              "typografische fout"};
  return kinds;
}

// One entry of inputs/errata.yaml: why the report's printed number differs from zorgcap's.
struct Erratum {
  std::string kind;  // one of erratum_kinds()
  std::string text;  // the short Dutch explanation
};

// inputs/errata.yaml: per inconsistency id (I1 …) its kind and a short Dutch explanation.
std::optional<std::map<std::string, Erratum>> load_errata(const std::string& path, Diagnostics& diags,
                                                           SourceTexts& texts);

// The kind of deviation of a printed number with an erratum: its own `erratum_kind`, else its
// erratum's kind ("" when the erratum is unknown).
inline std::string erratum_kind_of(const PublishedNumber& p, const std::map<std::string, Erratum>& errata) {
  if (!p.erratum_kind.empty()) return p.erratum_kind;
  auto e = errata.find(p.erratum);
  return e == errata.end() ? std::string() : e->second.kind;
}

}  // namespace zorgcap
