#pragma once
// The two fonts report.pdf draws with, read and measured once per process: a batch shares one
// PdfFonts between all its reports and threads, and each report only hands the bytes to libharu.
#include <hpdf.h>

#include <memory>
#include <string>
#include <vector>

#include "writers/pdf_font_file.h"

namespace zorgcap {

// The fonts PdfFonts::load reads from `font_dir`, in this order (the order fixes the subset tags, so
// the bytes are reproducible). The build makes subsets of the Debian DejaVu fonts under these names
// in share/zorgcap/fonts beside the binary (CMake target zorgcap_fonts); the full fonts in
// /usr/share/fonts/truetype/dejavu work too, only slower and larger.
inline constexpr const char* pdf_regular_font_file = "DejaVuSans.ttf";
inline constexpr const char* pdf_bold_font_file = "DejaVuSans-Bold.ttf";

// One font file as report.pdf measures and draws it. Read-only once loaded: safe on any thread.
struct PdfFontFace {
  pdf::FontFile file;                // its bytes (for libharu) and what zorgcap reads from them
  std::vector<std::int16_t> widths;  // per BMP code point as drawn (a missing character: its replacement), 1/1000 em

  explicit PdfFontFace(pdf::FontFile f);
  const std::string& path() const { return file.path(); }
  bool drawable(char32_t cp) const { return cp >= 0x20 && cp != 0x7F && cp <= 0xFFFF && file.covers(cp); }
  char32_t replacement() const { return file.covers(0xFFFD) ? U'\uFFFD' : U'?'; }
  int width(char32_t cp) const { return widths[cp <= 0xFFFF ? cp : replacement()]; }  // measured as it is drawn
};

class PdfFonts {
 public:
  // Reads and parses both font files. Throws std::runtime_error naming the file when one is
  // missing, unreadable or not a usable TrueType font.
  static std::shared_ptr<const PdfFonts> load(const std::string& font_dir);

  const PdfFontFace& regular() const { return regular_; }
  const PdfFontFace& bold() const { return bold_; }
  // The ToUnicode CMap of both fonts: libharu's codes are the code points, so it lists every
  // character either font has (pdf_finish.h).
  const std::string& to_unicode() const { return to_unicode_; }

  PdfFonts(PdfFontFace regular, PdfFontFace bold);

 private:
  PdfFontFace regular_, bold_;
  std::string to_unicode_;
};

namespace pdf {

// libharu 2.3.0 loads a TrueType font only from a file, which it then reads with a seek per table
// and per glyph, and again when it saves. This does what HPDF_LoadTTFontFromFile does (hpdf_doc.c,
// LoadTTFontFromStream) from a memory stream holding `bytes`: the same font definition, embedded,
// with the same subset tag (a counter per document: HPDFAA, HPDFAB, ...), so the same PDF bytes.
// Returns the font's name for HPDF_GetFont, or nullptr with libharu's error set (or, out of
// memory, not set).
const char* load_truetype_font(HPDF_Doc doc, const std::string& bytes);

}  // namespace pdf

}  // namespace zorgcap
