#include "writers/libzip_library.h"

#include "writers/shared_library.h"

namespace zorgcap {

const LibZip& libzip() {
  static const LibZip library = [] {
    const char* soname = ZORGCAP_LIBZIP_SONAME;
    void* handle = open_shared_library(soname, "tables.docx", "libzip4");
    LibZip l;
#define ZORGCAP_LOAD(name) l.name = function_from<decltype(&::name)>(handle, soname, #name, "tables.docx");
    ZORGCAP_LIBZIP_FUNCTIONS(ZORGCAP_LOAD)
#undef ZORGCAP_LOAD
    return l;
  }();
  return library;
}

}  // namespace zorgcap
