// Casus 3: informal carers take over part of the work in VHZ, wijkverpleging and MSZ
// (docs/MODEL.md "Casus 3"; Tables 21–23).
#include "model/model.h"

namespace zorgcap {
namespace {

struct SectorKeys {
  std::string_view name;  // in labels
  std::string_view fte, aandeel, uren;
};
constexpr SectorKeys kVhzVig{"verzorgenden IG (VHZ)", "informele_zorg.vhz.vig.fte", "informele_zorg.vhz.vig.aandeel",
                             "informele_zorg.vhz.vig.uren"};
constexpr SectorKeys kVhzHelpenden{"helpenden (VHZ)", "informele_zorg.vhz.helpenden.fte",
                                   "informele_zorg.vhz.helpenden.aandeel", "informele_zorg.vhz.helpenden.uren"};
constexpr SectorKeys kWijkverpleging{"wijkverpleging", "informele_zorg.wijkverpleging.fte",
                                     "informele_zorg.wijkverpleging.aandeel", "informele_zorg.wijkverpleging.uren"};
constexpr SectorKeys kMsz{"medisch specialistische zorg", "informele_zorg.msz.fte", "informele_zorg.msz.aandeel",
                          "informele_zorg.msz.uren"};

// Informal care takes over `aandeel` of `fte` gross (no instruction time deducted).
Value sector(Calc& c, const Common& k, const SectorKeys& s, Value fte, Value aandeel) {
  Value over = c.step(s.fte, Text("Vrijgekomen fte door informele zorg: ", s.name), Unit::fte, fte * aandeel);
  c.step(s.aandeel, Text("Vrijgekomen capaciteit door informele zorg: ", s.name), Unit::aandeel, over / fte);
  c.step(s.uren, Text("Vrijgekomen uren door informele zorg: ", s.name), Unit::uren, over * k.uren_per_fte);
  return over;
}

}  // namespace

void informele_zorg(Calc& c, const Common& k, const JobcarvingResults& j) {
  Value vig = sector(c, k, kVhzVig, c.in("vhz.vig.fte"), j.vhz_vig_overname);
  Value help = sector(c, k, kVhzHelpenden, c.in("vhz.helpenden.fte"), j.vhz_helpenden_overname);
  Value wv = sector(c, k, kWijkverpleging, c.in("wijkverpleging.fte"), c.in("wijkverpleging.aandeel_informele_zorg"));
  // I4: 10% of 64 300 fte = 6 430 (the report prints 6 415).
  Value msz = sector(c, k, kMsz, c.in("msz.verpleegkundigen.fte"), c.in("msz.aandeel_informele_zorg"));
  Value vhz = c.step("informele_zorg.vhz.fte", "Vrijgekomen fte door informele zorg: verpleeghuiszorg", Unit::fte,
                     vig + help);
  Value vhz_clienten = c.in("vhz.clienten_per_fte"), wv_clienten = c.in("wijkverpleging.clienten_per_fte");
  Value msz_patienten = c.in("msz.patienten_per_verpleegkundige");
  c.step("informele_zorg.benodigde_zorgverleners", "Benodigd aantal informele zorgverleners", Unit::personen,
         vhz * vhz_clienten + wv * wv_clienten + msz * msz_patienten);
}

}  // namespace zorgcap
