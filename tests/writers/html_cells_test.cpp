// report.html read back with Python's HTML parser (tests/writers/html_cells.py): a deviating number
// carries its mark, linked to its Verantwoording row, and the report's footnotes stand in their
// cells and under their table, addresses as links. Expected texts are the report's.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "../document/reconciled_document.h"
#include "document/wording.h"
#include "writers/html_writer.h"

namespace zorgcap {
namespace {

using nlohmann::json;

const json& read_back() {
  static const json j = [] {
    test::TempDir dir;
    std::string file = dir.str() + "/report.html";
    test::write_file(file, render_html(test::reconciled_baseline_document(), ""));
    std::string cmd = "python3 " + test::source_dir() + "/tests/writers/html_cells.py " + file;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    std::string out;
    char buf[65536];
    for (std::size_t n; pipe && (n = fread(buf, 1, sizeof buf, pipe.get())) > 0;) out.append(buf, n);
    int rc = pipe ? pclose(pipe.release()) : -1;
    if (rc != 0) throw std::runtime_error("html_cells.py failed (python3 missing?): " + cmd);
    return json::parse(out);
  }();
  return j;
}

std::vector<json> links(const json& node, const std::string& cls) {
  std::vector<json> out;
  for (const json& l : node.at("links"))
    if (l.at("class").get<std::string>() == cls) out.push_back(l);
  return out;
}

TEST(HtmlCells, Table4PaCellShowsTheDeviationMarkLinkedToVerantwoording) {
  const json& c = read_back().at("cells").at("t4/r1/c3");
  EXPECT_EQ(c.at("text").get<std::string>(), std::string("10") + wording::kDeviationMark + "% - 12" + wording::kDeviationMark + "%");
  auto marks = links(c, "afwijking");
  ASSERT_EQ(marks.size(), 2u);
  EXPECT_EQ(marks[0].at("text").get<std::string>(), wording::kDeviationMark);
  EXPECT_EQ(marks[0].at("href").get<std::string>(), "#v-t4.pa.pct_benut.min");
  EXPECT_EQ(marks[1].at("href").get<std::string>(), "#v-t4.pa.pct_benut.max");
  std::vector<std::string> rows = read_back().at("rows").get<std::vector<std::string>>();
  EXPECT_NE(std::find(rows.begin(), rows.end(), "v-t4.pa.pct_benut.min"), rows.end());
  // The VS row beside it is the report's own: no mark.
  EXPECT_TRUE(links(read_back().at("cells").at("t4/r0/c3"), "afwijking").empty());
}

TEST(HtmlCells, Table6CellShowsFootnotes1And2AndTheNotesGiveTheAddresses) {
  const json& c = read_back().at("cells").at("t6/r1/c1");
  EXPECT_EQ(c.at("sups").get<std::vector<std::string>>(), (std::vector<std::string>{"1", "2"}));
  std::string text = c.at("text").get<std::string>();
  EXPECT_NE(text.find("‘Dichterbij dan je denkt’1, wat"), std::string::npos);
  EXPECT_NE(text.find("TAZ-WOZO2 mogelijk"), std::string::npos);
  const json& n1 = read_back().at("notes").at("tabel-6-voetnoot-1");
  EXPECT_EQ(n1.at("sups").get<std::vector<std::string>>(), (std::vector<std::string>{"1"}));
  ASSERT_EQ(n1.at("links").size(), 1u);
  EXPECT_EQ(n1.at("links")[0].at("href").get<std::string>(),
            "https://www.rijksoverheid.nl/documenten/publicaties/2023/06/08/"
            "bijlage-ii-eindrapport-evaluatie-actieplan-dichterbij-dan-je-denkt");
  EXPECT_NE(read_back().at("notes").at("tabel-6-voetnoot-2").at("text").get<std::string>().find("taz-wozo"),
            std::string::npos);
}

TEST(HtmlCells, Tables11And13ShowTheirFootnotesInTheCell) {
  const json& nvt = read_back().at("cells").at("t11/r1/c1");
  EXPECT_EQ(nvt.at("text").get<std::string>(), "n.v.t71");
  EXPECT_EQ(nvt.at("sups").get<std::vector<std::string>>(), (std::vector<std::string>{"71"}));
  EXPECT_NE(read_back().at("notes").at("tabel-11-voetnoot-71").at("text").get<std::string>().find(
                "zaal draait"),
            std::string::npos);
  bool knmg = false;
  for (const auto& [id, cell] : read_back().at("cells").items())
    if (id.rfind("t13/", 0) == 0 && cell.at("sups").get<std::vector<std::string>>() == std::vector<std::string>{"80"})
      knmg = cell.at("text").get<std::string>().find("KNMG (1999)80") != std::string::npos;
  EXPECT_TRUE(knmg);
  EXPECT_TRUE(read_back().at("notes").contains("tabel-13-voetnoot-80"));
}

}  // namespace
}  // namespace zorgcap
