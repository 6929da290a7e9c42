// tables.md: the pipe tables, escaping, spans, and a working link from every number to its entry.
#include "writers/markdown_writer.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

#include "test_support.h"
#include "writers/export_documents.h"

namespace zorgcap {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// The table under the heading with `id`: its lines, from the header row to the last body row.
std::vector<std::string> table_lines(const std::string& md, const std::string& id) {
  std::vector<std::string> out;
  auto all = lines(md);
  std::size_t i = 0;
  while (i < all.size() && all[i].find("<a id=\"" + id + "\"></a>") == std::string::npos) ++i;
  for (++i; i < all.size() && all[i].empty(); ++i) {
  }
  for (; i < all.size() && !all[i].empty() && all[i][0] == '|'; ++i) out.push_back(all[i]);
  return out;
}

// Cells of a pipe-table line, split at unescaped |.
std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      cur += line.substr(i, 2);
      ++i;
    } else if (line[i] == '|') {
      std::size_t a = cur.find_first_not_of(' '), b = cur.find_last_not_of(' ');
      out.push_back(a == std::string::npos ? "" : cur.substr(a, b - a + 1));
      cur.clear();
    } else {
      cur += line[i];
    }
  }
  return out;
}

TEST(MarkdownWriter, HasThe37TablesAsPipeTables) {
  const Document& doc = test::baseline_document();
  std::string md = render_markdown(doc);
  EXPECT_EQ(md.rfind("# ", 0), 0u);
  std::size_t delimiters = 0;
  for (const std::string& l : lines(md))
    if (l.rfind("| --- |", 0) == 0) ++delimiters;
  EXPECT_EQ(delimiters, 37u);
  for (const BuiltTable& t : doc.tables) {
    auto tl = table_lines(md, t.id);
    ASSERT_EQ(tl.size(), 2 + t.body.size()) << t.id;  // one header row, the delimiter row, the body
    for (const std::string& l : tl) EXPECT_EQ(cells(l).size(), static_cast<std::size_t>(t.columns)) << t.id << ": " << l;
    EXPECT_EQ(count(md, "](#" + t.id + ")"), 1u) << t.id;  // in the contents
  }
  EXPECT_NE(md.find("## <a id=\"tabel-10\"></a>Tabel 10. Input en uitkomsten van rekenmodel casus 1a."), std::string::npos);
  EXPECT_NE(md.find("## <a id=\"herkomst\"></a>Herkomst van de getallen"), std::string::npos);
  EXPECT_NE(md.find("## <a id=\"bronnen\"></a>Bronnen"), std::string::npos);
}

