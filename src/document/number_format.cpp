#include "document/number_format.h"

#include "core/number_format.h"

namespace zorgcap {

double NumberFormat::factor() const { return scale_factor(scale); }

std::string NumberFormat::apply(double value) const { return format_nl(value * factor(), decimals); }

std::string NumberFormat::spec() const {
  const char* p = scale == Scale::number ? "n" : scale == Scale::percent ? "pct" : scale == Scale::million ? "mln" : "dzd";
  return p + std::to_string(decimals);
}

std::optional<NumberFormat> parse_number_format(std::string_view spec) {
  struct Prefix {
    std::string_view name;
    NumberFormat::Scale scale;
  };
  static constexpr Prefix kPrefixes[] = {{"pct", NumberFormat::Scale::percent},
                                         {"mln", NumberFormat::Scale::million},
                                         {"dzd", NumberFormat::Scale::thousand},
                                         {"n", NumberFormat::Scale::number}};
  for (const Prefix& p : kPrefixes) {
    if (spec.substr(0, p.name.size()) != p.name) continue;
    std::string_view d = spec.substr(p.name.size());
    if (d.size() != 1 || d[0] < '0' || d[0] > '3') return std::nullopt;
    return NumberFormat{p.scale, d[0] - '0'};
  }
  return std::nullopt;
}

}  // namespace zorgcap
