#pragma once
// What libharu 2.3.0 cannot write itself (docs/LIBRARIES.md), set on its document objects just before
// it saves, so the file is written once and never rewritten.
#include <hpdf.h>

#include <string>
#include <vector>

namespace zorgcap::pdf {

// A ToUnicode CMap for libharu's UTF-8 fonts, whose two-byte codes are the characters' code points
// (UCS-2): one bfrange per run of consecutive `code_points` within one high byte. Code points
// outside the BMP and surrogates are left out.
std::string to_unicode_cmap(std::vector<char32_t> code_points);

// Before HPDF_SaveToStream: every font's /ToUnicode stream becomes `to_unicode` (libharu writes its
// encoding CMap there, a cidrange that poppler rejects), the catalog gets /Lang (`lang`), the file
// becomes PDF 1.4 (the version that has /Lang), and the trailer gets an /ID placeholder for
// stamp_id. Throws std::runtime_error when libharu refuses.
void prepare_finish(HPDF_Doc doc, const std::vector<HPDF_Font>& fonts, const std::string& to_unicode,
                    const std::string& lang);

// After saving: the /ID placeholder becomes a (non-cryptographic) hash of the file's bytes, so the same content gives
// the same bytes. Throws std::runtime_error when the placeholder is missing.
void stamp_id(std::string& bytes);

}  // namespace zorgcap::pdf
