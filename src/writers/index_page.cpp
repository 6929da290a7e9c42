#include "writers/index_page.h"

#include <sstream>

#include "writers/escape.h"

namespace zorgcap {

std::string render_index(const std::vector<IndexRow>& rows, const std::vector<IndexScenario>& scenarios,
                         const std::string& css) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>zorgcap — scenario's</title>\n"
      << "<style>\n" << css << "</style>\n</head>\n<body>\n<header class=\"report\">\n<h1>Scenario's vergeleken</h1>\n"
      << "<p>De kernuitkomsten van elk scenario naast elkaar (minimum – maximum). Elk getal verwijst naar zijn "
         "herkomst in het rapport van dat scenario.</p>\n</header>\n<main>\n<table class=\"report index\">\n"
      << "<caption>Kernuitkomsten per scenario</caption>\n<thead>\n<tr><th scope=\"col\">Uitkomst</th>";
  for (const IndexScenario& s : scenarios)
    out << "<th scope=\"col\"><a href=\"" << html_escape(s.name) << "/report.html\" title=\"" << html_escape(s.title)
        << "\">" << html_escape(s.name) << "</a></th>";
  out << "</tr>\n</thead>\n<tbody>\n";
  std::string group;
  int columns = static_cast<int>(scenarios.size()) + 1;
  for (const IndexRow& r : rows) {
    if (r.group != group) {
      group = r.group;
      out << "<tr class=\"group\"><th scope=\"colgroup\" colspan=\"" << columns << "\">" << html_escape(group)
          << "</th></tr>\n";
    }
    out << "<tr><th scope=\"row\">" << html_escape(r.label) << "</th>";
    for (const IndexScenario& s : scenarios) {
      auto v = s.values.find(r.key);
      out << "<td class=\"num\">";
      if (v == s.values.end()) {
        out << "–";
      } else {
        std::string text = r.format.apply(v->second.first);
        if (v->second.second != v->second.first) text += " – " + r.format.apply(v->second.second);
        out << "<a class=\"q\" href=\"" << html_escape(s.name) << "/report.html#q-" << html_escape(r.key) << "\">"
            << html_escape(text) << "</a> " << html_escape(r.unit);
      }
      out << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</main>\n</body>\n</html>\n";
  return std::move(out).str();
}

}  // namespace zorgcap
