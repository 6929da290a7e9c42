// report.pdf's compact link annotations, read back with pypdf: they resolve as libharu's own link
// annotations do, on the same pages, with the same rectangles, destinations and web addresses.
#include "writers/pdf_links.h"

#include <gtest/gtest.h>

#include <string>

#include "test_support.h"
#include "writers/readback.h"

namespace zorgcap::pdf {
namespace {

using nlohmann::json;

struct Saved {
  test::TempDir dir;
  std::string path;
};

// Three pages: page 1 links to page 3 (shown from 700) and to a web address, page 2 to page 1
// (a rectangle given top-down). `ours` chooses LinkAnnotations or libharu's own calls.
void save(bool ours, const std::string& path) {
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  ASSERT_NE(doc, nullptr);
  HPDF_Page p1 = HPDF_AddPage(doc), p2 = HPDF_AddPage(doc), p3 = HPDF_AddPage(doc);
  const std::string uri = "https://example.org/a(b)\\c?x=1&y=%20";
  const HPDF_Rect r1{50, 600.5f, 300.25f, 612.75f}, r2{60, 500, 400, 520}, r3{70, 300, 80, 280};
  {
    LinkAnnotations links(doc);
    auto internal = [&](HPDF_Page from, HPDF_Rect r, HPDF_Page to, double top) {
      if (ours) return links.to_page(from, r, to, top);
      HPDF_Destination d = HPDF_Page_CreateDestination(to);
      HPDF_Destination_SetFitH(d, static_cast<HPDF_REAL>(top));
      HPDF_LinkAnnot_SetBorderStyle(HPDF_Page_CreateLinkAnnot(from, r, d), 0, 0, 0);
    };
    internal(p1, r1, p3, 700);
    if (ours)
      links.to_uri(p1, r2, uri);
    else
      HPDF_LinkAnnot_SetBorderStyle(HPDF_Page_CreateURILinkAnnot(p1, r2, uri.c_str()), 0, 0, 0);
    internal(p2, r3, p1, 123.4567);
    if (ours) {
      EXPECT_EQ(links.size(), 3u);
    }
    ASSERT_EQ(HPDF_GetError(doc), static_cast<HPDF_STATUS>(HPDF_OK));
    ASSERT_EQ(HPDF_SaveToFile(doc, path.c_str()), static_cast<HPDF_STATUS>(HPDF_OK));
  }
  HPDF_Free(doc);
}

TEST(LinkAnnotations, ResolveAsLibharusOwnLinks) {
  test::TempDir dir;
  const std::string ours = dir.str() + "/ours.pdf", libharu = dir.str() + "/libharu.pdf";
  save(true, ours);
  save(false, libharu);
  const json a = test::readback("pdf_links_dump.py", ours);
  const json b = test::readback("pdf_links_dump.py", libharu);
  ASSERT_EQ(a["pages"].size(), 3u);
  ASSERT_EQ(a["pages"][0].size(), 2u);
  ASSERT_EQ(a["pages"][1].size(), 1u);
  EXPECT_TRUE(a["pages"][2].empty());

  const json& first = a["pages"][0][0];
  EXPECT_TRUE(first["indirect"].get<bool>());  // PDF 32000 12.5.2: /Annots holds references
  EXPECT_EQ(first["type"], "/Annot");
  EXPECT_EQ(first["subtype"], "/Link");
  EXPECT_EQ(first["rect"], json::parse("[50, 600.5, 300.25, 612.75]"));
  EXPECT_EQ(first["border"], json::parse("[0, 0, 0]"));  // no box drawn around the link
  EXPECT_EQ(first["parent"], 1);
  EXPECT_EQ(first["dest"], json::parse(R"([3, "/FitH", 700])"));

  const json& web = a["pages"][0][1];
  EXPECT_FALSE(web.contains("dest"));
  EXPECT_EQ(web["action"]["s"], "/URI");
  EXPECT_EQ(web["action"]["uri"], "https://example.org/a(b)\\c?x=1&y=%20");  // parentheses, backslash escaped

  const json& back = a["pages"][1][0];
  EXPECT_EQ(back["rect"], json::parse("[70, 280, 80, 300]"));  // bottom below top, as libharu orders it
  EXPECT_EQ(back["dest"][0], 1);
  EXPECT_NEAR(back["dest"][2].get<double>(), 123.4567, 1e-3);
  EXPECT_EQ(back["parent"], 2);

  EXPECT_EQ(a, b) << "ours:\n" << a.dump(1) << "\nlibharu's:\n" << b.dump(1);
}

TEST(LinkAnnotations, QpdfFindsTheFileSound) {
  test::TempDir dir;
  const std::string path = dir.str() + "/ours.pdf";
  save(true, path);
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(("qpdf --check " + test::shell_quoted(path) + " 2>&1").c_str(), "r"),
                                             pclose);
  ASSERT_TRUE(pipe);
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe.get())) > 0;) out.append(buf, n);
  EXPECT_EQ(pclose(pipe.release()), 0) << out;
  EXPECT_NE(out.find("No syntax or stream encoding errors"), std::string::npos) << out;
}

}  // namespace
}  // namespace zorgcap::pdf
