#include "inputs/parameter_specs.h"

#include <algorithm>
#include <array>

namespace zorgcap {
namespace {
using enum Unit;
using D = Domain;

// Sorted by key (checked by a test) so lookups can bisect.
constexpr std::array kSpecs = {
ParameterSpec{"afdelingsassistent.fte_per_baan", fte_per_persoon, D::positive},
    ParameterSpec{"anios.aandeel_balans_niet_goed", aandeel, D::share},
    ParameterSpec{"anios.aandeel_burnout", aandeel, D::share},
    ParameterSpec{"anios.aandeel_werkdruk_te_hoog", aandeel, D::share},
    ParameterSpec{"anios.aandeel_wil_opleiding", aandeel, D::share},
    ParameterSpec{"anios.aantal", personen, D::nonnegative},
    ParameterSpec{"eerste_lijn.pa.aandeel_overige_taken", aandeel, D::share_below_one},
    ParameterSpec{"eerste_lijn.pa.aantal", personen, D::nonnegative},
    ParameterSpec{"eerste_lijn.pa.fte", fte, D::nonnegative},
    ParameterSpec{"eerste_lijn.pa.instroom_per_jaar", personen_per_jaar, D::nonnegative},
    ParameterSpec{"eerste_lijn.pa.uitstroom_10jr", aandeel, D::share},
    ParameterSpec{"eerste_lijn.vs.aandeel_overige_taken", aandeel, D::share_below_one},
    ParameterSpec{"eerste_lijn.vs.aantal", personen, D::positive},
    ParameterSpec{"eerste_lijn.vs.fte", fte, D::nonnegative},
    ParameterSpec{"eerste_lijn.vs.instroom_per_jaar", personen_per_jaar, D::nonnegative},
    ParameterSpec{"eerste_lijn.vs.uitstroom_10jr", aandeel, D::share},
    ParameterSpec{"ghz.aandeel_assistenten", aandeel, D::share},
    ParameterSpec{"ghz.aantal_instellingen", aantal, D::nonnegative},
    ParameterSpec{"ghz.begeleiders.coaching_uren_per_dienst", uren_per_dienst, D::nonnegative},
    ParameterSpec{"ghz.begeleiders.fte", fte, D::positive},
    ParameterSpec{"ghz.begeleiders.overname", aandeel, D::share},
    ParameterSpec{"ghz.fte_per_instelling", fte_per_instelling, D::nonnegative},
    ParameterSpec{"ghz.vig.coaching_uren_per_dienst", uren_per_dienst, D::nonnegative},
    ParameterSpec{"ghz.vig.fte", fte, D::positive},
    ParameterSpec{"ghz.vig.overname", aandeel, D::share},
    ParameterSpec{"heelkunde.anios.aandeel_patientgebonden", aandeel, D::share},
    ParameterSpec{"heelkunde.anios.fte", fte, D::positive},
    ParameterSpec{"heelkunde.anios.tijd.anw", aandeel, D::share},
    ParameterSpec{"heelkunde.anios.tijd.kliniek", aandeel, D::share},
    ParameterSpec{"heelkunde.anios.tijd.ok", aandeel, D::share},
    ParameterSpec{"heelkunde.anios.tijd.polikliniek", aandeel, D::share},
    ParameterSpec{"heelkunde.dienst_uren", uren_per_dienst, D::positive},
    ParameterSpec{"heelkunde.ms.aandeel_patientgebonden", aandeel, D::share},
    ParameterSpec{"heelkunde.ms.fte", fte, D::positive},
    ParameterSpec{"heelkunde.ms.tijd.anw", aandeel, D::share},
    ParameterSpec{"heelkunde.ms.tijd.kliniek", aandeel, D::share},
    ParameterSpec{"heelkunde.ms.tijd.ok", aandeel, D::share},
    ParameterSpec{"heelkunde.ms.tijd.polikliniek", aandeel, D::share},
    ParameterSpec{"heelkunde.ms.tijd.supervisie", aandeel, D::share},
    ParameterSpec{"heelkunde.pa.aandeel_meer_tijd", aandeel, D::share},
    ParameterSpec{"heelkunde.pa.extra_tijd", aandeel, D::nonnegative},
    ParameterSpec{"heelkunde.pa.huidig_fte", fte, D::nonnegative},
    ParameterSpec{"heelkunde.pa.overname_anios.anw", aandeel, D::share},
    ParameterSpec{"heelkunde.pa.overname_anios.kliniek", aandeel, D::share},
    ParameterSpec{"heelkunde.pa.overname_anios.ok", aandeel, D::share},
    ParameterSpec{"heelkunde.pa.overname_anios.polikliniek", aandeel, D::share},
    ParameterSpec{"heelkunde.pa.overname_ms.polikliniek", aandeel, D::share},
    ParameterSpec{"heelkunde.supervisie_uren_per_dienst", uren_per_dienst, D::nonnegative},
    ParameterSpec{"heelkunde.vs.aandeel_meer_tijd", aandeel, D::share},
    ParameterSpec{"heelkunde.vs.extra_tijd", aandeel, D::nonnegative},
    ParameterSpec{"heelkunde.vs.huidig_fte", fte, D::nonnegative},
    ParameterSpec{"heelkunde.vs.overname_anios.anw", aandeel, D::share},
    ParameterSpec{"heelkunde.vs.overname_anios.kliniek", aandeel, D::share},
    ParameterSpec{"heelkunde.vs.overname_anios.ok", aandeel, D::share},
    ParameterSpec{"heelkunde.vs.overname_anios.polikliniek", aandeel, D::share},
    ParameterSpec{"heelkunde.vs.overname_ms.polikliniek", aandeel, D::share},
    ParameterSpec{"huisarts.overleg_uren_per_week", uren_per_week, D::nonnegative},
    ParameterSpec{"huisarts.pa.overname", aandeel, D::share},
    ParameterSpec{"huisarts.vs.overname", aandeel, D::share},
    ParameterSpec{"huisartsen.aandeel_patientgebonden", aandeel, D::share},
    ParameterSpec{"huisartsen.aandeel_uitstroom_werkdruk", aandeel, D::share},
    ParameterSpec{"huisartsen.aantal", personen, D::positive},
    ParameterSpec{"huisartsen.fte", fte, D::positive},
    ParameterSpec{"huisartsen.parttimefactor", aandeel, D::share_positive},
    ParameterSpec{"huisartsen.praktijken", aantal, D::positive},
    ParameterSpec{"huisartsen.uitstroom_10jr", aandeel, D::share},
    ParameterSpec{"jobcarving.dienst_uren", uren_per_dienst, D::positive},
    ParameterSpec{"kostprijs.anios", euro_per_uur, D::nonnegative},
    ParameterSpec{"kostprijs.huisarts.hoog", euro_per_uur, D::nonnegative},
    ParameterSpec{"kostprijs.huisarts.laag", euro_per_uur, D::nonnegative},
    ParameterSpec{"kostprijs.ms.hoog", euro_per_uur, D::nonnegative},
    ParameterSpec{"kostprijs.ms.laag", euro_per_uur, D::nonnegative},
    ParameterSpec{"kostprijs.vs_pa.hoog", euro_per_uur, D::nonnegative},
    ParameterSpec{"kostprijs.vs_pa.laag", euro_per_uur, D::nonnegative},
    ParameterSpec{"medisch_specialisten.aantal", personen, D::nonnegative},
    ParameterSpec{"medisch_specialisten.gem_fte", fte_per_persoon, D::nonnegative},
    ParameterSpec{"msz.aandeel_informele_zorg", aandeel, D::share},
    ParameterSpec{"msz.pa.instroom_per_jaar", personen_per_jaar, D::nonnegative},
    ParameterSpec{"msz.patienten_per_verpleegkundige", clienten_per_fte, D::nonnegative},
    ParameterSpec{"msz.verpleegkundigen.fte", fte, D::positive},
    ParameterSpec{"msz.vs.instroom_per_jaar", personen_per_jaar, D::nonnegative},
    ParameterSpec{"projectie.instroom_factor_beleid", factor, D::nonnegative},
    ParameterSpec{"projectie.jaren", jaren, D::nonnegative},
    ParameterSpec{"salaris.ghz.assistent.hoog", euro_per_jaar, D::nonnegative},
    ParameterSpec{"salaris.ghz.assistent.laag", euro_per_jaar, D::nonnegative},
    ParameterSpec{"salaris.ghz.begeleider.hoog", euro_per_jaar, D::nonnegative},
    ParameterSpec{"salaris.ghz.begeleider.laag", euro_per_jaar, D::nonnegative},
    ParameterSpec{"salaris.ghz.verzorgende", euro_per_jaar, D::nonnegative},
    ParameterSpec{"salaris.sociale_lasten", aandeel, D::nonnegative},
    ParameterSpec{"salaris.vhz.assistent.hoog", euro_per_jaar, D::nonnegative},
    ParameterSpec{"salaris.vhz.assistent.laag", euro_per_jaar, D::nonnegative},
    ParameterSpec{"salaris.vhz.helpende.hoog", euro_per_jaar, D::nonnegative},
    ParameterSpec{"salaris.vhz.helpende.laag", euro_per_jaar, D::nonnegative},
    ParameterSpec{"salaris.vhz.vig.hoog", euro_per_jaar, D::nonnegative},
    ParameterSpec{"salaris.vhz.vig.laag", euro_per_jaar, D::nonnegative},
    ParameterSpec{"uren_per_week", uren_per_week, D::positive},
    ParameterSpec{"verpleegkundigen.aandeel_hbo", aandeel, D::share},
    ParameterSpec{"verpleegkundigen.aandeel_vertrek_loopbaan", aandeel, D::share},
    ParameterSpec{"verpleegkundigen.big_aantal", personen, D::nonnegative},
    ParameterSpec{"verpleegkundigen.uitstroom_per_jaar", aandeel, D::share},
    ParameterSpec{"vhz.clienten_per_fte", clienten_per_fte, D::nonnegative},
    ParameterSpec{"vhz.coaching_uren_per_dienst", uren_per_dienst, D::nonnegative},
    ParameterSpec{"vhz.fte_niveau1", fte, D::nonnegative},
    ParameterSpec{"vhz.helpenden.aandeel_welzijn", aandeel, D::share},
    ParameterSpec{"vhz.helpenden.aandeel_zorg", aandeel, D::share},
    ParameterSpec{"vhz.helpenden.fte", fte, D::positive},
    ParameterSpec{"vhz.helpenden.overname_zorg", aandeel, D::share},
    ParameterSpec{"vhz.overname_welzijn", aandeel, D::share},
    ParameterSpec{"vhz.vig.aandeel_welzijn", aandeel, D::share},
    ParameterSpec{"vhz.vig.aandeel_zorg", aandeel, D::share},
    ParameterSpec{"vhz.vig.fte", fte, D::positive},
    ParameterSpec{"vhz.vig.overname_zorg", aandeel, D::share},
    ParameterSpec{"vs_pa.instroom_per_jaar", personen_per_jaar, D::nonnegative},
    ParameterSpec{"weken_per_jaar", weken, D::positive},
    ParameterSpec{"wijkverpleging.aandeel_informele_zorg", aandeel, D::share},
    ParameterSpec{"wijkverpleging.clienten_per_fte", clienten_per_fte, D::nonnegative},
    ParameterSpec{"wijkverpleging.fte", fte, D::nonnegative},
    ParameterSpec{"ziekenhuizen.aantal", aantal, D::positive},
};
}  // namespace

std::span<const ParameterSpec> parameter_specs() { return kSpecs; }

const ParameterSpec* find_parameter_spec(std::string_view key) {
  auto it = std::lower_bound(kSpecs.begin(), kSpecs.end(), key,
                             [](const ParameterSpec& s, std::string_view k) { return s.key < k; });
  return (it != kSpecs.end() && it->key == key) ? &*it : nullptr;
}

std::string_view domain_description(Domain d) {
  switch (d) {
    case Domain::share: return "a share between 0 and 1";
    case Domain::share_below_one: return "a share between 0 and 1, below 1";
    case Domain::share_positive: return "a share above 0 and at most 1";
    case Domain::nonnegative: return "a number of 0 or more";
    case Domain::positive: return "a number above 0";
  }
  return "";
}

double realistic_ceiling(Unit u) {
  switch (u) {
    case Unit::aandeel: return 10;  // a share that may exceed 1 (extra time, social charges): 1000 %
    case Unit::aantal: return 1e6;
    case Unit::personen: return 2e7;
    case Unit::fte: return 2e7;
    case Unit::uren: return 1e12;
    case Unit::uren_per_week: return 168;
    case Unit::uren_per_fte: return 8784;  // the hours of a leap year
    case Unit::uren_per_dienst: return 24;
    case Unit::weken: return 53;
    case Unit::jaren: return 100;
    case Unit::euro: return 1e12;
    case Unit::euro_per_uur: return 1e4;
    case Unit::euro_per_jaar: return 1e7;
    case Unit::factor: return 1e3;
    case Unit::clienten_per_fte: return 1e4;
    case Unit::fte_per_persoon: return 2;
    case Unit::fte_per_instelling: return 1e6;
    case Unit::personen_per_jaar: return 2e7;
  }
  return 0;
}

DomainBounds domain_limits(Domain d) {
  switch (d) {
    case Domain::share: return {0, false, true, 1, false};
    case Domain::share_below_one: return {0, false, true, 1, true};
    case Domain::share_positive: return {0, true, true, 1, false};
    case Domain::nonnegative: return {0, false, false, 0, false};
    case Domain::positive: return {0, true, false, 0, false};
  }
  return {};
}

bool in_domain(double v, Domain d) {
  DomainBounds b = domain_limits(d);
  bool above = b.lower_open ? v > b.lower : v >= b.lower;
  bool below = !b.bounded_above || (b.upper_open ? v < b.upper : v <= b.upper);
  return above && below;
}

DomainBounds parameter_limits(const ParameterSpec& spec) {
  DomainBounds b = domain_limits(spec.domain);
  double ceiling = realistic_ceiling(spec.unit);
  if (!b.bounded_above || b.upper > ceiling) b = {b.lower, b.lower_open, true, ceiling, false};
  return b;
}

}  // namespace zorgcap
