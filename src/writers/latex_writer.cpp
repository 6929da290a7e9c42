#include "writers/latex_writer.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <vector>

#include "core/link_url.h"
#include "core/utf8.h"
#include "document/wording.h"
#include "writers/cell_notes.h"

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

// A source's address: a link for http, https and mailto, anything else as text.
std::string url(const std::string& u) { return is_link_url(u) ? "\\url{" + latex_url(u) + "}" : latex_escape(u); }

// zorgcap.sty: what the tables need, so that one table compiles in any article. A mark links to
// its target only when hyperref is loaded and the target is in the same document: each
// \zorgcaptarget is recorded in the .aux file, and a link is made on a later run once its target
// is known (plain text until then, never a dangling link).
constexpr const char* kStyle = R"(%% zorgcap.sty: the macros and packages the tables of zorgcap need (written by zorgcap).
%% Usage: \usepackage{zorgcap}; option [keepfonts] leaves the fonts to you (by default: T1 and
%% Latin Modern, Type 1 fonts in which a copied € stays €).
\NeedsTeXFormat{LaTeX2e}
\ProvidesPackage{zorgcap}[2024/01/01 zorgcap tables]
\newif\ifzorgcap@fonts\zorgcap@fontstrue
\DeclareOption{keepfonts}{\zorgcap@fontsfalse}
\ProcessOptions\relax
\ifzorgcap@fonts
  \RequirePackage[T1]{fontenc}
  \RequirePackage{lmodern}
