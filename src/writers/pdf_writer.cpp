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
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>

#include "core/utf8.h"
#include "writers/pdf_content.h"
#include "writers/pdf_deflate.h"
#include "writers/pdf_finish.h"
#include "writers/pdf_font_file.h"
#include "writers/pdf_fonts.h"
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
// Fonts and metrics

// A font of PdfFonts loaded into this document. Measuring reads only the shared face, so layout
// may measure on any thread; glyphs are marked for libharu's subset as they are painted.
struct LoadedFont {
  const PdfFontFace* face = nullptr;
  HPDF_Font font = nullptr;
  int ascent = 0, descent = 0;       // libharu's, 1/1000 em
  mutable std::vector<bool> marked;  // painting only: the code points marked so far

  const pdf::FontFile& file() const { return face->file; }
  bool drawable(char32_t cp) const { return face->drawable(cp); }
  char32_t replacement() const { return face->replacement(); }
  int width(char32_t cp) const { return face->width(cp); }
  // A drawn code point: its glyph (a missing character's: the replacement's) goes into libharu's
  // font subset.
  void mark(char32_t cp) const {
    if (!drawable(cp)) cp = replacement();
    if (marked[cp]) return;
    marked[cp] = true;
    HPDF_Font_GetUnicodeWidth(font, static_cast<HPDF_UNICODE>(cp));
  }
};

LoadedFont load_font(PdfDoc& pdf, const PdfFontFace& face) {
  LoadedFont f{&face, nullptr, 0, 0, std::vector<bool>(0x10000, false)};
  const char* name = pdf::load_truetype_font(pdf.get(), face.file.data());
  pdf.check("loading the font " + face.path());
  if (!name) throw std::runtime_error("PDF: libharu could not load the font " + face.path());
  f.font = HPDF_GetFont(pdf.get(), name, "UTF-8");
  pdf.check("opening the font " + face.path() + " with UTF-8 encoding");
  f.ascent = HPDF_Font_GetAscent(f.font);
  f.descent = HPDF_Font_GetDescent(f.font);
  return f;
}

