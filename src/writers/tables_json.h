#pragma once
#include <string>

#include "document/document.h"

namespace zorgcap {

// tables.json: every table as displayed, each number cell with its quantity key(s) and raw values.
std::string render_tables_json(const Document& doc);

// tables.csv (UTF-8 with BOM): one line per cell and quantity it prints: table, section, row, column,
// text, quantity, unit, min, max (raw values with a "." decimal point; the columns are described
// in README.md).
std::string render_tables_csv(const Document& doc);

}  // namespace zorgcap
