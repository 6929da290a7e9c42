#include "writers/latex_writer.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <vector>

#include "core/link_url.h"
#include "core/utf8.h"
#include "document/wording.h"

namespace zorgcap {
namespace {

std::string hex(char32_t cp, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*X", width, static_cast<unsigned>(cp));
  return buf;
}

// Characters outside ASCII that need a command (the ones a Dutch report and zorgcap's own text
// use; Latin-1 and Latin Extended-A letters and signs are left to inputenc).
const char* named(char32_t cp) {
  switch (cp) {
    case 0x00A0: return "~";
    case 0x2009: return "\\,";
    case 0x202F: return "\\,";
    case 0x2002: case 0x2003: return "\\ ";
    case 0x20AC: return "\\texteuro{}";
    case 0x2013: return "\\textendash{}";
    case 0x2014: return "\\textemdash{}";
    case 0x2212: return "\\textminus{}";
    case 0x2018: return "\\textquoteleft{}";
    case 0x2019: return "\\textquoteright{}";
    case 0x201A: return "\\quotesinglbase{}";
    case 0x201C: return "\\textquotedblleft{}";
    case 0x201D: return "\\textquotedblright{}";
    case 0x201E: return "\\quotedblbase{}";
    case 0x2022: return "\\textbullet{}";
    case 0x2026: return "\\dots{}";
    case 0x2192: return "\\ensuremath{\\rightarrow}";
    case 0x221E: return "\\ensuremath{\\infty}";
    case 0x2248: return "\\ensuremath{\\approx}";
    case 0x2264: return "\\ensuremath{\\leq}";
    case 0x2265: return "\\ensuremath{\\geq}";
    case 0x2308: return "\\ensuremath{\\lceil}";
    case 0x2309: return "\\ensuremath{\\rceil}";
    case 0x230A: return "\\ensuremath{\\lfloor}";
    case 0x230B: return "\\ensuremath{\\rfloor}";
    case 0x2032: return "\\ensuremath{\\prime}";
    case 0x00D7: return "\\texttimes{}";
    case 0x00F7: return "\\textdiv{}";
    case 0x00B1: return "\\textpm{}";
    case 0x00B0: return "\\textdegree{}";
    case 0x00B5: return "\\textmu{}";
    case 0x00AD: return "\\-";
    default: return nullptr;
  }
}

// Latin-1 and Latin Extended-A: utf8 inputenc with T1 and textcomp sets these up.
bool inputenc_knows(char32_t cp) { return cp >= 0xA1 && cp <= 0x17F; }

// The fraction of the line width each column gets: by its longest line of text, each at least a
// small share so a narrow column still holds a word.
std::vector<double> column_fractions(const BuiltTable& t) {
  std::size_t n = static_cast<std::size_t>(std::max(t.columns, 1));
  std::vector<double> weight(n, 6);
  for (const auto* section : {&t.header, &t.body})
    for (const auto& row : *section)
      for (const BuiltCell& c : row) {
        if (c.colspan != 1 || static_cast<std::size_t>(c.col) >= n) continue;
        std::size_t longest = 0, cur = 0;
        for (std::size_t i = 0; i < c.text.size();) {
          if (utf8::next(c.text, i) == U'\n') longest = std::max(longest, cur), cur = 0; else ++cur;
        }
        longest = std::max(longest, cur);
        weight[static_cast<std::size_t>(c.col)] =
            std::max(weight[static_cast<std::size_t>(c.col)], std::min<double>(static_cast<double>(longest), 45));
      }
  double total = 0;
  for (double w : weight) total += w;
  const double floor = std::min(0.08, 1.0 / static_cast<double>(n));
  std::vector<double> f(n);
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += (f[i] = std::max(weight[i] / total, floor));
  for (double& x : f) x /= sum;
  return f;
}

// Text for a % comment line.
std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  return s;
}

std::string fixed(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", x);
  return buf;
}

class TableWriter {
 public:
  explicit TableWriter(const BuiltTable& t) : t_(t), f_(column_fractions(t)) {}

