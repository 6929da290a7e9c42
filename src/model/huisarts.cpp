// Casus 1a: the huisarts hands tasks to a VS or PA (MODEL.md "Casus 1a"; Tables 1, 2, 8–10, 30).
#include "model/formulas.h"
#include "model/model.h"

namespace zorgcap {
namespace {

HuisartsProfession profession(Calc& c, const Common& k, std::string_view p, std::string_view name,
                              Value uren_per_praktijk_patient) {
  Value overname = c.in(Text("huisarts.", p, ".overname"));
  Value praktijken = c.in("huisartsen.praktijken");
  Value ha_fte = c.in("huisartsen.fte");
  Value overleg_per_week = c.in("huisarts.overleg_uren_per_week");
  Value weken = c.in("weken_per_jaar");
  Value overig = c.in(Text("eerste_lijn.", p, ".aandeel_overige_taken"));

  Value per_praktijk = c.step(Text("huisarts.", p, ".uren_per_praktijk"), Text("Overgenomen uren per praktijk per jaar (", name, ")"),
                              Unit::uren, "{0} × {1}", f::mul, uren_per_praktijk_patient, overname);
  Value bruto = c.step(Text("huisarts.", p, ".bruto_uren"), Text("Overgenomen uren landelijk (bruto) (", name, ")"), Unit::uren,
                       "{0} × {1}", f::mul, per_praktijk, praktijken);
  Value bruto_fte = c.step(Text("huisarts.", p, ".bruto_fte"), Text("Overgenomen huisartswerk in fte (bruto) (", name, ")"), Unit::fte,
                           "{0} ÷ {1}", f::div, bruto, k.uren_per_fte);
  // I17: the overleg hour applies per fte of GP work taken over, as the printed numbers show.
  Value overleg = c.step(Text("huisarts.", p, ".overleg_uren"), Text("Uren overleg en begeleiding huisarts (", name, ")"), Unit::uren,
                         "{0} × {1} × {2}", f::mul3, bruto_fte, overleg_per_week, weken);
  c.step(Text("huisarts.", p, ".overleg_fte"), Text("Overleg en begeleiding huisarts in fte (", name, ")"), Unit::fte, "{0} ÷ {1}",
         f::div, overleg, k.uren_per_fte);
  Value netto = c.step(Text("huisarts.", p, ".netto_uren"), Text("Netto vrijgekomen uren huisarts (", name, ")"), Unit::uren,
                       "{0} − {1}", f::sub, bruto, overleg);
  Value netto_fte = c.step(Text("huisarts.", p, ".netto_fte"), Text("Netto vrijgekomen fte huisarts (", name, ")"), Unit::fte,
                           "{0} ÷ {1}", f::div, netto, k.uren_per_fte);
  c.step(Text("huisarts.", p, ".netto_aandeel"), Text("Netto vrijgekomen capaciteit huisartsen (", name, ")"), Unit::aandeel,
         "{0} ÷ {1}", f::div, netto_fte, ha_fte);
  // I2: the need grosses up the taken-over work and the overleg for the VS/PA's other tasks.
  Value benodigd = c.step(Text("huisarts.", p, ".benodigd_uren"), Text("Benodigde uren (", name, ")"), Unit::uren,
                          "({0} + {1}) ÷ (1 − {2})",
                          [](double b, double o, double ov) { return (b + o) / (1 - ov); }, bruto, overleg, overig);
  Value benodigd_fte = c.step(Text("huisarts.", p, ".benodigd_fte"), Text("Benodigd aantal fte (", name, ")"), Unit::fte, "{0} ÷ {1}",
                              f::div, benodigd, k.uren_per_fte);
  return {netto, netto_fte, benodigd, benodigd_fte};
}

}  // namespace

HuisartsResults huisarts(Calc& c, const Common& k) {
  Value ha_fte = c.in("huisartsen.fte");
  Value praktijken = c.in("huisartsen.praktijken");
  Value patientgebonden = c.in("huisartsen.aandeel_patientgebonden");
  // I20: national figures scale per-praktijk hours by the number of praktijken.
  Value per_praktijk = c.step("huisarts.patientgebonden_uren_per_praktijk",
                              "Patiëntgebonden uren huisarts per praktijk per jaar", Unit::uren,
                              "{0} ÷ {1} × {2} × {3}",
                              [](double fte, double p, double u, double pat) { return fte / p * u * pat; }, ha_fte,
                              praktijken, k.uren_per_fte, patientgebonden);
  return {profession(c, k, "vs", "VS", per_praktijk), profession(c, k, "pa", "PA", per_praktijk)};
}

}  // namespace zorgcap
