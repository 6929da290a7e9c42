// Casus 1b: the chirurg (MS) and the anios hand tasks to a VS or PA (MODEL.md "Casus 1b";
// Tables 1, 4, 11–14, 34).
#include "model/formulas.h"
#include "model/model.h"

namespace zorgcap {
namespace {

struct Profession {
  std::string_view key;   // "vs" / "pa"
  std::string_view name;  // "VS" / "PA"
  Value extra_tijd_factor;
};

// One VS/PA taking over part of the MS's polikliniek work: the VS/PA needs more time (factor f) and
// the MS supervises (σ hours per dienst), so netto = B − σ·f·B and benodigd = f·B + σ·f·B.
HeelkundeProfession ms(Calc& c, const Common& k, const Profession& p, Value patientgebonden_uren,
                       Value supervisie, Value ziekenhuizen, Value ms_fte) {
  const std::string pre = "heelkunde.ms." + std::string(p.key) + ".";
  const std::string suf = " (MS → " + std::string(p.name) + ")";
  Value poli = c.in("heelkunde.ms.tijd.polikliniek");
  Value overname_poli = c.in("heelkunde." + std::string(p.key) + ".overname_ms.polikliniek");
  Value aandeel = c.step(Text(pre, "overname_aandeel"), Text("Aandeel werktijd medisch specialist dat wordt overgenomen", suf),
                         Unit::aandeel, "{0} × {1}", f::mul, poli, overname_poli);
  Value basis = c.step(Text(pre, "basis_uren"), Text("Overgenomen uren medisch specialist (vóór supervisie)", suf),
                       Unit::uren, "{0} × {1}", f::mul, patientgebonden_uren, aandeel);
  Value taak = c.step(Text(pre, "taak_uren"), Text("Uren die de VS/PA aan de overgenomen taken besteedt", suf),
                      Unit::uren, "{0} × {1}", f::mul, basis, p.extra_tijd_factor);
  Value superv = c.step(Text(pre, "supervisie_uren"), Text("Uren supervisie door de medisch specialist", suf),
                        Unit::uren, "{0} × {1}", f::mul, taak, supervisie);
  Value netto = c.step(Text(pre, "netto_uren"), Text("Netto vrijgekomen uren medisch specialist", suf), Unit::uren,
                       "{0} − {1}", f::sub, basis, superv);
  Value netto_fte = c.step(Text(pre, "netto_fte"), Text("Netto vrijgekomen fte medisch specialist", suf), Unit::fte,
                           "{0} ÷ {1}", f::div, netto, k.uren_per_fte);
  c.step(Text(pre, "netto_aandeel"), Text("Netto vrijgekomen capaciteit medisch specialisten", suf), Unit::aandeel,
         "{0} ÷ {1}", f::div, netto_fte, ms_fte);
  c.step(Text(pre, "netto_uren_per_ziekenhuis"), Text("Netto vrijgekomen uren medisch specialist per ziekenhuis", suf),
         Unit::uren, "{0} ÷ {1}", f::div, netto, ziekenhuizen);
  Value benodigd = c.step(Text(pre, "benodigd_uren"), Text("Benodigde uren VS/PA", suf), Unit::uren, "{0} + {1}",
                          f::add, taak, superv);
  Value benodigd_fte = c.step(Text(pre, "benodigd_fte"), Text("Benodigd aantal fte VS/PA", suf), Unit::fte,
                              "{0} ÷ {1}", f::div, benodigd, k.uren_per_fte);
  return {netto, netto_fte, benodigd, benodigd_fte};
}

// One VS/PA taking over anios work of equal level: no supervision; the VS/PA needs f times the hours.
HeelkundeProfession anios(Calc& c, const Common& k, const Profession& p, Value patientgebonden_uren,
                          Value ziekenhuizen, Value anios_fte) {
  const std::string pk(p.key);
  const std::string pre = "heelkunde.anios." + pk + ".";
  const std::string suf = " (anios → " + std::string(p.name) + ")";
  Value t_poli = c.in("heelkunde.anios.tijd.polikliniek"), a_poli = c.in("heelkunde." + pk + ".overname_anios.polikliniek");
  Value t_kl = c.in("heelkunde.anios.tijd.kliniek"), a_kl = c.in("heelkunde." + pk + ".overname_anios.kliniek");
  Value t_ok = c.in("heelkunde.anios.tijd.ok"), a_ok = c.in("heelkunde." + pk + ".overname_anios.ok");
  Value t_anw = c.in("heelkunde.anios.tijd.anw"), a_anw = c.in("heelkunde." + pk + ".overname_anios.anw");
  Value aandeel = c.step(
      Text(pre, "overname_aandeel"), Text("Aandeel werktijd anios dat wordt overgenomen", suf), Unit::aandeel,
      "{0} × {1} + {2} × {3} + {4} × {5} + {6} × {7}",
      [](double tp, double ap, double tk, double ak, double to, double ao, double ta, double aa) {
        return tp * ap + tk * ak + to * ao + ta * aa;
      },
      t_poli, a_poli, t_kl, a_kl, t_ok, a_ok, t_anw, a_anw);
  Value netto = c.step(Text(pre, "netto_uren"), Text("Netto vrijgekomen uren anios", suf), Unit::uren, "{0} × {1}",
                       f::mul, patientgebonden_uren, aandeel);
  Value netto_fte = c.step(Text(pre, "netto_fte"), Text("Netto vrijgekomen fte anios", suf), Unit::fte, "{0} ÷ {1}",
                           f::div, netto, k.uren_per_fte);
  c.step(Text(pre, "netto_aandeel"), Text("Netto vrijgekomen capaciteit aniossen", suf), Unit::aandeel, "{0} ÷ {1}",
         f::div, netto_fte, anios_fte);
  c.step(Text(pre, "netto_uren_per_ziekenhuis"), Text("Netto vrijgekomen uren anios per ziekenhuis", suf), Unit::uren,
         "{0} ÷ {1}", f::div, netto, ziekenhuizen);
  Value benodigd = c.step(Text(pre, "benodigd_uren"), Text("Benodigde uren VS/PA", suf), Unit::uren, "{0} × {1}",
                          f::mul, netto, p.extra_tijd_factor);
  Value benodigd_fte = c.step(Text(pre, "benodigd_fte"), Text("Benodigd aantal fte VS/PA", suf), Unit::fte,
                              "{0} ÷ {1}", f::div, benodigd, k.uren_per_fte);
  return {netto, netto_fte, benodigd, benodigd_fte};
}

Value extra_tijd_factor(Calc& c, std::string_view p, std::string_view name) {
  const std::string pre = "heelkunde." + std::string(p) + ".";
  Value share = c.in(pre + "aandeel_meer_tijd"), extra = c.in(pre + "extra_tijd");
  return c.step(Text(pre, "extra_tijd_factor"), Text("Factor extra tijd die de ", name, " nodig heeft"), Unit::factor,
                "1 + {0} × {1}", [](double s, double e) { return 1 + s * e; }, share, extra);
}

}  // namespace

HeelkundeResults heelkunde(Calc& c, const Common& k) {
  Value ziekenhuizen = c.in("ziekenhuizen.aantal");
  Value ms_fte = c.in("heelkunde.ms.fte"), ms_pat = c.in("heelkunde.ms.aandeel_patientgebonden");
  Value anios_fte = c.in("heelkunde.anios.fte"), anios_pat = c.in("heelkunde.anios.aandeel_patientgebonden");
  Value sup_uren = c.in("heelkunde.supervisie_uren_per_dienst"), dienst = c.in("heelkunde.dienst_uren");

  Value supervisie = c.step("heelkunde.supervisie_aandeel", "Supervisie door de medisch specialist per uur VS/PA",
                            Unit::factor, "{0} ÷ {1}", f::div, sup_uren, dienst);
  Value ms_uren = c.step("heelkunde.ms.patientgebonden_uren", "Patiëntgebonden uren medisch specialisten heelkunde",
                         Unit::uren, "{0} × {1} × {2}", f::mul3, ms_fte, k.uren_per_fte, ms_pat);
  Value anios_uren = c.step("heelkunde.anios.patientgebonden_uren", "Patiëntgebonden uren aniossen heelkunde",
                            Unit::uren, "{0} × {1} × {2}", f::mul3, anios_fte, k.uren_per_fte, anios_pat);
  Profession vs{"vs", "VS", extra_tijd_factor(c, "vs", "VS")};
  Profession pa{"pa", "PA", extra_tijd_factor(c, "pa", "PA")};
  return {ms(c, k, vs, ms_uren, supervisie, ziekenhuizen, ms_fte), ms(c, k, pa, ms_uren, supervisie, ziekenhuizen, ms_fte),
          anios(c, k, vs, anios_uren, ziekenhuizen, anios_fte), anios(c, k, pa, anios_uren, ziekenhuizen, anios_fte)};
}

}  // namespace zorgcap