  std::string render() {
    std::ostringstream out;
    const int n = std::max(t_.columns, 1);
    out << "% " << t_.id << " (zorgcap): " << one_line(t_.caption) << "\n"
        << "\\setlength{\\LTcapwidth}{\\linewidth}\n\\begin{longtable}{";
    for (int c = 0; c < n; ++c) out << spec(c, 1);
    out << "}\n\\caption*{" << latex_escape(t_.caption) << "}\\\\\n\\toprule\n";
    header(out);
    out << "\\endfirsthead\n\\multicolumn{" << n << "}{@{}l}{\\small\\emph{" << latex_escape(short_name())
        << " (vervolg)}}\\\\\n\\toprule\n";
    header(out);
    out << "\\endhead\n\\midrule\n\\multicolumn{" << n
        << "}{r@{}}{\\small\\emph{vervolg op de volgende pagina}}\\\\\n\\endfoot\n\\bottomrule\n\\endlastfoot\n";
    section(out, t_.body, false);
    out << "\\end{longtable}\n";
    for (const std::string& note : t_.notes) out << "{\\footnotesize\\noindent " << latex_escape(note) << "\\par}\n";
    return out.str();
  }

 private:
  std::string short_name() const { return "Tabel " + std::to_string(t_.number); }

  std::string width(int col, int span) const {
    double f = 0;
    for (int c = col; c < col + span && static_cast<std::size_t>(c) < f_.size(); ++c) f += f_[static_cast<std::size_t>(c)];
    return "\\dimexpr " + fixed(f) + "\\linewidth-2\\tabcolsep\\relax";
  }
  std::string spec(int col, int span) const { return ">{\\raggedright\\arraybackslash}p{" + width(col, span) + "}"; }

  void header(std::ostringstream& out) {
    section(out, t_.header, true);
    out << "\\midrule\n";
  }

  // Rows of one section: each row names every column, covered ones (by a span from above) empty.
  void section(std::ostringstream& out, const std::vector<std::vector<BuiltCell>>& rows, bool header) {
    const Grid& grid = header ? t_.header_grid : t_.body_grid;
    for (std::size_t r = 0; r < grid.size(); ++r) {
      const int n = static_cast<int>(grid[r].size());
      std::string rules;
      for (int col = 0; col < n;) {
        if (col > 0) out << " & ";
        const GridSlot& slot = grid[r][static_cast<std::size_t>(col)];
        const BuiltCell& c = cell_at(rows, slot);
        int span = c.colspan - (col - c.col);  // the rest of its columns from here
        std::string content;
        if (slot.kind == GridSlot::Kind::content) {
          content = cell_text(c);
          if (!content.empty() && content[0] == '*') content = "{}" + content;  // not \\* after the row above
          if (header) content = "\\bfseries " + content;
          if (c.rowspan > 1) content = "\\multirow[t]{" + std::to_string(c.rowspan) + "}{" + width(col, span) + "}{" + content + "}";
          if (header && c.colspan > 1 && r + static_cast<std::size_t>(c.rowspan) < grid.size())
            rules += "\\cmidrule(lr){" + std::to_string(col + 1) + "-" + std::to_string(col + span) + "}";
        }
        out << (span > 1 ? "\\multicolumn{" + std::to_string(span) + "}{" + spec(col, span) + "}{" + content + "}" : content);
        col += span;
      }
      out << "\\\\" << (rules.empty() ? "" : "\n" + rules) << "\n";
    }
  }

  // The cell's runs; each number followed by its provenance mark, a link to the appendix entry.
  static std::string cell_text(const BuiltCell& c) {
    std::string out;
    for (const BuiltRun& r : c.runs) {
      out += latex_escape(r.text);
      if (r.is_number)
        out += "\\textsuperscript{\\hyperlink{q-" + latex_label(r.number.key) + "}{" + std::to_string(r.number.mark) + "}}";
    }
    return out;
  }

  const BuiltTable& t_;
  std::vector<double> f_;
};

std::string file_name(const BuiltTable& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "tabel-%02d", t.number);
  return buf;
}

