// Chapter 3, retention: how many huisartsen and aniossen a VS/PA could relieve, and what share of
// the outflow that is (docs/MODEL.md "Chapter 3: retention"; Tables 24, 25, §3.1.1).
#include "model/model.h"

namespace zorgcap {
namespace {

// ⌊netto ÷ benodigd⌉ to 2 decimals: how many doctors one VS/PA relieves (I18: an fte ratio the
// report applies to persons, rounded before use).
Value relieved_per(Calc& c, std::string_view key, Text label, const Value& netto_fte, const Value& benodigd_fte) {
  return c.step(key, label, Unit::factor, round(netto_fte / benodigd_fte, 2));
}

Value relieved(Calc& c, std::string_view key, Text label, Value instroom, Value per) {
  return c.step(key, label, Unit::personen, round(instroom * per, 0));
}

Value share_of(Calc& c, std::string_view key, Text label, Value part, Value whole) {
  return c.step(key, label, Unit::aandeel, part / whole);
}

void huisartsen(Calc& c, const HuisartsResults& h) {
  Value fte = c.in("huisartsen.fte"), u10 = c.in("huisartsen.uitstroom_10jr");
  Value parttime = c.in("huisartsen.parttimefactor"), werkdruk = c.in("huisartsen.aandeel_uitstroom_werkdruk");
  const Constant tien_jaar{10, "jaar"};
  c.step("behoud.huisartsen.uitstroom_per_jaar_aandeel", "Uitstroom huisartsen per jaar", Unit::aandeel,
         u10 / tien_jaar);
  // I16: the outflow is based on fte ÷ parttime-factor, not on the headcount.
  Value uitstroom = c.step("behoud.huisartsen.uitstroom_per_jaar", "Uitstroom huisartsen per jaar (personen)",
                           Unit::personen, round(fte * (u10 / tien_jaar) / parttime, 0));
  Value door_werkdruk = c.step("behoud.huisartsen.uitstroom_werkdruk", "Uitstroom huisartsen per jaar door werkdruk",
                               Unit::personen, uitstroom * werkdruk);
  Value vs_in = c.in("eerste_lijn.vs.instroom_per_jaar"), pa_in = c.in("eerste_lijn.pa.instroom_per_jaar");
  c.step("behoud.eerste_lijn.instroom_vs_pa", "Instroom VS en PA in de eerste lijn per jaar", Unit::personen_per_jaar,
         vs_in + pa_in);
  Value per_vs = relieved_per(c, "behoud.huisartsen.ontlast_per_vs", "Huisartsen ontlast per VS", h.vs.netto_fte,
                              h.vs.benodigd_fte);
  Value per_pa = relieved_per(c, "behoud.huisartsen.ontlast_per_pa", "Huisartsen ontlast per PA", h.pa.netto_fte,
                              h.pa.benodigd_fte);
  Value by_vs = relieved(c, "behoud.huisartsen.ontlast_vs", "Huisartsen ontlast met inzet VS", vs_in, per_vs);
  Value by_pa = relieved(c, "behoud.huisartsen.ontlast_pa", "Huisartsen ontlast met inzet PA", pa_in, per_pa);
  Value total = c.step("behoud.huisartsen.ontlast_totaal", "Huisartsen ontlast met inzet VS/PA", Unit::personen,
                       by_vs + by_pa);
  share_of(c, "behoud.huisartsen.bijdrage_ongericht", "Bijdrage aan behoud huisartsen (ongericht)", total,
           c.in("huisartsen.aantal"));
  share_of(c, "behoud.huisartsen.bijdrage_gericht_uitstroom", "Bijdrage aan behoud huisartsen (gericht op uitstroom)",
           total, uitstroom);
  share_of(c, "behoud.huisartsen.bijdrage_gericht_werkdruk",
           "Bijdrage aan behoud huisartsen (gericht op uitstroom door werkdruk)", total, door_werkdruk);
}

void aniossen(Calc& c, const HeelkundeResults& hk) {
  Value aantal = c.in("anios.aantal"), opleiding = c.in("anios.aandeel_wil_opleiding");
  Value relevant = c.step("behoud.anios.relevant", "Aniossen die niet in opleiding willen", Unit::personen,
                          aantal * (1 - opleiding));
  Value werkdruk = c.step("behoud.anios.werkdruk", "Aniossen die de werkdruk te hoog vinden", Unit::personen,
                          relevant * c.in("anios.aandeel_werkdruk_te_hoog"));
  Value balans = c.step("behoud.anios.balans", "Aniossen met een niet goede werk-privébalans", Unit::personen,
                        relevant * c.in("anios.aandeel_balans_niet_goed"));
  Value burnout = c.step("behoud.anios.burnout", "Aniossen met burn-outklachten", Unit::personen,
                         relevant * c.in("anios.aandeel_burnout"));
  Value per_vs = relieved_per(c, "behoud.anios.ontlast_per_vs", "Aniossen ontlast per VS", hk.anios_vs.netto_fte,
                              hk.anios_vs.benodigd_fte);
  Value per_pa = relieved_per(c, "behoud.anios.ontlast_per_pa", "Aniossen ontlast per PA", hk.anios_pa.netto_fte,
                              hk.anios_pa.benodigd_fte);
  // I13: 139 VS and 180 PA as Table 25 applies them.
  Value by_vs = relieved(c, "behoud.anios.ontlast_vs", "Aniossen ontlast met inzet VS", c.in("msz.vs.instroom_per_jaar"),
                         per_vs);
  Value by_pa = relieved(c, "behoud.anios.ontlast_pa", "Aniossen ontlast met inzet PA", c.in("msz.pa.instroom_per_jaar"),
                         per_pa);
  Value total = c.step("behoud.anios.ontlast_totaal", "Aniossen ontlast met inzet VS/PA", Unit::personen, by_vs + by_pa);
  share_of(c, "behoud.anios.bijdrage_ongericht", "Bijdrage aan behoud aniossen (ongericht)", total, relevant);
  share_of(c, "behoud.anios.bijdrage_gericht_werkdruk", "Bijdrage aan behoud aniossen (gericht op werkdruk)", total,
           werkdruk);
  share_of(c, "behoud.anios.bijdrage_gericht_balans", "Bijdrage aan behoud aniossen (gericht op werk-privébalans)",
           total, balans);
  share_of(c, "behoud.anios.bijdrage_gericht_burnout", "Bijdrage aan behoud aniossen (gericht op burn-out)", total,
           burnout);
}

void verpleegkundigen(Calc& c) {
  Value hbo = c.step("behoud.verpleegkundigen.hbo", "Hbo-opgeleide verpleegkundigen", Unit::personen,
                     c.in("verpleegkundigen.big_aantal") * c.in("verpleegkundigen.aandeel_hbo"));
  Value vertrek = c.step("behoud.verpleegkundigen.vertrek_loopbaan",
                         "Hbo-verpleegkundigen die jaarlijks vertrekken wegens gebrek aan loopbaanperspectief",
                         Unit::personen, hbo * c.in("verpleegkundigen.uitstroom_per_jaar") *
                                             c.in("verpleegkundigen.aandeel_vertrek_loopbaan"));
  share_of(c, "behoud.verpleegkundigen.bijdrage", "Bijdrage aan behoud hbo-verpleegkundigen (maximaal)",
           c.in("vs_pa.instroom_per_jaar"), vertrek);
  c.step("behoud.medisch_specialisten.fte", "Fte medisch specialisten (2021)", Unit::fte,
         c.in("medisch_specialisten.aantal") * c.in("medisch_specialisten.gem_fte"));
}

}  // namespace

void behoud(Calc& c, const HuisartsResults& h, const HeelkundeResults& hk) {
  huisartsen(c, h);
  aniossen(c, hk);
  verpleegkundigen(c);
}

}  // namespace zorgcap
