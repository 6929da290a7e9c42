// The appendix tables are built once, in the Document: Verantwoording and Monte Carlo rows ready
// for every writer.
#include "document/appendix_build.h"

#include <gtest/gtest.h>

namespace zorgcap {
namespace {

using Style = AppendixRun::Style;

TEST(AppendixBuild, ReconciliationRowsCarryPlaceValuesStatusAndExplanation) {
  ReconciliationSummary s;
  s.total = 2;
  s.reproduced = 1;
  s.explained = 1;
  s.rows = {{"t10.netto_fte_vs.min", "Tabel 10", "1.917", "1.917", "gereproduceerd", "", "", 12},
            {"t4.pa.pct_benut.min", "Tabel 4", "48%", "10%", "inconsistentie in het rapport", "I5", "Tabel 4/34 deelt …", 40}};
  AppendixTable t = build_reconciliation_table(s);
  EXPECT_EQ(t.anchor, "verantwoording");
  EXPECT_EQ(t.heading, "Verantwoording");
  EXPECT_TRUE(t.landscape);
  EXPECT_EQ(t.summary,
            "Gereproduceerd: 1 van 2; verklaarde afwijkingen (inconsistenties in het rapport): 1; onverklaard: 0; "
            "niet gekoppeld: 0.");
  EXPECT_EQ(t.rows[1].anchor, "v-t4.pa.pct_benut.min");
  ASSERT_EQ(t.columns.size(), 5u);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_FALSE(t.rows[0].highlight);
  EXPECT_TRUE(t.rows[1].highlight);
  const AppendixRow& r = t.rows[1];
  ASSERT_EQ(r.cells.size(), 5u);
  EXPECT_TRUE(r.cells[0].row_header);
  ASSERT_EQ(r.cells[0].runs.size(), 2u);
  EXPECT_EQ(r.cells[0].runs[0].text, "Tabel 4 ");
  EXPECT_EQ(r.cells[0].runs[1].text, "t4.pa.pct_benut.min");
  EXPECT_EQ(r.cells[0].runs[1].style, Style::code);
  EXPECT_EQ(r.cells[1].runs.at(0).text, "48%");
  EXPECT_EQ(r.cells[1].runs.at(0).style, Style::value);
  EXPECT_EQ(r.cells[2].runs.at(0).mark, 40);
  ASSERT_EQ(r.cells[4].runs.size(), 2u);
  EXPECT_EQ(r.cells[4].runs[0].text, "I5");
  EXPECT_EQ(r.cells[4].runs[0].style, Style::label);
  EXPECT_EQ(r.cells[4].runs[1].text, " Tabel 4/34 deelt …");
  EXPECT_TRUE(t.rows[0].cells[4].runs.empty());
}

TEST(AppendixBuild, UncertaintyRowsKeepTheRangeTogether) {
  Uncertainty u;
  u.draws = 2000;
  u.seed = 7;
  u.distribution = "triangular";
  u.rows = {{"huisarts.vs.netto_fte", "Netto fte", "Casus 1a", "fte", 3, "1.917", "3.833", "2.100", "2.800", "3.500", 0, 0, 0}};
  AppendixTable t = build_uncertainty_table(u);
  EXPECT_EQ(t.intro, "2000 trekkingen; elke parameter met een bereik onafhankelijk getrokken (driehoeksverdeling, top in "
                     "het midden), de andere op hun waarde; seed 7.");
  ASSERT_EQ(t.rows.size(), 1u);
  const AppendixRow& r = t.rows[0];
  ASSERT_EQ(r.cells.size(), 6u);
  EXPECT_EQ(r.cells[1].runs.at(0).mark, 3);
  EXPECT_TRUE(r.cells[1].row_header);
  EXPECT_TRUE(r.cells[2].keep_together);
  std::string range;
  for (const AppendixRun& x : r.cells[2].runs) range += x.text;
  EXPECT_EQ(range, "1.917 – 3.833 fte");
  EXPECT_EQ(r.cells[5].runs.at(0).text, "3.500");
}

}  // namespace
}  // namespace zorgcap
