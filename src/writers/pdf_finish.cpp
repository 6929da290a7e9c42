#include "writers/pdf_finish.h"

// Use only std::shared_ptr, not qpdf's deprecated PointerHolder (qpdf/PointerHolder.hh).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
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

std::string finish_pdf(const std::string& bytes, const std::string& to_unicode, const std::string& lang) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("report.pdf", bytes.data(), bytes.size());
    for (QPDFObjectHandle& object : pdf.getAllObjects()) {
      if (!object.isDictionary() || !object.getKey("/Type").isNameAndEquals("/Font")) continue;
      QPDFObjectHandle map = object.getKey("/ToUnicode");
      if (map.isStream()) map.replaceStreamData(to_unicode, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
    }
    pdf.getRoot().replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(lang));
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.setMinimumPDFVersion("1.4");
    writer.write();
    std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(out->getBuffer()), out->getSize());
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("PDF: qpdf could not finish the file: ") + e.what());
  }
}

}  // namespace zorgcap::pdf
