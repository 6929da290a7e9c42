// report.pdf's fonts are read once per process (PdfFonts) and handed to libharu from memory
// (load_truetype_font): each document must come out exactly as if libharu had read the files
// itself (pdf_writer_test: one PdfFonts serves several reports at once).
#include "writers/pdf_fonts.h"

#include <gtest/gtest.h>
#include <hpdf.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "test_support.h"
#include "writers/pdf_writer.h"  // pdf_regular_font_file

namespace zorgcap {
namespace {

std::string shipped(const char* file) { return std::string(ZORGCAP_FONT_DIR) + "/" + file; }

// A one-page document in `files`' fonts (in that order), each drawing the same text, saved.
// `load` loads one font file into the document and returns its name.
std::string document_in(const std::vector<std::string>& files,
                        const std::function<const char*(HPDF_Doc, const std::string&)>& load) {
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(doc);
  HPDF_Page page = HPDF_AddPage(doc);
  HPDF_Page_BeginText(page);
  float y = 800;
  for (const std::string& file : files) {
    const char* name = load(doc, file);
    EXPECT_NE(name, nullptr) << file;
    if (!name) break;
    HPDF_Page_SetFontAndSize(page, HPDF_GetFont(doc, name, "UTF-8"), 10);
    HPDF_Page_TextOut(page, 50, y -= 20, "Zorgcapaciteit € 1.234,5 ë – fte");
  }
  HPDF_Page_EndText(page);
  HPDF_SaveToStream(doc);
  std::string bytes(HPDF_GetStreamSize(doc), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
  HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  bytes.resize(size);
  EXPECT_EQ(HPDF_GetError(doc), static_cast<HPDF_STATUS>(HPDF_OK));
  HPDF_Free(doc);
  return bytes;
}

const char* from_file(HPDF_Doc doc, const std::string& path) { return HPDF_LoadTTFontFromFile(doc, path.c_str(), HPDF_TRUE); }
const char* from_memory(HPDF_Doc doc, const std::string& path) { return pdf::load_truetype_font(doc, test::read_file(path)); }

TEST(LoadTruetypeFont, GivesTheBytesOfLibharusOwnLoadingFromTheFile) {
  const std::vector<std::vector<std::string>> cases = {
      {shipped(pdf_regular_font_file), shipped(pdf_bold_font_file)},  // the subsets the build makes
      {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
      {shipped(pdf_bold_font_file), shipped(pdf_bold_font_file)},  // the same font twice: one definition
  };
  for (const auto& files : cases) {
    for (const std::string& f : files) ASSERT_TRUE(std::filesystem::is_regular_file(f)) << f << " (Debian fonts-dejavu-core)";
    const std::string expected = document_in(files, from_file);
    ASSERT_GT(expected.size(), 5000u);
    EXPECT_EQ(document_in(files, from_memory), expected) << files[0] << ", " << files[1];
  }
  const std::string two = document_in({shipped(pdf_regular_font_file), shipped(pdf_bold_font_file)}, from_memory);
  EXPECT_NE(two.find("/HPDFAA+DejaVuSans"), std::string::npos);
  EXPECT_NE(two.find("/HPDFAB+DejaVuSans-Bold"), std::string::npos);
}

TEST(LoadTruetypeFont, RefusesWhatIsNoFontAsLibharuDoes) {
  for (const std::string& bytes : {std::string(), std::string("not a font at all, but long enough to be read as one")}) {
    HPDF_Doc doc = HPDF_New(nullptr, nullptr);
    EXPECT_EQ(pdf::load_truetype_font(doc, bytes), nullptr);
    EXPECT_NE(HPDF_GetError(doc), static_cast<HPDF_STATUS>(HPDF_OK));
    HPDF_Free(doc);
  }
}

TEST(PdfFonts, ReadsBothFontsOnceWithTheirToUnicodeMap) {
  const auto fonts = PdfFonts::load(ZORGCAP_FONT_DIR);
  EXPECT_EQ(fonts->regular().path(), shipped(pdf_regular_font_file));
  EXPECT_EQ(fonts->bold().path(), shipped(pdf_bold_font_file));
  EXPECT_EQ(fonts->regular().file.data(), test::read_file(shipped(pdf_regular_font_file)));
  EXPECT_GT(fonts->regular().width(U'M'), fonts->regular().width(U'i'));
  EXPECT_EQ(fonts->bold().width(U'\u4E2D'), fonts->bold().width(fonts->bold().replacement())) << "drawn as its replacement";
  // Every character either font has, in ranges: printable ASCII is one, and € one of its own.
  EXPECT_NE(fonts->to_unicode().find("<0020> <007E> <0020>\n"), std::string::npos) << fonts->to_unicode();
  EXPECT_NE(fonts->to_unicode().find("<20AC> <20AC> <20AC>\n"), std::string::npos) << "€";
  EXPECT_EQ(fonts->to_unicode().find("<4E2D>"), std::string::npos) << "a character neither font has";
  test::TempDir empty;
  try {
    PdfFonts::load(empty.str());
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(empty.str() + "/DejaVuSans.ttf not found"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace zorgcap
