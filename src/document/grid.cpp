#include "document/grid.h"

#include <optional>
#include <stdexcept>

namespace zorgcap {
namespace {

Grid section_grid(const BuiltTable& t, const std::vector<std::vector<BuiltCell>>& rows, const char* name) {
  const int height = static_cast<int>(rows.size()), width = t.columns;
  auto fail = [&](const std::string& what) { throw std::logic_error(t.id + " " + name + ": " + what); };
  std::vector<std::vector<std::optional<GridSlot>>> slots(rows.size(), std::vector<std::optional<GridSlot>>(static_cast<std::size_t>(width)));
  for (int r = 0; r < height; ++r)
    for (std::size_t i = 0; i < rows[static_cast<std::size_t>(r)].size(); ++i) {
      const BuiltCell& c = rows[static_cast<std::size_t>(r)][i];
      if (c.row != r) fail("cell " + c.id + " is listed in row " + std::to_string(r));
      if (c.rowspan < 1 || c.colspan < 1 || c.col < 0 || c.col + c.colspan > width || c.row + c.rowspan > height)
        fail("cell " + c.id + " reaches past the edge of the grid");
      for (int rr = c.row; rr < c.row + c.rowspan; ++rr)
        for (int cc = c.col; cc < c.col + c.colspan; ++cc) {
          auto& slot = slots[static_cast<std::size_t>(rr)][static_cast<std::size_t>(cc)];
          if (slot) fail("cell " + c.id + " overlaps another cell");
          bool start = rr == c.row && cc == c.col;
          slot = GridSlot{start ? GridSlot::Kind::content : GridSlot::Kind::continuation, r, static_cast<int>(i)};
        }
    }
  Grid out(rows.size());
  for (int r = 0; r < height; ++r)
    for (int c = 0; c < width; ++c) {
      const auto& slot = slots[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
      if (!slot) fail("no cell covers row " + std::to_string(r) + ", column " + std::to_string(c));
      out[static_cast<std::size_t>(r)].push_back(*slot);
    }
  return out;
}

}  // namespace

void resolve_grid(BuiltTable& t) {
  t.header_grid = section_grid(t, t.header, "header");
  t.body_grid = section_grid(t, t.body, "body");
}

}  // namespace zorgcap
