// libxlsxwriter and libzip are loaded when tables.xlsx or tables.docx is first written, not linked:
// a run that writes neither never loads them (nor libcrypto, which libzip pulls in).
#include "writers/shared_library.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include "writers/libzip_library.h"
#include "writers/xlsxwriter_library.h"

namespace zorgcap {
namespace {

std::string error_of(void (*f)()) {
  try {
    f();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(SharedLibrary, AMissingLibraryNamesItselfWhatNeedsItAndItsPackage) {
  const std::string e = error_of([] { open_shared_library("libzorgcap-absent.so.7", "tables.xlsx", "libabsent7"); });
  EXPECT_NE(e.find("tables.xlsx needs the shared library libzorgcap-absent.so.7"), std::string::npos) << e;
  EXPECT_NE(e.find("install the Debian package libabsent7"), std::string::npos) << e;
}

TEST(SharedLibrary, AMissingFunctionIsNamed) {
  const std::string e = error_of([] {
    void* z = open_shared_library("libz.so.1", "report.pdf", "zlib1g");
    shared_library_function(z, "libz.so.1", "zorgcap_no_such_function", "report.pdf");
  });
  EXPECT_NE(e.find("the function zorgcap_no_such_function of libz.so.1"), std::string::npos) << e;
}

TEST(SharedLibrary, XlsxWriterAndLibZipLoadWithEveryFunction) {
  const XlsxWriterLibrary& x = xlsxwriter();
#define ZORGCAP_EXPECT_LOADED(name) EXPECT_NE(x.name, nullptr) << #name;
  ZORGCAP_XLSXWRITER_FUNCTIONS(ZORGCAP_EXPECT_LOADED)
#undef ZORGCAP_EXPECT_LOADED
  ASSERT_NE(x.lxw_strerror, nullptr);
  const std::string no_error = x.lxw_strerror(LXW_NO_ERROR);  // called in the library itself
  EXPECT_FALSE(no_error.empty());
  const LibZip& z = libzip();
#define ZORGCAP_EXPECT_LOADED(name) EXPECT_NE(z.name, nullptr) << #name;
  ZORGCAP_LIBZIP_FUNCTIONS(ZORGCAP_EXPECT_LOADED)
#undef ZORGCAP_EXPECT_LOADED
  EXPECT_EQ(&xlsxwriter(), &x) << "loaded once";
}

TEST(SharedLibrary, TheProgramDoesNotLinkThem) {
  std::unique_ptr<FILE, int (*)(FILE*)> p(::popen("readelf -d " ZORGCAP_BINARY, "r"), ::pclose);
  ASSERT_NE(p, nullptr);
  std::string dynamic;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p.get())) > 0;) dynamic.append(buf, n);
  ASSERT_NE(dynamic.find("(NEEDED)"), std::string::npos) << "readelf -d printed no dynamic section:\n" << dynamic;
  EXPECT_NE(dynamic.find("libhpdf"), std::string::npos) << dynamic;
  EXPECT_EQ(dynamic.find("libxlsxwriter"), std::string::npos) << dynamic;
  EXPECT_EQ(dynamic.find("libzip"), std::string::npos) << dynamic;
}

}  // namespace
}  // namespace zorgcap
