// Casus 3: informal carers take over part of the work in VHZ, wijkverpleging and MSZ
// (MODEL.md "Casus 3"; Tables 21–23).
#include "model/formulas.h"
#include "model/model.h"

namespace zorgcap {
namespace {

// Informal care takes over `aandeel` of `fte` gross (no instruction time deducted).
Value sector(Calc& c, const Common& k, std::string_view pre, std::string_view name, Value fte, Value aandeel) {
  Value over = c.step(Text(pre, "fte"), Text("Vrijgekomen fte door informele zorg: ", name), Unit::fte, "{0} × {1}",
                      f::mul, fte, aandeel);
  c.step(Text(pre, "aandeel"), Text("Vrijgekomen capaciteit door informele zorg: ", name), Unit::aandeel, "{0} ÷ {1}",
         f::div, over, fte);
  c.step(Text(pre, "uren"), Text("Vrijgekomen uren door informele zorg: ", name), Unit::uren, "{0} × {1}", f::mul,
         over, k.uren_per_fte);
  return over;
}

}  // namespace

void informele_zorg(Calc& c, const Common& k, const JobcarvingResults& j) {
  Value vig = sector(c, k, "informele_zorg.vhz.vig.", "verzorgenden IG (VHZ)", c.in("vhz.vig.fte"), j.vhz_vig_overname);
  Value help = sector(c, k, "informele_zorg.vhz.helpenden.", "helpenden (VHZ)", c.in("vhz.helpenden.fte"),
                      j.vhz_helpenden_overname);
  Value wv = sector(c, k, "informele_zorg.wijkverpleging.", "wijkverpleging", c.in("wijkverpleging.fte"),
                    c.in("wijkverpleging.aandeel_informele_zorg"));
  // I4: 10% of 64 300 fte = 6 430 (the report prints 6 415).
  Value msz = sector(c, k, "informele_zorg.msz.", "medisch specialistische zorg", c.in("msz.verpleegkundigen.fte"),
                     c.in("msz.aandeel_informele_zorg"));
  Value vhz = c.step("informele_zorg.vhz.fte", "Vrijgekomen fte door informele zorg: verpleeghuiszorg", Unit::fte,
                     "{0} + {1}", f::add, vig, help);
  c.step("informele_zorg.benodigde_zorgverleners", "Benodigd aantal informele zorgverleners", Unit::personen,
         "{0} × {1} + {2} × {3} + {4} × {5}",
         [](double a, double ca, double b, double cb, double m, double cm) { return a * ca + b * cb + m * cm; }, vhz,
         c.in("vhz.clienten_per_fte"), wv, c.in("wijkverpleging.clienten_per_fte"), msz,
         c.in("msz.patienten_per_verpleegkundige"));
}

}  // namespace zorgcap
