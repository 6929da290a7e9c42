#include "writers/libzip_library.h"

namespace zorgcap {

ZORGCAP_LIBRARY_LOADER(LibZip, libzip, ZORGCAP_LIBZIP_FUNCTIONS, ZORGCAP_LIBZIP_SONAME, "tables.docx", "libzip4")

}  // namespace zorgcap
