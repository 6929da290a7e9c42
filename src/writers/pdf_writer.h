#pragma once
#include <memory>
#include <string>
#include <vector>

#include "document/document.h"
#include "writers/pdf_fonts.h"
#include "writers/writer_options.h"

namespace zorgcap {

namespace pdf {
class PageCache;  // pdf_deflate.h
}

// report.pdf, as bytes: a title page with contents, the tables flowing one after another (a landscape
// page only for a table too wide for portrait; header rows repeated on every page a table continues
// on), then, as in report.html, the
// case charts ("Figuren per casus"), the Monte Carlo table ("Onzekerheid (Monte Carlo)", when the
// Document has it), the tornados ("Gevoeligheid van de uitkomsten"), the appendix "Verantwoording"
// (when the Document has it), the appendix "Herkomst van de getallen" and "Bronnen". Charts are
// vectors (filled bars, an axis, their values as text), each kept whole on one page. Every number
// links to its appendix entry, and so do the outcomes of the Monte Carlo table and zorgcap's values
// in "Verantwoording"; with `options.marks` herkomst each also carries a superscript mark, and a
// number that differs from the printed report a red ≠ linking to its Verantwoording entry (marks
// are drawn as outlines: copying a number gives its printed text). The report's footnotes are raised
// in their cells and listed under their table. Each chart bar (with its values) links to the
// entry of its quantity; each appendix entry links to the entries it is computed from. One bookmark
// per table and per part, with the charts folded under their part. What libharu cannot write itself is set on
// its objects before it saves (valid ToUnicode maps, /Lang (nl), an /ID derived from the content): the same Document and fonts
// give the same bytes.
//
// A character the font does not have (or a control character) is drawn as the replacement
// character U+FFFD; each such character is listed once in `replaced` (in code point order), so the
// caller can warn where it came from.
//
// Throws std::runtime_error when a font is missing or unreadable, when text is not valid UTF-8,
// when a table row or a chart does not fit on a page, or when libharu reports an error.
std::string render_pdf(const Document& doc, const std::string& font_dir, const WriterOptions& options = {},
                       std::vector<char32_t>* replaced = nullptr);

// render_pdf in two steps: libharu's document and the fonts are loaded first, so that this can run
// while the Document is still being completed (the report command does it while the printed
// numbers are read). The bytes are render_pdf's (with the fonts of `font_dir`).
class PdfRenderer {
 public:
  // `fonts` are shared: a batch reads them once (PdfFonts::load) for all its reports. `pages`:
  // the run's compressed pages, shared by its reports too (none: every page is compressed).
  explicit PdfRenderer(std::shared_ptr<const PdfFonts> fonts, const WriterOptions& options = {},
                       pdf::PageCache* pages = nullptr);
  // Throws std::runtime_error as render_pdf does when a font is missing or unreadable.
  PdfRenderer(const std::string& font_dir, const WriterOptions& options = {});
  ~PdfRenderer();
  PdfRenderer(const PdfRenderer&) = delete;
  PdfRenderer& operator=(const PdfRenderer&) = delete;

  // report.pdf of `doc`, as render_pdf; once per PdfRenderer.
  std::string render(const Document& doc, std::vector<char32_t>* replaced = nullptr);

 private:
  struct Loaded;
  std::unique_ptr<Loaded> loaded_;
  WriterOptions options_;
  pdf::PageCache* pages_ = nullptr;
};

}  // namespace zorgcap
