#include "writers/shared_library.h"

#include <dlfcn.h>

#include <stdexcept>

namespace zorgcap {

void* open_shared_library(const char* soname, const std::string& needed_for, const std::string& package) {
  if (void* library = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL)) return library;
  const char* why = ::dlerror();
  throw std::runtime_error(needed_for + " needs the shared library " + soname + ", which cannot be loaded (" +
                           (why ? why : "unknown reason") + "); install the Debian package " + package);
}

void* shared_library_function(void* library, const char* soname, const char* name, const std::string& needed_for) {
  ::dlerror();
  if (void* f = ::dlsym(library, name)) return f;
  throw std::runtime_error(needed_for + " needs the function " + name + " of " + soname +
                           ", which that library lacks (another version than zorgcap was built with?)");
}

}  // namespace zorgcap
