// Casus 1b: the chirurg (MS) and the anios hand tasks to a VS or PA (docs/MODEL.md "Casus 1b";
// Tables 1, 4, 11–14, 34).
#include "model/model.h"

namespace zorgcap {
namespace {

// The keys of one VS/PA taking over from the MS or the anios: what it reads and what it makes.
struct TakeoverKeys {
  std::string_view label = {};  // " (MS → VS)", in labels
  std::string_view overname_aandeel = {};
  std::string_view basis_uren = {}, taak_uren = {}, supervisie_uren = {};  // MS only: before supervision
  std::string_view netto_uren = {}, netto_fte = {}, netto_aandeel = {}, netto_uren_per_ziekenhuis = {};
  std::string_view benodigd_uren = {}, benodigd_fte = {};
};

struct Profession {
  std::string_view name;  // "VS" / "PA"
  std::string_view aandeel_meer_tijd, extra_tijd, extra_tijd_factor;
  std::string_view overname_ms_poli;
  std::string_view overname_anios_poli, overname_anios_kliniek, overname_anios_ok, overname_anios_anw;
  TakeoverKeys ms, anios;
};

constexpr Profession kVs{
    .name = "VS",
    .aandeel_meer_tijd = "heelkunde.vs.aandeel_meer_tijd",
    .extra_tijd = "heelkunde.vs.extra_tijd",
    .extra_tijd_factor = "heelkunde.vs.extra_tijd_factor",
    .overname_ms_poli = "heelkunde.vs.overname_ms.polikliniek",
    .overname_anios_poli = "heelkunde.vs.overname_anios.polikliniek",
    .overname_anios_kliniek = "heelkunde.vs.overname_anios.kliniek",
    .overname_anios_ok = "heelkunde.vs.overname_anios.ok",
    .overname_anios_anw = "heelkunde.vs.overname_anios.anw",
    .ms = {.label = " (MS → VS)",
           .overname_aandeel = "heelkunde.ms.vs.overname_aandeel",
           .basis_uren = "heelkunde.ms.vs.basis_uren",
           .taak_uren = "heelkunde.ms.vs.taak_uren",
           .supervisie_uren = "heelkunde.ms.vs.supervisie_uren",
           .netto_uren = "heelkunde.ms.vs.netto_uren",
           .netto_fte = "heelkunde.ms.vs.netto_fte",
           .netto_aandeel = "heelkunde.ms.vs.netto_aandeel",
           .netto_uren_per_ziekenhuis = "heelkunde.ms.vs.netto_uren_per_ziekenhuis",
           .benodigd_uren = "heelkunde.ms.vs.benodigd_uren",
           .benodigd_fte = "heelkunde.ms.vs.benodigd_fte"},
    .anios = {.label = " (anios → VS)",
              .overname_aandeel = "heelkunde.anios.vs.overname_aandeel",
              .netto_uren = "heelkunde.anios.vs.netto_uren",
              .netto_fte = "heelkunde.anios.vs.netto_fte",
              .netto_aandeel = "heelkunde.anios.vs.netto_aandeel",
              .netto_uren_per_ziekenhuis = "heelkunde.anios.vs.netto_uren_per_ziekenhuis",
              .benodigd_uren = "heelkunde.anios.vs.benodigd_uren",
              .benodigd_fte = "heelkunde.anios.vs.benodigd_fte"},
};
constexpr Profession kPa{
    .name = "PA",
    .aandeel_meer_tijd = "heelkunde.pa.aandeel_meer_tijd",
    .extra_tijd = "heelkunde.pa.extra_tijd",
    .extra_tijd_factor = "heelkunde.pa.extra_tijd_factor",
    .overname_ms_poli = "heelkunde.pa.overname_ms.polikliniek",
    .overname_anios_poli = "heelkunde.pa.overname_anios.polikliniek",
    .overname_anios_kliniek = "heelkunde.pa.overname_anios.kliniek",
    .overname_anios_ok = "heelkunde.pa.overname_anios.ok",
    .overname_anios_anw = "heelkunde.pa.overname_anios.anw",
    .ms = {.label = " (MS → PA)",
           .overname_aandeel = "heelkunde.ms.pa.overname_aandeel",
           .basis_uren = "heelkunde.ms.pa.basis_uren",
           .taak_uren = "heelkunde.ms.pa.taak_uren",
           .supervisie_uren = "heelkunde.ms.pa.supervisie_uren",
           .netto_uren = "heelkunde.ms.pa.netto_uren",
           .netto_fte = "heelkunde.ms.pa.netto_fte",
           .netto_aandeel = "heelkunde.ms.pa.netto_aandeel",
           .netto_uren_per_ziekenhuis = "heelkunde.ms.pa.netto_uren_per_ziekenhuis",
           .benodigd_uren = "heelkunde.ms.pa.benodigd_uren",
           .benodigd_fte = "heelkunde.ms.pa.benodigd_fte"},
    .anios = {.label = " (anios → PA)",
              .overname_aandeel = "heelkunde.anios.pa.overname_aandeel",
              .netto_uren = "heelkunde.anios.pa.netto_uren",
              .netto_fte = "heelkunde.anios.pa.netto_fte",
              .netto_aandeel = "heelkunde.anios.pa.netto_aandeel",
              .netto_uren_per_ziekenhuis = "heelkunde.anios.pa.netto_uren_per_ziekenhuis",
              .benodigd_uren = "heelkunde.anios.pa.benodigd_uren",
              .benodigd_fte = "heelkunde.anios.pa.benodigd_fte"},
};

// One VS/PA taking over part of the MS's polikliniek work: the VS/PA needs more time (factor f) and
// the MS supervises (σ hours per dienst), so netto = B − σ·f·B and benodigd = f·B + σ·f·B.
HeelkundeProfession ms(Calc& c, const Common& k, const Profession& p, Value extra_tijd_factor,
                       Value patientgebonden_uren, Value supervisie, Value ziekenhuizen, Value ms_fte) {
  const TakeoverKeys& t = p.ms;
  auto label = [&](std::string_view text) { return Text(text, t.label); };
  Value poli = c.in("heelkunde.ms.tijd.polikliniek");
  Value overname_poli = c.in(p.overname_ms_poli);
  Value aandeel = c.step(t.overname_aandeel, label("Aandeel werktijd medisch specialist dat wordt overgenomen"),
                         Unit::aandeel, poli * overname_poli);
  Value basis = c.step(t.basis_uren, label("Overgenomen uren medisch specialist (vóór supervisie)"), Unit::uren,
                       patientgebonden_uren * aandeel);
  Value taak = c.step(t.taak_uren, label("Uren die de VS/PA aan de overgenomen taken besteedt"), Unit::uren,
                      basis * extra_tijd_factor);
  Value superv = c.step(t.supervisie_uren, label("Uren supervisie door de medisch specialist"), Unit::uren,
                        taak * supervisie);
  Value netto = c.step(t.netto_uren, label("Netto vrijgekomen uren medisch specialist"), Unit::uren, basis - superv);
  Value netto_fte = c.step(t.netto_fte, label("Netto vrijgekomen fte medisch specialist"), Unit::fte,
                           netto / k.uren_per_fte);
  c.step(t.netto_aandeel, label("Netto vrijgekomen capaciteit medisch specialisten"), Unit::aandeel, netto_fte / ms_fte);
  c.step(t.netto_uren_per_ziekenhuis, label("Netto vrijgekomen uren medisch specialist per ziekenhuis"), Unit::uren,
         netto / ziekenhuizen);
  Value benodigd = c.step(t.benodigd_uren, label("Benodigde uren VS/PA"), Unit::uren, taak + superv);
  Value benodigd_fte = c.step(t.benodigd_fte, label("Benodigd aantal fte VS/PA"), Unit::fte, benodigd / k.uren_per_fte);
  return {netto, netto_fte, benodigd, benodigd_fte};
}

// One VS/PA taking over anios work of equal level: no supervision; the VS/PA needs f times the hours.
HeelkundeProfession anios(Calc& c, const Common& k, const Profession& p, Value extra_tijd_factor,
                          Value patientgebonden_uren, Value ziekenhuizen, Value anios_fte) {
  const TakeoverKeys& t = p.anios;
  auto label = [&](std::string_view text) { return Text(text, t.label); };
  Value t_poli = c.in("heelkunde.anios.tijd.polikliniek"), a_poli = c.in(p.overname_anios_poli);
  Value t_kl = c.in("heelkunde.anios.tijd.kliniek"), a_kl = c.in(p.overname_anios_kliniek);
  Value t_ok = c.in("heelkunde.anios.tijd.ok"), a_ok = c.in(p.overname_anios_ok);
  Value t_anw = c.in("heelkunde.anios.tijd.anw"), a_anw = c.in(p.overname_anios_anw);
  Value aandeel = c.step(t.overname_aandeel, label("Aandeel werktijd anios dat wordt overgenomen"), Unit::aandeel,
                         t_poli * a_poli + t_kl * a_kl + t_ok * a_ok + t_anw * a_anw);
  Value netto = c.step(t.netto_uren, label("Netto vrijgekomen uren anios"), Unit::uren, patientgebonden_uren * aandeel);
  Value netto_fte = c.step(t.netto_fte, label("Netto vrijgekomen fte anios"), Unit::fte, netto / k.uren_per_fte);
  c.step(t.netto_aandeel, label("Netto vrijgekomen capaciteit aniossen"), Unit::aandeel, netto_fte / anios_fte);
  c.step(t.netto_uren_per_ziekenhuis, label("Netto vrijgekomen uren anios per ziekenhuis"), Unit::uren,
         netto / ziekenhuizen);
  Value benodigd = c.step(t.benodigd_uren, label("Benodigde uren VS/PA"), Unit::uren, netto * extra_tijd_factor);
  Value benodigd_fte = c.step(t.benodigd_fte, label("Benodigd aantal fte VS/PA"), Unit::fte, benodigd / k.uren_per_fte);
  return {netto, netto_fte, benodigd, benodigd_fte};
}

Value extra_tijd_factor(Calc& c, const Profession& p) {
  Value share = c.in(p.aandeel_meer_tijd), extra = c.in(p.extra_tijd);
  return c.step(p.extra_tijd_factor, Text("Factor extra tijd die de ", p.name, " nodig heeft"), Unit::factor,
                1 + share * extra);
}

}  // namespace

HeelkundeResults heelkunde(Calc& c, const Common& k) {
  Value ziekenhuizen = c.in("ziekenhuizen.aantal");
  Value ms_fte = c.in("heelkunde.ms.fte"), ms_pat = c.in("heelkunde.ms.aandeel_patientgebonden");
  Value anios_fte = c.in("heelkunde.anios.fte"), anios_pat = c.in("heelkunde.anios.aandeel_patientgebonden");
  Value sup_uren = c.in("heelkunde.supervisie_uren_per_dienst"), dienst = c.in("heelkunde.dienst_uren");

  Value supervisie = c.step("heelkunde.supervisie_aandeel", "Supervisie door de medisch specialist per uur VS/PA",
                            Unit::factor, sup_uren / dienst);
  Value ms_uren = c.step("heelkunde.ms.patientgebonden_uren", "Patiëntgebonden uren medisch specialisten heelkunde",
                         Unit::uren, ms_fte * k.uren_per_fte * ms_pat);
  Value anios_uren = c.step("heelkunde.anios.patientgebonden_uren", "Patiëntgebonden uren aniossen heelkunde",
                            Unit::uren, anios_fte * k.uren_per_fte * anios_pat);
  Value f_vs = extra_tijd_factor(c, kVs);
  Value f_pa = extra_tijd_factor(c, kPa);
  return {ms(c, k, kVs, f_vs, ms_uren, supervisie, ziekenhuizen, ms_fte),
          ms(c, k, kPa, f_pa, ms_uren, supervisie, ziekenhuizen, ms_fte),
          anios(c, k, kVs, f_vs, anios_uren, ziekenhuizen, anios_fte),
          anios(c, k, kPa, f_pa, anios_uren, ziekenhuizen, anios_fte)};
}

}  // namespace zorgcap
