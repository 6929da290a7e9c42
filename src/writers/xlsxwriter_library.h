#pragma once
// libxlsxwriter's functions that tables.xlsx uses, loaded on first use (writers/shared_library.h).
#include <xlsxwriter.h>

#define ZORGCAP_XLSXWRITER_FUNCTIONS(X)                                                                          \
  X(workbook_new) X(workbook_add_worksheet) X(workbook_add_format) X(workbook_set_properties) X(workbook_close)   \
  X(worksheet_write_string) X(worksheet_write_number) X(worksheet_write_url_opt) X(worksheet_write_comment_opt) \
  X(worksheet_merge_range) X(worksheet_set_column) X(worksheet_set_row) X(worksheet_freeze_panes)               \
  X(worksheet_repeat_rows) X(worksheet_autofilter) X(worksheet_set_paper) X(worksheet_set_landscape)           \
  X(worksheet_fit_to_pages) X(format_set_bold) X(format_set_italic) X(format_set_underline)                     \
  X(format_set_font_color) X(format_set_bg_color) X(format_set_align) X(format_set_text_wrap)                  \
  X(format_set_bottom) X(format_set_num_format) X(lxw_strerror)

namespace zorgcap {

struct XlsxWriterLibrary {
#define ZORGCAP_FUNCTION_POINTER(name) decltype(&::name) name = nullptr;
  ZORGCAP_XLSXWRITER_FUNCTIONS(ZORGCAP_FUNCTION_POINTER)
#undef ZORGCAP_FUNCTION_POINTER
};

// Loaded once per process, on the first call (from any thread); throws std::runtime_error naming the
// library and its Debian package when it cannot be loaded (and tries again on the next call).
const XlsxWriterLibrary& xlsxwriter();

}  // namespace zorgcap
