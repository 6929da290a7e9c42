#include "core/link_url.h"
#include "writers/markdown_writer.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <vector>

#include "document/wording.h"

namespace zorgcap {
namespace {

// An id for an HTML anchor and a link fragment: letters, digits and . _ - kept, any other byte as
// -XX. A usual key ("q-huisarts.vs.netto_fte") stays as it is, the same id as report.html's.
std::string anchor_id(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' ||
        ch == '-') {
      out += ch;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "-%02X", static_cast<unsigned>(static_cast<unsigned char>(ch)));
      out += buf;
    }
  }
  return out;
}

const ProvenanceEntry& entry(const Document& doc, int mark) { return doc.provenance[static_cast<std::size_t>(mark - 1)]; }

std::string mark_link(const ProvenanceEntry& e) {
  return "<sup>[" + std::to_string(e.mark) + "](#" + anchor_id(e.anchor) + ")</sup>";
}

// Text at the start of a block (a paragraph): a leading character that would make it a list,
// heading, quote or rule is escaped too.
std::string block_escape(std::string_view text) {
  std::string out = markdown_escape(text);
  std::size_t i = 0;
  while (i < out.size() && out[i] == ' ') ++i;
  if (i < out.size() && (out[i] == '-' || out[i] == '+' || out[i] == '=')) {
    out.insert(i, "\\");
  } else {
    std::size_t d = i;
    while (d < out.size() && out[d] >= '0' && out[d] <= '9') ++d;
    if (d > i && d < out.size() && (out[d] == '.' || out[d] == ')')) out.insert(d, "\\");
  }
  return out;
}

std::string footnote_markers(const BuiltCell& c, std::size_t before_run) {
  std::string out;
  for (const CellFootnote& f : c.footnotes)
    if (f.before_run == before_run)
      out += "<sup>[voetnoot " + std::to_string(f.number) + "](#" + anchor_id(f.anchor) + ")</sup>";
  return out;
}

std::string cell_markdown(const Document& doc, const BuiltCell& c) {
  std::string out;
  for (std::size_t i = 0; i < c.runs.size(); ++i) {
    const BuiltRun& r = c.runs[i];
    out += footnote_markers(c, i);
    out += markdown_escape(r.text);
    if (!r.is_number) continue;
    out += mark_link(entry(doc, r.number.mark));
    if (r.number.deviates())
      out += std::string("<sup>[") + wording::kDeviationMark + "](#" + anchor_id(r.number.printed->anchor) + ")</sup>";
  }
  out += footnote_markers(c, c.runs.size());
  // Leading and trailing spaces would be trimmed anyway; keep the cell on one line.
  std::size_t a = out.find_first_not_of(' '), b = out.find_last_not_of(' ');
  return a == std::string::npos ? "" : out.substr(a, b - a + 1);
}

void footnotes(std::ostringstream& out, const BuiltTable& t);

void table(std::ostringstream& out, const Document& doc, const BuiltTable& t) {
  const std::size_t n = static_cast<std::size_t>(std::max(t.columns, 1));
  out << "## <a id=\"" << anchor_id(t.id) << "\"></a>" << markdown_escape(t.caption) << "\n\n";

  // One header row: per column, the header cells over it, top to bottom (a cell spanning rows once).
  std::vector<std::string> head(n);
  for (std::size_t r = 0; r < t.header_grid.size(); ++r)
    for (std::size_t k = 0; k < t.header_grid[r].size() && k < n; ++k) {
      const GridSlot& slot = t.header_grid[r][k];
      const BuiltCell& c = cell_at(t.header, slot);
      if (static_cast<std::size_t>(c.row) != r) continue;  // covered from above: already added
      std::string text = cell_markdown(doc, c);
      if (text.empty()) continue;
      std::string& h = head[k];
      h += (h.empty() ? "" : "<br>") + text;
    }
  out << "|";
  for (const std::string& h : head) out << " " << h << " |";
  out << "\n|";
  for (std::size_t c = 0; c < n; ++c) out << " --- |";
  out << "\n";

  // Body: a cell's text at its top-left position; positions covered by its span stay empty.
  for (const auto& slots : t.body_grid) {
    std::vector<std::string> line(n);
    for (std::size_t k = 0; k < slots.size() && k < n; ++k)
      if (slots[k].kind == GridSlot::Kind::content) line[k] = cell_markdown(doc, cell_at(t.body, slots[k]));
    out << "|";
    for (const std::string& cell : line) out << (cell.empty() ? " |" : " " + cell + " |");
    out << "\n";
  }
  out << "\n";
  for (const std::string& note : t.notes) out << block_escape(note) << "\n\n";
  footnotes(out, t);
}

// The quantity's formula: its text escaped, each operand its label with a link to its entry.
std::string formula(const Document& doc, const ProvenanceEntry& e) {
  std::string out;
  for (const FormulaPiece& p : e.formula) {
    if (p.operand < 0) {
      out += markdown_escape(p.text);
      continue;
    }
    const ProvenanceEntry& op = entry(doc, e.operand_marks.at(static_cast<std::size_t>(p.operand)));
    out += markdown_escape(op.label) + mark_link(op);
  }
  return out;
}

std::string code(const std::string& s) {
  return s.find('`') == std::string::npos && !s.empty() ? "`" + s + "`" : markdown_escape(s);
}

std::string url(const std::string& u) {
  return is_link_url(u) && u.find_first_of("<>") == std::string::npos ? "<" + u + ">" : markdown_escape(u);
}

