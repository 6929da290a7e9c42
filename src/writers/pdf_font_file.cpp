#include "writers/pdf_font_file.h"

#include <algorithm>
#include <stdexcept>

namespace zorgcap::pdf {

namespace {
std::int32_t signed16(std::uint32_t v) { return v >= 0x8000 ? static_cast<std::int32_t>(v) - 0x10000 : static_cast<std::int32_t>(v); }
}  // namespace

std::uint32_t FontFile::u16(std::size_t at) const {
  if (at + 2 > data_.size()) throw std::runtime_error("PDF: font file " + path_ + ": truncated");
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(data_[at])) << 8) |
         static_cast<unsigned char>(data_[at + 1]);
}
std::uint32_t FontFile::u32(std::size_t at) const { return (u16(at) << 16) | u16(at + 2); }

std::size_t FontFile::table(const char* tag) const {
  std::uint32_t tables = u16(4);
  for (std::uint32_t i = 0; i < tables; ++i) {
    std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
    if (rec + 16 > data_.size()) throw std::runtime_error("PDF: font file " + path_ + ": truncated table directory");
    if (data_.compare(rec, 4, tag) == 0) return u32(rec + 8);
  }
  return 0;
}

FontFile::FontFile(std::string data, std::string path) : data_(std::move(data)), path_(std::move(path)) {
  auto bad = [&](const std::string& why) { return std::runtime_error("PDF: font file " + path_ + ": " + why); };
  std::size_t cmap = table("cmap");
  if (cmap == 0) throw bad("no cmap table");
  std::size_t sub = 0;
  std::uint32_t records = u16(cmap + 2);
  for (std::uint32_t i = 0; i < records; ++i) {
    std::size_t rec = cmap + 4 + 8 * static_cast<std::size_t>(i);
    if (u16(rec) == 3 && u16(rec + 2) == 1) sub = cmap + u32(rec + 4);
  }
  if (sub == 0 || u16(sub) != 4) throw bad("no Windows Unicode (3,1) format-4 cmap, which libharu needs");
  glyphs_.assign(0x10000, 0);
  std::size_t seg_x2 = u16(sub + 6);
  std::size_t ends = sub + 14, starts = ends + seg_x2 + 2, deltas = starts + seg_x2, offsets = deltas + seg_x2;
  for (std::size_t s = 0; s < seg_x2 / 2; ++s) {
    std::uint32_t end = u16(ends + 2 * s), start = u16(starts + 2 * s), delta = u16(deltas + 2 * s);
    std::size_t offset_at = offsets + 2 * s;
    std::uint32_t offset = u16(offset_at);
    for (std::uint32_t c = start; c <= end && c < 0xFFFF; ++c) {
      std::uint32_t glyph = 0;
      if (offset == 0) {
        glyph = (c + delta) & 0xFFFF;
      } else {
        glyph = u16(offset_at + offset + 2 * (c - start));
        if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
      }
      glyphs_[c] = static_cast<std::uint16_t>(glyph);
    }
  }
  // Outlines are read only when asked for; a font without them still serves for text.
  std::size_t head = table("head"), maxp = table("maxp");
  glyf_ = table("glyf");
  loca_ = table("loca");
  if (head != 0) {
    units_per_em_ = u16(head + 18);
    long_loca_ = u16(head + 50) != 0;
  }
  if (maxp != 0) glyph_count_ = u16(maxp + 4);
  if (units_per_em_ <= 0) throw bad("unitsPerEm is 0");
  // Advance widths: the hmtx table's first numberOfHMetrics (hhea) entries; every later glyph has
  // the last one's advance.
  std::size_t hhea = table("hhea"), hmtx = table("hmtx");
  if (hhea == 0 || hmtx == 0) throw bad("no hhea or hmtx table (advance widths)");
  const std::uint32_t metrics = u16(hhea + 34);
  if (metrics == 0) throw bad("hhea lists no horizontal metrics");
  const std::uint32_t glyphs = std::max(glyph_count_, metrics);
  advances_.resize(glyphs);
  for (std::uint32_t g = 0; g < glyphs; ++g)
    advances_[g] = static_cast<std::uint16_t>(g < metrics ? u16(hmtx + 4 * static_cast<std::size_t>(g)) : advances_[metrics - 1]);
}

int FontFile::width(char32_t cp) const {
  if (!covers(cp)) return 0;
  const std::uint16_t g = glyphs_[cp];
  if (g >= advances_.size()) return 0;
  return static_cast<int>(static_cast<std::uint32_t>(advances_[g]) * 1000u / static_cast<std::uint32_t>(units_per_em_));
}

std::vector<Contour> FontFile::outline(char32_t cp) const {
  std::vector<Contour> out;
  if (!covers(cp)) return out;
  if (glyf_ == 0 || loca_ == 0 || glyph_count_ == 0)
    throw std::runtime_error("PDF: font file " + path_ + " has no TrueType outlines (glyf, loca)");
  glyph(glyphs_[cp], 1, 0, 0, 1, 0, 0, 0, out);
  return out;
}