\fi
\RequirePackage{textcomp}
\RequirePackage{array}
\RequirePackage{booktabs}
\RequirePackage{longtable}
\RequirePackage{url}
%% \zorgcaptarget{NAME}{TEXT}: TEXT, a link target NAME where hyperref is loaded.
\newcommand\zorgcaptarget[2]{%
  \ifdefined\hypertarget\hypertarget{#1}{#2}\else#2\fi
  \if@filesw\immediate\write\@auxout{\string\zorgcap@hastarget{#1}}\fi}
\newcommand\zorgcap@hastarget[1]{\global\expandafter\let\csname zorgcap@t@#1\endcsname\@empty}
\AtBeginDocument{\if@filesw\immediate\write\@auxout{\string\providecommand\string\zorgcap@hastarget[1]{}}\fi}
%% \zorgcaplink{NAME}{TEXT}: TEXT, a link to NAME when hyperref is loaded and NAME is a target
%% of this document (known from the previous run's .aux).
\newcommand\zorgcaplink[2]{%
  \ifdefined\hyperlink\@ifundefined{zorgcap@t@#1}{#2}{\hyperlink{#1}{#2}}\else#2\fi}
%% A number's provenance mark: the number of its entry in "Herkomst van de getallen".
\newcommand\zorgcapmark[2]{\textsuperscript{\zorgcaplink{#1}{#2}}}
%% The sign of a number that deviates from the printed report (explained under the table).
\newcommand\zorgcapdeviates{\textsuperscript{\textdagger}}
%% A footnote marker of the report, in a cell and before its note under the table.
\newcommand\zorgcapfootnotemark[1]{\textsuperscript{#1}}
\endinput
)";

class TableWriter {
 public:
  TableWriter(const Document& doc, const BuiltTable& t) : doc_(doc), t_(t), f_(column_fractions(t)) {}

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
    notes(out);
    return std::move(out).str();
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
          // A cell over several rows is set in its first row, top-aligned like the report (and
          // taller rows rather than text drawn over the next ones).
          if (header && c.colspan > 1 && r + static_cast<std::size_t>(c.rowspan) < grid.size())
            rules += "\\cmidrule(lr){" + std::to_string(col + 1) + "-" + std::to_string(col + span) + "}";
        }
        out << (span > 1 ? "\\multicolumn{" + std::to_string(span) + "}{" + spec(col, span) + "}{" + content + "}" : content);
        col += span;
      }
      out << "\\\\" << (rules.empty() ? "" : "\n" + rules) << "\n";
    }
  }

  // The cell's runs; each number followed by its provenance mark (a link to its Herkomst entry
  // where that is in the document) and, when it deviates from the report, the deviation sign;
  // the report's footnote markers where the report has them.
  static std::string cell_text(const BuiltCell& c) {
    std::string out;
    for (const CellPiece& p : cell_pieces(c)) {
      if (p.footnote) {
        out += "\\zorgcapfootnotemark{" + std::to_string(p.footnote->number) + "}";
        continue;
      }
      out += latex_escape(p.text);
      if (p.run->is_number) {
        out += "\\zorgcapmark{q-" + latex_label(p.run->number.key) + "}{" + std::to_string(p.run->number.mark) + "}";
        if (p.run->number.deviates()) out += "\\zorgcapdeviates{}";
      }
    }
    return out;
  }

  // Under the table: the report's footnotes of its cells (with their addresses), then a note per
  // number that deviates from the report.
  void notes(std::ostringstream& out) const {
    for (const auto* section : {&t_.header, &t_.body})
      for (const auto& row : *section)
        for (const BuiltCell& c : row)
          for (const CellFootnote& f : c.footnotes) {
            out << "{\\footnotesize\\noindent\\zorgcapfootnotemark{" << f.number << "}~";
            std::size_t in_text = f.url.empty() ? std::string::npos : f.text.find(f.url);
            if (in_text != std::string::npos)  // the address inside the note's text becomes its link
              out << latex_escape(f.text.substr(0, in_text)) << url(f.url) << latex_escape(f.text.substr(in_text + f.url.size()));
            else
              out << latex_escape(f.text) << (f.url.empty() ? "" : " " + url(f.url));
            out << "\\par}\n";
          }
    for (const auto& row : t_.body)
      for (const BuiltCell& c : row)
        for (const BuiltRun& r : c.runs)
          if (r.is_number && r.number.deviates())
            out << "{\\footnotesize\\noindent\\zorgcapdeviates{}~" << latex_escape(r.text) << " (" << latex_escape(r.number.key)
                << "): " << latex_escape(deviation_note(r.number)) << "\\par}\n";
  }

  const Document& doc_;
  const BuiltTable& t_;
  std::vector<double> f_;
};

std::string file_name(const BuiltTable& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "tabel-%02d", t.number);
  return buf;
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
    out += latex_escape(op.label) + "~\\zorgcaplink{q-" + latex_label(op.key) + "}{[" + std::to_string(op.mark) + "]}";
  }
  return out;
}

std::string document(const Document& doc) {
  std::ostringstream out;
  out << "% tables.tex: the tables of \"" << one_line(doc.scenario) << "\", written by zorgcap. Compile with pdflatex (twice, for\n"
      << "% the contents and the long tables' column widths).\n"
      << "\\documentclass[a4paper,10pt]{article}\n"
      << "\\pdfgentounicode=1\n\\input{glyphtounicode}\n"
      << "\\usepackage[utf8]{inputenc}\n\\usepackage[dutch]{babel}\n\\usepackage{zorgcap}\n"
      << "\\usepackage[a4paper,margin=2cm]{geometry}\n\\usepackage{pdflscape}\n"
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
    out << "\\zorgcaptarget{q-" << latex_label(e.key) << "}{\\textbf{[" << e.mark << "]}}~\\textbf{" << latex_escape(e.label)
        << "} (\\texttt{" << latex_escape(e.key) << "})\\\\*\n= " << latex_escape(e.value_text) << "\\\\*\n";
    if (e.source) {
      out << "\\emph{invoer}, bron: \\zorgcaplink{bron-" << latex_label(e.source->id) << "}{" << latex_escape(e.source->label)
          << "}";
      if (!e.note.empty()) out << "\\\\*\n\\emph{noot}: " << latex_escape(e.note);
      if (!e.source->url.empty()) out << "\\\\*\n" << url(e.source->url);
    } else {
      out << "\\emph{berekening}: " << formula(doc, e);
    }
    out << "\\par\\smallskip\n";
  }
  out << "}\n\n\\section*{" << wording::kSources << "}\n\\addcontentsline{toc}{section}{" << wording::kSources
      << "}\n{\\raggedright\n";
  for (const Source& s : doc.sources) {
    out << "\\zorgcaptarget{bron-" << latex_label(s.id) << "}{\\textbf{" << latex_escape(s.label) << "}}. "
        << latex_escape(s.reference);
    if (!s.url.empty()) out << " " << url(s.url);
    out << wording::footnotes_suffix(s.footnotes);
    out << "\\par\\smallskip\n";
  }
  out << "}\n\n\\end{document}\n";
  return std::move(out).str();
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
  for (const BuiltTable& t : doc.tables) files[file_name(t) + ".tex"] = TableWriter(doc, t).render();
  files["tables.tex"] = document(doc);
  files["zorgcap.sty"] = kStyle;
  return files;
}

}  // namespace zorgcap
