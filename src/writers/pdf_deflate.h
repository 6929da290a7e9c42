#pragma once
// Compressing report.pdf's content streams as soon as they are complete, instead of all at once
// when libharu saves: each page's uncompressed content is freed after its page is painted, and the
// level is zorgcap's choice (libharu always uses zlib's default, the slowest step of the file).
#include <hpdf.h>

#include <string_view>

namespace zorgcap::pdf {

// Fast, and within a sixth of the default level's size for these streams (docs/LIBRARIES.md).
inline constexpr int kContentDeflateLevel = 2;

// Replaces the data of the stream dictionary `stream` (a page's /Contents or a form) by its
// deflated bytes and has libharu write them as they are, with /Filter /FlateDecode. Throws
// std::runtime_error when zlib or libharu fails.
void deflate_now(HPDF_Dict stream);

// Sets the data of the empty stream dictionary `stream` to `raw`, deflated, written as deflate_now
// writes it. Throws std::runtime_error when the stream has content already or zlib fails.
void deflate_into(HPDF_Dict stream, std::string_view raw);

// The content stream dictionary of `page`.
HPDF_Dict page_contents(HPDF_Page page);

}  // namespace zorgcap::pdf
