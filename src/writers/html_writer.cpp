#include "core/link_url.h"
#include "writers/html_writer.h"

#include <algorithm>
#include <sstream>

#include "document/wording.h"

#include "writers/escape.h"
#include "writers/svg_chart.h"

namespace zorgcap {
namespace {

// An address from the inputs: a link only when it is a web or mail address (core/link_url.h).
std::string web_address(const std::string& url) {
  if (!is_link_url(url)) return html_escape(url);
  return "<a href=\"" + html_escape(url) + "\">" + html_escape(url) + "</a>";
}

const ProvenanceEntry& entry(const Document& doc, int mark) { return doc.provenance[static_cast<std::size_t>(mark - 1)]; }

std::string hover_title(const ProvenanceEntry& e) {
  if (e.source) return e.label + " — invoer, bron: " + e.source->label;
  return e.label + " = " + e.formula_text;
}

void footnote_markers(std::ostringstream& out, const BuiltCell& c, std::size_t before_run) {
  for (const CellFootnote& f : c.footnotes)
    if (f.before_run == before_run)
      out << "<sup class=\"voetnoot\"><a href=\"#" << html_escape(f.anchor) << "\">" << f.number << "</a></sup>";
}

void deviation_mark(std::ostringstream& out, const BuiltNumber& n) {
  if (!n.deviates()) return;
  const PrintedComparison& p = *n.printed;
  out << "<sup><a class=\"afwijking\" href=\"#" << html_escape(p.anchor) << "\" title=\"" << wording::kDeviationTitle
      << ": rapport " << html_escape(p.printed) << ", zorgcap " << html_escape(p.computed) << " ("
      << html_escape(p.kind) << ")\">" << wording::kDeviationMark << "</a></sup>";
}

void cell(std::ostringstream& out, const Document& doc, const BuiltCell& c) {
  const char* tag = (c.header || c.row_header) ? "th" : "td";
  out << "<" << tag << " id=\"" << html_escape(c.id) << "\"";
  if (c.header) out << " scope=\"" << (c.colspan > 1 ? "colgroup" : "col") << "\"";
  if (c.row_header) out << " scope=\"row\"";
  if (c.colspan > 1) out << " colspan=\"" << c.colspan << "\"";
  if (c.rowspan > 1) out << " rowspan=\"" << c.rowspan << "\"";
  if (!c.header && !c.row_header && c.has_numbers()) out << " class=\"num\"";
  out << ">";
  for (std::size_t i = 0; i < c.runs.size(); ++i) {
    const BuiltRun& r = c.runs[i];
    footnote_markers(out, c, i);
    if (!r.is_number) {
      out << html_escape(r.text);
      continue;
    }
    const ProvenanceEntry& e = entry(doc, r.number.mark);
    out << "<a class=\"q\" href=\"#" << html_escape(e.anchor) << "\" title=\"" << html_escape(hover_title(e)) << "\">"
        << html_escape(r.text) << "</a>";
    deviation_mark(out, r.number);
  }
  footnote_markers(out, c, c.runs.size());
  out << "</" << tag << ">";
}

// A footnote's text with its address as a link (where the text shows the address, that part).
void footnote_text(std::ostringstream& out, const CellFootnote& f) {
  std::size_t at = f.url.empty() || !is_link_url(f.url) ? std::string::npos : f.text.find(f.url);
  if (at == std::string::npos) {
    out << html_escape(f.text);
    if (!f.url.empty() && is_link_url(f.url))
      out << " <a href=\"" << html_escape(f.url) << "\">" << html_escape(f.url) << "</a>";
    else if (!f.url.empty())
      out << " " << html_escape(f.url);
    return;
  }
  out << html_escape(f.text.substr(0, at)) << "<a href=\"" << html_escape(f.url) << "\">" << html_escape(f.url) << "</a>"
      << html_escape(f.text.substr(at + f.url.size()));
}

void footnotes(std::ostringstream& out, const BuiltTable& t) {
  std::vector<const CellFootnote*> all;
  for (const auto* section : {&t.header, &t.body})
    for (const auto& row : *section)
      for (const BuiltCell& c : row)
        for (const CellFootnote& f : c.footnotes) all.push_back(&f);
  if (all.empty()) return;
  out << "<div class=\"footnotes\" aria-label=\"" << wording::kFootnotes << "\">\n";
  for (const CellFootnote* f : all) {
    out << "<p class=\"footnote\" id=\"" << html_escape(f->anchor) << "\"><sup>" << f->number << "</sup> ";
    footnote_text(out, *f);
    out << "</p>\n";
  }
  out << "</div>\n";
}

void table(std::ostringstream& out, const Document& doc, const BuiltTable& t) {
  out << "<section class=\"table\" id=\"" << t.id << "\">\n<table class=\"report\">\n<caption>"
      << html_escape(t.caption) << "</caption>\n<thead>\n";
  for (const auto& row : t.header) {
    out << "<tr>";
    for (const BuiltCell& c : row) cell(out, doc, c);
    out << "</tr>\n";
  }
  out << "</thead>\n<tbody>\n";
  for (const auto& row : t.body) {
    out << "<tr>";
    for (const BuiltCell& c : row) cell(out, doc, c);
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
  for (const std::string& n : t.notes) out << "<p class=\"note\">" << html_escape(n) << "</p>\n";
  footnotes(out, t);
  out << "</section>\n";
}

void link_to(std::ostringstream& out, const Document& doc, int mark, const std::string& text) {
  const ProvenanceEntry& e = entry(doc, mark);
  out << "<a class=\"q\" href=\"#" << html_escape(e.anchor) << "\" title=\"" << html_escape(hover_title(e)) << "\">"
      << html_escape(text) << "</a>";
}

void chart(std::ostringstream& out, const Document& doc, const Chart& c) {
  out << "<figure class=\"chart\" id=\"" << html_escape(c.id) << "\">\n<figcaption>" << html_escape(c.title);
  if (!c.unit.empty() && c.kind == Chart::Kind::tornado) out << " (" << html_escape(c.unit) << ")";
  out << "</figcaption>\n" << render_svg_chart(c, doc);
  if (!c.note.empty()) out << "<p class=\"note\">" << html_escape(c.note) << "</p>\n";
  out << "</figure>\n";
}

void appendix_cell(std::ostringstream& out, const Document& doc, const AppendixCell& c) {
  bool value = std::any_of(c.runs.begin(), c.runs.end(), [](const AppendixRun& r) { return r.style == AppendixRun::Style::value; });
  out << (c.row_header ? "<th scope=\"row\">" : value ? "<td class=\"num\">" : "<td>");
  for (const AppendixRun& r : c.runs) {
    switch (r.style) {
      case AppendixRun::Style::value:
        if (r.mark > 0)
          link_to(out, doc, r.mark, r.text);
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
    for (const Chart& c : doc.case_charts) chart(out, doc, c);
    out << "</section>\n";
  }
  if (doc.uncertainty_table) appendix_table(out, doc, *doc.uncertainty_table, "analysis", "report");
  if (!doc.tornados.empty()) {
    out << "<section class=\"analysis\" id=\"gevoeligheid\">\n<h2>" << wording::kSensitivity << "</h2>\n";
    for (const Chart& c : doc.tornados) chart(out, doc, c);
    out << "</section>\n";
  }
}

void reconciliation(std::ostringstream& out, const Document& doc) {
  if (doc.reconciliation_table) appendix_table(out, doc, *doc.reconciliation_table, "appendix", "report reconciliation");
}

void provenance(std::ostringstream& out, const Document& doc) {
  out << "<section class=\"appendix\" id=\"herkomst\">\n<h2>" << wording::kProvenance << "</h2>\n<p>"
      << wording::kProvenanceIntro << "</p>\n<ol class=\"provenance\">\n";
  for (const ProvenanceEntry& e : doc.provenance) {
    out << "<li id=\"" << html_escape(e.anchor) << "\" value=\"" << e.mark << "\"><span class=\"label\">"
        << html_escape(e.label) << "</span> <code>" << html_escape(e.key) << "</code><br>\n= " << html_escape(e.value_text);
    if (e.source) {
      out << "<br>\n<span class=\"kind\">invoer</span> bron: <a href=\"#bron-" << html_escape(e.source->id) << "\">"
          << html_escape(e.source->label) << "</a>";
      if (!e.source->url.empty()) out << " (" << web_address(e.source->url) << ")";
      if (!e.note.empty()) out << "<br>\n<span class=\"kind\">noot</span> " << html_escape(e.note);
    } else {
      out << "<br>\n<span class=\"kind\">berekening</span> = ";
      for (const FormulaPiece& p : e.formula) {
        if (p.operand < 0) {
          out << html_escape(p.text);
          continue;
        }
        const ProvenanceEntry& op = entry(doc, e.operand_marks[static_cast<std::size_t>(p.operand)]);
        out << "<a href=\"#" << html_escape(op.anchor) << "\">" << html_escape(op.label) << "</a> [" << op.mark << "]";
      }
      for (const FormulaLine& line : e.recompute) {
        out << "<br>\n<span class=\"kind\">ingevuld</span> ";
        if (!line.scenario.empty()) out << html_escape(line.scenario) << ": ";
        out << "= ";
        for (const FormulaPiece& p : line.pieces) {
          if (p.operand < 0) {
            out << html_escape(p.text);
            continue;
          }
          const ProvenanceEntry& op = entry(doc, e.operand_marks[static_cast<std::size_t>(p.operand)]);
          out << "<a href=\"#" << html_escape(op.anchor) << "\">" << html_escape(p.text) << "</a>";
        }
        out << " = " << html_escape(line.result);
      }
    }
    for (const ProvenanceDeviation& d : e.deviations)
      out << "<br>\n<span class=\"kind afwijking\">afwijking</span> <a class=\"afwijking\" href=\"#"
          << html_escape(d.comparison.anchor) << "\">" << wording::kDeviationMark << "</a> " << html_escape(d.text);
    out << "</li>\n";
  }
  out << "</ol>\n</section>\n";
}

void sources(std::ostringstream& out, const Document& doc) {
  out << "<section class=\"appendix\" id=\"bronnen\">\n<h2>" << wording::kSources << "</h2>\n<ul class=\"sources\">\n";
  for (const Source& s : doc.sources) {
    out << "<li id=\"bron-" << html_escape(s.id) << "\"><b>" << html_escape(s.label) << "</b>. "
        << html_escape(s.reference);
    if (!s.url.empty()) out << " " << web_address(s.url);
    out << wording::footnotes_suffix(s.footnotes) << "</li>\n";
  }
  out << "</ul>\n</section>\n";
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
  for (const BuiltTable& t : doc.tables) table(out, doc, t);
  analyses(out, doc);
  reconciliation(out, doc);
  provenance(out, doc);
  sources(out, doc);
  out << "</main>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace zorgcap
