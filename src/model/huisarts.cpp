// Casus 1a: the huisarts hands tasks to a VS or PA (docs/MODEL.md "Casus 1a"; Tables 1, 2, 8–10, 30).
#include "model/model.h"

namespace zorgcap {
namespace {

// The keys of one profession: what it reads and the quantities it makes.
struct ProfessionKeys {
  std::string_view name;  // "VS" / "PA", in labels
  std::string_view overname, overige_taken;
  std::string_view uren_per_praktijk, bruto_uren, bruto_fte, overleg_uren, overleg_fte, netto_uren, netto_fte,
      netto_aandeel, benodigd_uren, benodigd_fte;
};

constexpr ProfessionKeys kVs{
    .name = "VS",
    .overname = "huisarts.vs.overname",
    .overige_taken = "eerste_lijn.vs.aandeel_overige_taken",
    .uren_per_praktijk = "huisarts.vs.uren_per_praktijk",
    .bruto_uren = "huisarts.vs.bruto_uren",
    .bruto_fte = "huisarts.vs.bruto_fte",
    .overleg_uren = "huisarts.vs.overleg_uren",
    .overleg_fte = "huisarts.vs.overleg_fte",
    .netto_uren = "huisarts.vs.netto_uren",
    .netto_fte = "huisarts.vs.netto_fte",
    .netto_aandeel = "huisarts.vs.netto_aandeel",
    .benodigd_uren = "huisarts.vs.benodigd_uren",
    .benodigd_fte = "huisarts.vs.benodigd_fte",
};
constexpr ProfessionKeys kPa{
    .name = "PA",
    .overname = "huisarts.pa.overname",
    .overige_taken = "eerste_lijn.pa.aandeel_overige_taken",
    .uren_per_praktijk = "huisarts.pa.uren_per_praktijk",
    .bruto_uren = "huisarts.pa.bruto_uren",
    .bruto_fte = "huisarts.pa.bruto_fte",
    .overleg_uren = "huisarts.pa.overleg_uren",
    .overleg_fte = "huisarts.pa.overleg_fte",
    .netto_uren = "huisarts.pa.netto_uren",
    .netto_fte = "huisarts.pa.netto_fte",
    .netto_aandeel = "huisarts.pa.netto_aandeel",
    .benodigd_uren = "huisarts.pa.benodigd_uren",
    .benodigd_fte = "huisarts.pa.benodigd_fte",
};

HuisartsProfession profession(Calc& c, const Common& k, const ProfessionKeys& p, Value uren_per_praktijk_patient) {
  const std::string_view n = p.name;
  Value overname = c.in(p.overname);
  Value praktijken = c.in("huisartsen.praktijken");
  Value ha_fte = c.in("huisartsen.fte");
  Value overleg_per_week = c.in("huisarts.overleg_uren_per_week");
  Value weken = c.in("weken_per_jaar");
  Value overig = c.in(p.overige_taken);

  Value per_praktijk = c.step(p.uren_per_praktijk, Text("Overgenomen uren per praktijk per jaar (", n, ")"),
                              Unit::uren, uren_per_praktijk_patient * overname);
  Value bruto = c.step(p.bruto_uren, Text("Overgenomen uren landelijk (bruto) (", n, ")"), Unit::uren,
                       per_praktijk * praktijken);
  Value bruto_fte = c.step(p.bruto_fte, Text("Overgenomen huisartswerk in fte (bruto) (", n, ")"), Unit::fte,
                           bruto / k.uren_per_fte);
  // I17: the overleg hour applies per fte of GP work taken over, as the printed numbers show.
  Value overleg = c.step(p.overleg_uren, Text("Uren overleg en begeleiding huisarts (", n, ")"), Unit::uren,
                         bruto_fte * overleg_per_week * weken);
  c.step(p.overleg_fte, Text("Overleg en begeleiding huisarts in fte (", n, ")"), Unit::fte, overleg / k.uren_per_fte);
  Value netto = c.step(p.netto_uren, Text("Netto vrijgekomen uren huisarts (", n, ")"), Unit::uren, bruto - overleg);
  Value netto_fte = c.step(p.netto_fte, Text("Netto vrijgekomen fte huisarts (", n, ")"), Unit::fte,
                           netto / k.uren_per_fte);
  c.step(p.netto_aandeel, Text("Netto vrijgekomen capaciteit huisartsen (", n, ")"), Unit::aandeel, netto_fte / ha_fte);
  // I2: the need grosses up the taken-over work and the overleg for the VS/PA's other tasks.
  Value benodigd = c.step(p.benodigd_uren, Text("Benodigde uren (", n, ")"), Unit::uren,
                          (bruto + overleg) / (1 - overig));
  Value benodigd_fte = c.step(p.benodigd_fte, Text("Benodigd aantal fte (", n, ")"), Unit::fte,
                              benodigd / k.uren_per_fte);
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
                              ha_fte / praktijken * k.uren_per_fte * patientgebonden);
  return {profession(c, k, kVs, per_praktijk), profession(c, k, kPa, per_praktijk)};
}

}  // namespace zorgcap