// A URL for \url at the top level (it reads its argument verbatim there, % and # included): only
// what would unbalance or escape that reading, spaces and non-ASCII bytes are percent-encoded.
std::string latex_url(const std::string& url) {
  std::string out;
  for (char ch : url) {
    auto b = static_cast<unsigned char>(ch);
    if (b <= 0x20 || b >= 0x7F || ch == '{' || ch == '}' || ch == '\\' || ch == '"' || ch == '<' || ch == '>' || ch == '`' || ch == '|' || ch == '^')
      out += "%" + hex(b, 2);
    else
      out += ch;
  }
  return out;
}

// An address from the inputs: \url (a link with hyperref) only for a web or mail address
// (core/link_url.h); anything else is plain text.
std::string web_address(const std::string& url) {
  return is_link_url(url) ? "\\url{" + latex_url(url) + "}" : latex_escape(url);
}

const ProvenanceEntry& entry(const Document& doc, int mark) { return doc.provenance[static_cast<std::size_t>(mark - 1)]; }

// The quantity's formula: its text escaped, each operand its label and a link to its entry.
std::string formula(const Document& doc, const ProvenanceEntry& e) {
  std::string out;
  for (const FormulaPiece& p : e.formula) {
    if (p.operand < 0) {
      out += latex_escape(p.text);
      continue;
    }
    const ProvenanceEntry& op = entry(doc, e.operand_marks.at(static_cast<std::size_t>(p.operand)));
    out += latex_escape(op.label) + "~\\hyperlink{q-" + latex_label(op.key) + "}{[" + std::to_string(op.mark) + "]}";
  }
  return out;
}

std::string document(const Document& doc) {
  std::ostringstream out;
  out << "% tables.tex: the tables of \"" << one_line(doc.scenario) << "\", written by zorgcap. Compile with pdflatex (twice, for\n"
      << "% the contents and the long tables' column widths).\n"
      << "\\documentclass[a4paper,10pt]{article}\n"
      << "\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n\\usepackage{textcomp}\n"
      << "\\usepackage[a4paper,margin=2cm]{geometry}\n"
      << "\\usepackage{array}\n\\usepackage{booktabs}\n\\usepackage{longtable}\n\\usepackage{multirow}\n"
      << "\\usepackage{pdflscape}\n\\usepackage{url}\n"
      << "\\usepackage[colorlinks=true,linkcolor=blue,urlcolor=blue]{hyperref}\n"
      << "\\setlength{\\parindent}{0pt}\n\\raggedbottom\n\n\\begin{document}\n\n"
      << "\\begin{center}\n{\\LARGE\\bfseries " << latex_escape(doc.title) << "\\par}\\medskip\n"
      << wording::kScenario << ": " << latex_escape(doc.scenario) << " \\quad " << wording::kPeildatumInvoer << ": "
      << latex_escape(doc.peildatum) << " \\quad " << latex_escape(wording::kInputsDigest) << ": \\texttt{"
      << latex_escape(doc.inputs_digest.substr(0, 16)) << "}\n\\end{center}\n\n"
      << "\\tableofcontents\n\n\\section*{Tabellen}\n\\addcontentsline{toc}{section}{Tabellen}\n\n";
  for (const BuiltTable& t : doc.tables) {
    std::string toc = "\\phantomsection\\addcontentsline{toc}{subsection}{" + latex_escape(t.caption) + "}\n";
    if (t.landscape)
      out << "\\begin{landscape}\n" << toc << "\\input{" << file_name(t) << "}\n\\end{landscape}\n\n";
    else
      out << toc << "\\input{" << file_name(t) << "}\n\n";
  }

  out << "\\clearpage\n\\section*{" << wording::kProvenance << "}\n\\addcontentsline{toc}{section}{" << wording::kProvenance
      << "}\n"
      << "Elk getal in de tabellen verwijst met zijn nummer naar zijn regel hieronder: de berekening met de regels "
         "waaruit ze volgt, of voor een invoergegeven de bron.\n\n{\\raggedright\n";
  for (const ProvenanceEntry& e : doc.provenance) {
    out << "\\hypertarget{q-" << latex_label(e.key) << "}{\\textbf{[" << e.mark << "]}}~\\textbf{" << latex_escape(e.label)
        << "} (\\texttt{" << latex_escape(e.key) << "})\\\\*\n= " << latex_escape(e.value_text) << "\\\\*\n";
    if (e.source) {
      out << "\\emph{invoer}, bron: \\hyperlink{bron-" << latex_label(e.source->id) << "}{" << latex_escape(e.source->label)
          << "}";
      if (!e.note.empty()) out << "\\\\*\n\\emph{noot}: " << latex_escape(e.note);
      if (!e.source->url.empty()) out << "\\\\*\n" << web_address(e.source->url);
    } else {
      out << "\\emph{berekening}: " << formula(doc, e);
    }
    out << "\\par\\smallskip\n";
  }
  out << "}\n\n\\section*{" << wording::kSources << "}\n\\addcontentsline{toc}{section}{" << wording::kSources
      << "}\n{\\raggedright\n";
  for (const Source& s : doc.sources) {
    out << "\\hypertarget{bron-" << latex_label(s.id) << "}{\\textbf{" << latex_escape(s.label) << "}}. "
        << latex_escape(s.reference);
    if (!s.url.empty()) out << " " << web_address(s.url);
    out << wording::footnotes_suffix(s.footnotes);
    out << "\\par\\smallskip\n";
  }
  out << "}\n\n\\end{document}\n";
  return out.str();
}

}  // namespace

