#include "model/model.h"

namespace zorgcap {
void run_model(Calc& c) {
  Common k = common(c);
  HuisartsResults h = huisarts(c, k);
  HeelkundeResults hk = heelkunde(c, k);
  JobcarvingResults j = jobcarving(c, k);
  informele_zorg(c, k, j);
  behoud(c, h, hk);
  doelmatigheid(c, h, hk, j);
  benutting(c, h, hk, j);
}

Results evaluate(const Inputs& inputs) {
  Results r;
  Calc c(inputs, &r);
  run_model(c);
  return r;
}

Common common(Calc& c) {
  Value weken = c.in("weken_per_jaar"), uren = c.in("uren_per_week");
  return {c.step("uren_per_fte", "Uren per fte per jaar", Unit::uren_per_fte, weken * uren)};
}

}  // namespace zorgcap
