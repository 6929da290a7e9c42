// Layer probe (cmake/layers.cmake): core/ sees nothing above it: this must not compile.
#include "inputs/inputs.h"

int zorgcap_probe_core_includes_inputs();
