// The /ID stamped into a saved report.pdf: derived from the bytes, the same for the same bytes,
// different when any byte differs.
#include "writers/pdf_finish.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

namespace zorgcap::pdf {
namespace {

// What libharu writes for the placeholder "zorgcap:pdf-id:?" in the trailer, around some content.
std::string with_placeholder(const std::string& body) {
  const std::string ph = "<7A6F72676361703A7064662D69643A3F>";
  return body + "\ntrailer\n<<\n/ID [ " + ph + " " + ph + " ]\n>>\n";
}

std::string id_of(std::string bytes) {
  stamp_id(bytes);
  std::smatch m;
  EXPECT_TRUE(std::regex_search(bytes, m, std::regex("/ID \\[ <([0-9A-F]{32})> <([0-9A-F]{32})> \\]"))) << bytes;
  EXPECT_EQ(m[1].str(), m[2].str());  // both entries carry the stamp
  return m[1].str();
}

TEST(StampId, TheSameBytesTheSameIdAnyChangeAnother) {
  std::string body;
  for (int i = 0; i < 5000; ++i) body += static_cast<char>('a' + (i * 7) % 26);
  const std::string id = id_of(with_placeholder(body));
  EXPECT_EQ(id, id_of(with_placeholder(body)));
  std::set<std::string> ids{id};
  // One byte changed, at the start, inside a word (every byte position of a word), near the end
  // and in the part after the last whole word: each gives an ID of its own, in both halves.
  for (std::size_t at : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{4}, std::size_t{5},
                         std::size_t{6}, std::size_t{7}, std::size_t{2501}, std::size_t{4999}}) {
    std::string changed = body;
    changed[at] = static_cast<char>(changed[at] ^ 0x80);
    const std::string other = id_of(with_placeholder(changed));
    EXPECT_NE(other.substr(0, 16), id.substr(0, 16)) << at;
    EXPECT_NE(other.substr(16), id.substr(16)) << at;
    ids.insert(other);
  }
  EXPECT_EQ(ids.size(), 11u);
  // Appending a zero byte changes it too.
  EXPECT_NE(id_of(with_placeholder(body + std::string(1, '\0'))), id);
}

TEST(StampId, RefusesBytesWithoutThePlaceholder) {
  std::string bytes = "%PDF-1.4\n%%EOF\n";
  EXPECT_THROW(stamp_id(bytes), std::runtime_error);
}

}  // namespace
}  // namespace zorgcap::pdf
