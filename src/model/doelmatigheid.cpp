// Chapter 3, efficiency: the euro value of the capacity freed against the cost of the VS/PA or
// assistants needed (MODEL.md "Chapter 3: efficiency"; Tables 26–29).
#include "model/formulas.h"
#include "model/model.h"

namespace zorgcap {
namespace {

Value mean_price(Calc& c, std::string_view group, std::string_view name) {
  return c.step(Text("doelmatigheid.kostprijs.", group), Text("Gemiddelde kostprijs per uur ", name), Unit::euro_per_uur,
                "({0} + {1}) ÷ 2", f::mean, c.in(Text("kostprijs.", group, ".laag")), c.in(Text("kostprijs.", group, ".hoog")));
}

// Uurkosten: netto freed hours × the freed professional's price against the hours needed × VS/PA price.
void hours_saving(Calc& c, std::string_view pre, std::string_view name, Value netto_uren, Value prijs_netto,
                  Value benodigd_uren, Value prijs_vs_pa) {
  Value netto = c.step(Text(pre, "netto_eur"), Text("Waarde vrijgekomen uren ", name), Unit::euro, "{0} × {1}", f::mul,
                       netto_uren, prijs_netto);
  Value benodigd = c.step(Text(pre, "benodigd_eur"), Text("Kosten benodigde uren VS/PA ", name), Unit::euro,
                          "{0} × {1}", f::mul, benodigd_uren, prijs_vs_pa);
  c.step(Text(pre, "besparing_eur"), Text("Besparing ", name), Unit::euro, "{0} − {1}", f::sub, netto, benodigd);
}

struct AnnualCost {
  Value gemiddeld;
};

// Annual employer cost of a salary scale: bruto × (1 + sociale lasten), and the mean of its ends.
AnnualCost annual_cost(Calc& c, std::string_view group, std::string_view name, Value lasten) {
  auto cost = [&](std::string_view end, std::string_view which) {
    return c.step(Text("doelmatigheid.loonkosten.", group, ".", end), Text("Loonkosten per jaar ", name, which),
                  Unit::euro_per_jaar, "{0} × (1 + {1})", [](double s, double l) { return s * (1 + l); },
                  c.in(Text("salaris.", group, ".", end)), lasten);
  };
  Value laag = cost("laag", " (laagste schaal)");
  Value hoog = cost("hoog", " (hoogste schaal)");
  return {c.step(Text("doelmatigheid.loonkosten.", group, ".gemiddeld"), Text("Gemiddelde loonkosten per jaar ", name),
                 Unit::euro_per_jaar,
                 "({0} + {1}) ÷ 2", f::mean, laag, hoog)};
}

Value fte_cost(Calc& c, Text key, Text label, Value fte, Value per_jaar) {
  return c.step(key, label, Unit::euro, "{0} × {1}", f::mul, fte, per_jaar);
}

}  // namespace

void doelmatigheid(Calc& c, const HuisartsResults& h, const HeelkundeResults& hk, const JobcarvingResults& j) {
  Value vs_pa = mean_price(c, "vs_pa", "VS/PA");
  Value ha = mean_price(c, "huisarts", "huisarts");
  Value ms = mean_price(c, "ms", "medisch specialist");
  Value anios = c.in("kostprijs.anios");

  // Table 26 (I2: with the chapter-2 need, R₂).
  hours_saving(c, "doelmatigheid.huisarts.vs.", "huisarts (VS)", h.vs.netto_uren, ha, h.vs.benodigd_uren, vs_pa);
  hours_saving(c, "doelmatigheid.huisarts.pa.", "huisarts (PA)", h.pa.netto_uren, ha, h.pa.benodigd_uren, vs_pa);
  // Table 27.
  hours_saving(c, "doelmatigheid.heelkunde.ms.vs.", "medisch specialist (VS)", hk.ms_vs.netto_uren, ms,
               hk.ms_vs.benodigd_uren, vs_pa);
  hours_saving(c, "doelmatigheid.heelkunde.ms.pa.", "medisch specialist (PA)", hk.ms_pa.netto_uren, ms,
               hk.ms_pa.benodigd_uren, vs_pa);
  hours_saving(c, "doelmatigheid.heelkunde.anios.vs.", "anios (VS)", hk.anios_vs.netto_uren, anios,
               hk.anios_vs.benodigd_uren, vs_pa);
  hours_saving(c, "doelmatigheid.heelkunde.anios.pa.", "anios (PA)", hk.anios_pa.netto_uren, anios,
               hk.anios_pa.benodigd_uren, vs_pa);

  Value lasten = c.in("salaris.sociale_lasten");
  AnnualCost vhz_vig = annual_cost(c, "vhz.vig", "verzorgende IG (VHZ)", lasten);
  AnnualCost vhz_help = annual_cost(c, "vhz.helpende", "helpende (VHZ)", lasten);
  AnnualCost vhz_ass = annual_cost(c, "vhz.assistent", "afdelingsassistent (VHZ)", lasten);
  AnnualCost ghz_beg = annual_cost(c, "ghz.begeleider", "begeleider (GHZ)", lasten);
  AnnualCost ghz_ass = annual_cost(c, "ghz.assistent", "afdelingsassistent (GHZ)", lasten);
  Value ghz_vzg = c.step("doelmatigheid.loonkosten.ghz.verzorgende", "Loonkosten per jaar verzorgende IG (GHZ)",
                         Unit::euro_per_jaar, "{0} × (1 + {1})", [](double s, double l) { return s * (1 + l); },
                         c.in("salaris.ghz.verzorgende"), lasten);

  // Table 28 (VHZ).
  Value v1 = fte_cost(c, "doelmatigheid.vhz.vig.netto_eur", "Waarde vrijgekomen fte verzorgenden IG (VHZ)",
                      j.vhz_vig_netto_fte, vhz_vig.gemiddeld);
  Value v2 = fte_cost(c, "doelmatigheid.vhz.helpenden.netto_eur", "Waarde vrijgekomen fte helpenden (VHZ)",
                      j.vhz_helpenden_netto_fte, vhz_help.gemiddeld);
  Value va = fte_cost(c, "doelmatigheid.vhz.assistent_eur", "Kosten benodigde afdelingsassistenten (VHZ)",
                      j.vhz_benodigd_fte, vhz_ass.gemiddeld);
  c.step("doelmatigheid.vhz.besparing_eur", "Besparing jobcarving (VHZ)", Unit::euro, "{0} + {1} − {2}",
         [](double a, double b, double x) { return a + b - x; }, v1, v2, va);
  // Table 29 (GHZ).
  Value g1 = fte_cost(c, "doelmatigheid.ghz.vig.netto_eur", "Waarde vrijgekomen fte verzorgenden IG (GHZ)",
                      j.ghz_vig_netto_fte, ghz_vzg);
  Value g2 = fte_cost(c, "doelmatigheid.ghz.begeleiders.netto_eur", "Waarde vrijgekomen fte begeleiders (GHZ)",
                      j.ghz_begeleiders_netto_fte, ghz_beg.gemiddeld);
  Value ga = fte_cost(c, "doelmatigheid.ghz.assistent_eur", "Kosten benodigde afdelingsassistenten (GHZ)",
                      j.ghz_benodigd_fte, ghz_ass.gemiddeld);
  c.step("doelmatigheid.ghz.besparing_eur", "Besparing jobcarving (GHZ)", Unit::euro, "{0} + {1} − {2}",
         [](double a, double b, double x) { return a + b - x; }, g1, g2, ga);
}

}  // namespace zorgcap
