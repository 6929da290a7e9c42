#pragma once
// The last step of report.pdf, on the bytes libharu wrote, with libqpdf: what libharu 2.3.0 cannot
// write itself (docs/LIBRARIES.md).
#include <string>
#include <vector>

namespace zorgcap::pdf {

// A ToUnicode CMap for libharu's UTF-8 fonts, whose two-byte codes are the characters' code points
// (UCS-2): one bfrange per run of consecutive `code_points` within one high byte. Code points
// outside the BMP and surrogates are left out.
std::string to_unicode_cmap(std::vector<char32_t> code_points);

// Rewrites the PDF `bytes`: every font's /ToUnicode stream becomes `to_unicode` (libharu writes
// its encoding CMap there, a cidrange that poppler rejects), the catalog gets /Lang (`lang`), and the
// trailer a deterministic /ID (a hash of the content: the same content gives the same bytes). The
// result is PDF 1.4 (the version that has /Lang). Throws std::runtime_error if qpdf cannot read it.
std::string finish_pdf(const std::string& bytes, const std::string& to_unicode, const std::string& lang);

}  // namespace zorgcap::pdf
