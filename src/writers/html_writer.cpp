#include "writers/html_writer.h"

#include <algorithm>
#include <sstream>

#include "document/wording.h"

#include "writers/escape.h"
#include "writers/html_parts.h"

namespace zorgcap {
namespace {

void appendix_cell(std::ostringstream& out, const Document& doc, const AppendixCell& c) {
  bool value = std::any_of(c.runs.begin(), c.runs.end(), [](const AppendixRun& r) { return r.style == AppendixRun::Style::value; });
  out << (c.row_header ? "<th scope=\"row\">" : value ? "<td class=\"num\">" : "<td>");
  for (const AppendixRun& r : c.runs) {
    switch (r.style) {
      case AppendixRun::Style::value:
        if (r.mark > 0)
          html::link_to(out, doc, r.mark, r.text);
        else
          out << html_escape(r.text);
        break;
      case AppendixRun::Style::code: out << "<code>" << html_escape(r.text) << "</code>"; break;
      case AppendixRun::Style::label: out << "<b>" << html_escape(r.text) << "</b>"; break;
      case AppendixRun::Style::text: out << html_escape(r.text); break;
    }
  }
  out << (c.row_header ? "</th>" : "</td>");
}

void appendix_table(std::ostringstream& out, const Document& doc, const AppendixTable& t, const char* section_class,
                    const char* table_class) {
  out << "<section class=\"" << section_class << "\" id=\"" << html_escape(t.anchor) << "\">\n<h2>" << html_escape(t.heading)
      << "</h2>\n<p>" << html_escape(t.intro) << "</p>\n";
  if (!t.summary.empty()) out << "<p class=\"summary\">" << html_escape(t.summary) << "</p>\n";
  out << "<table class=\"" << table_class << "\">\n<thead><tr>";
  for (const std::string& c : t.columns) out << "<th scope=\"col\">" << html_escape(c) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const AppendixRow& r : t.rows) {
    out << "<tr";
    if (!r.anchor.empty()) out << " id=\"" << html_escape(r.anchor) << "\"";
    out << (r.highlight ? " class=\"erratum\"" : "") << ">";
    for (const AppendixCell& c : r.cells) appendix_cell(out, doc, c);
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

void analyses(std::ostringstream& out, const Document& doc) {
  if (!doc.case_charts.empty()) {
    out << "<section class=\"analysis\" id=\"figuren\">\n<h2>" << wording::kFigures << "</h2>\n";
    for (const Chart& c : doc.case_charts) html::chart(out, doc, c);
    out << "</section>\n";
  }
  if (doc.uncertainty_table) appendix_table(out, doc, *doc.uncertainty_table, "analysis", "report");
  if (!doc.tornados.empty()) {
    out << "<section class=\"analysis\" id=\"gevoeligheid\">\n<h2>" << wording::kSensitivity << "</h2>\n";
    for (const Chart& c : doc.tornados) html::chart(out, doc, c);
    out << "</section>\n";
  }
}

void reconciliation(std::ostringstream& out, const Document& doc) {
  if (doc.reconciliation_table) appendix_table(out, doc, *doc.reconciliation_table, "appendix", "report reconciliation");
}

}  // namespace

std::string render_html(const Document& doc, const std::string& css) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << html_escape(doc.title) << " — " << html_escape(doc.scenario) << "</title>\n<style>\n"
      << css << "</style>\n</head>\n<body>\n<header class=\"report\">\n<h1>" << html_escape(doc.title) << "</h1>\n"
      << "<p>" << wording::kRecomputed << "</p>\n<dl>\n"
      << "<dt>" << wording::kScenario << "</dt><dd>" << html_escape(doc.scenario) << "</dd>\n"
      << "<dt>" << wording::kPeildatumInvoer << "</dt><dd>" << html_escape(doc.peildatum) << "</dd>\n"
      << "<dt>" << wording::kInputsDigest << "</dt><dd><code title=\"" << html_escape(doc.inputs_digest) << "\">"
      << html_escape(doc.inputs_digest.substr(0, 16)) << "</code></dd>\n</dl>\n</header>\n"
      << "<nav class=\"toc\">\n<h2>Inhoud</h2>\n<ol>\n";
  for (const BuiltTable& t : doc.tables)
    out << "<li><a href=\"#" << t.id << "\">" << html_escape(t.caption) << "</a></li>\n";
  if (!doc.case_charts.empty()) out << "<li><a href=\"#figuren\">" << wording::kFigures << "</a></li>\n";
  if (doc.uncertainty_table) out << "<li><a href=\"#onzekerheid\">" << wording::kUncertainty << "</a></li>\n";
  if (!doc.tornados.empty()) out << "<li><a href=\"#gevoeligheid\">" << wording::kSensitivity << "</a></li>\n";
  if (doc.reconciliation_table) out << "<li><a href=\"#verantwoording\">" << wording::kReconciliation << "</a></li>\n";
  out << "<li><a href=\"#herkomst\">" << wording::kProvenance << "</a></li>\n<li><a href=\"#bronnen\">"
      << wording::kSources << "</a></li>\n"
      << "</ol>\n</nav>\n<main>\n";
  for (const BuiltTable& t : doc.tables) html::table(out, doc, t, false);
  analyses(out, doc);
  reconciliation(out, doc);
  html::provenance(out, doc, false);
  html::sources(out, doc);
  out << "</main>\n</body>\n</html>\n";
  return std::move(out).str();
}

}  // namespace zorgcap
