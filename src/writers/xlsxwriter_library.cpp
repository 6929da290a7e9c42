#include "writers/xlsxwriter_library.h"

#include "writers/shared_library.h"

namespace zorgcap {

const XlsxWriterLibrary& xlsxwriter() {
  static const XlsxWriterLibrary library = [] {
    const char* soname = ZORGCAP_XLSXWRITER_SONAME;
    void* handle = open_shared_library(soname, "tables.xlsx", "libxlsxwriter4");
    XlsxWriterLibrary l;
#define ZORGCAP_LOAD(name) l.name = function_from<decltype(&::name)>(handle, soname, #name, "tables.xlsx");
    ZORGCAP_XLSXWRITER_FUNCTIONS(ZORGCAP_LOAD)
#undef ZORGCAP_LOAD
    return l;
  }();
  return library;
}

}  // namespace zorgcap
