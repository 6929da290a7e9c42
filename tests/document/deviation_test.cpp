// Deviations visible at the cell and in Herkomst, the report's footnotes in their cells, and
// Herkomst entries a reader can recompute. Expected values come from the report (published.yaml,
// errata.yaml, docs/MODEL.md) and from hand computations written out beside them.
#include <gtest/gtest.h>

#include <regex>

#include "core/number_format.h"
#include "document/wording.h"
#include "reconciled_document.h"

namespace zorgcap {
namespace {

const Document& doc() { return test::reconciled_baseline_document(); }

const BuiltCell& body_cell(int table, std::size_t row, std::size_t index) {
  return doc().tables.at(static_cast<std::size_t>(table - 1)).body.at(row).at(index);
}

std::vector<BuiltNumber> numbers_of(const BuiltCell& c) {
  std::vector<BuiltNumber> out;
  for (const BuiltRun& r : c.runs)
    if (r.is_number) out.push_back(r.number);
  return out;
}

const ProvenanceDeviation* deviation(const ProvenanceEntry& e, const std::string& id) {
  for (const ProvenanceDeviation& d : e.deviations)
    if (d.comparison.id == id) return &d;
  return nullptr;
}

// "12.450,03" → 12450.03
double parse_nl(std::string s) {
  std::string out;
  for (char c : s)
    if (c == ',') out += '.';
    else if (c != '.') out += c;
  return std::stod(out);
}

TEST(Deviation, Table4PaShareCarriesPrintedValueZorgcapValueKindAndReason) {
  // Tabel 4 prints "48% - 65%" for the PA; with the PA's own need zorgcap gives 100/(29+999) = 9,7%
  // → 10% and 100/(15+820) = 12,0% → 12% (I5, an error of the report).
  const BuiltCell& c = body_cell(4, 1, 3);
  ASSERT_EQ(c.text, "10% - 12%");
  auto n = numbers_of(c);
  ASSERT_EQ(n.size(), 2u);
  ASSERT_TRUE(n[0].deviates() && n[1].deviates());
  EXPECT_EQ(n[0].printed->printed, "48%");
  EXPECT_EQ(n[0].printed->computed, "10%");
  EXPECT_EQ(n[1].printed->printed, "65%");
  EXPECT_EQ(n[1].printed->computed, "12%");
  for (const BuiltNumber& x : n) {
    EXPECT_EQ(x.printed->kind, "fout in het rapport");
    EXPECT_EQ(x.printed->reason.rfind("Tabel 4/34 deelt voor de PA door de behoefte van de anios-VS", 0), 0u)
        << x.printed->reason;
    EXPECT_EQ(x.printed->anchor, "v-" + x.printed->id);
    // The note the XLSX and LaTeX print beside the cell says the same, in one sentence.
    EXPECT_EQ(x.printed->note, "Wijkt af van het rapport: het rapport drukt " + x.printed->printed + ", zorgcap " +
                                   x.printed->computed + ". Fout in het rapport (I5): " + x.printed->reason);
  }
  // The mark links to a row of Verantwoording that exists and is that printed number's.
  ASSERT_TRUE(doc().reconciliation_table);
  bool found = false;
  for (const AppendixRow& r : doc().reconciliation_table->rows)
    if (r.anchor == "v-t4.pa.pct_benut.min") {
      found = true;
      EXPECT_EQ(r.cells.at(1).runs.at(0).text, "48%");
      EXPECT_EQ(r.cells.at(2).runs.at(0).text, "10%");
      EXPECT_EQ(r.cells.at(3).runs.at(0).text, "fout in het rapport");
    }
  EXPECT_TRUE(found);
}

TEST(Deviation, TheHerkomstEntrySaysTheSame) {
  const ProvenanceEntry& e = test::provenance_of(doc(), "benutting.heelkunde.pa.benut_aandeel");
  const ProvenanceDeviation* d = deviation(e, "t4.pa.pct_benut.min");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where, "Tabel 4");
  EXPECT_EQ(d->text.rfind("Tabel 4: het rapport drukt 48% af, zorgcap 10% (fout in het rapport, I5). Tabel 4/34 deelt", 0), 0u)
      << d->text;
  EXPECT_NE(deviation(e, "t4.pa.pct_benut.max"), nullptr);
  // A reproduced number is not listed: the VS share of Tabel 4 (58% - 82%) is the report's.
  EXPECT_TRUE(test::provenance_of(doc(), "benutting.heelkunde.vs.benut_aandeel").deviations.empty());
}

TEST(Deviation, I6IsTheReportRoundingItsOwnInputsNotAnError) {
  // MODEL.md I6: the anios-PA need is 820 at the stated 925 fte, 821 at the report's unrounded base.
  const ProvenanceEntry& e = test::provenance_of(doc(), "heelkunde.anios.pa.benodigd_fte");
  const ProvenanceDeviation* d = deviation(e, "t4.pa.benodigd_anios_fte.min");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->comparison.printed, "821");
  EXPECT_EQ(d->comparison.computed, "820");
  EXPECT_EQ(d->comparison.kind, "afronding van eigen invoer");
  EXPECT_EQ(d->comparison.erratum, "I6");
}

