#pragma once
#include <functional>
#include <map>
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

using SourceMap = std::map<std::string, Source, std::less<>>;

// The sources of anything that holds them as `sources` (the Inputs): what a writer needs of the
// inputs to name an input's source, without depending on the inputs layer.
struct SourceCatalog {
  template <class HasSources>
  SourceCatalog(const HasSources& has_sources) : sources(has_sources.sources) {}  // implicit on purpose
  const SourceMap& sources;
};

}  // namespace zorgcap
