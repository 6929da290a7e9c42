// The LaTeX files: escaping, the longtable structure, spans, provenance links and targets; and,
// where pdflatex is installed, that tables.tex compiles.
#include "writers/latex_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <regex>
#include <set>

#include "test_support.h"
#include "writers/export_documents.h"

namespace zorgcap {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

// Braces balance once the escaped ones (\{ \}), comments and \url's verbatim arguments are taken out.
bool braces_balance(const std::string& tex) {
  int depth = 0;
  for (std::size_t i = 0; i < tex.size(); ++i) {
    if (tex.compare(i, 5, "\\url{") == 0) {
      i = tex.find('}', i);
      if (i == std::string::npos) return false;
      continue;
    }
    if (tex[i] == '\\') {
      ++i;  // the escaped character (or the command's first letter)
      continue;
    }
    if (tex[i] == '%') {  // a comment, to the end of the line
      i = tex.find('\n', i);
      if (i == std::string::npos) break;
      continue;
    }
    if (tex[i] == '{') ++depth;
    if (tex[i] == '}' && --depth < 0) return false;
  }
  return depth == 0;
}

TEST(LatexEscape, SpecialCharacters) {
  EXPECT_EQ(latex_escape("R&D 50% $5 #1 a_b {x} ~ ^ \\"),
            "R\\&D 50\\% \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}");
  EXPECT_EQ(latex_escape("[a] <b> | \"c\""), "{[}a{]} \\textless{}b\\textgreater{} \\textbar{} \\textquotedbl{}c\\textquotedbl{}");
  EXPECT_EQ(latex_escape("plain text, 1.917-3.833 fte"), "plain text, 1.917-3.833 fte");
}

TEST(LatexEscape, NonAsciiCharacters) {
  EXPECT_EQ(latex_escape("€ 286,44 – € 572,89"), "\\texteuro{} 286,44 \\textendash{} \\texteuro{} 572,89");
  EXPECT_EQ(latex_escape("patiëntgebonden, privé"), "patiëntgebonden, privé");  // inputenc's
  EXPECT_EQ(latex_escape("1.917\u00A0fte"), "1.917~fte");
  EXPECT_EQ(latex_escape("a — b − c ≤ d ≥ e → ∞ …"),
            "a \\textemdash{} b \\textminus{} c \\ensuremath{\\leq} d \\ensuremath{\\geq} e \\ensuremath{\\rightarrow} "
            "\\ensuremath{\\infty} \\dots{}");
  EXPECT_EQ(latex_escape("„x” ‘y’"), "\\quotedblbase{}x\\textquotedblright{} \\textquoteleft{}y\\textquoteright{}");
  EXPECT_EQ(latex_escape("♥"), "{[}U+2665{]}");  // unknown to pdflatex: shown, not fatal
  EXPECT_EQ(latex_escape("a\nb\tc"), "a\\newline{}b c");
}

TEST(LatexEscape, NoTexLigatures) {
  EXPECT_EQ(latex_escape("a--b ,,c`` ''d !`e ?`f"), "a-{}-b ,{},c`{}` '{}'d !{}`e ?{}`f");
}

TEST(LatexLabel, SafeAndDistinct) {
  EXPECT_EQ(latex_label("huisarts.vs.netto_fte"), "huisarts.vs.netto:fte");
  EXPECT_NE(latex_label("a_b"), latex_label("a-b"));
  EXPECT_NE(latex_label("a:b"), latex_label("a_b"));
  std::string odd = latex_label("x y#%{}\\ë");
  EXPECT_TRUE(std::regex_match(odd, std::regex("[A-Za-z0-9.:-]+"))) << odd;
}

TEST(LatexWriter, OneFilePerTableAndTheDocument) {
  auto files = render_latex(test::baseline_document());
  ASSERT_EQ(files.size(), 38u);
  ASSERT_TRUE(files.count("tables.tex"));
  const std::string& main = files["tables.tex"];
  for (int n = 1; n <= 37; ++n) {
    char name[16];
    std::snprintf(name, sizeof name, "tabel-%02d", n);
    ASSERT_TRUE(files.count(std::string(name) + ".tex")) << name;
    const std::string& t = files[std::string(name) + ".tex"];
    for (const char* part : {"\\begin{longtable}", "\\toprule", "\\midrule", "\\bottomrule", "\\endfirsthead", "\\endhead",
                             "\\endlastfoot", "\\end{longtable}", "\\caption*{"})
      EXPECT_NE(t.find(part), std::string::npos) << name << " lacks " << part;
    EXPECT_EQ(count(main, std::string("\\input{") + name + "}"), 1u) << name;
    EXPECT_TRUE(braces_balance(t)) << name;
  }
  EXPECT_TRUE(braces_balance(main));
  EXPECT_NE(files["tabel-10.tex"].find("\\caption*{Tabel 10. Input en uitkomsten van rekenmodel casus 1a.}"), std::string::npos);
  for (const char* pkg : {"\\documentclass[a4paper,10pt]{article}", "\\usepackage[utf8]{inputenc}", "\\usepackage[T1]{fontenc}",
                          "\\usepackage{textcomp}", "{geometry}", "\\usepackage{booktabs}", "\\usepackage{longtable}",
                          "\\usepackage{multirow}", "\\usepackage{pdflscape}", "{hyperref}",
                          "\\section*{Herkomst van de getallen}", "\\section*{Bronnen}", "\\end{document}"})
    EXPECT_NE(main.find(pkg), std::string::npos) << pkg;
}

TEST(LatexWriter, LandscapeTablesOnLandscapePages) {
  const Document& doc = test::baseline_document();
  auto files = render_latex(doc);
  const std::string& main = files["tables.tex"];
  int landscape = 0;
  for (const BuiltTable& t : doc.tables) {
    char name[16];
    std::snprintf(name, sizeof name, "tabel-%02d", t.number);
    std::size_t at = main.find(std::string("\\input{") + name + "}");
    std::size_t begin = main.rfind("\\begin{landscape}", at), end = main.rfind("\\end{landscape}", at);
    bool inside = begin != std::string::npos && (end == std::string::npos || end < begin);
    EXPECT_EQ(inside, t.landscape) << name;
    landscape += t.landscape;
  }
  EXPECT_EQ(landscape, 3);
}

TEST(LatexWriter, EveryNumberCarriesItsMarkLinkedToItsEntry) {
  const Document& doc = test::baseline_document();
  auto files = render_latex(doc);
  const std::string& main = files["tables.tex"];
  std::size_t numbers = 0;
  for (const BuiltTable& t : doc.tables) {
    char name[24];
    std::snprintf(name, sizeof name, "tabel-%02d.tex", t.number);
    const std::string& tex = files[name];
    for (const auto* section : {&t.header, &t.body})
      for (const auto& row : *section)
        for (const BuiltCell& c : row)
          for (const BuiltRun& r : c.runs) {
            if (!r.is_number) continue;
            ++numbers;
            std::string link = latex_escape(r.text) + "\\textsuperscript{\\hyperlink{q-" + latex_label(r.number.key) + "}{" +
                               std::to_string(r.number.mark) + "}}";
            EXPECT_NE(tex.find(link), std::string::npos) << name << ": " << link;
          }
  }
  EXPECT_GT(numbers, 300u);
  for (const ProvenanceEntry& e : doc.provenance)
    EXPECT_EQ(count(main, "\\hypertarget{q-" + latex_label(e.key) + "}{"), 1u) << e.key;
  for (const Source& s : doc.sources) EXPECT_EQ(count(main, "\\hypertarget{bron-" + latex_label(s.id) + "}{"), 1u) << s.id;
}

TEST(LatexWriter, SpansAndEscapedCaption) {
  auto files = render_latex(test::span_document());
  ASSERT_TRUE(files.count("tabel-99.tex"));
  const std::string& t = files["tabel-99.tex"];
  EXPECT_NE(t.find("\\caption*{Tabel 99. R\\&D: 50\\% van \\_alle\\_ \\#1-kosten in \\texteuro{} \\textendash{} ë~\\textbar{} "
                   "\\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} {[}y{]}}"),
            std::string::npos)
      << t;
  // Header: "Indicator" over two rows, "Huisarts & VS" over two columns with a rule under it.
  EXPECT_NE(t.find("\\multirow[t]{2}{"), std::string::npos);
  EXPECT_NE(t.find("{\\bfseries Indicator}"), std::string::npos);
  EXPECT_NE(t.find("\\multicolumn{2}{"), std::string::npos);
  EXPECT_NE(t.find("}{\\bfseries Huisarts \\& VS}"), std::string::npos);
  EXPECT_NE(t.find("\\cmidrule(lr){2-3}"), std::string::npos);
  // The section row spans all four columns; the row under "Groep A" leaves its first column empty.
  EXPECT_NE(t.find("\\multicolumn{4}{"), std::string::npos);
  EXPECT_NE(t.find("}{Sectie \\textbar{} een}\\\\"), std::string::npos);
  EXPECT_NE(t.find("\\\\\n & 50\\% \\texteuro{} \\textendash{} ë~x \\#1 \\_y\\_"), std::string::npos) << t;
  EXPECT_NE(t.find("Groep\\newline{}A"), std::string::npos);
  EXPECT_NE(t.find("=SUM(A1:A2)"), std::string::npos);
  // Every body and header line has the table's 4 columns: 3 separators, or fewer for multicolumns.
  EXPECT_TRUE(braces_balance(t));
  EXPECT_NE(t.find("{\\footnotesize\\noindent - een noot met 5\\% \\& \\_nadruk\\_\\par}"), std::string::npos);
}

TEST(LatexWriter, ACellStartingWithAStarIsNotTakenForTheRowEndsStar) {
  Document doc = test::span_document();
  BuiltCell& c = doc.tables.back().body[1][3];
  c.runs = {test::text_run("*zie noot")};
  c.text = "*zie noot";
  auto files = render_latex(doc);
  EXPECT_NE(files["tabel-99.tex"].find(" & {}*zie noot\\\\\n"), std::string::npos) << files["tabel-99.tex"];
}

TEST(LatexWriter, CompilesWithPdflatex) {
  if (std::system("command -v pdflatex >/dev/null 2>&1") != 0) {
    std::cout << "pdflatex not installed: LaTeX compile test skipped" << std::endl;
    GTEST_SKIP() << "pdflatex not installed: LaTeX compile test skipped";
  }
  test::TempDir dir;
  for (const auto& [name, content] : render_latex(test::span_document())) test::write_file(dir.str() + "/" + name, content);
  std::string cmd = "cd '" + dir.str() +
                    "' && pdflatex -interaction=nonstopmode -halt-on-error tables.tex > pdflatex.out 2>&1"
                    " && pdflatex -interaction=nonstopmode -halt-on-error tables.tex > pdflatex.out 2>&1";
  int rc = std::system(cmd.c_str());
  std::string log;
  if (rc != 0) log = test::read_file(dir.str() + "/pdflatex.out");
  ASSERT_EQ(rc, 0) << log.substr(log.size() > 4000 ? log.size() - 4000 : 0);
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "tables.pdf"));
}

}  // namespace
}  // namespace zorgcap
