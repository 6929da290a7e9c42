#include "core/utf8.h"

#include <gtest/gtest.h>

namespace zorgcap::utf8 {
namespace {

constexpr auto npos = std::string_view::npos;

TEST(Utf8, DecodesMultiByteSequences) {
  EXPECT_EQ(decode("aë€𝄞"), (std::u32string{U'a', U'ë', U'€', U'𝄞'}));
  EXPECT_EQ(decode("\xF4\x8F\xBF\xBF"), std::u32string{U'\U0010FFFF'});  // the highest code point
  EXPECT_EQ(first_invalid("aë€𝄞"), npos);
  EXPECT_TRUE(valid(""));
  EXPECT_EQ(sequence_length("ë", 0), 2u);
  EXPECT_EQ(sequence_length("€", 0), 3u);
  EXPECT_EQ(sequence_length("𝄞", 0), 4u);
}

TEST(Utf8, RejectsOverlongForms) {
  EXPECT_EQ(first_invalid("a\xC0\xAF"), 1u);          // "/" in two bytes
  EXPECT_EQ(first_invalid("\xC1\xBF"), 0u);
  EXPECT_EQ(first_invalid("ab\xE0\x80\xAF"), 2u);     // "/" in three bytes
  EXPECT_EQ(first_invalid("\xF0\x82\x82\xAC"), 0u);   // "€" in four bytes
}

TEST(Utf8, RejectsSurrogates) {
  EXPECT_EQ(first_invalid("ab\xED\xA0\x80"), 2u);  // U+D800
  EXPECT_EQ(first_invalid("\xED\xBF\xBF"), 0u);    // U+DFFF
  EXPECT_EQ(first_invalid("\xED\x9F\xBF"), npos);  // U+D7FF is fine
}

TEST(Utf8, RejectsTruncatedSequencesAndStrayBytes) {
  EXPECT_EQ(first_invalid("\xE2\x82"), 0u);   // truncated at the end
  EXPECT_EQ(first_invalid("a\xC3("), 1u);     // a continuation byte missing
  EXPECT_EQ(first_invalid("x\x80"), 1u);      // a lone continuation byte
  EXPECT_EQ(first_invalid("ok\xFF"), 2u);
}

TEST(Utf8, RejectsCodePointsAboveU10FFFF) {
  EXPECT_EQ(first_invalid("\xF4\x90\x80\x80"), 0u);  // U+110000
  EXPECT_EQ(first_invalid("a\xF5\x80\x80\x80"), 1u);
}

TEST(Utf8, DecodesAnInvalidByteAsReplacementCharacter) {
  EXPECT_EQ(decode("a\xC3(b"), (std::u32string{U'a', 0xFFFD, U'(', U'b'}));
  std::size_t at = 0;
  EXPECT_EQ(next("\xC0\xAF", at), 0xFFFDu);
  EXPECT_EQ(at, 1u);
}

TEST(Utf8, CountsCharacters) {
  EXPECT_EQ(count(""), 0u);
  EXPECT_EQ(count("aë€𝄞"), 4u);
  EXPECT_TRUE(is_continuation("ë"[1]));
  EXPECT_FALSE(is_continuation('a'));
}

// ASCII is skipped eight bytes at a time: a bad byte is found at every offset within and after
// such runs, and a valid character after one is still valid.
TEST(Utf8, FindsTheFirstInvalidByteAtEveryOffsetOfALongAsciiRun) {
  for (std::size_t at = 0; at < 40; ++at)
    for (const char* bad : {"\x80", "\xFF", "\xC0\xAF", "\xE2\x82", "\xED\xA0\x80"}) {
      std::string s(40, 'a');
      s.insert(at, bad);
      EXPECT_EQ(first_invalid(s), at) << "at " << at << ", " << std::string_view(bad).size() << " bytes";
      std::string good(40, 'b');
      good.insert(at, "\u20AC\u00EB");
      EXPECT_EQ(first_invalid(good), std::string_view::npos) << at;
      EXPECT_EQ(sequence_length(good, at), 3u);
      EXPECT_EQ(sequence_length(good, at + 3), 2u);
      if (at > 0) {
        EXPECT_EQ(sequence_length(good, at - 1), 1u);
      }
    }
  EXPECT_EQ(first_invalid(""), std::string_view::npos);
  EXPECT_EQ(first_invalid(std::string(64, 'x')), std::string_view::npos);
}

}  // namespace
}  // namespace zorgcap::utf8
