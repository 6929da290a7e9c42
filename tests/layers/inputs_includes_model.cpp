// Layer probe (cmake/layers.cmake): inputs/ may not see the model: this must not compile.
#include "model/model.h"

int zorgcap_probe_inputs_includes_model();
