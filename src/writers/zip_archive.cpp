#include "writers/zip_archive.h"

#include <cstdio>
#include <ctime>
#include <memory>
#include <stdexcept>

#include "writers/libzip_library.h"

namespace zorgcap {
namespace {

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
  throw std::runtime_error("zip: " + what + ": " + libzip().zip_error_strerror(error));
}

// libzip turns a time_t into the zip's DOS date with localtime(): the local 1980-01-01 00:00 is
// stored as exactly that, in every time zone.
std::time_t dos_epoch() {
  std::tm tm{};
  tm.tm_year = 80;
  tm.tm_mday = 1;
  tm.tm_isdst = -1;
  return std::mktime(&tm);
}

}  // namespace

std::string zip_archive(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t error;
  libzip().zip_error_init(&error);
  std::unique_ptr<zip_error_t, decltype(&zip_error_fini)> error_guard(&error, libzip().zip_error_fini);
  zip_source_t* buffer = libzip().zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) fail("cannot create a buffer", &error);
  zip_t* archive = libzip().zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) {
    libzip().zip_source_free(buffer);
    fail("cannot open the buffer", &error);
  }
  libzip().zip_source_keep(buffer);  // the bytes are read from it after zip_close
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> keep(buffer, libzip().zip_source_free);
  const std::time_t when = dos_epoch();
  for (const auto& [name, content] : entries) {
    zip_source_t* s = libzip().zip_source_buffer(archive, content.data(), content.size(), 0);
    zip_int64_t index = s ? libzip().zip_file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (s) libzip().zip_source_free(s);
      std::string message = "zip: cannot add " + name + ": " + libzip().zip_strerror(archive);
      libzip().zip_discard(archive);
      throw std::runtime_error(message);
    }
    zip_uint64_t i = static_cast<zip_uint64_t>(index);
    if (libzip().zip_file_set_mtime(archive, i, when, 0) < 0 ||
        libzip().zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 9) < 0) {
      std::string message = "zip: cannot set up " + name + ": " + libzip().zip_strerror(archive);
      libzip().zip_discard(archive);
      throw std::runtime_error(message);
    }
  }
  if (libzip().zip_close(archive) < 0) {  // the entries' contents are read here, while `entries` lives
    std::string message = std::string("zip: cannot write the archive: ") + libzip().zip_strerror(archive);
    libzip().zip_discard(archive);
    throw std::runtime_error(message);
  }
  std::string out;
  if (libzip().zip_source_open(buffer) < 0) fail("cannot read the archive", libzip().zip_source_error(buffer));
  libzip().zip_source_seek(buffer, 0, SEEK_END);
  zip_int64_t size = libzip().zip_source_tell(buffer);
  libzip().zip_source_seek(buffer, 0, SEEK_SET);
  if (size > 0) {
    out.resize(static_cast<std::size_t>(size));
    if (libzip().zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size)) != size) {
      libzip().zip_source_close(buffer);
      fail("cannot read the archive", libzip().zip_source_error(buffer));
    }
  }
  libzip().zip_source_close(buffer);
  return out;
}

}  // namespace zorgcap
