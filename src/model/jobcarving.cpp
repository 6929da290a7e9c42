// Casus 2: jobcarving — an afdelingsassistent takes over part of the work of verzorgenden IG,
// helpenden (VHZ) and begeleiders (GHZ) (MODEL.md "Casus 2"; Tables 5, 15–17, 19, 20, 35).
#include "model/formulas.h"
#include "model/model.h"

namespace zorgcap {
namespace {

struct Group {
  Value netto_fte, assistent_fte;
};

// Coaching c = coaching hours per dienst ÷ hours per dienst. The assistant takes over G = F·s fte;
// coaching costs the group c·G, so netto = G(1 − c) and the assistants needed are G(1 + c).
Group group(Calc& c, const Common& k, std::string_view pre, std::string_view name, Value fte, Value overname,
            Value coaching) {
  Value bruto = c.step(Text(pre, "bruto_fte"), Text("Overgenomen fte ", name, " (bruto)"), Unit::fte, "{0} × {1}",
                       f::mul, fte, overname);
  Value netto = c.step(Text(pre, "netto_fte"), Text("Netto vrijgekomen fte ", name), Unit::fte, "{0} × (1 − {1})",
                       [](double g, double co) { return g * (1 - co); }, bruto, coaching);
  c.step(Text(pre, "netto_aandeel"), Text("Netto vrijgekomen capaciteit ", name), Unit::aandeel, "{0} ÷ {1}", f::div,
         netto, fte);
  c.step(Text(pre, "netto_uren"), Text("Netto vrijgekomen uren ", name), Unit::uren, "{0} × {1}", f::mul, netto,
         k.uren_per_fte);
  Value assistent = c.step(Text(pre, "assistent_fte"), Text("Benodigde fte afdelingsassistent voor ", name), Unit::fte,
                           "{0} × (1 + {1})", [](double g, double co) { return g * (1 + co); }, bruto, coaching);
  return {netto, assistent};
}

Value coaching_share(Calc& c, Text key, Text label, Text hours_key, Value dienst) {
  return c.step(key, label, Unit::factor, "{0} ÷ {1}", f::div, c.in(hours_key), dienst);
}

// VHZ: share of time taken over = zorg share × takeover of zorg + welzijn share × takeover of welzijn.
Value vhz_overname(Calc& c, std::string_view g, std::string_view name) {
  Value zorg = c.in(Text("vhz.", g, ".aandeel_zorg")), o_zorg = c.in(Text("vhz.", g, ".overname_zorg"));
  Value welzijn = c.in(Text("vhz.", g, ".aandeel_welzijn")), o_welzijn = c.in("vhz.overname_welzijn");
  return c.step(Text("jobcarving.vhz.", g, ".overname_aandeel"), Text("Aandeel werktijd ", name, " dat kan worden overgenomen"),
                Unit::aandeel, "{0} × {1} + {2} × {3}",
                [](double z, double oz, double w, double ow) { return z * oz + w * ow; }, zorg, o_zorg, welzijn,
                o_welzijn);
}

}  // namespace

JobcarvingResults jobcarving(Calc& c, const Common& k) {
  JobcarvingResults r;
  Value dienst = c.in("jobcarving.dienst_uren");
  Value c_vhz = coaching_share(c, "jobcarving.vhz.coaching_aandeel", "Aandeel coaching afdelingsassistent (VHZ)",
                               "vhz.coaching_uren_per_dienst", dienst);
  Value c_ghz_vig = coaching_share(c, "jobcarving.ghz.vig.coaching_aandeel",
                                   "Aandeel coaching afdelingsassistent door verzorgenden IG (GHZ)",
                                   "ghz.vig.coaching_uren_per_dienst", dienst);
  Value c_ghz_beg = coaching_share(c, "jobcarving.ghz.begeleiders.coaching_aandeel",
                                   "Aandeel coaching afdelingsassistent door begeleiders (GHZ)",
                                   "ghz.begeleiders.coaching_uren_per_dienst", dienst);

  r.vhz_vig_overname = vhz_overname(c, "vig", "verzorgenden IG (VHZ)");
  r.vhz_helpenden_overname = vhz_overname(c, "helpenden", "helpenden (VHZ)");
  Group vig = group(c, k, "jobcarving.vhz.vig.", "verzorgenden IG (VHZ)", c.in("vhz.vig.fte"), r.vhz_vig_overname, c_vhz);
  Group help = group(c, k, "jobcarving.vhz.helpenden.", "helpenden (VHZ)", c.in("vhz.helpenden.fte"),
                     r.vhz_helpenden_overname, c_vhz);
  r.vhz_vig_netto_fte = vig.netto_fte;
  r.vhz_helpenden_netto_fte = help.netto_fte;
  r.vhz_benodigd_fte = c.step("jobcarving.vhz.benodigd_fte", "Benodigd aantal fte afdelingsassistent (VHZ)", Unit::fte,
                              "{0} + {1}", f::add, vig.assistent_fte, help.assistent_fte);

  Group gvig = group(c, k, "jobcarving.ghz.vig.", "verzorgenden IG (GHZ)", c.in("ghz.vig.fte"), c.in("ghz.vig.overname"),
                     c_ghz_vig);
  Group gbeg = group(c, k, "jobcarving.ghz.begeleiders.", "begeleiders (GHZ)", c.in("ghz.begeleiders.fte"),
                     c.in("ghz.begeleiders.overname"), c_ghz_beg);
  r.ghz_vig_netto_fte = gvig.netto_fte;
  r.ghz_begeleiders_netto_fte = gbeg.netto_fte;
  r.ghz_benodigd_fte = c.step("jobcarving.ghz.benodigd_fte", "Benodigd aantal fte afdelingsassistent (GHZ)", Unit::fte,
                              "{0} + {1}", f::add, gvig.assistent_fte, gbeg.assistent_fte);

  // §3.2.2: jobs = assistant fte ÷ fte per contract (I12: from unrounded fte).
  Value per_baan = c.in("afdelingsassistent.fte_per_baan");
  c.step("jobcarving.vhz.banen", "Aantal banen afdelingsassistent (VHZ)", Unit::personen, "{0} ÷ {1}", f::div,
         r.vhz_benodigd_fte, per_baan);
  c.step("jobcarving.ghz.banen", "Aantal banen afdelingsassistent (GHZ)", Unit::personen, "{0} ÷ {1}", f::div,
         r.ghz_benodigd_fte, per_baan);
  return r;
}

}  // namespace zorgcap
