// The LaTeX files: escaping, the longtable structure, spans, provenance links and targets; and
// pdflatex (make test installs it; missing is a failure): every table compiles on its own with
// zorgcap.sty, tables.tex compiles with Type 1 fonts whose text copies (pdffonts, pdftotext).
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
  ASSERT_EQ(files.size(), 39u);
  ASSERT_TRUE(files.count("zorgcap.sty"));
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
  for (const char* pkg : {"\\documentclass[a4paper,10pt]{article}", "\\usepackage[utf8]{inputenc}", "\\usepackage[dutch]{babel}",
                          "\\usepackage{zorgcap}", "\\input{glyphtounicode}", "{geometry}", "\\usepackage{pdflscape}", "{hyperref}",
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
            std::string link = latex_escape(r.text) + "\\zorgcapmark{q-" + latex_label(r.number.key) + "}{" +
                               std::to_string(r.number.mark) + "}";
            EXPECT_NE(tex.find(link), std::string::npos) << name << ": " << link;
          }
  }
  EXPECT_GT(numbers, 300u);
  for (const ProvenanceEntry& e : doc.provenance)
    EXPECT_EQ(count(main, "\\zorgcaptarget{q-" + latex_label(e.key) + "}{"), 1u) << e.key;
  for (const Source& s : doc.sources) EXPECT_EQ(count(main, "\\zorgcaptarget{bron-" + latex_label(s.id) + "}{"), 1u) << s.id;
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
  EXPECT_EQ(t.find("\\multirow"), std::string::npos);  // multirow is not in Debian's base TeX packages
  EXPECT_NE(t.find("\\bfseries Indicator & "), std::string::npos) << t;
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

// Runs a shell command; its output goes to `out` (with `tail`: only its last 4000 characters,
// for a failure message).
int shell(const std::string& cmd, std::string* out = nullptr, bool tail = true) {
  test::TempDir dir;
  int rc = std::system((cmd + " > '" + dir.str() + "/out' 2>&1").c_str());
  if (out) {
    *out = test::read_file(dir.str() + "/out");
    if (tail && out->size() > 4000) *out = out->substr(out->size() - 4000);
  }
  return rc;
}

void write_all(const test::TempDir& dir, const Document& doc) {
  for (const auto& [name, content] : render_latex(doc)) test::write_file(dir.str() + "/" + name, content);
}

std::string pdflatex(const std::string& dir, const std::string& job) {
  return "cd '" + dir + "' && pdflatex -interaction=nonstopmode -halt-on-error " + job + ".tex";
}

class LatexCompile : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"pdflatex", "pdffonts", "pdftotext"})
      if (std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) != 0)
        FAIL() << tool << " is missing: `make test` installs it (texlive-latex-base, poppler-utils)";
  }
};

// The README's promise: one table in the user's own article, without and with hyperref. No link
// may dangle (pdfTeX warns "has been referenced but does not exist" for one).
TEST_F(LatexCompile, EveryTableCompilesOnItsOwn) {
  test::TempDir dir;
  const Document doc = test::span_document();
  write_all(dir, doc);
  for (const BuiltTable& t : doc.tables) {
    char name[16];
    std::snprintf(name, sizeof name, "tabel-%02d", t.number);
    for (bool hyperref : {false, true}) {
      std::string job = std::string("solo-") + name + (hyperref ? "-h" : "");
      test::write_file(dir.str() + "/" + job + ".tex", std::string("\\documentclass{article}\\usepackage{zorgcap}") +
                                                         (hyperref ? "\\usepackage{hyperref}" : "") +
                                                         "\\begin{document}\\input{" + name + "}\\end{document}\n");
      std::string log;  // with hyperref, twice: the second run knows which targets exist
      int rc = shell(pdflatex(dir.str(), job) + (hyperref ? " && " + pdflatex(dir.str(), job) : ""), &log);
      ASSERT_EQ(rc, 0) << job << ":\n" << log;
      std::string full = test::read_file(dir.str() + "/" + job + ".log");
      EXPECT_EQ(full.find("has been referenced but does not exist"), std::string::npos) << job;
      EXPECT_EQ(full.find("undefined"), std::string::npos) << job;
    }
  }
  // Tabel 26's amounts copy as printed (Latin Modern, T1: € is a glyph with a name).
  std::string text;
  ASSERT_EQ(shell("pdftotext '" + dir.str() + "/solo-tabel-26.pdf' -", &text, false), 0);
  EXPECT_NE(text.find("€ 286,44"), std::string::npos) << text;
  EXPECT_NE(text.find("Effecten"), std::string::npos) << text;
}

TEST_F(LatexCompile, TablesTexHasType1FontsAndCopiesEffectenAndEuro) {
  test::TempDir dir;
  write_all(dir, test::reconciled_document());
  std::string log;
  ASSERT_EQ(shell(pdflatex(dir.str(), "tables") + " && " + pdflatex(dir.str(), "tables"), &log), 0) << log;
  std::string full = test::read_file(dir.str() + "/tables.log");
  EXPECT_EQ(full.find("has been referenced but does not exist"), std::string::npos);
  std::string fonts;
  ASSERT_EQ(shell("pdffonts '" + dir.str() + "/tables.pdf'", &fonts), 0) << fonts;
  EXPECT_EQ(fonts.find("Type 3"), std::string::npos) << fonts;
  EXPECT_NE(fonts.find("LMRoman10-Regular"), std::string::npos) << fonts;
  std::string text;
  ASSERT_EQ(shell("pdftotext '" + dir.str() + "/tables.pdf' -", &text, false), 0);
  EXPECT_NE(text.find("Tabel 26. Effecten op doelmatigheid"), std::string::npos);
  EXPECT_NE(text.find("€ 286,44"), std::string::npos);  // the report's Tabel 26 (the mark follows)
  EXPECT_NE(text.find("Inhoudsopgave"), std::string::npos);  // babel dutch
  // The report's footnotes under Tabel 6, with the address.
  EXPECT_NE(text.find("1 https://www.rijksoverheid.nl/documenten/publicaties/2023/06/08/"), std::string::npos);
  // A deviating number carries the dagger and its note names the printed value (Tabel 4, I5).
  EXPECT_NE(text.find("het rapport drukt 48%, zorgcap 10%"), std::string::npos);
}

}  // namespace
}  // namespace zorgcap
