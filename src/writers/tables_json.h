#pragma once
#include <string>

#include "document/document.h"

namespace zorgcap {

// tables.json: every table as displayed, each number cell with its quantity key(s) and raw values.
std::string render_tables_json(const Document& doc);

// tables.csv: one line per cell: table, row, column, text, raw value(s), quantity key(s).
std::string render_tables_csv(const Document& doc);

}  // namespace zorgcap
