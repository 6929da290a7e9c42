// Layer probe (cmake/layers.cmake): a writer may include the Document, and the Document itself pulls in nothing from inputs/ or model/: this must compile.
#include "document/document.h"

int zorgcap_probe_writers_includes_document();
