// Layer probe (cmake/layers.cmake): inputs/ may use core/: this must compile.
#include "core/unit.h"

int zorgcap_probe_inputs_includes_core();
