// Paint: walks the pages of pdf_layout with libharu. See docs/LIBRARIES.md for the libharu traps
// this file works around (sticky errors, no exceptions through C, UTF-8 fonts, determinism).
#include "writers/pdf_writer.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

#include "writers/pdf_deflate.h"
#include "writers/pdf_finish.h"
#include "writers/pdf_font_file.h"
#include "writers/pdf_glyph_forms.h"
#include "writers/pdf_layout.h"
#include "writers/pdf_links.h"
#include "writers/pdf_text.h"

namespace zorgcap {
namespace {

// ---------------------------------------------------------------------------------------------
// Errors: libharu calls the handler from C code, so it only records; PdfDoc::check throws.

struct ErrorState {
  HPDF_STATUS error = HPDF_OK;
  HPDF_STATUS detail = 0;
};

void record_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) noexcept {
  auto* state = static_cast<ErrorState*>(user);
  if (state->error == HPDF_OK) {  // keep the first: later ones follow from it (errors are sticky)
    state->error = error;
    state->detail = detail;
  }
}

const char* error_name(HPDF_STATUS e) {
  switch (e) {
    case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
    case HPDF_FILE_IO_ERROR: return "file I/O error";
    case HPDF_FILE_OPEN_ERROR: return "cannot open file";
    case HPDF_INVALID_DOCUMENT: return "invalid document (an earlier error)";
    case HPDF_INVALID_FONTDEF_DATA: return "invalid font data";
    case HPDF_INVALID_PARAMETER: return "invalid parameter";
    case HPDF_INVALID_DESTINATION: return "invalid destination";
    case HPDF_INVALID_ENCODER: return "invalid encoder";
    case HPDF_INVALID_ENCODING_NAME: return "unknown encoding name";
    case HPDF_INVALID_URI: return "invalid URI";
    case HPDF_PAGE_INVALID_FONT_SIZE: return "invalid font size";
    case HPDF_PAGE_INVALID_SIZE: return "invalid page size";
    case HPDF_PAGE_OUT_OF_RANGE: return "value out of range";
    case HPDF_REAL_OUT_OF_RANGE: return "number out of range";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font does not allow embedding";
    case HPDF_TTF_INVALID_CMAP: return "the font has no usable Unicode cmap";
    case HPDF_TTF_INVALID_FOMAT: return "not a TrueType font";
    case HPDF_TTF_MISSING_TABLE: return "the font lacks a required table";
    case HPDF_ZLIB_ERROR: return "zlib error";
    case HPDF_INVALID_DOCUMENT_STATE: return "operation not allowed in this state";
    default: return "libharu error";
  }
}

// Owns the libharu document; check() after each step turns a recorded error into an exception.
class PdfDoc {
 public:
  PdfDoc() : doc_(HPDF_New(record_error, &state_)) {
    if (!doc_) throw std::runtime_error("PDF: libharu could not create a document (out of memory)");
  }
  ~PdfDoc() { HPDF_Free(doc_); }
  PdfDoc(const PdfDoc&) = delete;
  PdfDoc& operator=(const PdfDoc&) = delete;

  HPDF_Doc get() const { return doc_; }

  void check(const std::string& step) const {
    if (state_.error == HPDF_OK) return;
    char code[32];
    std::snprintf(code, sizeof code, "0x%04X", static_cast<unsigned>(state_.error));
    throw std::runtime_error("PDF: libharu failed while " + step + ": " + error_name(state_.error) + " (" + code +
                             ", detail " + std::to_string(state_.detail) + ")");
  }

 private:
  ErrorState state_;
  HPDF_Doc doc_;
};

// ---------------------------------------------------------------------------------------------
// Reading font files (pdf_font_file.h reads what is in them).

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

// ---------------------------------------------------------------------------------------------
// Fonts and metrics

struct LoadedFont {
  std::string path;
  HPDF_Font font = nullptr;
  pdf::FontFile file;
  mutable std::vector<int> widths = std::vector<int>(0x10000, -1);  // per code point, 1/1000 em

