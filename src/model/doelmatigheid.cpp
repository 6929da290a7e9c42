// Chapter 3, efficiency: the euro value of the capacity freed against the cost of the VS/PA or
// assistants needed (docs/MODEL.md "Chapter 3: efficiency"; Tables 26–29).
#include "model/model.h"

namespace zorgcap {
namespace {

struct PriceKeys {
  std::string_view name, laag, hoog, gemiddeld;
};
constexpr PriceKeys kPrijsVsPa{"VS/PA", "kostprijs.vs_pa.laag", "kostprijs.vs_pa.hoog", "doelmatigheid.kostprijs.vs_pa"};
constexpr PriceKeys kPrijsHuisarts{"huisarts", "kostprijs.huisarts.laag", "kostprijs.huisarts.hoog",
                                   "doelmatigheid.kostprijs.huisarts"};
constexpr PriceKeys kPrijsMs{"medisch specialist", "kostprijs.ms.laag", "kostprijs.ms.hoog", "doelmatigheid.kostprijs.ms"};

Value mean_price(Calc& c, const PriceKeys& k) {
  return c.step(k.gemiddeld, Text("Gemiddelde kostprijs per uur ", k.name), Unit::euro_per_uur,
                (c.in(k.laag) + c.in(k.hoog)) / 2);
}

struct SavingKeys {
  std::string_view name, netto_eur, benodigd_eur, besparing_eur;
};
constexpr SavingKeys kHaVs{"huisarts (VS)", "doelmatigheid.huisarts.vs.netto_eur", "doelmatigheid.huisarts.vs.benodigd_eur",
                           "doelmatigheid.huisarts.vs.besparing_eur"};
constexpr SavingKeys kHaPa{"huisarts (PA)", "doelmatigheid.huisarts.pa.netto_eur", "doelmatigheid.huisarts.pa.benodigd_eur",
                           "doelmatigheid.huisarts.pa.besparing_eur"};
constexpr SavingKeys kMsVs{"medisch specialist (VS)", "doelmatigheid.heelkunde.ms.vs.netto_eur",
                           "doelmatigheid.heelkunde.ms.vs.benodigd_eur", "doelmatigheid.heelkunde.ms.vs.besparing_eur"};
constexpr SavingKeys kMsPa{"medisch specialist (PA)", "doelmatigheid.heelkunde.ms.pa.netto_eur",
                           "doelmatigheid.heelkunde.ms.pa.benodigd_eur", "doelmatigheid.heelkunde.ms.pa.besparing_eur"};
constexpr SavingKeys kAniosVs{"anios (VS)", "doelmatigheid.heelkunde.anios.vs.netto_eur",
                              "doelmatigheid.heelkunde.anios.vs.benodigd_eur",
                              "doelmatigheid.heelkunde.anios.vs.besparing_eur"};
constexpr SavingKeys kAniosPa{"anios (PA)", "doelmatigheid.heelkunde.anios.pa.netto_eur",
                              "doelmatigheid.heelkunde.anios.pa.benodigd_eur",
                              "doelmatigheid.heelkunde.anios.pa.besparing_eur"};

// Uurkosten: netto freed hours × the freed professional's price against the hours needed × VS/PA price.
void hours_saving(Calc& c, const SavingKeys& k, Value netto_uren, Value prijs_netto, Value benodigd_uren,
                  Value prijs_vs_pa) {
  Value netto = c.step(k.netto_eur, Text("Waarde vrijgekomen uren ", k.name), Unit::euro, netto_uren * prijs_netto);
  Value benodigd = c.step(k.benodigd_eur, Text("Kosten benodigde uren VS/PA ", k.name), Unit::euro,
                          benodigd_uren * prijs_vs_pa);
  c.step(k.besparing_eur, Text("Besparing ", k.name), Unit::euro, netto - benodigd);
}

struct SalaryKeys {
  std::string_view name, salaris_laag, salaris_hoog, laag, hoog, gemiddeld;
};
constexpr SalaryKeys kVhzVig{"verzorgende IG (VHZ)", "salaris.vhz.vig.laag", "salaris.vhz.vig.hoog",
                             "doelmatigheid.loonkosten.vhz.vig.laag", "doelmatigheid.loonkosten.vhz.vig.hoog",
                             "doelmatigheid.loonkosten.vhz.vig.gemiddeld"};
constexpr SalaryKeys kVhzHelpende{"helpende (VHZ)", "salaris.vhz.helpende.laag", "salaris.vhz.helpende.hoog",
                                  "doelmatigheid.loonkosten.vhz.helpende.laag",
                                  "doelmatigheid.loonkosten.vhz.helpende.hoog",
                                  "doelmatigheid.loonkosten.vhz.helpende.gemiddeld"};
constexpr SalaryKeys kVhzAssistent{"afdelingsassistent (VHZ)", "salaris.vhz.assistent.laag",
                                   "salaris.vhz.assistent.hoog", "doelmatigheid.loonkosten.vhz.assistent.laag",
                                   "doelmatigheid.loonkosten.vhz.assistent.hoog",
                                   "doelmatigheid.loonkosten.vhz.assistent.gemiddeld"};
constexpr SalaryKeys kGhzBegeleider{"begeleider (GHZ)", "salaris.ghz.begeleider.laag", "salaris.ghz.begeleider.hoog",
                                    "doelmatigheid.loonkosten.ghz.begeleider.laag",
                                    "doelmatigheid.loonkosten.ghz.begeleider.hoog",
                                    "doelmatigheid.loonkosten.ghz.begeleider.gemiddeld"};
constexpr SalaryKeys kGhzAssistent{"afdelingsassistent (GHZ)", "salaris.ghz.assistent.laag",
                                   "salaris.ghz.assistent.hoog", "doelmatigheid.loonkosten.ghz.assistent.laag",
                                   "doelmatigheid.loonkosten.ghz.assistent.hoog",
                                   "doelmatigheid.loonkosten.ghz.assistent.gemiddeld"};

// Annual employer cost of a salary scale: bruto × (1 + sociale lasten), and the mean of its ends.
Value annual_cost(Calc& c, const SalaryKeys& k, Value lasten) {
  Value laag = c.step(k.laag, Text("Loonkosten per jaar ", k.name, " (laagste schaal)"), Unit::euro_per_jaar,
                      c.in(k.salaris_laag) * (1 + lasten));
  Value hoog = c.step(k.hoog, Text("Loonkosten per jaar ", k.name, " (hoogste schaal)"), Unit::euro_per_jaar,
                      c.in(k.salaris_hoog) * (1 + lasten));
  return c.step(k.gemiddeld, Text("Gemiddelde loonkosten per jaar ", k.name), Unit::euro_per_jaar, (laag + hoog) / 2);
}

}  // namespace

void doelmatigheid(Calc& c, const HuisartsResults& h, const HeelkundeResults& hk, const JobcarvingResults& j) {
  Value vs_pa = mean_price(c, kPrijsVsPa);
  Value ha = mean_price(c, kPrijsHuisarts);
  Value ms = mean_price(c, kPrijsMs);
  Value anios = c.in("kostprijs.anios");

  // Table 26 (I2: with the chapter-2 need, R₂).
  hours_saving(c, kHaVs, h.vs.netto_uren, ha, h.vs.benodigd_uren, vs_pa);
  hours_saving(c, kHaPa, h.pa.netto_uren, ha, h.pa.benodigd_uren, vs_pa);
  // Table 27.
  hours_saving(c, kMsVs, hk.ms_vs.netto_uren, ms, hk.ms_vs.benodigd_uren, vs_pa);
  hours_saving(c, kMsPa, hk.ms_pa.netto_uren, ms, hk.ms_pa.benodigd_uren, vs_pa);
  hours_saving(c, kAniosVs, hk.anios_vs.netto_uren, anios, hk.anios_vs.benodigd_uren, vs_pa);
  hours_saving(c, kAniosPa, hk.anios_pa.netto_uren, anios, hk.anios_pa.benodigd_uren, vs_pa);

  Value lasten = c.in("salaris.sociale_lasten");
  Value vhz_vig = annual_cost(c, kVhzVig, lasten);
  Value vhz_help = annual_cost(c, kVhzHelpende, lasten);
  Value vhz_ass = annual_cost(c, kVhzAssistent, lasten);
  Value ghz_beg = annual_cost(c, kGhzBegeleider, lasten);
  Value ghz_ass = annual_cost(c, kGhzAssistent, lasten);
  Value ghz_vzg = c.step("doelmatigheid.loonkosten.ghz.verzorgende", "Loonkosten per jaar verzorgende IG (GHZ)",
                         Unit::euro_per_jaar, c.in("salaris.ghz.verzorgende") * (1 + lasten));

  // Table 28 (VHZ).
  Value v1 = c.step("doelmatigheid.vhz.vig.netto_eur", "Waarde vrijgekomen fte verzorgenden IG (VHZ)", Unit::euro,
                    j.vhz_vig_netto_fte * vhz_vig);
  Value v2 = c.step("doelmatigheid.vhz.helpenden.netto_eur", "Waarde vrijgekomen fte helpenden (VHZ)", Unit::euro,
                    j.vhz_helpenden_netto_fte * vhz_help);
  Value va = c.step("doelmatigheid.vhz.assistent_eur", "Kosten benodigde afdelingsassistenten (VHZ)", Unit::euro,
                    j.vhz_benodigd_fte * vhz_ass);
  c.step("doelmatigheid.vhz.besparing_eur", "Besparing jobcarving (VHZ)", Unit::euro, v1 + v2 - va);
  // Table 29 (GHZ).
  Value g1 = c.step("doelmatigheid.ghz.vig.netto_eur", "Waarde vrijgekomen fte verzorgenden IG (GHZ)", Unit::euro,
                    j.ghz_vig_netto_fte * ghz_vzg);
  Value g2 = c.step("doelmatigheid.ghz.begeleiders.netto_eur", "Waarde vrijgekomen fte begeleiders (GHZ)", Unit::euro,
                    j.ghz_begeleiders_netto_fte * ghz_beg);
  Value ga = c.step("doelmatigheid.ghz.assistent_eur", "Kosten benodigde afdelingsassistenten (GHZ)", Unit::euro,
                    j.ghz_benodigd_fte * ghz_ass);
  c.step("doelmatigheid.ghz.besparing_eur", "Besparing jobcarving (GHZ)", Unit::euro, g1 + g2 - ga);
}

}  // namespace zorgcap