std::string latex_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = utf8::next(text, i);
    char next = i < text.size() ? text[i] : '\0';
    switch (cp) {
      case U'&': out += "\\&"; break;
      case U'%': out += "\\%"; break;
      case U'$': out += "\\$"; break;
      case U'#': out += "\\#"; break;
      case U'_': out += "\\_"; break;
      case U'{': out += "\\{"; break;
      case U'}': out += "\\}"; break;
      case U'~': out += "\\textasciitilde{}"; break;
      case U'^': out += "\\textasciicircum{}"; break;
      case U'\\': out += "\\textbackslash{}"; break;
      case U'[': out += "{[}"; break;  // never an optional argument (after \\ or \item)
      case U']': out += "{]}"; break;
      case U'"': out += "\\textquotedbl{}"; break;
      case U'|': out += "\\textbar{}"; break;
      case U'<': out += "\\textless{}"; break;
      case U'>': out += "\\textgreater{}"; break;
      case U'\n': out += "\\newline{}"; break;
      case U'\r': break;
      case U'\t': out += ' '; break;
      case U'-': case U',': case U'`': case U'\'':
        out += static_cast<char>(cp);
        if (next == static_cast<char>(cp)) out += "{}";  // no -- ,, `` '' ligatures
        break;
      case U'!': case U'?':
        out += static_cast<char>(cp);
        if (next == '`') out += "{}";  // no !` ?` ligatures
        break;
      default:
        if (cp < 0x20 || cp == 0x7F) {
          out += ' ';
        } else if (cp < 0x80) {
          out += static_cast<char>(cp);
        } else if (const char* cmd = named(cp)) {
          out += cmd;
        } else if (inputenc_knows(cp)) {
          std::size_t len = cp < 0x800 ? 2 : 3;
          out += text.substr(i - len, len);
        } else {
          out += "{[}U+" + hex(cp, 4) + "{]}";
        }
    }
  }
  return out;
}

std::string latex_label(std::string_view key) {
  std::string out;
  for (char ch : key) {
    auto b = static_cast<unsigned char>(ch);
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.')
      out += ch;
    else if (ch == '_')
      out += ':';
    else
      out += "-" + hex(b, 2);
  }
  return out;
}

std::map<std::string, std::string> render_latex(const Document& doc) {
  std::map<std::string, std::string> files;
  for (const BuiltTable& t : doc.tables) files[file_name(t) + ".tex"] = TableWriter(t).render();
  files["tables.tex"] = document(doc);
  return files;
}

}  // namespace zorgcap