  bool drawable(char32_t cp) const { return cp >= 0x20 && cp != 0x7F && cp <= 0xFFFF && file.covers(cp); }
  char32_t replacement() const { return file.covers(0xFFFD) ? U'\uFFFD' : U'?'; }

  int width(char32_t cp) const {
    if (!drawable(cp)) cp = replacement();  // measured as it is drawn
    int& w = widths[cp];
    if (w < 0) w = HPDF_Font_GetUnicodeWidth(font, static_cast<HPDF_UNICODE>(cp));
    return w;
  }
};

LoadedFont load_font(PdfDoc& pdf, const std::string& path) {
  LoadedFont f{path, nullptr, pdf::FontFile(read_font_file(path), path)};
  const char* name = HPDF_LoadTTFontFromFile(pdf.get(), path.c_str(), HPDF_TRUE);
  pdf.check("loading the font " + path);
  f.font = HPDF_GetFont(pdf.get(), name, "UTF-8");
  pdf.check("opening the font " + path + " with UTF-8 encoding");
  return f;
}

// Widths from the font's own advance widths: libharu draws without kerning, so the sum over the code
// points is exactly the drawn width.
class HpdfMetrics final : public pdf::FontMetrics {
 public:
  HpdfMetrics(const LoadedFont& regular, const LoadedFont& bold) : regular_(regular), bold_(bold) {}

  double width(std::string_view text, pdf::Font font, double size) const override {
    const LoadedFont& f = of(font);
    long sum = 0;
    // Most measured text is ASCII, which is valid UTF-8 and one code point per byte: no decoding
    // (and no allocation) needed. Layout measures every word several times.
    bool ascii = true;
    for (char c : text) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        ascii = false;
        break;
      }
      sum += f.width(static_cast<unsigned char>(c));
    }
    if (ascii) return static_cast<double>(sum) * size / 1000.0;
    sum = 0;
    for (char32_t cp : pdf::decode_utf8(text)) sum += f.width(cp);
    return static_cast<double>(sum) * size / 1000.0;
  }
  double ascent(pdf::Font font, double size) const override {
    return HPDF_Font_GetAscent(of(font).font) * size / 1000.0;
  }
  double descent(pdf::Font font, double size) const override {
    return -HPDF_Font_GetDescent(of(font).font) * size / 1000.0;
  }

 private:
  const LoadedFont& of(pdf::Font f) const { return f == pdf::Font::bold ? bold_ : regular_; }
  const LoadedFont& regular_;
  const LoadedFont& bold_;
};

