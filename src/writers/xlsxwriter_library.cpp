#include "writers/xlsxwriter_library.h"

namespace zorgcap {

ZORGCAP_LIBRARY_LOADER(XlsxWriterLibrary, xlsxwriter, ZORGCAP_XLSXWRITER_FUNCTIONS, ZORGCAP_XLSXWRITER_SONAME,
                       "tables.xlsx", "libxlsxwriter4")

}  // namespace zorgcap
