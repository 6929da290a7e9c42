// Chapter 4: how much of the potential is used today and in ten years (MODEL.md "Chapter 4";
// Tables 2, 4, 30, 32–35, §4.3.1).
#include "core/rounding.h"
#include "model/formulas.h"
#include "model/model.h"

namespace zorgcap {
namespace {

// Eerste lijn, one profession: today's use of the need, and the ten-year projection of Table 32.
// `pre` is the key prefix ("benutting.vs."), `suf` the label suffix (" (VS)").
void eerste_lijn(Calc& c, std::string_view p, std::string_view pre, std::string_view suf, const HuisartsProfession& need) {
  auto input = [&](std::string_view what) { return c.in(Text("eerste_lijn.", p, ".", what)); };
  Value aantal = input("aantal"), fte = input("fte"), instroom = input("instroom_per_jaar");
  Value uitstroom = input("uitstroom_10jr");
  Value jaren = c.in("projectie.jaren"), factor = c.in("projectie.instroom_factor_beleid");

  Value benut = c.step(Text(pre, "benut_aandeel"), Text("Percentage van de potentie benut (nu)", suf), Unit::aandeel,
                       "{0} ÷ {1}", f::div, fte, need.benodigd_fte);
  c.step(Text(pre, "erbij_nodig_aandeel"), Text("Percentage dat er nog bij moet komen", suf), Unit::aandeel,
         "1 − {0}", f::complement, benut);
  // I3b: each profession's own part-time ratio.
  Value deeltijd = c.step(Text(pre, "fte_per_persoon"), Text("Fte per persoon in de eerste lijn", suf),
                          Unit::fte_per_persoon, "{0} ÷ {1}", f::div, fte, aantal);
  auto projection = [&](std::string_view tag, std::string_view what, Value instroom_aantal) {
    Value instroom_fte = c.step(Text(pre, tag, "instroom_fte"), Text("Instroom in fte", what, suf), Unit::fte,
                                "{0} × {1}", f::mul, instroom_aantal, deeltijd);
    // I3: outflow 29 % (VS) and 25 % (PA), as the text says.
    Value tien_aantal = c.step(Text(pre, tag, "tienjaar_aantal"), Text("Aantal over tien jaar", what, suf),
                               Unit::personen, "({0} + {1}) × (1 − {2})",
                               [](double n, double i, double u) { return (n + i) * (1 - u); }, aantal, instroom_aantal,
                               uitstroom);
    Value tien_fte = c.step(Text(pre, tag, "tienjaar_fte"), Text("Fte over tien jaar", what, suf), Unit::fte,
                            "({0} + {1}) × (1 − {2})", [](double n, double i, double u) { return (n + i) * (1 - u); },
                            fte, instroom_fte, uitstroom);
    c.step(Text(pre, tag, "tienjaar_benut_aandeel"), Text("Percentage van de potentie benut over tien jaar", what, suf),
           Unit::aandeel, "{0} ÷ {1}", f::div, tien_fte, need.benodigd_fte);
    (void)tien_aantal;
  };
  Value instroom_aantal = c.step(Text(pre, "instroom_aantal"), Text("Instroom in tien jaar (aantal)", suf),
                                 Unit::personen, "{0} × {1}", f::mul, instroom, jaren);
  projection("", "", instroom_aantal);
  Value dubbel = c.step(Text(pre, "verdubbeling_instroom_aantal"),
                        Text("Instroom in tien jaar bij verdubbeling (aantal)", suf), Unit::personen, "{0} × {1}",
                        f::mul, instroom_aantal, factor);
  projection("verdubbeling_", " bij verdubbeling instroom", dubbel);
}

// Heelkunde: current fte over the rounded needs of MS and anios work (Tables 4, 34; I5: each
// profession with its own need).
void heelkunde(Calc& c, std::string_view p, std::string_view name, const HeelkundeProfession& ms,
               const HeelkundeProfession& anios) {
  Value totaal = c.step(Text("benutting.heelkunde.", p, ".benodigd_fte"), Text("Benodigd aantal fte in de heelkunde (MS + anios) (", name, ")"),
                        Unit::fte, "⌊{0}⌉ + ⌊{1}⌉ (afgerond)",
                        [](double a, double b) { return round_half_up(a, 0) + round_half_up(b, 0); }, ms.benodigd_fte,
                        anios.benodigd_fte);
  c.step(Text("benutting.heelkunde.", p, ".benut_aandeel"), Text("Percentage van de potentie benut in de heelkunde (", name, ")"),
         Unit::aandeel, "{0} ÷ {1}", f::div, c.in(Text("heelkunde.", p, ".huidig_fte")), totaal);
}

}  // namespace

void benutting(Calc& c, const HuisartsResults& h, const HeelkundeResults& hk, const JobcarvingResults& j) {
  eerste_lijn(c, "vs", "benutting.vs.", " (VS)", h.vs);
  eerste_lijn(c, "pa", "benutting.pa.", " (PA)", h.pa);
  heelkunde(c, "vs", "VS", hk.ms_vs, hk.anios_vs);
  heelkunde(c, "pa", "PA", hk.ms_pa, hk.anios_pa);

  Value ghz_nu = c.step("benutting.ghz.assistent_fte", "Huidig aantal fte afdelingsassistent (GHZ)", Unit::fte,
                        "{0} × {1} × {2}", f::mul3, c.in("ghz.aandeel_assistenten"), c.in("ghz.fte_per_instelling"),
                        c.in("ghz.aantal_instellingen"));
  // I10: the share already realised (the report prints its complement).
  c.step("benutting.ghz.benut_aandeel", "Percentage van de potentie benut (GHZ)", Unit::aandeel, "{0} ÷ {1}", f::div,
         ghz_nu, j.ghz_benodigd_fte);
  c.step("benutting.vhz.benut_aandeel", "Fte niveau 1 als percentage van de benodigde afdelingsassistenten (VHZ)",
         Unit::aandeel, "{0} ÷ {1}", f::div, c.in("vhz.fte_niveau1"), j.vhz_benodigd_fte);
}

}  // namespace zorgcap
