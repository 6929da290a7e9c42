#pragma once
#include "core/results.h"
#include "inputs/inputs.h"
#include "model/calc.h"

namespace zorgcap {

// The report's rekenmodel (docs/MODEL.md): every quantity with its provenance.
Results evaluate(const Inputs& inputs);
// The same model on any Calc (a Calc without a Results computes values only).
void run_model(Calc& c);

// --- what the parts of the model hand each other -------------------------------------------------
struct Common {
  Value uren_per_fte;
};

struct HuisartsProfession {  // case 1a, one of VS / PA
  Value netto_uren, netto_fte, benodigd_uren, benodigd_fte;
};
struct HuisartsResults {
  HuisartsProfession vs, pa;
};

struct HeelkundeProfession {  // case 1b, VS or PA taking over from MS or anios
  Value netto_uren, netto_fte, benodigd_uren, benodigd_fte;
};
struct HeelkundeResults {
  HeelkundeProfession ms_vs, ms_pa, anios_vs, anios_pa;
};

struct JobcarvingResults {  // case 2
  Value vhz_vig_overname, vhz_helpenden_overname;  // shares of time taken over (also case 3)
  Value vhz_vig_netto_fte, vhz_helpenden_netto_fte, vhz_benodigd_fte;
  Value ghz_vig_netto_fte, ghz_begeleiders_netto_fte, ghz_benodigd_fte;
};

Common common(Calc& c);
HuisartsResults huisarts(Calc& c, const Common& k);
HeelkundeResults heelkunde(Calc& c, const Common& k);
JobcarvingResults jobcarving(Calc& c, const Common& k);
void informele_zorg(Calc& c, const Common& k, const JobcarvingResults& j);
void behoud(Calc& c, const HuisartsResults& h, const HeelkundeResults& hk);
void doelmatigheid(Calc& c, const HuisartsResults& h, const HeelkundeResults& hk, const JobcarvingResults& j);
void benutting(Calc& c, const HuisartsResults& h, const HeelkundeResults& hk, const JobcarvingResults& j);

}  // namespace zorgcap