// A character the font lacks would be drawn as the font's empty .notdef glyph, and the text
// would be lost without a word. It is drawn as the replacement character instead (U+FFFD, or "?"
// in a font without it), and reported to the caller. libharu draws only the Basic Multilingual
// Plane, so an emoji is replaced too.
void encode_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// `text` with every character the font lacks replaced, each one added to `missing`.
std::string as_drawn(const std::string& text, const LoadedFont& f, std::set<char32_t>& missing) {
  std::u32string cps = pdf::decode_utf8(text);
  if (std::all_of(cps.begin(), cps.end(), [&](char32_t cp) { return f.drawable(cp); })) return text;
  std::string out;
  for (char32_t cp : cps) {
    if (f.drawable(cp)) {
      encode_utf8(cp, out);
      continue;
    }
    missing.insert(cp);
    encode_utf8(f.replacement(), out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Painting

struct Target {
  std::size_t page;
  double top;
};

// The height a link or bookmark shows its target page from: a little above the target.
double view_top(const pdf::Page& layout_page, double top) { return std::min(top + 6, layout_page.height); }

HPDF_Destination destination(PdfDoc& pdf, HPDF_Page page, const pdf::Page& layout_page, double top) {
  HPDF_Destination dst = HPDF_Page_CreateDestination(page);
  HPDF_Destination_SetFitH(dst, static_cast<HPDF_REAL>(view_top(layout_page, top)));
  pdf.check("creating a link destination");
  return dst;
}

HPDF_REAL real(double v) { return static_cast<HPDF_REAL>(v); }

// Draws text as filled glyph outlines (each glyph's form, placed by the CTM), advancing by the
// same widths the layout measured: visible like text, invisible to text extraction.
void paint_outlines(HPDF_Page page, const pdf::TextBox& t, const LoadedFont& f, pdf::GlyphForms& forms) {
  if (t.color)
    HPDF_Page_SetRGBFill(page, real(t.color->r), real(t.color->g), real(t.color->b));
  else
    HPDF_Page_SetGrayFill(page, real(t.gray));
  const double scale = t.size / f.file.units_per_em();
  double x = t.x;
  for (char32_t cp : pdf::decode_utf8(t.text)) {
    if (HPDF_XObject form = forms.form(f.file, cp)) {
      HPDF_Page_GSave(page);
      HPDF_Page_Concat(page, real(scale), 0, 0, real(scale), real(x), real(t.y));
      HPDF_Page_ExecuteXObject(page, form);
      HPDF_Page_GRestore(page);
    }
    x += f.width(cp) * t.size / 1000.0;
  }
}

void paint_page(PdfDoc& pdf, HPDF_Page page, const pdf::Page& p, const LoadedFont& regular, const LoadedFont& bold,
                pdf::GlyphForms& forms, std::set<char32_t>& missing) {
  for (const pdf::Fill& f : p.fills) {
    if (f.color)
      HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(f.color->r), static_cast<HPDF_REAL>(f.color->g),
                           static_cast<HPDF_REAL>(f.color->b));
    else
      HPDF_Page_SetGrayFill(page, static_cast<HPDF_REAL>(f.gray));
    HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(f.rect.left), static_cast<HPDF_REAL>(f.rect.bottom),
                        static_cast<HPDF_REAL>(f.rect.right - f.rect.left),
                        static_cast<HPDF_REAL>(f.rect.top - f.rect.bottom));
    HPDF_Page_Fill(page);
  }
  HPDF_Page_SetGrayFill(page, 0);
  HPDF_Page_SetGrayStroke(page, 0);
  double line_width = -1;
  for (const pdf::Rule& r : p.rules) {
    if (r.width != line_width) {
      HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(r.width));
      line_width = r.width;
    }
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(r.x1), static_cast<HPDF_REAL>(r.y1));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(r.x2), static_cast<HPDF_REAL>(r.y2));
    HPDF_Page_Stroke(page);
  }
  pdf.check("drawing the rules of page " + std::to_string(p.number));

  HPDF_Page_BeginText(page);
  const LoadedFont* font = nullptr;
  double size = 0, gray = 0;
  for (const pdf::TextBox& t : p.texts) {
    if (t.text.empty() || t.outline) continue;
    if (t.gray != gray) {
      HPDF_Page_SetGrayFill(page, static_cast<HPDF_REAL>(t.gray));
      gray = t.gray;
    }
    const LoadedFont* want = t.font == pdf::Font::bold ? &bold : &regular;
    if (want != font || t.size != size) {
      HPDF_Page_SetFontAndSize(page, want->font, static_cast<HPDF_REAL>(t.size));
      font = want;
      size = t.size;
    }
    const std::string drawn = as_drawn(t.text, *want, missing);
    // A box that follows the one before goes on from the text position where that one ended.
    bool placed = t.follows;
    auto show = [&](const std::string& text) {
      if (placed)
        HPDF_Page_ShowText(page, text.c_str());
      else
        HPDF_Page_TextOut(page, real(t.x), real(t.y), text.c_str());
      placed = true;
    };
    if (t.tail <= 0) {
      show(drawn);
      continue;
    }
    // The room after the box is character spacing on its last character.
    std::size_t last = drawn.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(drawn[last]) & 0xC0) == 0x80) --last;
    if (last > 0) show(drawn.substr(0, last));
    HPDF_Page_SetCharSpace(page, real(t.tail));
    show(drawn.substr(last));
    HPDF_Page_SetCharSpace(page, 0);
  }
  HPDF_Page_EndText(page);
  pdf.check("drawing the text of page " + std::to_string(p.number));
  for (const pdf::TextBox& t : p.texts)
    if (t.outline && !t.text.empty()) paint_outlines(page, t, t.font == pdf::Font::bold ? bold : regular, forms);
  HPDF_Page_SetGrayFill(page, 0);
  pdf.check("drawing the marks of page " + std::to_string(p.number));
}