// Appends the contours of glyph `id`, transformed by x' = a·x + c·y + dx, y' = b·x + d·y + dy.
void FontFile::glyph(std::uint32_t id, double a, double b, double c, double d, double dx, double dy, int depth,
                     std::vector<Contour>& out) const {
  auto bad = [&](const std::string& why) {
    return std::runtime_error("PDF: font file " + path_ + ": glyph " + std::to_string(id) + ": " + why);
  };
  if (id >= glyph_count_) throw bad("out of range");
  if (depth > 8) throw bad("composite glyphs nested too deeply");
  std::size_t from = long_loca_ ? u32(loca_ + 4 * id) : 2 * static_cast<std::size_t>(u16(loca_ + 2 * id));
  std::size_t to = long_loca_ ? u32(loca_ + 4 * (id + 1)) : 2 * static_cast<std::size_t>(u16(loca_ + 2 * (id + 1)));
  if (to <= from) return;  // an empty glyph
  std::size_t g = glyf_ + from;
  std::int32_t contours = signed16(u16(g));
  if (contours < 0) {  // composite: components placed by offsets and an optional scale
    std::size_t at = g + 10;
    for (bool more = true; more;) {
      std::uint32_t flags = u16(at), component = u16(at + 2);
      at += 4;
      double ex = 0, ey = 0;
      if (flags & 0x0001) {
        ex = signed16(u16(at));
        ey = signed16(u16(at + 2));
        at += 4;
      } else {
        std::uint32_t v = u16(at);
        ex = static_cast<signed char>(v >> 8);
        ey = static_cast<signed char>(v & 0xFF);
        at += 2;
      }
      if (!(flags & 0x0002)) throw bad("composite placed by points (unsupported)");
      double ca = 1, cb = 0, cc = 0, cd = 1;
      auto f2dot14 = [&](std::size_t p) { return signed16(u16(p)) / 16384.0; };
      if (flags & 0x0008) {
        ca = cd = f2dot14(at);
        at += 2;
      } else if (flags & 0x0040) {
        ca = f2dot14(at);
        cd = f2dot14(at + 2);
        at += 4;
      } else if (flags & 0x0080) {
        ca = f2dot14(at);
        cb = f2dot14(at + 2);
        cc = f2dot14(at + 4);
        cd = f2dot14(at + 6);
        at += 8;
      }
      // The component's transform, then ours.
      glyph(component, a * ca + c * cb, b * ca + d * cb, a * cc + c * cd, b * cc + d * cd, a * ex + c * ey + dx,
            b * ex + d * ey + dy, depth + 1, out);
      more = (flags & 0x0020) != 0;
    }
    return;
  }
  std::vector<std::uint32_t> ends;
  for (std::int32_t i = 0; i < contours; ++i) ends.push_back(u16(g + 10 + 2 * static_cast<std::size_t>(i)));
  if (ends.empty()) return;
  std::size_t points = ends.back() + 1;
  std::size_t at = g + 10 + 2 * ends.size();
  at += 2 + u16(at);  // instructions
  std::vector<std::uint8_t> flags;
  while (flags.size() < points) {
    if (at >= data_.size()) throw bad("truncated");
    auto f = static_cast<std::uint8_t>(data_[at++]);
    flags.push_back(f);
    if (f & 0x08) {
      if (at >= data_.size()) throw bad("truncated");
      for (int n = static_cast<unsigned char>(data_[at++]); n > 0 && flags.size() < points; --n) flags.push_back(f);
    }
  }
  auto coordinates = [&](std::uint8_t short_bit, std::uint8_t same_bit) {
    std::vector<double> v(points);
    std::int32_t cur = 0;
    for (std::size_t i = 0; i < points; ++i) {
      if (flags[i] & short_bit) {
        if (at >= data_.size()) throw bad("truncated");
        std::int32_t delta = static_cast<unsigned char>(data_[at++]);
        cur += (flags[i] & same_bit) ? delta : -delta;
      } else if (!(flags[i] & same_bit)) {
        cur += signed16(u16(at));
        at += 2;
      }
      v[i] = cur;
    }
    return v;
  };
  std::vector<double> xs = coordinates(0x02, 0x10);
  std::vector<double> ys = coordinates(0x04, 0x20);
  std::size_t start = 0;
  for (std::uint32_t end : ends) {
    if (end < start || end >= points) throw bad("bad contour end");
    Contour contour;
    for (std::size_t i = start; i <= end; ++i)
      contour.push_back({a * xs[i] + c * ys[i] + dx, b * xs[i] + d * ys[i] + dy, (flags[i] & 0x01) != 0});
    out.push_back(std::move(contour));
    start = end + 1;
  }
}

}  // namespace zorgcap::pdf
