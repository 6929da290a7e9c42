// Layer probe (cmake/layers.cmake): the model may not see the document layer: this must not compile.
#include "document/document.h"

int zorgcap_probe_model_includes_document();