HPDF_STATUS append_to(HPDF_Stream stream, const HPDF_BYTE* data, HPDF_UINT size) noexcept {
  try {
    static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(data), size);
  } catch (...) {
    return HPDF_FAILD_TO_ALLOC_MEM;
  }
  return HPDF_OK;
}

// Saves the document straight into a string: libharu writes through a callback stream set as the
// document's stream (HPDF_SaveToStream keeps a stream it finds there), so the file is never held
// twice, once in libharu's memory stream and once in the copy read back from it.
std::string save(PdfDoc& pdf, std::size_t size_hint) {
  std::string bytes;
  bytes.reserve(size_hint);
  HPDF_Doc doc = pdf.get();
  if (doc->stream) throw std::runtime_error("PDF: the document has a stream already");
  doc->stream = HPDF_CallbackWriter_New(doc->mmgr, append_to, &bytes);
  if (!doc->stream) throw std::runtime_error("PDF: out of memory for the output stream");
  HPDF_SaveToStream(doc);
  HPDF_Stream_Free(doc->stream);  // it points at `bytes`, which is returned
  doc->stream = nullptr;
  pdf.check("writing the PDF");
  return bytes;
}

}  // namespace

std::string render_pdf(const Document& doc, const std::string& font_dir, const WriterOptions& options,
                       std::vector<char32_t>* replaced) {
  std::set<char32_t> missing;
  PdfDoc pdf;
  HPDF_SetCompressionMode(pdf.get(), HPDF_COMP_ALL);  // first, so everything after is compressed
  pdf.check("enabling compression");
  HPDF_UseUTFEncodings(pdf.get());
  HPDF_SetCurrentEncoder(pdf.get(), "UTF-8");  // document info and outline titles as Unicode
  pdf.check("enabling UTF-8");

  // Fixed order: the subset tags (HPDFAA+, HPDFAB+) are a counter.
  const LoadedFont regular = load_font(pdf, (std::filesystem::path(font_dir) / pdf_regular_font_file).string());
  const LoadedFont bold = load_font(pdf, (std::filesystem::path(font_dir) / pdf_bold_font_file).string());
  HpdfMetrics metrics(regular, bold);

  // Document info: a fixed producer, no dates (libharu writes none unless asked). The /ID and
  // /Lang come with prepare_finish.
  HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_PRODUCER, "zorgcap");
  HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_CREATOR, "zorgcap");
  if (!doc.title.empty()) HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_TITLE, doc.title.c_str());
  HPDF_SetPageMode(pdf.get(), HPDF_PAGE_MODE_USE_OUTLINE);
  pdf.check("setting the document info");

  // Each page is painted and compressed as soon as the layout finishes it, and its boxes freed
  // (pdf_layout.h); its links wait until every page, and so every link target, is known.
  std::vector<HPDF_Page> pages;
  pdf::GlyphForms forms(pdf.get());
  std::size_t content_bytes = 0;  // compressed, for the size of the file
  struct PendingLink {
    std::size_t page;
    pdf::Link link;
  };
  std::vector<PendingLink> pending;
  auto paint = [&](const pdf::Layout& so_far, std::size_t i, pdf::Page& p) {
    while (pages.size() <= i) {  // libharu's pages in order, though the contents pages are painted last
      const pdf::Page& next = so_far.pages[pages.size()];
      HPDF_Page page = HPDF_AddPage(pdf.get());
      HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(next.width));
      HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(next.height));
      pdf.check("adding page " + std::to_string(next.number));
      pages.push_back(page);
    }
    paint_page(pdf, pages[i], p, regular, bold, forms, missing);
    for (pdf::Link& l : p.links) pending.push_back({i, std::move(l)});
    HPDF_Dict contents = pdf::page_contents(pages[i]);
    pdf::deflate_now(contents);
    content_bytes += HPDF_Stream_Size(contents->stream);
  };
  pdf::LayoutOptions layout_options;
  layout_options.marks = options.marks == Marks::herkomst;
  const pdf::Layout layout = pdf::layout_document(doc, metrics, layout_options, paint);
  if (pages.size() != layout.pages.size()) throw std::runtime_error("PDF: the layout left pages unpainted");

  std::map<std::string, Target> targets;
  for (std::size_t i = 0; i < layout.pages.size(); ++i)
    for (const pdf::Anchor& a : layout.pages[i].anchors) targets.emplace(a.name, Target{i, a.top});
  pdf::LinkAnnotations links(pdf.get());
  for (const auto& [i, l] : pending) {
    const int number = layout.pages[i].number;
    HPDF_Rect rect{static_cast<HPDF_REAL>(l.rect.left), static_cast<HPDF_REAL>(l.rect.bottom),
                   static_cast<HPDF_REAL>(l.rect.right), static_cast<HPDF_REAL>(l.rect.top)};
    if (!l.target.empty()) {
      auto it = targets.find(l.target);
      if (it == targets.end())
        throw std::runtime_error("PDF: a link on page " + std::to_string(number) + " points to \"" + l.target +
                                 "\", which the document does not contain" +
                                 (l.mark > 0 ? " (no appendix entry with mark " + std::to_string(l.mark) + ")" : ""));
      const Target& t = it->second;
      links.to_page(pages[i], rect, pages[t.page], view_top(layout.pages[t.page], t.top));
    } else {
      links.to_uri(pages[i], rect, l.uri);
    }
    pdf.check("adding a link on page " + std::to_string(number));
  }
  std::vector<PendingLink>().swap(pending);

  HPDF_Encoder utf8 = HPDF_GetEncoder(pdf.get(), "UTF-8");
  std::vector<HPDF_Outline> open;  // open[level]: the latest bookmark on that level
  for (const pdf::Bookmark& b : layout.bookmarks) {
    auto it = targets.find(b.anchor);
    if (it == targets.end()) throw std::runtime_error("PDF: bookmark \"" + b.title + "\" has no target");
    std::size_t level = std::min(static_cast<std::size_t>(std::max(b.level, 0)), open.size());
    HPDF_Outline parent = level == 0 ? nullptr : open[level - 1];
    HPDF_Outline outline = HPDF_CreateOutline(pdf.get(), parent, b.title.c_str(), utf8);
    HPDF_Outline_SetOpened(outline, HPDF_FALSE);  // a part's charts fold under it
    open.resize(level);
    open.push_back(outline);
    const Target& t = it->second;
    HPDF_Outline_SetDestination(outline, destination(pdf, pages[t.page], layout.pages[t.page], t.top));
    pdf.check("adding the bookmark \"" + b.title + "\"");
  }
  // libharu's codes are the code points: the ToUnicode map lists every character of the fonts.
  std::vector<char32_t> codes;
  for (char32_t cp = 0; cp <= 0xFFFF; ++cp)
    if (regular.file.covers(cp) || bold.file.covers(cp)) codes.push_back(cp);
  if (replaced) replaced->assign(missing.begin(), missing.end());
  pdf::prepare_finish(pdf.get(), {regular.font, bold.font}, pdf::to_unicode_cmap(codes), "nl");
  // The file is its compressed page contents, the fonts, the ToUnicode maps and about 150 bytes per
  // other object. Reserved generously: what is never written is never touched (nor resident), and
  // growing the string while libharu writes would copy it and hold it twice.
  std::string bytes = save(pdf, 2 * (content_bytes + 150 * pdf.get()->xref->entries->count) + 1024 * 1024);
  pdf::stamp_id(bytes);
  return bytes;
}

}  // namespace zorgcap
