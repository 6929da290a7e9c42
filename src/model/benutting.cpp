// Chapter 4: how much of the potential is used today and in ten years (docs/MODEL.md "Chapter 4";
// Tables 2, 4, 30, 32–35, §4.3.1).
#include "model/model.h"

namespace zorgcap {
namespace {

// The ten-year projection of one instroom (Table 32): the keys it makes.
struct ProjectionKeys {
  std::string_view what;  // "" or " bij verdubbeling instroom", in labels
  std::string_view instroom_fte, tienjaar_aantal, tienjaar_fte, tienjaar_benut_aandeel;
};

struct EersteLijnKeys {
  std::string_view suffix;  // " (VS)", in labels
  std::string_view aantal, fte, instroom_per_jaar, uitstroom_10jr;
  std::string_view benut_aandeel, erbij_nodig_aandeel, fte_per_persoon, instroom_aantal, verdubbeling_instroom_aantal;
  ProjectionKeys nu, verdubbeling;
};

constexpr EersteLijnKeys kVs{
    .suffix = " (VS)",
    .aantal = "eerste_lijn.vs.aantal",
    .fte = "eerste_lijn.vs.fte",
    .instroom_per_jaar = "eerste_lijn.vs.instroom_per_jaar",
    .uitstroom_10jr = "eerste_lijn.vs.uitstroom_10jr",
    .benut_aandeel = "benutting.vs.benut_aandeel",
    .erbij_nodig_aandeel = "benutting.vs.erbij_nodig_aandeel",
    .fte_per_persoon = "benutting.vs.fte_per_persoon",
    .instroom_aantal = "benutting.vs.instroom_aantal",
    .verdubbeling_instroom_aantal = "benutting.vs.verdubbeling_instroom_aantal",
    .nu = {"", "benutting.vs.instroom_fte", "benutting.vs.tienjaar_aantal", "benutting.vs.tienjaar_fte",
           "benutting.vs.tienjaar_benut_aandeel"},
    .verdubbeling = {" bij verdubbeling instroom", "benutting.vs.verdubbeling_instroom_fte",
                     "benutting.vs.verdubbeling_tienjaar_aantal", "benutting.vs.verdubbeling_tienjaar_fte",
                     "benutting.vs.verdubbeling_tienjaar_benut_aandeel"},
};
constexpr EersteLijnKeys kPa{
    .suffix = " (PA)",
    .aantal = "eerste_lijn.pa.aantal",
    .fte = "eerste_lijn.pa.fte",
    .instroom_per_jaar = "eerste_lijn.pa.instroom_per_jaar",
    .uitstroom_10jr = "eerste_lijn.pa.uitstroom_10jr",
    .benut_aandeel = "benutting.pa.benut_aandeel",
    .erbij_nodig_aandeel = "benutting.pa.erbij_nodig_aandeel",
    .fte_per_persoon = "benutting.pa.fte_per_persoon",
    .instroom_aantal = "benutting.pa.instroom_aantal",
    .verdubbeling_instroom_aantal = "benutting.pa.verdubbeling_instroom_aantal",
    .nu = {"", "benutting.pa.instroom_fte", "benutting.pa.tienjaar_aantal", "benutting.pa.tienjaar_fte",
           "benutting.pa.tienjaar_benut_aandeel"},
    .verdubbeling = {" bij verdubbeling instroom", "benutting.pa.verdubbeling_instroom_fte",
                     "benutting.pa.verdubbeling_tienjaar_aantal", "benutting.pa.verdubbeling_tienjaar_fte",
                     "benutting.pa.verdubbeling_tienjaar_benut_aandeel"},
};

// Eerste lijn, one profession: today's use of the need, and the ten-year projection of Table 32.
void eerste_lijn(Calc& c, const EersteLijnKeys& k, const HuisartsProfession& need) {
  const std::string_view suf = k.suffix;
  Value aantal = c.in(k.aantal), fte = c.in(k.fte), instroom = c.in(k.instroom_per_jaar);
  Value uitstroom = c.in(k.uitstroom_10jr);
  Value jaren = c.in("projectie.jaren"), factor = c.in("projectie.instroom_factor_beleid");

  Value benut = c.step(k.benut_aandeel, Text("Percentage van de potentie benut (nu)", suf), Unit::aandeel,
                       fte / need.benodigd_fte);
  c.step(k.erbij_nodig_aandeel, Text("Percentage dat er nog bij moet komen", suf), Unit::aandeel, 1 - benut);
  // I3b: each profession's own part-time ratio.
  Value deeltijd = c.step(k.fte_per_persoon, Text("Fte per persoon in de eerste lijn", suf), Unit::fte_per_persoon,
                          fte / aantal);
  auto projection = [&](const ProjectionKeys& p, Value instroom_aantal) {
    Value instroom_fte = c.step(p.instroom_fte, Text("Instroom in fte", p.what, suf), Unit::fte,
                                instroom_aantal * deeltijd);
    // I3: outflow 29 % (VS) and 25 % (PA), as the text says.
    c.step(p.tienjaar_aantal, Text("Aantal over tien jaar", p.what, suf), Unit::personen,
           (aantal + instroom_aantal) * (1 - uitstroom));
    Value tien_fte = c.step(p.tienjaar_fte, Text("Fte over tien jaar", p.what, suf), Unit::fte,
                            (fte + instroom_fte) * (1 - uitstroom));
    c.step(p.tienjaar_benut_aandeel, Text("Percentage van de potentie benut over tien jaar", p.what, suf),
           Unit::aandeel, tien_fte / need.benodigd_fte);
  };
  Value instroom_aantal = c.step(k.instroom_aantal, Text("Instroom in tien jaar (aantal)", suf), Unit::personen,
                                 instroom * jaren);
  projection(k.nu, instroom_aantal);
  Value dubbel = c.step(k.verdubbeling_instroom_aantal, Text("Instroom in tien jaar bij verdubbeling (aantal)", suf),
                        Unit::personen, instroom_aantal * factor);
  projection(k.verdubbeling, dubbel);
}

struct HeelkundeKeys {
  std::string_view name, huidig_fte, benodigd_fte, benut_aandeel;
};
constexpr HeelkundeKeys kHeelkundeVs{"VS", "heelkunde.vs.huidig_fte", "benutting.heelkunde.vs.benodigd_fte",
                                     "benutting.heelkunde.vs.benut_aandeel"};
constexpr HeelkundeKeys kHeelkundePa{"PA", "heelkunde.pa.huidig_fte", "benutting.heelkunde.pa.benodigd_fte",
                                     "benutting.heelkunde.pa.benut_aandeel"};

// Heelkunde: current fte over the rounded needs of MS and anios work (Tables 4, 34; I5: each
// profession with its own need).
void heelkunde(Calc& c, const HeelkundeKeys& k, const HeelkundeProfession& ms, const HeelkundeProfession& anios) {
  Value totaal = c.step(k.benodigd_fte, Text("Benodigd aantal fte in de heelkunde (MS + anios) (", k.name, ")"),
                        Unit::fte, round(ms.benodigd_fte, 0) + round(anios.benodigd_fte, 0));
  c.step(k.benut_aandeel, Text("Percentage van de potentie benut in de heelkunde (", k.name, ")"), Unit::aandeel,
         c.in(k.huidig_fte) / totaal);
}

}  // namespace

void benutting(Calc& c, const HuisartsResults& h, const HeelkundeResults& hk, const JobcarvingResults& j) {
  eerste_lijn(c, kVs, h.vs);
  eerste_lijn(c, kPa, h.pa);
  heelkunde(c, kHeelkundeVs, hk.ms_vs, hk.anios_vs);
  heelkunde(c, kHeelkundePa, hk.ms_pa, hk.anios_pa);

  Value ghz_nu = c.step("benutting.ghz.assistent_fte", "Huidig aantal fte afdelingsassistent (GHZ)", Unit::fte,
                        c.in("ghz.aandeel_assistenten") * c.in("ghz.fte_per_instelling") *
                            c.in("ghz.aantal_instellingen"));
  // I10: the share already realised (the report prints its complement).
  c.step("benutting.ghz.benut_aandeel", "Percentage van de potentie benut (GHZ)", Unit::aandeel,
         ghz_nu / j.ghz_benodigd_fte);
  c.step("benutting.vhz.benut_aandeel", "Fte niveau 1 als percentage van de benodigde afdelingsassistenten (VHZ)",
         Unit::aandeel, c.in("vhz.fte_niveau1") / j.vhz_benodigd_fte);
}

}  // namespace zorgcap
