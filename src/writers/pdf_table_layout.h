#pragma once
// Tables in report.pdf: column widths from the cells' content, and tables flowing over pages. Rows
// are never split (nor rows joined by a rowspan), header rows repeat on every page a table continues
// on, and the caption stays with the header and the first rows.
#include <string>
#include <utility>
#include <vector>

#include "document/document.h"
#include "writers/pdf_page_flow.h"

namespace zorgcap::pdf {

// Which marks a cell's numbers carry: provenance marks (each number links to its Herkomst entry
// either way) and deviation marks (to the number's Verantwoording entry).
struct CellMarks {
  bool provenance = true;
  bool deviations = true;
};
inline CellMarks cell_marks(const LayoutOptions& o) { return {o.marks, o.marks && o.deviation_links}; }

// A cell as rich text: its runs, each number linking to its appendix entry with its marks, and the
// report's footnotes raised where they stand.
std::vector<Piece> cell_pieces(const BuiltCell& cell, const CellMarks& marks);

// A table's cells as rich text with their content widths, built and measured once: choosing portrait
// or landscape, the column widths and each cell's lines all read them. Holds references to what it
// was measured with, which must outlive it.
class MeasuredCells {
 public:
  struct Cell {
    std::vector<Piece> pieces;  // cell_pieces
    ContentWidths widths;
  };
  MeasuredCells(const BuiltTable& table, const FontMetrics& metrics, const Typography& type, const CellMarks& marks);

  // The header's cells, then the body's, row by row as the table holds them (a cell outside the
  // table's columns is left empty).
  const std::vector<Cell>& cells() const { return cells_; }
  // Whether these were measured for `table` with these metrics, typography and marks.
  bool measured_for(const BuiltTable& table, const FontMetrics& metrics, const Typography& type,
                    const CellMarks& marks) const {
    return &table == &table_ && &metrics == &metrics_ && &type == &type_ && marks.provenance == marks_.provenance &&
           marks.deviations == marks_.deviations;
  }

 private:
  const BuiltTable& table_;
  const FontMetrics& metrics_;
  const Typography& type_;
  CellMarks marks_;
  std::vector<Cell> cells_;
};

// Column widths (padding included) summing to `available`, derived from the cells' content: see
// pdf_table_layout.cpp for the algorithm.
std::vector<double> column_widths(const BuiltTable& table, const MeasuredCells& cells, const Typography& type,
                                  double available);
std::vector<double> column_widths(const BuiltTable& table, const FontMetrics& metrics, const Typography& type,
                                  double available, const CellMarks& marks = {});

// Whether the table's columns fit `available` with no range broken inside (see column_widths).
bool fits_width(const BuiltTable& table, const MeasuredCells& cells, const Typography& type, double available);
bool fits_width(const BuiltTable& table, const FontMetrics& metrics, const Typography& type, double available,
                const CellMarks& marks = {});

// A table's measured cells, the parts of a TableFlow.
enum class Align { left, right, center };

struct CellBox {
  const BuiltCell* cell = nullptr;
  int row = 0, col = 0, rowspan = 1, colspan = 1;
  Font font = Font::regular;
  Align align = Align::left;
  std::vector<Line> lines;
  double height = 0;  // content + padding
};

struct Section {
  std::vector<CellBox> cells;       // in row order
  std::vector<double> row_heights;  // one per row
  double height(int from, int to) const {
    double h = 0;
    for (int r = from; r < to; ++r) h += row_heights[r];
    return h;
  }
};

// A table measured for the current page's width, ready to flow over pages.
struct TableFlow {
  std::vector<double> xs;  // column edges
  Section header, body;
  std::vector<std::pair<int, int>> blocks;  // unbreakable runs of body rows, [from, to)
  std::vector<Line> caption;                // on the first page (none: a heading above says it)
  std::vector<Line> continued;              // on every later page
  std::vector<bool> shaded;                 // body rows with a tinted background
  std::vector<std::string> row_anchors;     // per body row: an anchor at its top ("" for none)
  double first_height = 0;                  // caption, header and first block: kept together
  bool landscape = false;
};

// Measures `t` for the current page of `flow`, with `caption` on its first page (none when empty)
// and `continued` on every later one. Throws std::runtime_error for a row that cannot fit on a page.
// `cells`: `t`'s cells measured already with `flow`'s metrics, typography and marks (else they are
// measured here).
TableFlow prepare_table(const PageFlow& flow, const BuiltTable& t, const std::string& caption,
                        const std::string& continued, const MeasuredCells* cells = nullptr);

// Draws a prepared table from the cursor: its caption, header, rows over as many pages as they
// need (each later page starting with the continued caption and the header), then its notes.
void flow_table(PageFlow& flow, const BuiltTable& t, const TableFlow& f);

}  // namespace zorgcap::pdf
