#include "writers/pdf_finish.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <stdexcept>


namespace zorgcap::pdf {

namespace {

std::string hex4(char32_t v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(v));
  return buf;
}

}  // namespace

std::string to_unicode_cmap(std::vector<char32_t> cps) {
  cps.erase(std::remove_if(cps.begin(), cps.end(), [](char32_t c) { return c > 0xFFFF || (c >= 0xD800 && c <= 0xDFFF); }),
            cps.end());
  std::sort(cps.begin(), cps.end());
  cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
  std::vector<std::pair<char32_t, char32_t>> ranges;  // [first, last], within one high byte
  for (char32_t c : cps) {
    if (!ranges.empty() && ranges.back().second + 1 == c && (c & 0xFF00) == (ranges.back().first & 0xFF00))
      ranges.back().second = c;
    else
      ranges.emplace_back(c, c);
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (std::size_t i = 0; i < ranges.size(); i += 100) {  // at most 100 entries per block
    std::size_t n = std::min<std::size_t>(100, ranges.size() - i);
    out += std::to_string(n) + " beginbfrange\n";
    for (std::size_t k = i; k < i + n; ++k)
      out += "<" + hex4(ranges[k].first) + "> <" + hex4(ranges[k].second) + "> <" + hex4(ranges[k].first) + ">\n";
    out += "endbfrange\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

namespace {

// 16 bytes libharu writes as 32 hex digits in the trailer; stamp_id finds them there.
constexpr char kIdPlaceholder[] = "zorgcap:pdf-id:?";
constexpr std::size_t kIdBytes = sizeof kIdPlaceholder - 1;

[[noreturn]] void refused(const char* what, HPDF_Doc doc) {
  char code[16];
  std::snprintf(code, sizeof code, "0x%04X", static_cast<unsigned>(HPDF_GetError(doc)));
  throw std::runtime_error(std::string("PDF: libharu refused ") + what + " (error " + code + ")");
}

std::string hex_upper(const unsigned char* data, std::size_t n) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[data[i] >> 4];
    out += digits[data[i] & 0xF];
  }
  return out;
}

}  // namespace

void prepare_finish(HPDF_Doc doc, const std::vector<HPDF_Font>& fonts, const std::string& to_unicode,
                    const std::string& lang) {
  for (HPDF_Font font : fonts) {
    auto* map = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
    if (!map || !map->stream) refused("to give a font its ToUnicode map (the font has none)", doc);
    HPDF_MemStream_FreeData(map->stream);
    if (HPDF_Stream_Write(map->stream, reinterpret_cast<const HPDF_BYTE*>(to_unicode.data()),
                          static_cast<HPDF_UINT>(to_unicode.size())) != HPDF_OK)
      refused("the ToUnicode map", doc);
  }
  if (HPDF_Dict_Add(doc->catalog, "Lang", HPDF_String_New(doc->mmgr, lang.c_str(), nullptr)) != HPDF_OK)
    refused("the catalog's /Lang", doc);
  doc->pdf_version = HPDF_VER_14;
  HPDF_Array id = HPDF_Array_New(doc->mmgr);
  if (!id) refused("the /ID array", doc);
  for (int i = 0; i < 2; ++i)
    if (HPDF_Array_Add(id, HPDF_Binary_New(doc->mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(kIdPlaceholder)),
                                          static_cast<HPDF_UINT>(kIdBytes))) != HPDF_OK)
      refused("the /ID", doc);
  if (HPDF_Dict_Add(doc->trailer, "ID", id) != HPDF_OK) refused("the trailer's /ID", doc);
}

void stamp_id(std::string& bytes) {
  const std::string placeholder = "<" + hex_upper(reinterpret_cast<const unsigned char*>(kIdPlaceholder), kIdBytes) + ">";
  std::size_t second = bytes.rfind(placeholder);
  std::size_t first = second == std::string::npos ? second : bytes.rfind(placeholder, second - 1);
  if (first == std::string::npos) throw std::runtime_error("PDF: libharu wrote no /ID placeholder in the trailer");
  // The /ID only has to differ between different files and repeat for the same one: two 64-bit
  // FNV-style hashes of the bytes, taken eight at a time, each step folding the high bits back down
  // (a multiplication alone only carries a change upwards). A cryptographic hash of the whole file
  // cost more than its trailer; a byte at a time, these cost a millisecond per report.
  std::uint64_t h[2] = {0xcbf29ce484222325ull, 0x84222325cbf29ce4ull};
  auto mix = [&](std::uint64_t w) {
    h[0] = (h[0] ^ w) * 0x100000001b3ull;
    h[0] ^= h[0] >> 31;
    h[1] = (h[1] ^ ((w << 32) | (w >> 32))) * 0x9e3779b97f4a7c15ull;
    h[1] ^= h[1] >> 29;
  };
  const std::size_t words = bytes.size() / 8;
  for (std::size_t i = 0; i < words; ++i) {
    std::uint64_t w = 0;
    for (int b = 0; b < 8; ++b) w |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[8 * i + b])) << (8 * b);
    mix(w);
  }
  for (std::size_t i = 8 * words; i < bytes.size(); ++i) mix(static_cast<unsigned char>(bytes[i]) | 0x100u);
  unsigned char digest[kIdBytes];
  for (std::size_t i = 0; i < kIdBytes; ++i) digest[i] = static_cast<unsigned char>(h[i / 8] >> (8 * (i % 8)));
  const std::string stamp = "<" + hex_upper(digest, kIdBytes) + ">";
  bytes.replace(first, stamp.size(), stamp);
  bytes.replace(second, stamp.size(), stamp);
}

}  // namespace zorgcap::pdf
