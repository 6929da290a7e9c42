#include "writers/pdf_fonts.h"

#include <hpdf_doc.h>
#include <hpdf_fontdef.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "writers/pdf_finish.h"

namespace zorgcap {

namespace {

std::string read_font_file(const std::string& path) {
  if (!std::filesystem::is_regular_file(path))
    throw std::runtime_error("PDF: font file " + path +
                             " not found (the build makes the subset fonts: cmake --build <dir> --target zorgcap_fonts)");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  if (!in && !in.eof()) throw std::runtime_error("PDF: cannot read font file " + path);
  return s.str();
}

PdfFontFace read_face(const std::string& font_dir, const char* name) {
  const std::string path = (std::filesystem::path(font_dir) / name).string();
  return PdfFontFace(pdf::FontFile(read_font_file(path), path));
}

}  // namespace

PdfFontFace::PdfFontFace(pdf::FontFile f) : file(std::move(f)) {
  widths.assign(0x10000, static_cast<std::int16_t>(file.width(replacement())));
  for (char32_t cp = 0x20; cp <= 0xFFFF; ++cp)
    if (drawable(cp)) widths[cp] = static_cast<std::int16_t>(file.width(cp));
}

PdfFonts::PdfFonts(PdfFontFace regular, PdfFontFace bold) : regular_(std::move(regular)), bold_(std::move(bold)) {
  std::vector<char32_t> codes;
  for (char32_t cp = 0; cp <= 0xFFFF; ++cp)
    if (regular_.file.covers(cp) || bold_.file.covers(cp)) codes.push_back(cp);
  to_unicode_ = pdf::to_unicode_cmap(std::move(codes));
}

std::shared_ptr<const PdfFonts> PdfFonts::load(const std::string& font_dir) {
  PdfFontFace regular = read_face(font_dir, pdf_regular_font_file);  // first: a missing font is named in this order
  PdfFontFace bold = read_face(font_dir, pdf_bold_font_file);
  return std::make_shared<const PdfFonts>(std::move(regular), std::move(bold));
}

namespace pdf {

const char* load_truetype_font(HPDF_Doc doc, const std::string& bytes) {
  HPDF_Stream data = HPDF_MemStream_New(doc->mmgr, static_cast<HPDF_UINT>(bytes.size()));
  if (!data) return nullptr;
  if (HPDF_Stream_Write(data, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size())) != HPDF_OK) {
    HPDF_Stream_Free(data);
    return nullptr;
  }
  HPDF_FontDef def = HPDF_TTFontDef_Load(doc->mmgr, data, HPDF_TRUE);  // owns `data` from here
  if (!def) return nullptr;
  if (HPDF_FontDef same = HPDF_Doc_FindFontDef(doc, def->base_font)) {
    HPDF_FontDef_Free(def);
    return same->base_font;
  }
  if (HPDF_List_Add(doc->fontdef_list, def) != HPDF_OK) {
    HPDF_FontDef_Free(def);
    return nullptr;
  }
  if (doc->ttfont_tag[0] == 0) {
    std::memcpy(doc->ttfont_tag, "HPDFAA", 6);
  } else {
    for (int i = 5; i >= 0; --i) {
      if (++doc->ttfont_tag[i] <= 'Z') break;
      doc->ttfont_tag[i] = 'A';
    }
  }
  HPDF_TTFontDef_SetTagName(def, reinterpret_cast<char*>(doc->ttfont_tag));
  return def->base_font;
}

}  // namespace pdf

}  // namespace zorgcap
