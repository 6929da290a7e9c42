#include "writers/html_writer.h"

#include <sstream>

#include "writers/escape.h"
#include "writers/svg_chart.h"

namespace zorgcap {
namespace {

const ProvenanceEntry& entry(const Document& doc, int mark) { return doc.provenance[static_cast<std::size_t>(mark - 1)]; }

std::string hover_title(const ProvenanceEntry& e) {
  if (e.source) return e.quantity->label + " — invoer, bron: " + e.source->label;
  return e.quantity->label + " = " + e.formula_text;
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
  for (const BuiltRun& r : c.runs) {
    if (!r.is_number) {
      out << html_escape(r.text);
      continue;
    }
    const ProvenanceEntry& e = entry(doc, r.number.mark);
    out << "<a class=\"q\" href=\"#" << html_escape(e.anchor) << "\" title=\"" << html_escape(hover_title(e)) << "\">"
        << html_escape(r.text) << "</a>";
  }
  out << "</" << tag << ">";
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

void analyses(std::ostringstream& out, const Document& doc) {
  if (!doc.case_charts.empty()) {
    out << "<section class=\"analysis\" id=\"figuren\">\n<h2>Figuren per casus</h2>\n";
    for (const Chart& c : doc.case_charts) chart(out, doc, c);
    out << "</section>\n";
  }
  if (doc.uncertainty) {
    const Uncertainty& u = *doc.uncertainty;
    out << "<section class=\"analysis\" id=\"onzekerheid\">\n<h2>Onzekerheid (Monte Carlo)</h2>\n<p>"
        << u.draws << " trekkingen; elke parameter met een bereik onafhankelijk getrokken ("
        << (u.distribution == "uniform" ? "uniform" : "driehoeksverdeling, top in het midden")
        << "), de andere op hun waarde; seed " << u.seed << ".</p>\n<table class=\"report\">\n<thead><tr>"
        << "<th scope=\"col\">Casus</th><th scope=\"col\">Uitkomst</th><th scope=\"col\">Rapport (min – max)</th>"
        << "<th scope=\"col\">P5</th><th scope=\"col\">P50</th><th scope=\"col\">P95</th></tr></thead>\n<tbody>\n";
    for (const UncertaintyRow& r : u.rows) {
      out << "<tr><td>" << html_escape(r.group) << "</td><th scope=\"row\">";
      link_to(out, doc, r.mark, r.label);
      out << "</th><td class=\"num\">" << html_escape(r.min_text) << " – " << html_escape(r.max_text) << " "
          << html_escape(r.unit) << "</td><td class=\"num\">" << html_escape(r.p5_text) << "</td><td class=\"num\">"
          << html_escape(r.p50_text) << "</td><td class=\"num\">" << html_escape(r.p95_text) << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n</section>\n";
  }
  if (!doc.tornados.empty()) {
    out << "<section class=\"analysis\" id=\"gevoeligheid\">\n<h2>Gevoeligheid van de uitkomsten</h2>\n";
    for (const Chart& c : doc.tornados) chart(out, doc, c);
    out << "</section>\n";
  }
}

void reconciliation(std::ostringstream& out, const Document& doc) {
  if (!doc.reconciliation) return;
  const ReconciliationSummary& s = *doc.reconciliation;
  out << "<section class=\"appendix\" id=\"verantwoording\">\n<h2>Verantwoording</h2>\n<p>Elk getal dat het rapport "
         "afdrukt, naast de waarde die zorgcap berekent (afgerond zoals het rapport). Waar het rapport zichzelf "
         "tegenspreekt, geeft zorgcap de consistente waarde; de toelichting staat erbij.</p>\n<p class=\"summary\">"
      << "Gereproduceerd: " << s.reproduced << " van " << s.total << "; verklaarde afwijkingen (inconsistenties in het "
      << "rapport): " << s.explained << "; onverklaard: " << s.unexplained << "; niet gekoppeld: " << s.unmapped
      << ".</p>\n<table class=\"report reconciliation\">\n<thead><tr><th scope=\"col\">Plaats</th><th scope=\"col\">"
      << "Rapport</th><th scope=\"col\">zorgcap</th><th scope=\"col\">Status</th><th scope=\"col\">Toelichting</th>"
      << "</tr></thead>\n<tbody>\n";
  for (const ReconciliationRow& r : s.rows) {
    out << "<tr" << (r.erratum.empty() ? "" : " class=\"erratum\"") << "><th scope=\"row\">" << html_escape(r.where)
        << " <code>" << html_escape(r.id) << "</code></th><td class=\"num\">" << html_escape(r.printed)
        << "</td><td class=\"num\">";
    if (r.mark > 0)
      link_to(out, doc, r.mark, r.computed);
    else
      out << html_escape(r.computed);
    out << "</td><td>" << html_escape(r.status) << "</td><td>";
    if (!r.erratum.empty()) out << "<b>" << html_escape(r.erratum) << "</b> " << html_escape(r.explanation);
    out << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

void provenance(std::ostringstream& out, const Document& doc) {
  out << "<section class=\"appendix\" id=\"herkomst\">\n<h2>Herkomst van de getallen</h2>\n"
      << "<p>Elk getal in de tabellen verwijst naar zijn regel hieronder: de berekening met de regels waaruit "
         "ze volgt, of voor een invoergegeven de bron.</p>\n<ol class=\"provenance\">\n";
  for (const ProvenanceEntry& e : doc.provenance) {
    const Quantity& q = *e.quantity;
    out << "<li id=\"" << html_escape(e.anchor) << "\" value=\"" << e.mark << "\"><span class=\"label\">"
        << html_escape(q.label) << "</span> <code>" << html_escape(e.key) << "</code><br>\n= " << html_escape(e.value_text);
    if (e.source) {
      out << "<br>\n<span class=\"kind\">invoer</span> bron: <a href=\"#bron-" << html_escape(e.source->id) << "\">"
          << html_escape(e.source->label) << "</a>";
      if (!e.source->url.empty())
        out << " (<a href=\"" << html_escape(e.source->url) << "\">" << html_escape(e.source->url) << "</a>)";
      if (!q.note.empty()) out << "<br>\n<span class=\"kind\">noot</span> " << html_escape(q.note);
    } else {
      out << "<br>\n<span class=\"kind\">berekening</span> = "
          << render_formula_with(
                 q,
                 [&](std::size_t i) {
                   const ProvenanceEntry& op = entry(doc, e.operand_marks[i]);
                   return "<a href=\"#" + html_escape(op.anchor) + "\">" + html_escape(op.quantity->label) + "</a> [" +
                          std::to_string(op.mark) + "]";
                 },
                 [](std::string_view text) { return html_escape(text); });
    }
    out << "</li>\n";
  }
  out << "</ol>\n</section>\n";
}

void sources(std::ostringstream& out, const Document& doc) {
  out << "<section class=\"appendix\" id=\"bronnen\">\n<h2>Bronnen</h2>\n<ul class=\"sources\">\n";
  for (const Source* s : doc.sources) {
    out << "<li id=\"bron-" << html_escape(s->id) << "\"><b>" << html_escape(s->label) << "</b>. "
        << html_escape(s->reference);
    if (!s->url.empty()) out << " <a href=\"" << html_escape(s->url) << "\">" << html_escape(s->url) << "</a>";
    if (!s->footnotes.empty()) {
      out << " (voetnoot";
      for (std::size_t i = 0; i < s->footnotes.size(); ++i) out << (i ? ", " : " ") << s->footnotes[i];
      out << ")";
    }
    out << "</li>\n";
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
      << "<p>Tabellen opnieuw berekend met zorgcap uit het rekenmodel van het rapport.</p>\n<dl>\n"
      << "<dt>Scenario</dt><dd>" << html_escape(doc.scenario) << "</dd>\n"
      << "<dt>Peildatum invoer</dt><dd>" << html_escape(doc.peildatum) << "</dd>\n"
      << "<dt>Invoer (sha256)</dt><dd><code title=\"" << html_escape(doc.inputs_digest) << "\">"
      << html_escape(doc.inputs_digest.substr(0, 16)) << "</code></dd>\n</dl>\n</header>\n"
      << "<nav class=\"toc\">\n<h2>Inhoud</h2>\n<ol>\n";
  for (const BuiltTable& t : doc.tables)
    out << "<li><a href=\"#" << t.id << "\">" << html_escape(t.caption) << "</a></li>\n";
  if (!doc.case_charts.empty()) out << "<li><a href=\"#figuren\">Figuren per casus</a></li>\n";
  if (doc.uncertainty) out << "<li><a href=\"#onzekerheid\">Onzekerheid (Monte Carlo)</a></li>\n";
  if (!doc.tornados.empty()) out << "<li><a href=\"#gevoeligheid\">Gevoeligheid van de uitkomsten</a></li>\n";
  if (doc.reconciliation) out << "<li><a href=\"#verantwoording\">Verantwoording</a></li>\n";
  out << "<li><a href=\"#herkomst\">Herkomst van de getallen</a></li>\n<li><a href=\"#bronnen\">Bronnen</a></li>\n"
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
