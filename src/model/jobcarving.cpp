// Casus 2: jobcarving — an afdelingsassistent takes over part of the work of verzorgenden IG,
// helpenden (VHZ) and begeleiders (GHZ) (docs/MODEL.md "Casus 2"; Tables 5, 15–17, 19, 20, 35).
#include "model/model.h"

namespace zorgcap {
namespace {

// The quantities one group of carers gets: fte taken over, net, shares and the assistants needed.
struct GroupKeys {
  std::string_view name;  // "verzorgenden IG (VHZ)", in labels
  std::string_view bruto_fte, netto_fte, netto_aandeel, netto_uren, assistent_fte;
};

constexpr GroupKeys kVhzVig{"verzorgenden IG (VHZ)", "jobcarving.vhz.vig.bruto_fte", "jobcarving.vhz.vig.netto_fte",
                            "jobcarving.vhz.vig.netto_aandeel", "jobcarving.vhz.vig.netto_uren",
                            "jobcarving.vhz.vig.assistent_fte"};
constexpr GroupKeys kVhzHelpenden{"helpenden (VHZ)", "jobcarving.vhz.helpenden.bruto_fte",
                                  "jobcarving.vhz.helpenden.netto_fte", "jobcarving.vhz.helpenden.netto_aandeel",
                                  "jobcarving.vhz.helpenden.netto_uren", "jobcarving.vhz.helpenden.assistent_fte"};
constexpr GroupKeys kGhzVig{"verzorgenden IG (GHZ)", "jobcarving.ghz.vig.bruto_fte", "jobcarving.ghz.vig.netto_fte",
                            "jobcarving.ghz.vig.netto_aandeel", "jobcarving.ghz.vig.netto_uren",
                            "jobcarving.ghz.vig.assistent_fte"};
constexpr GroupKeys kGhzBegeleiders{"begeleiders (GHZ)", "jobcarving.ghz.begeleiders.bruto_fte",
                                    "jobcarving.ghz.begeleiders.netto_fte", "jobcarving.ghz.begeleiders.netto_aandeel",
                                    "jobcarving.ghz.begeleiders.netto_uren", "jobcarving.ghz.begeleiders.assistent_fte"};

struct Group {
  Value netto_fte, assistent_fte;
};

// Coaching c = coaching hours per dienst ÷ hours per dienst. The assistant takes over G = F·s fte;
// coaching costs the group c·G, so netto = G(1 − c) and the assistants needed are G(1 + c).
Group group(Calc& c, const Common& k, const GroupKeys& g, Value fte, Value overname, Value coaching) {
  Value bruto = c.step(g.bruto_fte, Text("Overgenomen fte ", g.name, " (bruto)"), Unit::fte, fte * overname);
  Value netto = c.step(g.netto_fte, Text("Netto vrijgekomen fte ", g.name), Unit::fte, bruto * (1 - coaching));
  c.step(g.netto_aandeel, Text("Netto vrijgekomen capaciteit ", g.name), Unit::aandeel, netto / fte);
  c.step(g.netto_uren, Text("Netto vrijgekomen uren ", g.name), Unit::uren, netto * k.uren_per_fte);
  Value assistent = c.step(g.assistent_fte, Text("Benodigde fte afdelingsassistent voor ", g.name), Unit::fte,
                           bruto * (1 + coaching));
  return {netto, assistent};
}

// VHZ: share of time taken over = zorg share × takeover of zorg + welzijn share × takeover of welzijn.
struct VhzShareKeys {
  std::string_view name, aandeel_zorg, overname_zorg, aandeel_welzijn, overname_aandeel;
};
constexpr VhzShareKeys kVigShare{"verzorgenden IG (VHZ)", "vhz.vig.aandeel_zorg", "vhz.vig.overname_zorg",
                                 "vhz.vig.aandeel_welzijn", "jobcarving.vhz.vig.overname_aandeel"};
constexpr VhzShareKeys kHelpendenShare{"helpenden (VHZ)", "vhz.helpenden.aandeel_zorg", "vhz.helpenden.overname_zorg",
                                       "vhz.helpenden.aandeel_welzijn", "jobcarving.vhz.helpenden.overname_aandeel"};

Value vhz_overname(Calc& c, const VhzShareKeys& g) {
  Value zorg = c.in(g.aandeel_zorg), o_zorg = c.in(g.overname_zorg);
  Value welzijn = c.in(g.aandeel_welzijn), o_welzijn = c.in("vhz.overname_welzijn");
  return c.step(g.overname_aandeel, Text("Aandeel werktijd ", g.name, " dat kan worden overgenomen"), Unit::aandeel,
                zorg * o_zorg + welzijn * o_welzijn);
}

}  // namespace

JobcarvingResults jobcarving(Calc& c, const Common& k) {
  JobcarvingResults r;
  Value dienst = c.in("jobcarving.dienst_uren");
  Value c_vhz = c.step("jobcarving.vhz.coaching_aandeel", "Aandeel coaching afdelingsassistent (VHZ)", Unit::factor,
                       c.in("vhz.coaching_uren_per_dienst") / dienst);
  Value c_ghz_vig = c.step("jobcarving.ghz.vig.coaching_aandeel",
                           "Aandeel coaching afdelingsassistent door verzorgenden IG (GHZ)", Unit::factor,
                           c.in("ghz.vig.coaching_uren_per_dienst") / dienst);
  Value c_ghz_beg = c.step("jobcarving.ghz.begeleiders.coaching_aandeel",
                           "Aandeel coaching afdelingsassistent door begeleiders (GHZ)", Unit::factor,
                           c.in("ghz.begeleiders.coaching_uren_per_dienst") / dienst);

  r.vhz_vig_overname = vhz_overname(c, kVigShare);
  r.vhz_helpenden_overname = vhz_overname(c, kHelpendenShare);
  Group vig = group(c, k, kVhzVig, c.in("vhz.vig.fte"), r.vhz_vig_overname, c_vhz);
  Group help = group(c, k, kVhzHelpenden, c.in("vhz.helpenden.fte"), r.vhz_helpenden_overname, c_vhz);
  r.vhz_vig_netto_fte = vig.netto_fte;
  r.vhz_helpenden_netto_fte = help.netto_fte;
  r.vhz_benodigd_fte = c.step("jobcarving.vhz.benodigd_fte", "Benodigd aantal fte afdelingsassistent (VHZ)", Unit::fte,
                              vig.assistent_fte + help.assistent_fte);

  Group gvig = group(c, k, kGhzVig, c.in("ghz.vig.fte"), c.in("ghz.vig.overname"), c_ghz_vig);
  Group gbeg = group(c, k, kGhzBegeleiders, c.in("ghz.begeleiders.fte"), c.in("ghz.begeleiders.overname"), c_ghz_beg);
  r.ghz_vig_netto_fte = gvig.netto_fte;
  r.ghz_begeleiders_netto_fte = gbeg.netto_fte;
  r.ghz_benodigd_fte = c.step("jobcarving.ghz.benodigd_fte", "Benodigd aantal fte afdelingsassistent (GHZ)", Unit::fte,
                              gvig.assistent_fte + gbeg.assistent_fte);

  // §3.2.2: jobs = assistant fte ÷ fte per contract (I12: from unrounded fte).
  Value per_baan = c.in("afdelingsassistent.fte_per_baan");
  c.step("jobcarving.vhz.banen", "Aantal banen afdelingsassistent (VHZ)", Unit::personen, r.vhz_benodigd_fte / per_baan);
  c.step("jobcarving.ghz.banen", "Aantal banen afdelingsassistent (GHZ)", Unit::personen, r.ghz_benodigd_fte / per_baan);
  return r;
}

}  // namespace zorgcap