TEST(Deviation, Table29PrintsTwoDecimalsAndNamesEachSlipsKind) {
  // published.yaml: the report prints "€ 711,06 - € 1.422,129 miljoen"; the consistent values are
  // 711,07 and 1.422,13 (I9), printed with the two decimals of every amount in millions.
  EXPECT_EQ(body_cell(29, 1, 2).text, "€ 711,07 – € 1.422,13 miljoen");
  auto n = numbers_of(body_cell(29, 1, 2));
  ASSERT_EQ(n.size(), 2u);
  ASSERT_TRUE(n[0].deviates() && n[1].deviates());
  EXPECT_EQ(n[0].printed->kind, "rekenen met afgeronde tussenwaarde");
  EXPECT_EQ(n[1].printed->printed, "1.422,129");
  EXPECT_EQ(n[1].printed->computed, "1.422,13");
  EXPECT_EQ(n[1].printed->kind, "typografische fout");
  // 1.384,31 fte × € 47.674,90 = € 65,997 miljoen: the printed 65,99 is cut off, not rounded.
  auto vig = numbers_of(body_cell(29, 0, 2));
  ASSERT_EQ(vig.size(), 2u);
  ASSERT_TRUE(vig[1].deviates());
  EXPECT_EQ(vig[1].printed->computed, "66,00");
  EXPECT_EQ(vig[1].printed->kind, "afrondingsfout");
}

TEST(Deviation, EveryDeviatingNumberHasAKindAndAVerantwoordingRow) {
  std::set<std::string> anchors;
  for (const AppendixRow& r : doc().reconciliation_table->rows) anchors.insert(r.anchor);
  std::set<std::string> kinds(erratum_kinds().begin(), erratum_kinds().end());
  int deviating = 0;
  for (const BuiltTable& t : doc().tables)
    for (const auto& row : t.body)
      for (const BuiltCell& c : row)
        for (const BuiltNumber& n : numbers_of(c)) {
          if (!n.deviates()) continue;
          ++deviating;
          EXPECT_EQ(kinds.count(n.printed->kind), 1u) << c.id << " " << n.printed->kind;
          EXPECT_FALSE(n.printed->reason.empty()) << c.id;
          EXPECT_EQ(anchors.count(n.printed->anchor), 1u) << c.id << " " << n.printed->anchor;
        }
  EXPECT_GT(deviating, 0);
}

TEST(Herkomst, ValuesNameTheScenarioAndSayWhenTheSmallerBelongsToTheMaximum) {
  // 100 fte ÷ (15 + 820) fte = 11,976% and 100 ÷ (29 + 999) = 9,728%.
  const ProvenanceEntry& e = test::provenance_of(doc(), "benutting.heelkunde.pa.benut_aandeel");
  EXPECT_EQ(e.value_text, std::string("11,98% (minimumscenario) – 9,73% (maximumscenario); ") + wording::kSmallerInMax);
  ASSERT_EQ(e.recompute.size(), 2u);
  EXPECT_EQ(e.recompute[0].scenario, "minimumscenario");
  EXPECT_EQ(e.recompute[0].text, "minimumscenario: = 100 fte ÷ 835 fte = 11,98%");
  EXPECT_EQ(e.recompute[1].text, "maximumscenario: = 100 fte ÷ 1.028 fte = 9,73%");
  // The operand pieces point at the operands and hold their values.
  int operands = 0;
  for (const FormulaPiece& p : e.recompute[1].pieces)
    if (p.operand >= 0) ++operands;
  EXPECT_EQ(operands, 2);
}

