#pragma once
// Compressing report.pdf's content streams as soon as they are complete, instead of all at once
// when libharu saves: each page's uncompressed content is freed after its page is painted, and the
// level is zorgcap's choice (libharu always uses zlib's default, the slowest step of the file).
#include <hpdf.h>

#include <string>
#include <string_view>

namespace zorgcap::pdf {

// Fast, and within a sixth of the default level's size for these streams (docs/LIBRARIES.md).
inline constexpr int kContentDeflateLevel = 2;

// Replaces the data of the stream dictionary `stream` (a page's /Contents or a form) by its
// deflated bytes and has libharu write them as they are, with /Filter /FlateDecode. Throws
// std::runtime_error when zlib or libharu fails.
void deflate_now(HPDF_Dict stream);

// Compresses the content streams of a document's pages as they are painted: at once, or on a
// thread of its own while the painter goes on with the next pages (`threaded`; for a lone report
// on a machine with a core to spare). Only the owner's thread touches libharu: the thread deflates
// bytes, the owner stores them in their streams. The bytes are the same either way.
class PageCompressor {
 public:
  explicit PageCompressor(bool threaded);
  ~PageCompressor();  // stops the thread; streams not yet stored are left as they are
  PageCompressor(const PageCompressor&) = delete;
  PageCompressor& operator=(const PageCompressor&) = delete;

  // The content `raw` of the empty stream dictionary `stream`, to be compressed into it.
  void add(HPDF_Dict stream, std::string raw);
  // Returns once every stream added holds its compressed content. Throws std::runtime_error when
  // zlib or libharu failed on one.
  void finish();

 private:
  struct Job;
  struct State;
  void store_done();
  State* state_;
};

// The content stream dictionary of `page`.
HPDF_Dict page_contents(HPDF_Page page);

}  // namespace zorgcap::pdf
