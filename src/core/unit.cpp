#include "core/unit.h"

#include <array>

namespace zorgcap {
namespace {
constexpr std::array<std::string_view, 18> kNames = {
    "aandeel", "aantal",   "personen", "fte",          "uren",          "uren/week",
    "uren/fte", "uren/dienst", "weken", "jaren",       "euro",          "euro/uur",
    "euro/jaar", "factor", "clienten/fte", "fte/persoon", "fte/instelling", "personen/jaar",
};
}  // namespace

std::string_view unit_name(Unit u) { return kNames[static_cast<std::size_t>(u)]; }

std::optional<Unit> parse_unit(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<Unit>(i);
  return std::nullopt;
}

const std::string_view* unit_names(std::size_t& count) {
  count = kNames.size();
  return kNames.data();
}

}  // namespace zorgcap
