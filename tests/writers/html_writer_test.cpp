// report.html parsed with libxml2's HTML parser: structure, links to provenance, escaping.
#include "writers/html_writer.h"

#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include <memory>
#include <set>

#include "document/build.h"
#include "test_support.h"

namespace zorgcap {
namespace {

struct Html {
  explicit Html(const std::string& text)
      : doc(htmlReadMemory(text.data(), static_cast<int>(text.size()), "report.html", "UTF-8",
                           HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
            xmlFreeDoc) {}
  std::vector<xmlNodePtr> all(const char* xpath) const {
    std::vector<xmlNodePtr> out;
    std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(xmlXPathNewContext(doc.get()),
                                                                         xmlXPathFreeContext);
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> res(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath), ctx.get()), xmlXPathFreeObject);
    if (res && res->nodesetval)
      for (int i = 0; i < res->nodesetval->nodeNr; ++i) out.push_back(res->nodesetval->nodeTab[i]);
    return out;
  }
  static std::string attr(xmlNodePtr n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
  }
  static std::string text(xmlNodePtr n) {
    xmlChar* v = xmlNodeGetContent(n);
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
  }
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc;
};

Document baseline_document() {
  Diagnostics diags;
  SourceTexts texts;
  auto t = load_table_templates(test::source_dir() + "/templates/tables", diags, texts);
  if (!t) throw std::runtime_error(diags.format(texts));
  return build_document(*t, test::baseline_results(), test::baseline_inputs(), std::string(64, 'a'));
}

const std::string& baseline_html() {
  static const std::string html = render_html(baseline_document(), "body { color: black; }\n");
  return html;
}

TEST(HtmlWriter, HasThe37TablesWithCaptionsAndScopedHeaders) {
  Html h(baseline_html());
  ASSERT_NE(h.doc, nullptr);
  auto tables = h.all("//table[@class='report']");
  ASSERT_EQ(tables.size(), 37u);
  auto captions = h.all("//table[@class='report']/caption");
  ASSERT_EQ(captions.size(), 37u);
  EXPECT_EQ(Html::text(captions[9]), "Tabel 10. Input en uitkomsten van rekenmodel casus 1a.");
  for (xmlNodePtr th : h.all("//th"))
    EXPECT_FALSE(Html::attr(th, "scope").empty()) << Html::text(th);
  EXPECT_EQ(h.all("//nav[@class='toc']//li").size(), 39u);
  EXPECT_TRUE(h.all("//script").empty());
  EXPECT_TRUE(h.all("//link").empty());  // nothing fetched: the stylesheet is inline
}

TEST(HtmlWriter, EveryNumberLinksToAnExistingProvenanceEntryWithItsFormula) {
  Html h(baseline_html());
  std::set<std::string> ids;
  for (xmlNodePtr li : h.all("//ol[@class='provenance']/li")) ids.insert(Html::attr(li, "id"));
  auto links = h.all("//table[@class='report']//a[@class='q']");
  int number_runs = 0;
  for (const BuiltTable& t : baseline_document().tables)
    for (const auto* section : {&t.header, &t.body})
      for (const auto& row : *section)
        for (const BuiltCell& c : row)
          for (const BuiltRun& r : c.runs) number_runs += r.is_number;
  EXPECT_EQ(static_cast<int>(links.size()), number_runs);
  EXPECT_GT(number_runs, 379);
  for (xmlNodePtr a : links) {
    std::string href = Html::attr(a, "href");
    ASSERT_EQ(href.rfind("#", 0), 0u);
    EXPECT_TRUE(ids.count(href.substr(1))) << href;
    EXPECT_FALSE(Html::attr(a, "title").empty()) << href;
  }
}

TEST(HtmlWriter, EveryInputEntryNamesASourceAndEveryOperandLinkResolves) {
  Html h(baseline_html());
  std::set<std::string> ids;
  for (xmlNodePtr n : h.all("//*[@id]")) ids.insert(Html::attr(n, "id"));
  int inputs = 0;
  for (xmlNodePtr li : h.all("//ol[@class='provenance']/li")) {
    std::string id = Html::attr(li, "id");
    const Quantity& q = test::baseline_results().at(id.substr(2));
    if (q.is_input) {
      ++inputs;
      std::string text = Html::text(li);
      EXPECT_NE(text.find("bron: "), std::string::npos) << id;
      EXPECT_NE(text.find(test::baseline_inputs().sources.at(q.source).label), std::string::npos) << id;
    }
  }
  EXPECT_EQ(inputs, static_cast<int>(test::baseline_inputs().parameters.size()));
  for (xmlNodePtr a : h.all("//section[@class='appendix']//a")) {
    std::string href = Html::attr(a, "href");
    if (href.rfind("#", 0) == 0) {
      EXPECT_TRUE(ids.count(href.substr(1))) << href;
    }
  }
}

TEST(HtmlWriter, EscapesTextFromInputsAndTemplates) {
  Document doc = baseline_document();
  doc.sources = {Source{"x", "<script>alert(1)</script>", "A & B \"quoted\"", "", {}}};
  doc.tables.resize(1);
  doc.tables[0].caption = "Tabel 1. <b>vet</b>";
  std::string html = render_html(doc, "");
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("A &amp; B &quot;quoted&quot;"), std::string::npos);
  EXPECT_NE(html.find("Tabel 1. &lt;b&gt;vet&lt;/b&gt;"), std::string::npos);
}

}  // namespace
}  // namespace zorgcap
