// A page's content written by PageContent is byte for byte what libharu's own page operators write
// for the same drawing: colours, rules, rectangles, fonts, text placed absolutely and continued,
// character spacing, zero-width text, forms under a transformation.
#include "writers/pdf_content.h"

#include <gtest/gtest.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "writers/pdf_deflate.h"
#include "writers/page_stream_bytes.h"
#include "writers/pdf_writer.h"

namespace zorgcap::pdf {
namespace {

struct Doc {
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  HPDF_Font regular = nullptr, bold = nullptr;
  HPDF_XObject form = nullptr;
  Doc() {
    HPDF_UseUTFEncodings(doc);
    const std::string dir = ZORGCAP_FONT_DIR;
    regular = HPDF_GetFont(doc, HPDF_LoadTTFontFromFile(doc, (dir + "/" + pdf_regular_font_file).c_str(), HPDF_TRUE), "UTF-8");
    bold = HPDF_GetFont(doc, HPDF_LoadTTFontFromFile(doc, (dir + "/" + pdf_bold_font_file).c_str(), HPDF_TRUE), "UTF-8");
    form = HPDF_DictStream_New(doc->mmgr, doc->xref);
    form->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
  }
  ~Doc() { HPDF_Free(doc); }
};

long width(HPDF_Font f, std::u32string_view codes) {
  long w = 0;
  for (char32_t c : codes) w += HPDF_Font_GetUnicodeWidth(f, static_cast<HPDF_UNICODE>(c));
  return w;
}

std::string utf8(std::u32string_view codes) {
  std::string out;
  for (char32_t c : codes) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// format_real writes every number as libharu's HPDF_FToA does: page coordinates, font sizes,
// colours, tiny and negative values, values past the clamp, and floats drawn from every exponent.
TEST(FormatReal, WritesWhatHpdfFToAWrites) {
  auto check = [](HPDF_REAL v) {
    char expected[HPDF_REAL_LEN + 1];
    char* end = HPDF_FToA(expected, v, expected + HPDF_REAL_LEN);
    char got[16];
    char* got_end = format_real(got, v);
    ASSERT_EQ(std::string(got, got_end), std::string(expected, end)) << "for " << v;
  };
  for (HPDF_REAL v : {0.0f, -0.0f, 1.0f, -1.0f, 0.5f, 10.0f, 100.0f, 595.276f, 841.89f, 0.000004f, -0.000004f,
                      0.000005f, 0.00001f, 0.99999f, 0.999996f, 1.999999f, 9.99999f, 32767.0f, -32767.0f, 32768.0f,
                      -40000.0f, 1e9f, -1e9f, std::numeric_limits<HPDF_REAL>::infinity(),
                      -std::numeric_limits<HPDF_REAL>::infinity(), std::numeric_limits<HPDF_REAL>::denorm_min(),
                      std::numeric_limits<HPDF_REAL>::min(), 0.1f, 0.2f, 0.3f, 72.5f, 8.5f, 12.25f})
    check(v);
  std::mt19937 rng(20240);
  std::uniform_real_distribution<float> page(-1000.0f, 1000.0f);
  for (int i = 0; i < 300000; ++i) check(page(rng));
  for (int i = 0; i < 100000; ++i) check(static_cast<HPDF_REAL>(std::round(page(rng) * 100000.0f) / 100000.0f));
  std::uniform_int_distribution<std::uint32_t> bits;
  for (int i = 0; i < 300000; ++i) {  // any float but NaN
    std::uint32_t b = bits(rng);
    HPDF_REAL v;
    std::memcpy(&v, &b, sizeof v);
    if (!std::isnan(v)) check(v);
  }
  for (HPDF_REAL v = 0.999f; v < 1.001f; v = std::nextafter(v, 2.0f)) check(v);  // every float around a carry
}

TEST(PageContent, WritesWhatLibharusOperatorsWrite) {
  Doc d;
  ASSERT_NE(d.regular, nullptr);
  ASSERT_NE(d.bold, nullptr);
  HPDF_Page theirs = HPDF_AddPage(d.doc);
  HPDF_Page ours_page = HPDF_AddPage(d.doc);
  PageContent ours(ours_page);

  std::mt19937 rng(20241201);
  std::uniform_real_distribution<double> coord(-40, 860), colour(0, 1), size(4, 24);
  auto r = [&](std::uniform_real_distribution<double>& dist) { return static_cast<HPDF_REAL>(dist(rng)); };

  for (int i = 0; i < 40; ++i) {
    HPDF_REAL x = r(coord), y = r(coord), w = r(coord), h = r(coord), g = r(colour), c2 = r(colour), c3 = r(colour);
    HPDF_Page_SetRGBFill(theirs, g, c2, c3);
    ours.rgb_fill(g, c2, c3);
    HPDF_Page_SetGrayFill(theirs, c3);
    ours.gray_fill(c3);
    HPDF_Page_Rectangle(theirs, x, y, w, h);
    ours.rectangle(x, y, w, h);
    HPDF_Page_Fill(theirs);
    ours.fill();
    HPDF_Page_SetGrayStroke(theirs, g);
    ours.gray_stroke(g);
    HPDF_Page_SetLineWidth(theirs, c2 * 3);
    ours.line_width(c2 * 3);
    HPDF_Page_MoveTo(theirs, x, y);
    ours.move_to(x, y);
    HPDF_Page_LineTo(theirs, w, h);
    ours.line_to(w, h);
    HPDF_Page_Stroke(theirs);
    ours.stroke();
  }

  const std::u32string texts[] = {U"Tabel 4. Benodigd en huidig aantal", U"€ 286,44 – € 572,89 miljoen", U"19%",
                                  U"ë", U"\u2260", U" ", U"x"};
  HPDF_Page_BeginText(theirs);
  ours.begin_text();
  for (int i = 0; i < 60; ++i) {
    HPDF_Font f = i % 3 == 0 ? d.bold : d.regular;
    HPDF_REAL s = r(size);
    if (i % 5 == 0) {
      HPDF_Page_SetFontAndSize(theirs, f, s);
      ours.font(f, s);
    }
    const std::u32string& t = texts[static_cast<std::size_t>(i) % std::size(texts)];
    HPDF_Font current = HPDF_Page_GetCurrentFont(theirs);
    if (i % 4 == 1) {
      HPDF_Page_ShowText(theirs, utf8(t).c_str());
      ours.show(t, width(current, t));
    } else {
      HPDF_REAL x = r(coord), y = r(coord);
      HPDF_Page_TextOut(theirs, x, y, utf8(t).c_str());
      ours.text_at(x, y, t, width(current, t));
    }
    if (i % 7 == 3) {
      HPDF_REAL tc = r(colour) * 9;
      HPDF_Page_SetCharSpace(theirs, tc);
      ours.char_space(tc);
      HPDF_Page_ShowText(theirs, "1");
      ours.show(U"1", width(current, U"1"));
      HPDF_Page_SetCharSpace(theirs, 0);
      ours.char_space(0);
    }
    if (i % 11 == 5) {  // a character the font lacks: libharu measures it with the font's missing width
      HPDF_Page_ShowText(theirs, "\u200b");
      ours.show(U"\u200b", width(current, U"\u200b"));
    }
  }
  HPDF_Page_EndText(theirs);
  ours.end_text();

  for (int i = 0; i < 5; ++i) {
    HPDF_REAL s = r(colour) / 100, x = r(coord), y = r(coord);
    HPDF_Page_GSave(theirs);
    ours.save_state();
    HPDF_Page_Concat(theirs, s, 0, 0, s, x, y);
    ours.concat(s, 0, 0, s, x, y);
    HPDF_Page_ExecuteXObject(theirs, d.form);
    ours.draw_form(d.form);
    HPDF_Page_GRestore(theirs);
    ours.restore_state();
  }
  ASSERT_EQ(HPDF_GetError(d.doc), static_cast<HPDF_STATUS>(HPDF_OK));

  const std::string expected = page_stream_bytes(theirs);
  ASSERT_GT(expected.size(), 2000u);
  EXPECT_NE(expected.find(" Td\n<"), std::string::npos);
  EXPECT_NE(expected.find(" Tc\n"), std::string::npos);
  EXPECT_NE(expected.find(" Do\n"), std::string::npos);
  EXPECT_EQ(ours.bytes(), expected);
}

// HPDF_Page_ShowText draws nothing for text it measures as zero wide: no advance and no spacing.
TEST(PageContent, TextOfNoWidthIsNotShownUnlessSpaced) {
  Doc d;
  PageContent c(HPDF_AddPage(d.doc));
  c.begin_text();
  c.show(U"\u0301", 0);
  c.show(U"", 0);
  EXPECT_EQ(c.bytes(), "BT\n");
  c.char_space(2);
  c.show(U"\u0301", 0);
  EXPECT_EQ(c.bytes(), "BT\n2 Tc\n<0301> Tj\n");
}

TEST(PageContent, RegistersFontsAndFormsUnderTheNamesLibharuGives) {
  Doc d;
  HPDF_Page page = HPDF_AddPage(d.doc);
  PageContent c(page);
  c.begin_text();
  c.font(d.bold, 10);
  c.font(d.regular, 8.5f);
  c.font(d.bold, 12);
  c.end_text();
  c.draw_form(d.form);
  EXPECT_EQ(c.bytes(), "BT\n/F1 10 Tf\n/F2 8.5 Tf\n/F1 12 Tf\nET\n/X1 Do\n");
}

}  // namespace
}  // namespace zorgcap::pdf
