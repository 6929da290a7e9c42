#pragma once
// libzip's functions that tables.docx uses, loaded on first use (writers/shared_library.h).
#include <zip.h>

#include "writers/shared_library.h"

#define ZORGCAP_LIBZIP_FUNCTIONS(X)                                                                     \
  X(zip_error_init) X(zip_error_fini) X(zip_error_strerror) X(zip_source_buffer_create) X(zip_open_from_source)          \
  X(zip_source_free) X(zip_source_keep) X(zip_source_buffer) X(zip_file_add) X(zip_strerror)           \
  X(zip_discard) X(zip_file_set_mtime) X(zip_set_file_compression) X(zip_close) X(zip_source_open)      \
  X(zip_source_error) X(zip_source_seek) X(zip_source_tell) X(zip_source_read) X(zip_source_close)

namespace zorgcap {

ZORGCAP_LIBRARY_FUNCTIONS_STRUCT(LibZip, ZORGCAP_LIBZIP_FUNCTIONS)

// The library, loaded on the first call (ZORGCAP_LIBRARY_LOADER in writers/shared_library.h).
const LibZip& libzip();

}  // namespace zorgcap
