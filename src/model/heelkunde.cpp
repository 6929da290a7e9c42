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
  auto key = [&](std::string_view name) { return Text("heelkunde.ms.", p.key, ".", name); };
  auto label = [&](std::string_view text) { return Text(text, " (MS → ", p.name, ")"); };
  Value poli = c.in("heelkunde.ms.tijd.polikliniek");
  Value overname_poli = c.in(Text("heelkunde.", p.key, ".overname_ms.polikliniek"));
  Value aandeel = c.step(key("overname_aandeel"), label("Aandeel werktijd medisch specialist dat wordt overgenomen"),
                         Unit::aandeel, "{0} × {1}", f::mul, poli, overname_poli);
  Value basis = c.step(key("basis_uren"), label("Overgenomen uren medisch specialist (vóór supervisie)"),
                       Unit::uren, "{0} × {1}", f::mul, patientgebonden_uren, aandeel);
  Value taak = c.step(key("taak_uren"), label("Uren die de VS/PA aan de overgenomen taken besteedt"),
                      Unit::uren, "{0} × {1}", f::mul, basis, p.extra_tijd_factor);
  Value superv = c.step(key("supervisie_uren"), label("Uren supervisie door de medisch specialist"),
                        Unit::uren, "{0} × {1}", f::mul, taak, supervisie);
  Value netto = c.step(key("netto_uren"), label("Netto vrijgekomen uren medisch specialist"), Unit::uren,
                       "{0} − {1}", f::sub, basis, superv);
  Value netto_fte = c.step(key("netto_fte"), label("Netto vrijgekomen fte medisch specialist"), Unit::fte,
                           "{0} ÷ {1}", f::div, netto, k.uren_per_fte);
  c.step(key("netto_aandeel"), label("Netto vrijgekomen capaciteit medisch specialisten"), Unit::aandeel,
         "{0} ÷ {1}", f::div, netto_fte, ms_fte);
  c.step(key("netto_uren_per_ziekenhuis"), label("Netto vrijgekomen uren medisch specialist per ziekenhuis"),
         Unit::uren, "{0} ÷ {1}", f::div, netto, ziekenhuizen);
  Value benodigd = c.step(key("benodigd_uren"), label("Benodigde uren VS/PA"), Unit::uren, "{0} + {1}",
                          f::add, taak, superv);
  Value benodigd_fte = c.step(key("benodigd_fte"), label("Benodigd aantal fte VS/PA"), Unit::fte,
                              "{0} ÷ {1}", f::div, benodigd, k.uren_per_fte);
  return {netto, netto_fte, benodigd, benodigd_fte};
}

// One VS/PA taking over anios work of equal level: no supervision; the VS/PA needs f times the hours.
HeelkundeProfession anios(Calc& c, const Common& k, const Profession& p, Value patientgebonden_uren,
                          Value ziekenhuizen, Value anios_fte) {
  auto key = [&](std::string_view name) { return Text("heelkunde.anios.", p.key, ".", name); };
  auto label = [&](std::string_view text) { return Text(text, " (anios → ", p.name, ")"); };
  auto takeover = [&](std::string_view part) { return c.in(Text("heelkunde.", p.key, ".overname_anios.", part)); };
  Value t_poli = c.in("heelkunde.anios.tijd.polikliniek"), a_poli = takeover("polikliniek");
  Value t_kl = c.in("heelkunde.anios.tijd.kliniek"), a_kl = takeover("kliniek");
  Value t_ok = c.in("heelkunde.anios.tijd.ok"), a_ok = takeover("ok");
  Value t_anw = c.in("heelkunde.anios.tijd.anw"), a_anw = takeover("anw");
  Value aandeel = c.step(
      key("overname_aandeel"), label("Aandeel werktijd anios dat wordt overgenomen"), Unit::aandeel,
      "{0} × {1} + {2} × {3} + {4} × {5} + {6} × {7}",
      [](double tp, double ap, double tk, double ak, double to, double ao, double ta, double aa) {
        return tp * ap + tk * ak + to * ao + ta * aa;
      },
      t_poli, a_poli, t_kl, a_kl, t_ok, a_ok, t_anw, a_anw);
  Value netto = c.step(key("netto_uren"), label("Netto vrijgekomen uren anios"), Unit::uren, "{0} × {1}",
                       f::mul, patientgebonden_uren, aandeel);
  Value netto_fte = c.step(key("netto_fte"), label("Netto vrijgekomen fte anios"), Unit::fte, "{0} ÷ {1}",
                           f::div, netto, k.uren_per_fte);
  c.step(key("netto_aandeel"), label("Netto vrijgekomen capaciteit aniossen"), Unit::aandeel, "{0} ÷ {1}",
         f::div, netto_fte, anios_fte);
  c.step(key("netto_uren_per_ziekenhuis"), label("Netto vrijgekomen uren anios per ziekenhuis"), Unit::uren,
         "{0} ÷ {1}", f::div, netto, ziekenhuizen);
  Value benodigd = c.step(key("benodigd_uren"), label("Benodigde uren VS/PA"), Unit::uren, "{0} × {1}",
                          f::mul, netto, p.extra_tijd_factor);
  Value benodigd_fte = c.step(key("benodigd_fte"), label("Benodigd aantal fte VS/PA"), Unit::fte,
                              "{0} ÷ {1}", f::div, benodigd, k.uren_per_fte);
  return {netto, netto_fte, benodigd, benodigd_fte};
}

Value extra_tijd_factor(Calc& c, std::string_view p, std::string_view name) {
  Value share = c.in(Text("heelkunde.", p, ".aandeel_meer_tijd")), extra = c.in(Text("heelkunde.", p, ".extra_tijd"));
  return c.step(Text("heelkunde.", p, ".extra_tijd_factor"), Text("Factor extra tijd die de ", name, " nodig heeft"), Unit::factor,
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
