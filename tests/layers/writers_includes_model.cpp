// Layer probe (cmake/layers.cmake): writers see only document/ and core/: this must not compile.
#include "model/calc.h"

int zorgcap_probe_writers_includes_model();
