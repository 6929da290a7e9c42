// Rich text: decoding, wrapping and measuring (pdf_text.h).
// Fixed-width fake metrics: every character is half its size wide (10 characters at 10 pt = 50 pt).
#include "writers/pdf_text.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>

#include "writers/pdf_layout.h"
#include "writers/pdf_layout_fixtures.h"

namespace zorgcap::pdf {
namespace {

using namespace fixtures;

TEST(PdfText, WrapsAtSpacesWithinTheWidth) {
  // 5 pt per character at 10 pt: 40 pt holds 8 characters.
  EXPECT_EQ(wrap_plain("aaa bbb ccc", Font::regular, 10, 40, metrics),
            (std::vector<std::string>{"aaa bbb", "ccc"}));
  EXPECT_EQ(wrap_plain("aaa  bbb", Font::regular, 10, 1000, metrics), (std::vector<std::string>{"aaa bbb"}));
  EXPECT_EQ(wrap_plain("", Font::regular, 10, 40, metrics), (std::vector<std::string>{""}));
}

TEST(PdfText, HonoursLineBreaks) {
  EXPECT_EQ(wrap_plain("aa\nbb cc", Font::regular, 10, 1000, metrics), (std::vector<std::string>{"aa", "bb cc"}));
  EXPECT_EQ(wrap_plain("a\n\nb", Font::regular, 10, 1000, metrics), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(wrap_plain("eerste regel die lang is\ntwee", Font::regular, 10, 60, metrics),
            (std::vector<std::string>{"eerste regel", "die lang is", "twee"}));
}

TEST(PdfText, BreaksAnOverLongWordBetweenCharacters) {
  EXPECT_EQ(wrap_plain("abcdefghij kl", Font::regular, 10, 20, metrics),
            (std::vector<std::string>{"abcd", "efgh", "ij", "kl"}));
  // UTF-8 characters are never cut in half.
  EXPECT_EQ(wrap_plain("ëëëëë", Font::regular, 10, 10, metrics), (std::vector<std::string>{"ëë", "ëë", "ë"}));
  // Narrower than one character: one character per line, and it ends.
  EXPECT_EQ(wrap_plain("€–ë", Font::regular, 10, 1, metrics), (std::vector<std::string>{"€", "–", "ë"}));
  EXPECT_EQ(wrap_plain("abc", Font::regular, 10, 0, metrics).size(), 3u);
}

// Widths per character that differ (so sums round as real text does), from a fixed table.
class UnevenMetrics final : public FontMetrics {
 public:
  double width(std::string_view text, Font f, double size) const override {
    long sum = 0;
    for (char32_t c : decode_utf8(text)) sum += 250 + static_cast<long>((c * 37 + (f == Font::bold ? 11 : 0)) % 400);
    return static_cast<double>(sum) * size / 1000.0;
  }
  double ascent(Font, double size) const override { return 0.8 * size; }
  double descent(Font, double size) const override { return 0.2 * size; }
};

std::string describe(const std::vector<Line>& lines) {
  std::string out;
  char buf[64];
  for (const Line& l : lines) {
    std::snprintf(buf, sizeof buf, "[%.17g]", l.width);
    out += buf;
    for (const LineFragment& f : l.fragments) {
      std::snprintf(buf, sizeof buf, " %.17g/%.17g ", f.x, f.width);
      out += buf + ("'" + f.piece.text + "' m" + std::to_string(f.piece.mark) + " u" + f.piece.uri +
                    (f.piece.superscript ? " sup" : "") + " d" + f.piece.deviation + " f" +
                    std::to_string(f.piece.footnote));
    }
    out += "\n";
  }
  return out;
}

// One plain piece takes a shortcut through wrap; the same text cut into two pieces (which the
// general path joins again) must give the same lines, for every width and kind of word.
TEST(PdfText, OnePlainPieceWrapsAsTheGeneralPathDoes) {
  const std::vector<std::string> words = {"Waarde:", "1.917", "fte", "19%", "-", "\u2013", "\u20AC", "286,44", "miljoen",
                                          "(min", "max)", "Berekening:", "x", "aaaaaaaaaaaaaaaaaaaa", "\u00EBn",
                                          "\u2212 3", "+4", "a\rb", "\n", "\t", "  "};
  const UnevenMetrics uneven;
  std::mt19937 rng(7);
  int shortcut_cases = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 24);
    for (int i = 0; i < n; ++i) {
      if (i > 0 && rng() % 4 != 0) text += ' ';
      text += words[rng() % words.size()];
    }
    const std::string uri = round % 5 == 0 ? "https://example.org/x" : "";
    const double width = 20.0 + static_cast<double>(rng() % 300);
    const double size = round % 2 ? 10 : 8.5;
    const FontMetrics& m = round % 3 ? static_cast<const FontMetrics&>(uneven) : metrics;
    const Font font = round % 4 == 0 ? Font::bold : Font::regular;
    // Cut at a character boundary; the general path gets two pieces.
    std::size_t cut = text.empty() ? 0 : rng() % text.size();
    while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    const std::vector<Line> quick = wrap({Piece{text, 0, false, uri}}, font, size, width, m, type);
    const std::vector<Line> general =
        wrap({Piece{text.substr(0, cut), 0, false, uri}, Piece{text.substr(cut), 0, false, uri}}, font, size, width, m, type);
    EXPECT_EQ(describe(quick), describe(general)) << "text '" << text << "' cut at " << cut << ", width " << width;
    bool wide = false;
    for (const Line& l : general) wide = wide || l.width > width + 1e-6;
    if (!wide) ++shortcut_cases;
  }
  EXPECT_GT(shortcut_cases, 200);  // most cases fit without breaking a word (the shortcut's domain)
}

TEST(PdfText, NoBreakAtANonBreakingSpace) {
  EXPECT_EQ(wrap_plain("€\u00A0286 x", Font::regular, 10, 25, metrics), (std::vector<std::string>{"€\u00A0286", "x"}));
}

TEST(PdfText, KeepsANumberWithItsMark) {
  // "Totaal " + "1.917" with mark 12: the mark adds 0.5 + 2 × 5.5 × 0.5 = 6 pt after the number.
  std::vector<Piece> text{Piece{"Totaal ", 0, false, {}}, Piece{"1.917", 12, true, {}}, Piece{" fte", 0, false, {}}};
  auto lines = wrap(text, Font::regular, 10, 1000, metrics, type);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].fragments.size(), 3u);
  EXPECT_EQ(lines[0].fragments[1].piece.text, "1.917");
  EXPECT_DOUBLE_EQ(lines[0].fragments[1].x, 35);
  EXPECT_DOUBLE_EQ(lines[0].fragments[2].x, 35 + 25 + 6);
  EXPECT_DOUBLE_EQ(lines[0].width, 35 + 25 + 6 + 20);
  // Too narrow for "1.917" + mark: the number goes to the next line whole, with its mark.
  lines = wrap(text, Font::regular, 10, 50, metrics, type);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1].fragments.at(0).piece.text, "1.917");
  EXPECT_TRUE(lines[1].fragments.at(0).piece.superscript);
}

