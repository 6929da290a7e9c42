#include "writers/pdf_deflate.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include <stdexcept>
#include <string>

namespace zorgcap::pdf {

namespace {

// libharu writes a stream dictionary's /Filter from its filter flags and compresses when they say
// so; a stream compressed already is written with no flags, and this adds the key it then lacks.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); }

}  // namespace

HPDF_Dict page_contents(HPDF_Page page) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (!attr || !attr->contents) throw std::runtime_error("PDF: a page without a content stream");
  return attr->contents;
}

void deflate_now(HPDF_Dict stream) {
  if (!stream || !stream->stream || stream->stream->type != HPDF_STREAM_MEMORY)
    throw std::runtime_error("PDF: only a stream held in memory can be compressed");
  if (stream->write_fn == write_flate_filter) return;  // compressed already
  if (stream->write_fn) throw std::runtime_error("PDF: the stream is written by libharu's own function");
  z_stream z{};
  if (deflateInit(&z, kContentDeflateLevel) != Z_OK) throw std::runtime_error("PDF: zlib cannot start");
  std::string out;
  char buf[16384];
  auto pump = [&](int flush) {
    do {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      int rc = deflate(&z, flush);
      if (rc == Z_STREAM_ERROR) {
        deflateEnd(&z);
        throw std::runtime_error("PDF: zlib failed on a content stream");
      }
      out.append(buf, sizeof buf - z.avail_out);
    } while (z.avail_out == 0);
  };
  const HPDF_UINT chunks = HPDF_MemStream_GetBufCount(stream->stream);
  for (HPDF_UINT i = 0; i < chunks; ++i) {
    HPDF_UINT length = 0;
    HPDF_BYTE* data = HPDF_MemStream_GetBufPtr(stream->stream, i, &length);
    if (!data || length == 0) continue;
    z.next_in = data;
    z.avail_in = length;
    pump(Z_NO_FLUSH);
  }
  z.next_in = nullptr;
  z.avail_in = 0;
  pump(Z_FINISH);
  deflateEnd(&z);
  HPDF_MemStream_FreeData(stream->stream);
  if (HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(out.data()), static_cast<HPDF_UINT>(out.size())) !=
      HPDF_OK)
    throw std::runtime_error("PDF: libharu cannot hold a compressed content stream");
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = write_flate_filter;
}

}  // namespace zorgcap::pdf
