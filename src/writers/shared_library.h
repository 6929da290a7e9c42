#pragma once
// Shared libraries loaded when a run first needs them instead of when the program starts:
// libxlsxwriter (tables.xlsx) and libzip (tables.docx) pull in libcrypto, minizip and bz2, whose
// loading and relocation cost every run about 3 ms and half a MiB, whatever it writes.
#include <string>

namespace zorgcap {

// The library `soname` (RTLD_NOW, so a missing function shows here and not half-way through a
// file). Throws std::runtime_error naming the library, what needs it and the Debian package that
// has it.
void* open_shared_library(const char* soname, const std::string& needed_for, const std::string& package);

// The function `name` of a library opened above; throws like open_shared_library when it lacks it.
void* shared_library_function(void* library, const char* soname, const char* name, const std::string& needed_for);

// A function pointer of type F from shared_library_function.
template <class F>
F function_from(void* library, const char* soname, const char* name, const std::string& needed_for) {
  return reinterpret_cast<F>(shared_library_function(library, soname, name, needed_for));
}

}  // namespace zorgcap

// Declares `struct Type` with a pointer member per function that FUNCTIONS(X) lists, named and typed
// as the library's header declares that function.
#define ZORGCAP_LIBRARY_FUNCTIONS_STRUCT(Type, FUNCTIONS) \
  struct Type {                                           \
    FUNCTIONS(ZORGCAP_FUNCTION_POINTER)                   \
  };
#define ZORGCAP_FUNCTION_POINTER(f) decltype(&::f) f = nullptr;

// Defines `const Type& name()`: the library `soname` opened on the first call (once per process,
// from any thread; a failed load is tried again on the next call), with every function that
// FUNCTIONS(X) lists looked up into the member of the same name.
#define ZORGCAP_LIBRARY_LOADER(Type, name, FUNCTIONS, soname, needed_for, package)  \
  const Type& name() {                                                              \
    static const Type library = [] {                                                \
      const char* const library_soname = soname;                                     \
      const char* const library_user = needed_for;                                   \
      void* const handle = ::zorgcap::open_shared_library(library_soname, library_user, package); \
      Type l;                                                                        \
      FUNCTIONS(ZORGCAP_LOAD_FUNCTION)                                               \
      return l;                                                                      \
    }();                                                                             \
    return library;                                                                  \
  }
#define ZORGCAP_LOAD_FUNCTION(f) \
  l.f = ::zorgcap::function_from<decltype(&::f)>(handle, library_soname, #f, library_user);