TEST(PdfText, RejectsInvalidUtf8) {
  EXPECT_EQ(decode_utf8("ë€a"), (std::u32string{U'ë', U'€', U'a'}));
  for (std::string bad : {"\xC3", "a\xC3(", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF"})
    EXPECT_THROW(decode_utf8(bad), std::runtime_error) << bad;
  Fixture f;
  f.doc.tables.push_back(table(1, {"A", "B"}, 1));
  f.doc.tables[0].body[0][1] = cell(0, 1, "kapot \xC3(");
  try {
    layout_document(f.doc, metrics);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("tabel-1 cell r0/c1: invalid UTF-8"), std::string::npos) << e.what();
  }
}

TEST(PdfText, ALinkedLabelWrapsLikeTextWithItsMarkAfterItsLastWord) {
  // "aaa bbb ccc" linking to entry 7; the mark adds 0.5 + 2.75 pt after "ccc".
  std::vector<Piece> text{Piece{"aaa bbb ccc", 7, true, {}}};
  auto lines = wrap(text, Font::regular, 10, 40, metrics, type);
  ASSERT_EQ(lines.size(), 2u);
  ASSERT_EQ(lines[0].fragments.size(), 1u);  // one fragment per line: one link per line
  EXPECT_EQ(lines[0].fragments[0].piece.text, "aaa bbb");
  EXPECT_EQ(lines[0].fragments[0].piece.mark, 7);
  EXPECT_FALSE(lines[0].fragments[0].piece.superscript);
  ASSERT_EQ(lines[1].fragments.size(), 1u);
  EXPECT_EQ(lines[1].fragments[0].piece.text, "ccc");
  EXPECT_TRUE(lines[1].fragments[0].piece.superscript);
  EXPECT_DOUBLE_EQ(lines[1].width, 15 + 0.5 + 2.75);

  lines = wrap(text, Font::regular, 10, 1000, metrics, type);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].fragments.size(), 1u);
  EXPECT_EQ(lines[0].fragments[0].piece.text, "aaa bbb ccc");
  EXPECT_TRUE(lines[0].fragments[0].piece.superscript);
}

// The lines' texts of rich text wrapped at `width` (fixed metrics: 5 pt per character at 10 pt).
std::vector<std::string> line_texts(const std::vector<Piece>& text, double width) {
  std::vector<std::string> out;
  for (const Line& line : wrap(text, Font::regular, 10, width, metrics, type)) {
    std::string s;
    for (const LineFragment& f : line.fragments) s += f.piece.text;
    out.push_back(s);
  }
  return out;
}

