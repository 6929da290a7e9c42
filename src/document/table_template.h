#pragma once
#include <optional>
#include <string>
#include <vector>

#include "document/bound.h"
#include "document/number_format.h"
#include "inputs/diagnostics.h"
#include "inputs/load_inputs.h"

namespace zorgcap {

// A number in a template cell: which quantity, which scenario value, printed how.
struct NumberRef {
  std::string key;
  Bound bound = Bound::single;
  NumberFormat format;
};

// A piece of cell text: literal text, a number, the source label of an input (`{KEY|bron}`), or
// a footnote marker (`{^N}`, which prints nothing yet).
struct CellRun {
  std::string text;                 // literal text (empty for the other kinds)
  std::optional<NumberRef> number;  // set for a number run
  std::string source_of;            // set for a source run: the input whose source label it prints
  int footnote = 0;                 // > 0 for a footnote marker: the footnote's number
};

// A footnote the report gives to a cell (templates list them under `footnotes`).
struct FootnoteTemplate {
  int number = 0;
  std::string text;  // as the report prints it
  std::string url;   // where the report gives one
  Location where;
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
  std::vector<FootnoteTemplate> footnotes;  // by number; each is marked in exactly one cell
  std::string file;
};

// Splits cell text into runs (grammar in templates/tables/README.md): "{key@bound|fmt}" is a
// number, "{key@min..max|fmt|sep}" two numbers (min, then the separator text, then max; `sep`
// defaults to "-"), "{key|bron}" a source label, "{^N}" a footnote marker, "{{" and "}}" literal
// braces. Returns an error message for a malformed reference.
std::optional<std::string> parse_cell_text(const std::string& text, std::vector<CellRun>& runs);

// Reads every tabel-*.yaml in `dir`, sorted by table number. Checks the structure (spans, row
// widths, number formats); whether keys exist is checked when binding to Results.
std::optional<std::vector<TableTemplate>> load_table_templates(const std::string& dir, Diagnostics& diags,
                                                               SourceTexts& texts);

}  // namespace zorgcap
