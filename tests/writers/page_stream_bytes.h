// The bytes libharu holds in a page's content stream, for the PDF writer's tests.
#pragma once
#include <hpdf.h>
#include <hpdf_streams.h>

#include <string>

#include "writers/pdf_deflate.h"

namespace zorgcap::pdf {

inline std::string page_stream_bytes(HPDF_Page page) {
  HPDF_Stream s = page_contents(page)->stream;
  std::string out;
  for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(s); ++i) {
    HPDF_UINT n = 0;
    HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(s, i, &n);
    out.append(reinterpret_cast<const char*>(p), n);
  }
  return out;
}

}  // namespace zorgcap::pdf
