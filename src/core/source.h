#pragma once
#include <string>
#include <vector>

namespace zorgcap {

// A publication (or a scenario's stated assumption) that input parameters cite.
struct Source {
  std::string id;
  std::string label;      // short, as the report cites it: "Onderzoek Nivel (2020)"
  std::string reference;  // full reference
  std::string url;        // may be empty
  std::vector<int> footnotes;
};

}  // namespace zorgcap
