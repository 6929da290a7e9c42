#pragma once
// Compressing report.pdf's content streams as soon as they are complete, instead of all at once
// when libharu saves: each page's uncompressed content is freed after its page is painted, and the
// level is zorgcap's choice (libharu always uses zlib's default, the slowest step of the file).
#include <hpdf.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace zorgcap::pdf {

// Fast, and within a sixth of the default level's size for these streams (docs/LIBRARIES.md).
inline constexpr int kContentDeflateLevel = 2;

// Replaces the data of the stream dictionary `stream` (a page's /Contents or a form) by its
// deflated bytes and has libharu write them as they are, with /Filter /FlateDecode. Throws
// std::runtime_error when zlib or libharu fails.
void deflate_now(HPDF_Dict stream);

// Compressed page contents kept between the reports of a run (a batch of scenarios). A page whose
// content is byte for byte that of the same page of the report before takes its compressed bytes,
// the bytes zlib would give again, instead of being compressed anew: in a batch of generated
// scenarios about a fifth of the page bytes repeat (the sources, the entries of inputs no scenario
// changes). It holds one page per page number, about 2 MB for the baseline. Safe to share between
// threads.
class PageCache {
 public:
  // The deflated bytes of `raw`, the content of page `index` (from 0) of its document.
  std::string deflate(std::size_t index, std::string raw);
  std::size_t hits() const;  // pages taken from the cache so far

 private:
  struct Page {
    std::string raw, packed;
  };
  mutable std::mutex m_;
  std::vector<std::shared_ptr<const Page>> pages_;
  std::size_t hits_ = 0;
};

// Compresses the content streams of a document's pages as they are painted: at once, or on a
// thread of its own while the painter goes on with the next pages (`threaded`; for a lone report
// on a machine with a core to spare). Only the owner's thread touches libharu: the thread deflates
// bytes, the owner stores them in their streams. The bytes are the same either way.
class PageCompressor {
 public:
  // `cache`: pages compressed for earlier reports of the run (none: every page is compressed).
  explicit PageCompressor(bool threaded, PageCache* cache = nullptr);
  ~PageCompressor();  // stops the thread; streams not yet stored are left as they are
  PageCompressor(const PageCompressor&) = delete;
  PageCompressor& operator=(const PageCompressor&) = delete;

  // The content `raw` of the empty stream dictionary `stream` of page `index` (from 0), to be
  // compressed into it.
  void add(HPDF_Dict stream, std::string raw, std::size_t index);
  // Returns once every stream added holds its compressed content. Throws std::runtime_error when
  // zlib or libharu failed on one.
  void finish();

 private:
  struct Job;
  struct State;
  void store_done();
  State* state_;
  PageCache* cache_;
};

// The content stream dictionary of `page`.
HPDF_Dict page_contents(HPDF_Page page);

}  // namespace zorgcap::pdf