// Widths from the font's own advance widths: libharu draws without kerning, so the sum over the code
// points is exactly the drawn width. Read-only: safe to use from several threads at once.
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
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t start = at;
      const char32_t cp = utf8::next(text, at);
      // next() reads an invalid byte as U+FFFD: text that is not UTF-8 is refused, naming the place.
      if (cp == U'\uFFFD' && text.compare(start, 3, "\xEF\xBF\xBD") != 0) pdf::decode_utf8(text);
      sum += f.width(cp);
    }
    return static_cast<double>(sum) * size / 1000.0;
  }
  double ascent(pdf::Font font, double size) const override {
    return of(font).ascent * size / 1000.0;
  }
  double descent(pdf::Font font, double size) const override {
    return -of(font).descent * size / 1000.0;
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
// `text`'s code points with every character the font lacks replaced, each one added to `missing`.
std::u32string as_drawn(const std::string& text, const LoadedFont& f, std::set<char32_t>& missing) {
  std::u32string cps = pdf::decode_utf8(text);
  for (char32_t& cp : cps)
    if (!f.drawable(cp)) {
      missing.insert(cp);
      cp = f.replacement();
    }
  return cps;
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
void paint_outlines(pdf::PageContent& c, const pdf::TextBox& t, const LoadedFont& f, pdf::GlyphForms& forms) {
  if (t.color)
    c.rgb_fill(real(t.color->r), real(t.color->g), real(t.color->b));
  else
    c.gray_fill(real(t.gray));
  const double scale = t.size / f.file().units_per_em();
  double x = t.x;
  for (char32_t cp : pdf::decode_utf8(t.text)) {
    if (HPDF_XObject form = forms.form(f.file(), cp)) {
      c.save_state();
      c.concat(real(scale), 0, 0, real(scale), real(x), real(t.y));
      c.draw_form(form);
      c.restore_state();
    }
    f.mark(cp);
    x += f.width(cp) * t.size / 1000.0;
  }
}

long width_of(std::u32string_view codes, const LoadedFont& f) {
  long sum = 0;
  for (char32_t cp : codes) {
    f.mark(cp);  // its glyph goes into libharu's font subset
    sum += f.width(cp);
  }
  return sum;
}

// Paints a page: its content stream's bytes (pdf_content.h), for the compressor (pdf_deflate.h).
std::string paint_page(HPDF_Page page, const pdf::Page& p, const LoadedFont& regular, const LoadedFont& bold,
                       pdf::GlyphForms& forms, std::set<char32_t>& missing) {
  pdf::PageContent c(page);
  for (const pdf::Fill& f : p.fills) {
    if (f.color)
      c.rgb_fill(real(f.color->r), real(f.color->g), real(f.color->b));
    else
      c.gray_fill(real(f.gray));
    c.rectangle(real(f.rect.left), real(f.rect.bottom), real(f.rect.right - f.rect.left),
                real(f.rect.top - f.rect.bottom));
    c.fill();
  }
  c.gray_fill(0);
  c.gray_stroke(0);
  double line_width = -1;
  for (const pdf::Rule& r : p.rules) {
    if (r.width != line_width) {
      c.line_width(real(r.width));
      line_width = r.width;
    }
    c.move_to(real(r.x1), real(r.y1));
    c.line_to(real(r.x2), real(r.y2));
    c.stroke();
  }

  c.begin_text();
  const LoadedFont* font = nullptr;
  double size = 0, gray = 0;
  for (const pdf::TextBox& t : p.texts) {
    if (t.text.empty() || t.outline) continue;
    if (t.gray != gray) {
      c.gray_fill(real(t.gray));
      gray = t.gray;
    }
    const LoadedFont* want = t.font == pdf::Font::bold ? &bold : &regular;
    if (want != font || t.size != size) {
      c.font(want->font, real(t.size));
      font = want;
      size = t.size;
    }
    const std::u32string drawn = as_drawn(t.text, *want, missing);
    // A box that follows the one before goes on from the text position where that one ended.
    bool placed = t.follows;
    auto show = [&](std::u32string_view codes) {
      if (placed)
        c.show(codes, width_of(codes, *want));
      else
        c.text_at(real(t.x), real(t.y), codes, width_of(codes, *want));
      placed = true;
    };
    if (t.tail <= 0) {
      show(drawn);
      continue;
    }
    // The room after the box is character spacing on its last character.
    const std::u32string_view codes(drawn);
    if (codes.size() > 1) show(codes.substr(0, codes.size() - 1));
    c.char_space(real(t.tail));
    show(codes.substr(codes.size() - 1));
    c.char_space(0);
  }
  c.end_text();
  for (const pdf::TextBox& t : p.texts)
    if (t.outline && !t.text.empty()) paint_outlines(c, t, t.font == pdf::Font::bold ? bold : regular, forms);
  c.gray_fill(0);
  return c.take();
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

// libharu's document with the fonts loaded, before anything of a Document is in it.
struct PdfRenderer::Loaded {
  std::shared_ptr<const PdfFonts> fonts;
  PdfDoc pdf;
  LoadedFont regular, bold;

  static PdfDoc& prepared(PdfDoc& pdf) {
    HPDF_SetCompressionMode(pdf.get(), HPDF_COMP_ALL);  // first, so everything after is compressed
    pdf.check("enabling compression");
    HPDF_UseUTFEncodings(pdf.get());
    HPDF_SetCurrentEncoder(pdf.get(), "UTF-8");  // document info and outline titles as Unicode
    pdf.check("enabling UTF-8");
    return pdf;
  }
  // Fixed order (members are initialised in order): the subset tags (HPDFAA+, HPDFAB+) are a counter.
  explicit Loaded(std::shared_ptr<const PdfFonts> f)
      : fonts(std::move(f)), regular(load_font(prepared(pdf), fonts->regular())), bold(load_font(pdf, fonts->bold())) {}
};

PdfRenderer::PdfRenderer(std::shared_ptr<const PdfFonts> fonts, const WriterOptions& options, pdf::PageCache* pages)
    : loaded_(std::make_unique<Loaded>(std::move(fonts))), options_(options), pages_(pages) {}

PdfRenderer::PdfRenderer(const std::string& font_dir, const WriterOptions& options)
    : PdfRenderer(PdfFonts::load(font_dir), options) {}

PdfRenderer::~PdfRenderer() = default;

std::string render_pdf(const Document& doc, const std::string& font_dir, const WriterOptions& options,
                       std::vector<char32_t>* replaced) {
  return PdfRenderer(font_dir, options).render(doc, replaced);
}

std::string PdfRenderer::render(const Document& doc, std::vector<char32_t>* replaced) {
  if (!loaded_) throw std::logic_error("PdfRenderer::render called twice");
  const std::unique_ptr<Loaded> loaded = std::move(loaded_);  // freed (with libharu's document) on return
  PdfDoc& pdf = loaded->pdf;
  const LoadedFont& regular = loaded->regular;
  const LoadedFont& bold = loaded->bold;
  const WriterOptions& options = options_;
  std::set<char32_t> missing;
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
  pdf::PageCompressor compressor(options.spare_thread, pages_);
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
    std::string content = paint_page(pages[i], p, regular, bold, forms, missing);
    pdf.check("painting page " + std::to_string(p.number));
    for (pdf::Link& l : p.links) pending.push_back({i, std::move(l)});
    compressor.add(pdf::page_contents(pages[i]), std::move(content), i);
  };
  pdf::LayoutOptions layout_options;
  layout_options.marks = options.marks == Marks::herkomst;
  layout_options.second_thread = options.spare_thread;  // HpdfMetrics only reads
  const pdf::Layout layout = pdf::layout_document(doc, metrics, layout_options, paint);
  if (pages.size() != layout.pages.size()) throw std::runtime_error("PDF: the layout left pages unpainted");
  compressor.finish();
  std::size_t content_bytes = 0;  // compressed, for the size of the file
  for (HPDF_Page page : pages) content_bytes += HPDF_Stream_Size(pdf::page_contents(page)->stream);

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
  if (replaced) replaced->assign(missing.begin(), missing.end());
  pdf::prepare_finish(pdf.get(), {regular.font, bold.font}, loaded->fonts->to_unicode(), "nl");
  // The file is its compressed page contents, the fonts, the ToUnicode maps and about 150 bytes per
  // other object. Reserved generously: what is never written is never touched (nor resident), and
  // growing the string while libharu writes would copy it and hold it twice.
  std::string bytes = save(pdf, 2 * (content_bytes + 150 * pdf.get()->xref->entries->count) + 1024 * 1024);
  pdf::stamp_id(bytes);
  return bytes;
}

}  // namespace zorgcap
