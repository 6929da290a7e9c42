#pragma once
#include <optional>
#include <string_view>

namespace zorgcap {

// Units as the report speaks of them; the YAML spelling is the Dutch name.
enum class Unit {
  aandeel,        // a share, 0..1 (shown as %)
  aantal,         // a count of things (praktijken, ziekenhuizen, instellingen)
  personen,       // a count of people
  fte,
  uren,
  uren_per_week,
  uren_per_fte,
  uren_per_dienst,
  weken,
  jaren,
  euro,
  euro_per_uur,
  euro_per_jaar,
  factor,          // a dimensionless multiplier or ratio
  clienten_per_fte,
  fte_per_persoon,
  fte_per_instelling,
  personen_per_jaar,
};

std::string_view unit_name(Unit u);
std::optional<Unit> parse_unit(std::string_view name);
// Every unit name, in declaration order (for "did you mean" and documentation).
const std::string_view* unit_names(std::size_t& count);

}  // namespace zorgcap
