// Layer probe (cmake/layers.cmake): the document layer may not see the writers: this must not compile.
#include "writers/html_writer.h"

int zorgcap_probe_document_includes_writers();