TEST(MarkdownWriter, EveryNumberLinksToAnExistingEntry) {
  const Document& doc = test::baseline_document();
  std::string md = render_markdown(doc);
  std::size_t tables_end = md.find("<a id=\"herkomst\"></a>");
  ASSERT_NE(tables_end, std::string::npos);
  std::string tables = md.substr(0, tables_end);

  std::size_t numbers = 0;
  for (const BuiltTable& t : doc.tables) {
    std::string body;
    for (const std::string& l : table_lines(md, t.id)) body += l + "\n";
    for (const auto* section : {&t.header, &t.body})
      for (const auto& row : *section)
        for (const BuiltCell& c : row)
          for (const BuiltRun& r : c.runs) {
            if (!r.is_number) continue;
            ++numbers;
            std::string link = markdown_escape(r.text) + "<sup>[" + std::to_string(r.number.mark) + "](#q-" + r.number.key + ")</sup>";
            EXPECT_NE(body.find(link), std::string::npos) << t.id << ": " << link;
          }
  }
  EXPECT_GT(numbers, 300u);
  // No number without its link, none twice; the other raised links are the report's footnotes
  // (Tabel 6: 1 and 2, Tabel 11: 71, Tabel 13: 80).
  EXPECT_EQ(count(tables, "<sup>[voetnoot "), 4u);
  EXPECT_EQ(count(tables, "<sup>[") - count(tables, "<sup>[voetnoot "), numbers);

  // Every link target exists once; every entry is there, in order.
  std::set<std::string> ids;
  std::regex id_re(R"re(<a id="([^"]+)"></a>)re");
  for (std::sregex_iterator it(md.begin(), md.end(), id_re), end; it != end; ++it)
    EXPECT_TRUE(ids.insert((*it)[1].str()).second) << "duplicate id " << (*it)[1].str();
  std::regex link_re(R"(\]\(#([^)]+)\))");
  std::size_t links = 0;
  for (std::sregex_iterator it(md.begin(), md.end(), link_re), end; it != end; ++it, ++links)
    EXPECT_TRUE(ids.count((*it)[1].str())) << "dangling link #" << (*it)[1].str();
  EXPECT_GT(links, numbers);
  std::size_t last = 0;
  for (const ProvenanceEntry& e : doc.provenance) {
    std::size_t at = md.find("<a id=\"" + e.anchor + "\"></a>**\\[" + std::to_string(e.mark) + "\\]** ");
    ASSERT_NE(at, std::string::npos) << e.key;
    EXPECT_GT(at, last) << e.key;
    last = at;
  }
  for (const Source& s : doc.sources) EXPECT_TRUE(ids.count("bron-" + s.id)) << s.id;
}

TEST(MarkdownWriter, EscapesPipesAndLineBreaks) {
  EXPECT_EQ(markdown_escape("a|b\nc"), "a\\|b<br>c");
  EXPECT_EQ(markdown_escape("*x* _y_ [z](u) `c` <b> $5 ~s~ & #1 \\"), "\\*x\\* \\_y\\_ \\[z\\](u) \\`c\\` \\<b\\> \\$5 \\~s\\~ \\& \\#1 \\\\");
  EXPECT_EQ(markdown_escape("€ 286,44 – 1.917-3.833 fte (19%)"), "€ 286,44 – 1.917-3.833 fte (19%)");

  std::string md = render_markdown(test::span_document());
  auto tl = table_lines(md, "tabel-99");
  ASSERT_EQ(tl.size(), 5u);
  for (const std::string& l : tl) EXPECT_EQ(cells(l).size(), 4u) << l;
  EXPECT_NE(md.find("<a id=\"tabel-99\"></a>Tabel 99. R\\&D: 50% van \\_alle\\_ \\#1-kosten in € – ë\u00A0\\| "), std::string::npos);
  EXPECT_EQ(cells(tl[2])[0], "Sectie \\| een");
  EXPECT_EQ(cells(tl[3])[0], "Groep<br>A");
  EXPECT_EQ(cells(tl[4])[1], markdown_escape(test::kSpecialText));
  EXPECT_NE(tl[4].find("\\| \\<b\\>"), std::string::npos);
  // A note that starts with "- " is a paragraph, not a list.
  EXPECT_NE(md.find("\n\\- een noot met 5% \\& \\_nadruk\\_\n"), std::string::npos);
}

TEST(MarkdownWriter, SpansRepeatHeadersAndLeaveCoveredBodyCellsEmpty) {
  std::string md = render_markdown(test::span_document());
  auto tl = table_lines(md, "tabel-99");
  ASSERT_EQ(tl.size(), 5u);
  // Two header rows become one; the group header stands over both of its columns.
  EXPECT_EQ(cells(tl[0]), (std::vector<std::string>{"Indicator", "Huisarts \\& VS<br>min", "Huisarts \\& VS<br>max", "Bron\\_1"}));
  // The section row's text in its first column only.
  EXPECT_EQ(cells(tl[2]), (std::vector<std::string>{"Sectie \\| een", "", "", ""}));
  // "Groep A" spans two rows: the second row's first column is empty.
  auto r1 = cells(tl[3]), r2 = cells(tl[4]);
  EXPECT_EQ(r1[0], "Groep<br>A");
  EXPECT_EQ(r2[0], "");
  EXPECT_NE(r1[1].find("1.917<sup>["), std::string::npos);
  EXPECT_EQ(r1[3], "=SUM(A1:A2)");
  EXPECT_EQ(r2[3], "@home");
}

}  // namespace
}  // namespace zorgcap
