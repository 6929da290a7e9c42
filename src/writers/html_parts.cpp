#include "writers/html_parts.h"

#include "core/link_url.h"
#include "document/wording.h"
#include "writers/escape.h"
#include "writers/svg_chart.h"

namespace zorgcap::html {

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

namespace {

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

void cell(std::ostringstream& out, const Document& doc, const BuiltCell& c, bool live) {
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
    if (!live) deviation_mark(out, r.number);
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

}  // namespace

void table(std::ostringstream& out, const Document& doc, const BuiltTable& t, bool live) {
  out << "<section class=\"table\" id=\"" << t.id << "\">\n<table class=\"report\">\n<caption>"
      << html_escape(t.caption) << "</caption>\n<thead>\n";
  for (const auto& row : t.header) {
    out << "<tr>";
    for (const BuiltCell& c : row) cell(out, doc, c, live);
    out << "</tr>\n";
  }
  out << "</thead>\n<tbody>\n";
  for (const auto& row : t.body) {
    out << "<tr>";
    for (const BuiltCell& c : row) cell(out, doc, c, live);
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

void provenance_entry(std::ostringstream& out, const Document& doc, const ProvenanceEntry& e, bool live) {
  out << "<li id=\"" << html_escape(e.anchor) << "\" value=\"" << e.mark << "\"><span class=\"label\">"
      << html_escape(e.label) << "</span> <code>" << html_escape(e.key) << "</code><br>\n= " << (live ? "<span class=\"value\">" : "") << html_escape(e.value_text)
      << (live ? "</span>" : "");
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
    if (live) out << "<span class=\"ingevuld\">";
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
    if (live) out << "</span>";
  }
  if (!live)
    for (const ProvenanceDeviation& d : e.deviations)
      out << "<br>\n<span class=\"kind afwijking\">afwijking</span> <a class=\"afwijking\" href=\"#"
          << html_escape(d.comparison.anchor) << "\">" << wording::kDeviationMark << "</a> " << html_escape(d.text);
  out << "</li>\n";
}

void provenance(std::ostringstream& out, const Document& doc, bool live) {
  out << "<section class=\"appendix\" id=\"herkomst\">\n<h2>" << wording::kProvenance << "</h2>\n<p>"
      << wording::kProvenanceIntro << "</p>\n<ol class=\"provenance\">\n";
  for (const ProvenanceEntry& e : doc.provenance) provenance_entry(out, doc, e, live);
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

}  // namespace zorgcap::html
