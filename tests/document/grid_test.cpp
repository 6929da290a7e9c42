// The normalized grid: every slot of a table's header and body is its cell's start (content) or a
// continuation of a spanning cell pointing at its owner, each slot exactly once.
#include "document/grid.h"

#include <gtest/gtest.h>

#include <map>

#include "document/build.h"
#include "test_support.h"

namespace zorgcap {
namespace {

// A 4-column table with spans in both sections, through the template loader and the build pass:
//   header: "A" (2 rows) | "B" over "b1" "b2" | "C" (2 rows)
//   body:   "sectie" over all 4 columns
//           "g" (2 rows) | x | y | z
//                        | p | q (2 columns)
BuiltTable spanning_table() {
  test::TempDir dir;
  test::write_file((dir.path() / "tabel-01.yaml").string(), R"(number: 1
caption: "Tabel 1. Spans."
header:
  - [{text: "A", rowspan: 2}, {text: "B", colspan: 2}, {text: "C", rowspan: 2}]
  - ["b1", "b2"]
rows:
  - [{text: "sectie", colspan: 4}]
  - [{text: "g", rowspan: 2}, "x", "y", "z"]
  - ["p", {text: "q", colspan: 2}]
)");
  Diagnostics diags;
  SourceTexts texts;
  auto t = load_table_templates(dir.str(), diags, texts);
  if (!t) throw std::runtime_error(diags.format(texts));
  return build_document(*t, test::baseline_results(), test::baseline_inputs(), "digest").tables.at(0);
}

// For one section: how many slots each cell owns, and that its one content slot is its top-left.
void expect_tiled(const std::vector<std::vector<BuiltCell>>& rows, const Grid& grid, int columns) {
  std::map<std::string, int> slots_of;
  for (std::size_t r = 0; r < grid.size(); ++r) {
    ASSERT_EQ(static_cast<int>(grid[r].size()), columns) << "row " << r;
    for (std::size_t c = 0; c < grid[r].size(); ++c) {
      const GridSlot& s = grid[r][c];
      const BuiltCell& cell = cell_at(rows, s);
      ++slots_of[cell.id];
      EXPECT_LE(cell.row, static_cast<int>(r));
      EXPECT_GT(cell.row + cell.rowspan, static_cast<int>(r));
      EXPECT_LE(cell.col, static_cast<int>(c));
      EXPECT_GT(cell.col + cell.colspan, static_cast<int>(c));
      bool start = cell.row == static_cast<int>(r) && cell.col == static_cast<int>(c);
      EXPECT_EQ(s.kind == GridSlot::Kind::content, start) << cell.id << " at " << r << "," << c;
    }
  }
  for (const auto& row : rows)
    for (const BuiltCell& cell : row) EXPECT_EQ(slots_of[cell.id], cell.rowspan * cell.colspan) << cell.id;
}

TEST(Grid, EverySlotIsCoveredExactlyOnce) {
  BuiltTable t = spanning_table();
  ASSERT_EQ(t.columns, 4);
  ASSERT_EQ(t.header_grid.size(), 2u);
  ASSERT_EQ(t.body_grid.size(), 3u);
  expect_tiled(t.header, t.header_grid, 4);
  expect_tiled(t.body, t.body_grid, 4);
  // "B" spans two columns; "A" and "C" continue into the second header row.
  EXPECT_EQ(cell_at(t.header, t.header_grid[0][2]).text, "B");
  EXPECT_EQ(t.header_grid[0][2].kind, GridSlot::Kind::continuation);
  EXPECT_EQ(cell_at(t.header, t.header_grid[1][0]).text, "A");
  EXPECT_EQ(t.header_grid[1][0].kind, GridSlot::Kind::continuation);
  EXPECT_EQ(cell_at(t.header, t.header_grid[1][1]).text, "b1");
  EXPECT_EQ(cell_at(t.header, t.header_grid[1][3]).text, "C");
  // The section row covers the whole first body row; "g" the first column of two rows.
  for (int c = 0; c < 4; ++c) EXPECT_EQ(cell_at(t.body, t.body_grid[0][static_cast<std::size_t>(c)]).text, "sectie");
  EXPECT_EQ(cell_at(t.body, t.body_grid[2][0]).text, "g");
  EXPECT_EQ(cell_at(t.body, t.body_grid[2][1]).text, "p");
  EXPECT_EQ(cell_at(t.body, t.body_grid[2][3]).text, "q");
  EXPECT_EQ(t.body_grid[2][3].kind, GridSlot::Kind::continuation);
}

TEST(Grid, TheReportsTablesAreTiled) {
  Diagnostics diags;
  SourceTexts texts;
  auto templates = load_table_templates(test::source_dir() + "/templates/tables", diags, texts);
  ASSERT_TRUE(templates) << diags.format(texts);
  Document d = build_document(*templates, test::baseline_results(), test::baseline_inputs(), "digest");
  ASSERT_EQ(d.tables.size(), 37u);
  for (const BuiltTable& t : d.tables) {
    EXPECT_EQ(t.header_grid.size(), t.header.size()) << t.id;
    EXPECT_EQ(t.body_grid.size(), t.body.size()) << t.id;
    expect_tiled(t.header, t.header_grid, t.columns);
    expect_tiled(t.body, t.body_grid, t.columns);
  }
}

BuiltCell cell(int row, int col, int rowspan = 1, int colspan = 1) {
  BuiltCell c;
  c.id = "r" + std::to_string(row) + "c" + std::to_string(col);
  c.row = row;
  c.col = col;
  c.rowspan = rowspan;
  c.colspan = colspan;
  return c;
}

TEST(Grid, CellsThatDoNotTileTheGridAreRefused) {
  BuiltTable t;
  t.id = "tabel-98";
  t.columns = 2;
  t.header = {{cell(0, 0), cell(0, 1)}};
  t.body = {{cell(0, 0, 2, 1), cell(0, 1)}, {cell(1, 1)}};
  EXPECT_NO_THROW(resolve_grid(t));
  t.body = {{cell(0, 0, 1, 2), cell(0, 1)}};  // overlap
  EXPECT_THROW(resolve_grid(t), std::logic_error);
  t.body = {{cell(0, 0)}};  // a hole
  EXPECT_THROW(resolve_grid(t), std::logic_error);
  t.body = {{cell(0, 0), cell(0, 1, 2, 1)}};  // past the last row
  EXPECT_THROW(resolve_grid(t), std::logic_error);
  t.body = {{cell(0, 0), cell(0, 1, 1, 2)}};  // past the last column
  EXPECT_THROW(resolve_grid(t), std::logic_error);
}

}  // namespace
}  // namespace zorgcap
