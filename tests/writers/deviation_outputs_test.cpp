// Markdown and tables.json of the reconciled baseline: a deviating number carries its mark and
// link to Verantwoording, with the printed value, zorgcap's value and the kind; the report's
// footnotes are in their cells and under their table. Expected texts are the report's.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../document/reconciled_document.h"
#include "writers/markdown_writer.h"
#include "writers/tables_json.h"

namespace zorgcap {
namespace {

using nlohmann::json;

const std::string& markdown() {
  static const std::string md = render_markdown(test::reconciled_baseline_document());
  return md;
}

TEST(DeviationOutputs, MarkdownMarksTable4AndHasTheVerantwoordingRowItLinksTo) {
  const std::string& md = markdown();
  EXPECT_NE(md.find("</sup><sup>[≠](#v-t4.pa.pct_benut.min)</sup>% - 12"), std::string::npos);
  std::size_t row = md.find("| <a id=\"v-t4.pa.pct_benut.min\"></a>Tabel 4 `t4.pa.pct_benut.min` | 48% | 10%");
  ASSERT_NE(row, std::string::npos);
  EXPECT_NE(md.find("| fout in het rapport | **I5** Tabel 4/34 deelt", row), std::string::npos);
}

TEST(DeviationOutputs, MarkdownShowsTheFootnotesInTheCellsAndUnderTheTables) {
  const std::string& md = markdown();
  EXPECT_NE(md.find("‘Dichterbij dan je denkt’<sup>[voetnoot 1](#tabel-6-voetnoot-1)</sup>, wat"), std::string::npos);
  EXPECT_NE(md.find("TAZ-WOZO<sup>[voetnoot 2](#tabel-6-voetnoot-2)</sup> mogelijk"), std::string::npos);
  EXPECT_NE(md.find("n.v.t<sup>[voetnoot 71](#tabel-11-voetnoot-71)</sup>"), std::string::npos);
  EXPECT_NE(md.find("KNMG (1999)<sup>[voetnoot 80](#tabel-13-voetnoot-80)</sup>"), std::string::npos);
  EXPECT_NE(md.find("<a id=\"tabel-6-voetnoot-1\"></a><sup>1</sup> <https://www.rijksoverheid.nl/documenten/publicaties/"
                    "2023/06/08/bijlage-ii-eindrapport-evaluatie-actieplan-dichterbij-dan-je-denkt>."),
            std::string::npos);
}

TEST(DeviationOutputs, TablesJsonListsTheDeviationsOfACell) {
  json j = json::parse(render_tables_json(test::reconciled_baseline_document()));
  const json& cell = j.at("tables").at(3).at("rows").at(1).at(3);  // Tabel 4, PA, "10% - 12%"
  ASSERT_TRUE(cell.contains("deviations"));
  const json& d = cell.at("deviations");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].at("printed"), "48%");
  EXPECT_EQ(d[0].at("zorgcap"), "10%");
  EXPECT_EQ(d[0].at("kind"), "fout in het rapport");
  EXPECT_EQ(d[0].at("erratum"), "I5");
  EXPECT_EQ(d[0].at("verantwoording"), "v-t4.pa.pct_benut.min");
  EXPECT_EQ(d[1].at("printed"), "65%");
  // Tabel 29's "1.422,129" is a typographic slip; zorgcap prints 1.422,13.
  const json& t29 = j.at("tables").at(28).at("rows").at(1).at(2);
  EXPECT_EQ(t29.at("text"), "€ 711,07 – € 1.422,13 miljoen");
  EXPECT_EQ(t29.at("deviations").at(1).at("kind"), "typografische fout");
  // A reproduced cell has none: the VS row of Tabel 4.
  EXPECT_FALSE(j.at("tables").at(3).at("rows").at(0).at(3).contains("deviations"));
}

}  // namespace
}  // namespace zorgcap
