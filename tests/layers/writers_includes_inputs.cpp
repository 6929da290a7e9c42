// Layer probe (cmake/layers.cmake): writers see only document/ and core/: this must not compile.
#include "inputs/inputs.h"

int zorgcap_probe_writers_includes_inputs();