TEST(PdfText, ANumberNeverBreaksFromItsUnitOrCurrencySign) {
  // "€ 711,07" (8 characters, 40 pt) and "13.238 fte" (10, 50 pt) stay whole.
  EXPECT_EQ(wrap_plain("kosten € 711,07 per jaar", Font::regular, 10, 45, metrics),
            (std::vector<std::string>{"kosten", "€ 711,07", "per jaar"}));
  EXPECT_EQ(wrap_plain("totaal 13.238 fte", Font::regular, 10, 50, metrics),
            (std::vector<std::string>{"totaal", "13.238 fte"}));
  // The same with the number as a piece with its mark (drawn after "711,07": 0.5 + 2.75 pt).
  std::vector<Piece> text{Piece{"kosten € "}, Piece{"711,07", 4, true}, Piece{" miljoen"}};
  EXPECT_EQ(line_texts(text, 90), (std::vector<std::string>{"kosten", "€ 711,07 miljoen"}));
}

TEST(PdfText, ARangeBreaksOnlyAfterItsDashAndOnlyWhenItDoesNotFitALine) {
  const std::string range = "€ 711,07 – € 1.422,13 miljoen";  // 29 characters: 145 pt
  // Not enough room after "x": the whole range goes to the next line.
  EXPECT_EQ(wrap_plain("x " + range, Font::regular, 10, 150, metrics),
            (std::vector<std::string>{"x", range}));
  // Narrower than the range: it breaks after its dash, nowhere else ("€ 711,07 – €" | "1.422,13
  // miljoen" and "10.226" | "– 13.238 fte" are the breaks this forbids).
  EXPECT_EQ(wrap_plain(range, Font::regular, 10, 100, metrics),
            (std::vector<std::string>{"€ 711,07 –", "€ 1.422,13 miljoen"}));
  EXPECT_EQ(wrap_plain("10.226 – 13.238 fte", Font::regular, 10, 60, metrics),
            (std::vector<std::string>{"10.226 –", "13.238 fte"}));
  EXPECT_EQ(wrap_plain("a 10.226 – 13.238 fte", Font::regular, 10, 100, metrics),
            (std::vector<std::string>{"a", "10.226 – 13.238 fte"}));
  // Free spaces still break freely, and a run wider than a line still breaks at its spaces.
  EXPECT_EQ(wrap_plain("aa bb 12 fte", Font::regular, 10, 30, metrics),
            (std::vector<std::string>{"aa bb", "12 fte"}));
  EXPECT_EQ(wrap_plain("12 fte", Font::regular, 10, 20, metrics), (std::vector<std::string>{"12", "fte"}));
}

TEST(PdfText, ContentWidthsKeepRangesWhole) {
  // The widest run without a break ("€ 1.422,13 miljoen", 18 characters), the range on one line
  // (29), the whole paragraph (34).
  ContentWidths w = content_widths({Piece{"kost € 711,07 – € 1.422,13 miljoen"}}, Font::regular, 10, metrics, type);
  EXPECT_DOUBLE_EQ(w.min, 90);
  EXPECT_DOUBLE_EQ(w.whole, 145);
  EXPECT_DOUBLE_EQ(w.max, 170);
}

TEST(PdfText, RaisedMarksAreOutlinesAfterTheTextAndLink) {
  // "19%" with mark 1, a deviation mark and footnote 71: text boxes for the words only; the marks
  // are outlines (never extracted as text) and the deviation mark links to its anchor.
  Piece p{"19%", 1, true};
  p.deviation = "verantwoording-t1.x";
  p.footnote = 71;
  std::vector<Piece> text{p, Piece{" - 39%"}};
  TextSetter setter(metrics, type);
  Page page;
  std::vector<Line> lines = setter.lines(text, Font::regular, 10, 1000);
  ASSERT_EQ(lines.size(), 1u);
  setter.emit_line(page, lines[0], Font::regular, 10, 0, 100);
  std::vector<std::string> words, outlines;
  for (const TextBox& t : page.texts) (t.outline ? outlines : words).push_back(t.text);
  EXPECT_EQ(words, (std::vector<std::string>{"19%", " - 39%"}));
  // "19%" leaves the marks' room after its last character and " - 39%" follows it: one run of text.
  EXPECT_DOUBLE_EQ(page.texts[0].tail, 3 * type.mark_gap + (1 + 2) * 2.75 + 7.5 * 0.5);
  EXPECT_TRUE(page.texts.back().follows);
  EXPECT_EQ(outlines, (std::vector<std::string>{"1", deviation_glyph, "71"}));
  ASSERT_EQ(page.links.size(), 2u);
  EXPECT_EQ(page.links[0].target, "herkomst-1");
  EXPECT_EQ(page.links[1].target, "verantwoording-t1.x");
  EXPECT_LT(page.links[0].rect.right, page.links[1].rect.right);
}

}  // namespace
}  // namespace zorgcap::pdf
