#pragma once
// libxlsxwriter's functions that tables.xlsx uses, loaded on first use (writers/shared_library.h).
#include <xlsxwriter.h>

#include "writers/shared_library.h"

#define ZORGCAP_XLSXWRITER_FUNCTIONS(X)                                                                          \
  X(workbook_new) X(workbook_add_worksheet) X(workbook_add_format) X(workbook_set_properties) X(workbook_close)   \
  X(worksheet_write_string) X(worksheet_write_number) X(worksheet_write_url_opt) X(worksheet_write_comment_opt) \
  X(worksheet_merge_range) X(worksheet_set_column) X(worksheet_set_row) X(worksheet_freeze_panes)               \
  X(worksheet_repeat_rows) X(worksheet_autofilter) X(worksheet_set_paper) X(worksheet_set_landscape)           \
  X(worksheet_fit_to_pages) X(format_set_bold) X(format_set_italic) X(format_set_underline)                     \
  X(format_set_font_color) X(format_set_bg_color) X(format_set_align) X(format_set_text_wrap)                  \
  X(format_set_bottom) X(format_set_num_format) X(lxw_strerror)

namespace zorgcap {

ZORGCAP_LIBRARY_FUNCTIONS_STRUCT(XlsxWriterLibrary, ZORGCAP_XLSXWRITER_FUNCTIONS)

// The library, loaded on the first call (ZORGCAP_LIBRARY_LOADER in writers/shared_library.h).
const XlsxWriterLibrary& xlsxwriter();

}  // namespace zorgcap
