#pragma once
#include <optional>
#include <string>
#include <vector>

#include "document/number_format.h"
#include "inputs/diagnostics.h"
#include "inputs/load_inputs.h"

namespace zorgcap {

// A number in a template cell: which quantity, which scenario value, printed how.
struct NumberRef {
  std::string key;
  std::string bound;  // "min", "max", or "" for a single-valued quantity
  NumberFormat format;
};

// A piece of cell text: literal text, or a number.
struct CellRun {
  std::string text;                 // literal text (empty for a number run)
  std::optional<NumberRef> number;  // set for a number run
};

struct CellTemplate {
  std::vector<CellRun> runs;
  int colspan = 1;
  int rowspan = 1;
  Location where;  // in the template file, for errors
};

// One table as templates/tables/tabel-NN.yaml defines it (see templates/tables/README.md).
struct TableTemplate {
  int number = 0;
  std::string caption;
  bool landscape = false;
  int row_header_columns = 1;
  std::vector<std::vector<CellTemplate>> header;
  std::vector<std::vector<CellTemplate>> rows;
  std::vector<std::string> notes;
  std::string file;
};

// Splits cell text into runs: "{key@bound|fmt}" is a number, "{{" and "}}" are literal braces.
// Returns an error message for a malformed reference.
std::optional<std::string> parse_cell_text(const std::string& text, std::vector<CellRun>& runs);

// Reads every tabel-*.yaml in `dir`, sorted by table number. Checks the structure (spans, row
// widths, number formats); whether keys exist is checked when binding to Results.
std::optional<std::vector<TableTemplate>> load_table_templates(const std::string& dir, Diagnostics& diags,
                                                               SourceTexts& texts);

}  // namespace zorgcap