// The report's footnotes of a table, one paragraph each, the address as a link.
void footnotes(std::ostringstream& out, const BuiltTable& t) {
  for (const auto* section : {&t.header, &t.body})
    for (const auto& row : *section)
      for (const BuiltCell& c : row)
        for (const CellFootnote& f : c.footnotes) {
          out << "<a id=\"" << anchor_id(f.anchor) << "\"></a><sup>" << f.number << "</sup> ";
          std::size_t at = f.url.empty() ? std::string::npos : f.text.find(f.url);
          if (at == std::string::npos) {
            out << markdown_escape(f.text);
            if (!f.url.empty()) out << " " << url(f.url);
          } else {
            out << markdown_escape(f.text.substr(0, at)) << url(f.url) << markdown_escape(f.text.substr(at + f.url.size()));
          }
          out << "\n\n";
        }
}

// An appendix table (Verantwoording) as a Markdown table; a row's anchor leads its first cell.
void appendix_table(std::ostringstream& out, const Document& doc, const AppendixTable& t) {
  out << "## <a id=\"" << anchor_id(t.anchor) << "\"></a>" << markdown_escape(t.heading) << "\n\n"
      << block_escape(t.intro) << "\n\n";
  if (!t.summary.empty()) out << "**" << markdown_escape(t.summary) << "**\n\n";
  out << "|";
  for (const std::string& c : t.columns) out << " " << markdown_escape(c) << " |";
  out << "\n|";
  for (std::size_t i = 0; i < t.columns.size(); ++i) out << " --- |";
  out << "\n";
  for (const AppendixRow& r : t.rows) {
    out << "|";
    for (std::size_t i = 0; i < r.cells.size(); ++i) {
      std::string text;
      if (i == 0 && !r.anchor.empty()) text += "<a id=\"" + anchor_id(r.anchor) + "\"></a>";
      for (const AppendixRun& run : r.cells[i].runs) {
        switch (run.style) {
          case AppendixRun::Style::value:
            text += markdown_escape(run.text);
            if (run.mark > 0) text += mark_link(entry(doc, run.mark));
            break;
          case AppendixRun::Style::code: text += code(run.text); break;
          case AppendixRun::Style::label: text += "**" + markdown_escape(run.text) + "**"; break;
          case AppendixRun::Style::text: text += markdown_escape(run.text); break;
        }
      }
      out << " " << text << " |";
    }
    out << "\n";
  }
  out << "\n";
}

}  // namespace

std::string markdown_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '$': case '~':
      case '&': case '#': case '!':
        out += '\\';
        out += c;
        break;
      case '\n': out += "<br>"; break;
      case '\r': break;
      case '\t': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_markdown(const Document& doc) {
  std::ostringstream out;
  out << "# " << markdown_escape(doc.title) << "\n\n"
      << wording::kRecomputed << " Elk getal verwijst met zijn nummer naar de herkomst van het getal.\n\n"
      << "- " << wording::kScenario << ": " << markdown_escape(doc.scenario) << "\n"
      << "- " << wording::kPeildatumInvoer << ": " << markdown_escape(doc.peildatum) << "\n"
      << "- " << wording::kInputsDigest << ": " << code(doc.inputs_digest.substr(0, 16)) << "\n\n## Inhoud\n\n";
  for (const BuiltTable& t : doc.tables) out << "- [" << markdown_escape(t.caption) << "](#" << anchor_id(t.id) << ")\n";
  if (doc.reconciliation_table) out << "- [" << wording::kReconciliation << "](#verantwoording)\n";
  out << "- [" << wording::kProvenance << "](#herkomst)\n- [" << wording::kSources << "](#bronnen)\n\n";
  for (const BuiltTable& t : doc.tables) table(out, doc, t);
  if (doc.reconciliation_table) appendix_table(out, doc, *doc.reconciliation_table);

  out << "## <a id=\"herkomst\"></a>" << wording::kProvenance << "\n\n" << wording::kProvenanceIntro << "\n\n";
  for (const ProvenanceEntry& e : doc.provenance) {
    out << "- <a id=\"" << anchor_id(e.anchor) << "\"></a>**\\[" << e.mark << "\\]** " << markdown_escape(e.label)
        << " (" << code(e.key) << ")<br>= " << markdown_escape(e.value_text) << "<br>";
    if (e.source) {
      out << "*invoer*, bron: [" << markdown_escape(e.source->label) << "](#" << anchor_id("bron-" + e.source->id) << ")";
      if (!e.source->url.empty()) out << " " << url(e.source->url);
      if (!e.note.empty()) out << "<br>*noot*: " << markdown_escape(e.note);
    } else {
      out << "*berekening*: " << formula(doc, e);
      for (const FormulaLine& line : e.recompute) {
        out << "<br>*ingevuld*" << (line.scenario.empty() ? "" : ", " + line.scenario) << ": = ";
        for (const FormulaPiece& p : line.pieces) {
          if (p.operand < 0) {
            out << markdown_escape(p.text);
            continue;
          }
          const ProvenanceEntry& op = entry(doc, e.operand_marks.at(static_cast<std::size_t>(p.operand)));
          out << "[" << markdown_escape(p.text) << "](#" << anchor_id(op.anchor) << ")";
        }
        out << " = " << markdown_escape(line.result);
      }
    }
    for (const ProvenanceDeviation& d : e.deviations)
      out << "<br>*afwijking* [" << wording::kDeviationMark << "](#" << anchor_id(d.comparison.anchor)
          << "): " << markdown_escape(d.text);
    out << "\n";
  }
  out << "\n## <a id=\"bronnen\"></a>" << wording::kSources << "\n\n";
  for (const Source& s : doc.sources) {
    out << "- <a id=\"" << anchor_id("bron-" + s.id) << "\"></a>**" << markdown_escape(s.label) << "**. "
        << markdown_escape(s.reference);
    if (!s.url.empty()) out << " " << url(s.url);
    out << wording::footnotes_suffix(s.footnotes);
    out << "\n";
  }
  return std::move(out).str();
}

}  // namespace zorgcap
