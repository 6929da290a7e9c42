#pragma once
#include <optional>
#include <string>
#include <vector>

#include "document/document.h"
#include "document/unit_number.h"

namespace zorgcap {

// tables.xlsx (libxlsxwriter): one sheet per table ("Tabel 1" … "Tabel 37": caption, header rows in
// bold with merged cells for spans, body, notes), then "Herkomst" (one row per provenance entry, row
// = mark + 1) and "Bronnen". Every cell with numbers links to its "Herkomst" row.
//
// A body cell holding one number and otherwise only a unit ("%", "fte", "€ … miljoen") is a
// NUMBER cell (document/unit_number.h decides; see xlsx_number); any other cell is a string,
// written so that it is never evaluated (text starting with = + - @ stays text).
//
// Same Document, same bytes: the document's creation time is fixed (1 January of the peildatum's
// year, 2000 when it has none) instead of "now"; libxlsxwriter dates its zip entries 1980-01-01.
// The file is written atomically (write_file_atomic). Throws std::runtime_error on failure.
void write_xlsx(const Document& doc, const std::string& path);

// A body cell as an Excel number: the value and an Excel number format that displays it exactly
// as the report prints it (the display's separators follow Excel's locale: "9.842" in Dutch Excel).
//
// The value is the run's raw value at full precision (as in tables.json); the number's own format
// (BuiltNumber::format, from the template) gives the decimals and the scale:
//   n  → "#,##0.00" style (the decimals of the printed text);
//   pct followed by "%" → a real percent format ("#,##0%", "#,##0.0%"), value the share (0.19 shows 19%);
//   pct without a "%" → the value × 100 with a plain format (Excel only scales with a "%" sign);
//   mln / dzd → the full value with Excel's thousands-scaling commas ("#,##0.00,,": shows millions);
// the unit text around the number becomes quoted literals in the format ("€ "#,##0.00,," miljoen").
// If Excel's display of the raw value (15 significant digits, halves away from zero) would differ
// from the printed text, for instance a negative that rounds to zero ("-0"), the printed value is
// written instead. Empty when the cell is not one number with a unit.
struct XlsxNumber {
  double value = 0;
  std::string format;
};
std::optional<XlsxNumber> xlsx_number(const BuiltCell& cell);
std::optional<XlsxNumber> xlsx_number(const UnitNumber& unit);

// A cell as one or more numbers, each with its own unit format: a single number with its unit,
// or the numbers of ranges and pairs, split at their separators ("–", "-", "tot", "en", "/", a line
// break, a parenthesis): "€ 286,44 – € 572,89 miljoen" → two numbers with the format
// "€ "#,##0.00,," miljoen"; "1.917-3.833 fte (19-39%)" → 1.917 fte, 3.833 fte, 19%, 39% (the
// first number of a range takes the unit printed after the second). Empty when any part is more
// than a number with its unit (prose such as "344, waarvan 117 door werkdruk" stays text).
struct XlsxPart {
  XlsxNumber number;
  const BuiltRun* run = nullptr;  // the number's run, in the cell
};
std::vector<XlsxPart> xlsx_parts(const BuiltCell& cell);

}  // namespace zorgcap
