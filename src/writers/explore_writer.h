#pragma once
#include <string>

#include "document/document.h"

namespace zorgcap {

// What explore.html needs besides the Document: its script and stylesheet (templates/explore/),
// and the scenario its export is named as, with the source label an assumption there gets.
struct ExploreAssets {
  std::string js;
  std::string css;
  std::string export_scenario;   // "verkenning"
  std::string assumption_label;  // "Aanname in scenario verkenning"
};

// explore.html: the tables of `doc` with the model's trees and inputs embedded as JSON, recomputed
// in the browser when the reader edits an input (issue 14). One file, no network.
std::string render_explore(const Document& doc, const ExploreAssets& assets);

}  // namespace zorgcap
