// Content streams compressed by zorgcap while the page is still open in libharu, read back by
// qpdf and pdftotext.
#include "writers/pdf_deflate.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <zlib.h>

#include <algorithm>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"
#include "writers/page_stream_bytes.h"

namespace zorgcap::pdf {
namespace {

std::string run(const std::string& command, int* status) {
  std::string text;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return text;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) text.append(buf, n);
  int s = ::pclose(pipe);
  *status = WIFEXITED(s) ? WEXITSTATUS(s) : -1;
  return text;
}

std::string count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return std::to_string(n);
}

TEST(DeflateNow, APageCompressedBeforeSavingReadsBackWithOneFilter) {
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  ASSERT_NE(doc, nullptr);
  HPDF_Page page = HPDF_AddPage(doc);
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, HPDF_GetFont(doc, "Helvetica", nullptr), 12);
  HPDF_Page_TextOut(page, 50, 700, "Zorgcapaciteit vrijgespeeld");
  HPDF_Page_EndText(page);
  HPDF_Dict contents = page_contents(page);
  const HPDF_UINT32 raw = HPDF_Stream_Size(contents->stream);
  deflate_now(contents);
  const HPDF_UINT32 packed = HPDF_Stream_Size(contents->stream);
  deflate_now(contents);  // a second call leaves it as it is
  EXPECT_EQ(HPDF_Stream_Size(contents->stream), packed);
  EXPECT_GT(raw, 0u);
  EXPECT_NE(packed, raw);
  test::TempDir dir;
  const std::string path = dir.str() + "/p.pdf";
  ASSERT_EQ(HPDF_SaveToFile(doc, path.c_str()), static_cast<HPDF_STATUS>(HPDF_OK));
  HPDF_Free(doc);

  int status = -1;
  std::string check = run("qpdf --check '" + path + "'", &status);
  EXPECT_EQ(status, 0) << check;
  std::string text = run("pdftotext '" + path + "' -", &status);
  EXPECT_EQ(status, 0);
  EXPECT_NE(text.find("Zorgcapaciteit vrijgespeeld"), std::string::npos) << text;
  // The page's content object names its filter once; qpdf can decode it.
  std::string raw_pdf = test::read_file(path);
  EXPECT_EQ(count_of(raw_pdf, "/Filter /FlateDecode"), "1");
  std::string qdf = run("qpdf --qdf --object-streams=disable '" + path + "' -", &status);
  EXPECT_EQ(status, 0);
  EXPECT_NE(qdf.find("(Zorgcapaciteit vrijgespeeld) Tj"), std::string::npos);
}

// The compressed bytes of each page's content stream, in page order.
// `changed`: pages whose content differs from the other calls'.
std::vector<std::string> stored_pages(bool threaded, int pages, bool finish = true, PageCache* cache = nullptr,
                                      const std::vector<int>& changed = {}) {
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  std::vector<std::string> out;
  {
    PageCompressor compressor(threaded, cache);
    std::vector<HPDF_Page> added;
    for (int i = 0; i < pages; ++i) {
      added.push_back(HPDF_AddPage(doc));
      std::string raw;
      for (int k = 0; k <= i * 37 % 500; ++k) raw += std::to_string(i * k) + " " + std::to_string(k) + " m\n";
      if (std::find(changed.begin(), changed.end(), i) != changed.end()) raw += "1 1 l\n";
      compressor.add(page_contents(added.back()), std::move(raw), static_cast<std::size_t>(i));
    }
    if (!finish) {
      HPDF_Free(doc);
      return out;  // the compressor stops without storing what is left
    }
    compressor.finish();
    for (HPDF_Page p : added) out.push_back(page_stream_bytes(p));
  }
  HPDF_Free(doc);
  return out;
}

TEST(PageCompressor, OnItsOwnThreadStoresWhatItStoresAtOnce) {
  const std::vector<std::string> now = stored_pages(false, 40), threaded = stored_pages(true, 40);
  ASSERT_EQ(now.size(), 40u);
  EXPECT_EQ(threaded, now);
  for (const std::string& b : now) EXPECT_GE(b.size(), 8u);  // a zlib stream, not empty
  EXPECT_NE(now[3], now[4]);
}

// A page the document before had byte for byte at the same place is taken from the cache: the same
// stored bytes, on one thread or two; a page that changed, or moved, is compressed again.
TEST(PageCompressor, TakesAPageTheDocumentBeforeHadFromTheCache) {
  const std::vector<std::string> expected = stored_pages(false, 40);
  PageCache cache;
  EXPECT_EQ(stored_pages(false, 40, true, &cache), expected);
  EXPECT_EQ(cache.hits(), 0u);
  EXPECT_EQ(stored_pages(true, 40, true, &cache), expected);
  EXPECT_EQ(cache.hits(), 40u);
  const std::vector<std::string> changed = stored_pages(false, 40, true, &cache, {3, 17});
  EXPECT_EQ(cache.hits(), 78u) << "all but the two changed pages";
  EXPECT_EQ(changed, stored_pages(false, 40, true, nullptr, {3, 17}));
  EXPECT_NE(changed[3], expected[3]);
  EXPECT_EQ(changed[4], expected[4]);
  // The cache now holds the changed pages: the first version of page 3 misses again.
  EXPECT_EQ(stored_pages(true, 40, true, &cache), expected);
  EXPECT_EQ(cache.hits(), 116u);
}

TEST(PageCache, GivesZlibsBytesForEveryPageFromAnyThread) {
  PageCache cache;
  auto raw = [](int page, int round) { return std::string(2000 + page * 10, static_cast<char>('a' + (page + round) % 3)); };
  std::vector<std::thread> threads;
  std::vector<std::string> got(4 * 30);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int page = 0; page < 30; ++page) got[t * 30 + page] = cache.deflate(page, raw(page, t % 2));
    });
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < 4; ++t)
    for (int page = 0; page < 30; ++page) {
      const std::string& packed = got[t * 30 + page];
      std::string back(raw(page, t % 2).size(), '\0');
      uLongf size = back.size();
      ASSERT_EQ(uncompress(reinterpret_cast<Bytef*>(back.data()), &size, reinterpret_cast<const Bytef*>(packed.data()),
                           packed.size()),
                Z_OK);
      EXPECT_EQ(back, raw(page, t % 2)) << "thread " << t << ", page " << page;
    }
}

TEST(PageCompressor, StopsCleanlyWhenTheDocumentIsAbandoned) {
  EXPECT_TRUE(stored_pages(true, 25, false).empty());
}

TEST(PageCompressor, RefusesAStreamWithContent) {
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  HPDF_Page page = HPDF_AddPage(doc);
  HPDF_Page_MoveTo(page, 1, 1);
  PageCompressor compressor(true);
  EXPECT_THROW(compressor.add(page_contents(page), "0 0 m\n", 0), std::runtime_error);
  HPDF_Free(doc);
}

TEST(DeflateNow, RefusesAStreamThatIsNotInMemory) { EXPECT_THROW(deflate_now(nullptr), std::runtime_error); }

}  // namespace
}  // namespace zorgcap::pdf
