// Content streams compressed by zorgcap while the page is still open in libharu, read back by
// qpdf and pdftotext.
#include "writers/pdf_deflate.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>
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
std::vector<std::string> stored_pages(bool threaded, int pages, bool finish = true) {
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  std::vector<std::string> out;
  {
    PageCompressor compressor(threaded);
    std::vector<HPDF_Page> added;
    for (int i = 0; i < pages; ++i) {
      added.push_back(HPDF_AddPage(doc));
      std::string raw;
      for (int k = 0; k <= i * 37 % 500; ++k) raw += std::to_string(i * k) + " " + std::to_string(k) + " m\n";
      compressor.add(page_contents(added.back()), std::move(raw));
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

TEST(PageCompressor, StopsCleanlyWhenTheDocumentIsAbandoned) {
  EXPECT_TRUE(stored_pages(true, 25, false).empty());
}

TEST(PageCompressor, RefusesAStreamWithContent) {
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  HPDF_Page page = HPDF_AddPage(doc);
  HPDF_Page_MoveTo(page, 1, 1);
  PageCompressor compressor(true);
  EXPECT_THROW(compressor.add(page_contents(page), "0 0 m\n"), std::runtime_error);
  HPDF_Free(doc);
}

TEST(DeflateNow, RefusesAStreamThatIsNotInMemory) { EXPECT_THROW(deflate_now(nullptr), std::runtime_error); }

}  // namespace
}  // namespace zorgcap::pdf