TEST(Herkomst, TheNetShareOfGpWorkCanBeRecomputed) {
  // 9.842 fte × 80% × 25% = 1.968,4 fte taken over; overleg 1.968,4 × 1 × 46 ÷ 1.748 = 51,8 fte;
  // net 1.916,6 fte, and 1.916,6 ÷ 9.842 = 19,47%.
  const ProvenanceEntry& e = test::provenance_of(doc(), "huisarts.vs.netto_aandeel");
  ASSERT_EQ(e.recompute.size(), 2u);
  EXPECT_EQ(e.recompute[0].text, "minimumscenario: = 1.916,60 fte ÷ 9.842 fte = 19,47%");
}

TEST(Herkomst, UnroundedSalariesGiveThePrintedMillions) {
  // Tabel 29: netto fte begeleiders × mean annual cost = € 711,07 miljoen (the consistent value of I9).
  const ProvenanceEntry& e = test::provenance_of(doc(), "doelmatigheid.ghz.begeleiders.netto_eur");
  ASSERT_EQ(e.recompute.size(), 2u);
  std::vector<double> values;
  for (const FormulaPiece& p : e.recompute[0].pieces) {
    if (p.operand < 0) continue;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(p.text, m, std::regex(R"([\d.]+(,\d+)?)"))) << p.text;
    values.push_back(parse_nl(m.str()));
  }
  ASSERT_EQ(values.size(), 2u);
  // (36.673 + 51.194) ÷ 2 × 1,3 = € 57.113,55 per year, not rounded to whole euros.
  EXPECT_NE(e.recompute[0].text.find("€ 57.113,55 per jaar"), std::string::npos) << e.recompute[0].text;
  EXPECT_EQ(format_nl(values[0] * values[1] / 1e6, 2), "711,07") << e.recompute[0].text;
}

TEST(Herkomst, OneEntryUsesTheSameDecimalsForBothScenarios) {
  static const std::regex number(R"((\d[\d.]*)(,(\d+))?)");
  for (const ProvenanceEntry& e : doc().provenance) {
    if (e.min == e.max) continue;
    std::string text = e.value_text.substr(0, e.value_text.find(';'));
    std::vector<std::size_t> decimals;
    for (std::sregex_iterator it(text.begin(), text.end(), number), end; it != end; ++it)
      decimals.push_back((*it)[3].length());
    ASSERT_EQ(decimals.size(), 2u) << e.key << ": " << e.value_text;
    EXPECT_EQ(decimals[0], decimals[1]) << e.key << ": " << e.value_text;
  }
  // The report's share of other tasks "12,50% – 16%" reads 12,50% – 16,00% now.
}

TEST(Footnotes, Table6MarksBothFootnotesInTheirCellWithAnchors) {
  const BuiltCell& c = body_cell(6, 1, 1);
  ASSERT_EQ(c.footnotes.size(), 2u);
  EXPECT_EQ(c.footnotes[0].number, 1);
  EXPECT_EQ(c.footnotes[0].anchor, "tabel-6-voetnoot-1");
  EXPECT_EQ(c.footnotes[1].anchor, "tabel-6-voetnoot-2");
  // The markers stand after "‘Dichterbij dan je denkt’" and "TAZ-WOZO": the runs before them end so.
  for (const CellFootnote& f : c.footnotes) {
    ASSERT_GT(f.before_run, 0u);
    ASSERT_LE(f.before_run, c.runs.size());
  }
  const std::string& a = c.runs[c.footnotes[0].before_run - 1].text;
  const std::string& b = c.runs[c.footnotes[1].before_run - 1].text;
  EXPECT_EQ(a.substr(a.size() - std::string("denkt’").size()), "denkt’");
  EXPECT_EQ(b.substr(b.size() - 8), "TAZ-WOZO");
  EXPECT_EQ(c.footnotes[0].url,
            "https://www.rijksoverheid.nl/documenten/publicaties/2023/06/08/"
            "bijlage-ii-eindrapport-evaluatie-actieplan-dichterbij-dan-je-denkt");
}

TEST(Footnotes, Tables11And13MarkTheirFootnoteAtTheEndOfTheText) {
  const BuiltCell& nvt = body_cell(11, 1, 1);  // "n.v.t⁷¹" (Kliniek, medisch specialist)
  ASSERT_EQ(nvt.footnotes.size(), 1u);
  EXPECT_EQ(nvt.footnotes[0].number, 71);
  EXPECT_EQ(nvt.footnotes[0].before_run, nvt.runs.size());
  EXPECT_EQ(nvt.text, "n.v.t");
}

}  // namespace
}  // namespace zorgcap
