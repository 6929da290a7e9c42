// The strict YAML reader: numbers, locations (1-based, counting characters), and every kind of
// input it must refuse with a located error instead of yaml-cpp's silent defaults.
#include "inputs/yaml_tree.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "test_support.h"

namespace zorgcap::yaml {
namespace {

struct Parsed {
  std::optional<Node> root;
  Diagnostics diags;
};

Parsed parse_text(const std::string& text, const Limits& limits = {}) {
  Parsed p;
  p.root = parse(text, "f.yaml", p.diags, limits);
  return p;
}

// "line:column: key: message" of every diagnostic, for compact exact comparisons.
std::vector<std::string> lines(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.items()) {
    EXPECT_EQ(x.file, "f.yaml");
    out.push_back(std::to_string(x.where.line) + ":" + std::to_string(x.where.column) + ": " +
                  (x.key.empty() ? "" : x.key + ": ") + x.message);
  }
  return out;
}

using Lines = std::vector<std::string>;

// --- numbers -------------------------------------------------------------------------------

TEST(YamlParseNumber, AcceptsStrictDecimalNumbers) {
  EXPECT_EQ(parse_number("0"), 0.0);
  EXPECT_EQ(parse_number("15529"), 15529.0);
  EXPECT_EQ(parse_number("0.8"), 0.8);
  EXPECT_EQ(parse_number("-0.5"), -0.5);
  EXPECT_EQ(parse_number("1e3"), 1000.0);
  EXPECT_EQ(parse_number("1E+3"), 1000.0);
  EXPECT_EQ(parse_number("2.5e-3"), 0.0025);
  EXPECT_EQ(parse_number("-0"), 0.0);
}

TEST(YamlParseNumber, RejectsWhatYamlCppWouldReadDifferently) {
  EXPECT_EQ(parse_number("1,5"), std::nullopt);   // Dutch decimal comma
  EXPECT_EQ(parse_number("0,8"), std::nullopt);
  EXPECT_EQ(parse_number("9.842,5"), std::nullopt);
  EXPECT_EQ(parse_number("010"), std::nullopt);   // yaml-cpp: octal 8
  EXPECT_EQ(parse_number("0x1A"), std::nullopt);  // yaml-cpp: 26
  EXPECT_EQ(parse_number(".5"), std::nullopt);
  EXPECT_EQ(parse_number("5."), std::nullopt);
  EXPECT_EQ(parse_number("1e400"), std::nullopt);  // not finite
  EXPECT_EQ(parse_number("-1e400"), std::nullopt);
  EXPECT_EQ(parse_number("+1"), std::nullopt);
  EXPECT_EQ(parse_number("1e"), std::nullopt);
  EXPECT_EQ(parse_number("-"), std::nullopt);
  EXPECT_EQ(parse_number(""), std::nullopt);
  EXPECT_EQ(parse_number(" 1"), std::nullopt);
  EXPECT_EQ(parse_number("1 "), std::nullopt);
  EXPECT_EQ(parse_number("80%"), std::nullopt);
  EXPECT_EQ(parse_number(".inf"), std::nullopt);
  EXPECT_EQ(parse_number("nan"), std::nullopt);
  EXPECT_EQ(parse_number("yes"), std::nullopt);
  EXPECT_EQ(parse_number("1_000"), std::nullopt);
}

TEST(YamlParseNumber, QuotedScalarsAreMarkedNotPlain) {
  Parsed p = parse_text("a: \"0.5\"\nb: '0.5'\nc: 0.5\n");
  ASSERT_TRUE(p.root);
  EXPECT_TRUE(p.diags.empty());
  EXPECT_FALSE(p.root->find("a")->plain);
  EXPECT_FALSE(p.root->find("b")->plain);
  EXPECT_TRUE(p.root->find("c")->plain);
  EXPECT_EQ(p.root->find("a")->text, "0.5");
}

// --- locations -----------------------------------------------------------------------------

TEST(YamlLocations, AreOneBasedOnEveryKeyAndValue) {
  Parsed p = parse_text("a: 1\nb:\n  c: [x, y]\n");
  ASSERT_TRUE(p.root);
  EXPECT_EQ(p.root->where.line, 1);
  EXPECT_EQ(p.root->where.column, 1);
  const MapEntry* a = p.root->find_entry("a");
  EXPECT_EQ(a->key_where.line, 1);
  EXPECT_EQ(a->key_where.column, 1);
  EXPECT_EQ(a->value.where.line, 1);
  EXPECT_EQ(a->value.where.column, 4);
  const Node* c = p.root->find("b")->find("c");
  ASSERT_TRUE(c && c->is_sequence());
  EXPECT_EQ(c->where.line, 3);
  EXPECT_EQ(c->where.column, 6);
  EXPECT_EQ(c->items[1].where.line, 3);
  EXPECT_EQ(c->items[1].where.column, 10);
}

TEST(YamlLocations, CountCharactersNotBytes) {
  // "ë" and "é" are two bytes each; the anchor is the 9th character but the 11th byte.
  Parsed p = parse_text("k: [ëé, &a x]\n");
  EXPECT_EQ(lines(p.diags), Lines{"1:9: k: anchors (&a) are not allowed in zorgcap inputs"});
  // The same on a later line, after a line with Dutch text.
  p = parse_text("label: \"patiëntenzorg\"\nk: [ë, *a]\n");
  EXPECT_EQ(lines(p.diags), Lines{"2:8: YAML syntax error: the referenced anchor is not defined"});
  p = parse_text("label: \"patiëntenzorg\"\nwaarde: {ë: 1, ë: 2}\n");
  EXPECT_EQ(lines(p.diags), Lines{"2:16: waarde.ë: duplicate key (first defined at line 2)"});
}

TEST(YamlLocations, AnEmptyValueIsPlacedAtItsKey) {
  // yaml-cpp places an empty value at the next token, a line further down.
  Parsed p = parse_text("a:\n  b:\n  c: 1\nd:\n");
  ASSERT_TRUE(p.root);
  const MapEntry* b = p.root->find("a")->find_entry("b");
  EXPECT_EQ(b->value.kind, Node::Kind::null);
  EXPECT_EQ(b->value.where.line, 2);
  EXPECT_EQ(b->value.where.column, 3);
  const MapEntry* d = p.root->find_entry("d");
  EXPECT_EQ(d->value.where.line, 4);
  EXPECT_EQ(d->value.where.column, 1);
}

// --- refused constructs --------------------------------------------------------------------

TEST(YamlRejects, AliasesAndAnchorsWithTheirLocation) {
  Parsed p = parse_text("a: &x 1\nb: *x\n");
  EXPECT_EQ(lines(p.diags), (Lines{"1:4: a: anchors (&x) are not allowed in zorgcap inputs",
                                   "2:4: b: aliases (*name) are not allowed in zorgcap inputs; write the value out"}));
  // The classic cyclic alias: refused, and nothing recurses forever.
  p = parse_text("a: &a [*a]\n");
  EXPECT_EQ(lines(p.diags), (Lines{"1:4: a: anchors (&a) are not allowed in zorgcap inputs",
                                   "1:8: a: aliases (*name) are not allowed in zorgcap inputs; write the value out"}));
  // A merge key is an alias too.
  p = parse_text("base: &b {x: 1}\nc:\n  <<: *b\n");
  EXPECT_EQ(p.diags.size(), 2u);
  EXPECT_EQ(p.diags.items()[1].where.line, 3);
}

TEST(YamlRejects, DuplicateKeysNamingTheFirstDefinition) {
  Parsed p = parse_text("a: 1\nb: 2\na: 3\n");
  EXPECT_EQ(lines(p.diags), Lines{"3:1: a: duplicate key (first defined at line 1)"});
  ASSERT_TRUE(p.root);
  EXPECT_EQ(p.root->find("a")->text, "1");  // the first definition is kept; the file is still refused
  p = parse_text("parameters:\n  x:\n    value: 1\n    unit: fte\n    value: 2\n");
  EXPECT_EQ(lines(p.diags), Lines{"5:5: parameters.x.value: duplicate key (first defined at line 3)"});
  // A quoted key is the same key.
  p = parse_text("a: 1\n\"a\": 2\n");
  EXPECT_EQ(lines(p.diags), Lines{"2:1: a: duplicate key (first defined at line 1)"});
}

// Small maps are searched key by key, larger ones through an index built when they grow: a
// duplicate is found either way, before and after the index exists.
TEST(YamlRejects, DuplicateKeysInMapsOfEverySize) {
  for (int n : {2, 15, 16, 17, 40}) {
    std::string text;
    for (int i = 1; i <= n; ++i) text += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
    text += "k1: again\n";                            // line n + 1
    text += "k" + std::to_string(n) + ": again\n";    // line n + 2
    text += "new: 1\n";
    text += "new: 2\n";                               // line n + 4
    Parsed p = parse_text(text);
    EXPECT_EQ(lines(p.diags), (Lines{std::to_string(n + 1) + ":1: k1: duplicate key (first defined at line 1)",
                                     std::to_string(n + 2) + ":1: k" + std::to_string(n) +
                                         ": duplicate key (first defined at line " + std::to_string(n) + ")",
                                     std::to_string(n + 4) + ":1: new: duplicate key (first defined at line " +
                                         std::to_string(n + 3) + ")"}))
        << n << " keys";
    ASSERT_TRUE(p.root);
    EXPECT_EQ(p.root->entries.size(), static_cast<std::size_t>(n + 1));
  }
}

TEST(YamlRejects, ManyKeysWithoutQuadraticCost) {
  std::string text;
  for (int i = 0; i < 250000; ++i) text += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  text += "k7: 1\n";
  auto start = std::chrono::steady_clock::now();
  Parsed p = parse_text(text);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(lines(p.diags), Lines{"250001:1: k7: duplicate key (first defined at line 8)"});
  EXPECT_LT(seconds, 20.0);  // a linear search per key took minutes
}

TEST(YamlRejects, NestingDeeperThanTheLimit) {
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  Parsed p = parse_text(deep);
  EXPECT_FALSE(p.root);
  EXPECT_EQ(lines(p.diags), Lines{"33:33: nested more than 32 levels deep"});

  Limits limits;
  limits.max_depth = 3;
  EXPECT_TRUE(parse_text("a: [[1]]\n", limits).root);  // map, list, list: 3 levels
  p = parse_text("a: [[[1]]]\n", limits);
  EXPECT_EQ(lines(p.diags), Lines{"1:6: nested more than 3 levels deep"});
  // A flow of 100000 brackets stops at the limit (yaml-cpp itself would recurse that deep).
  p = parse_text(std::string(100000, '[') + std::string(100000, ']') + "\n");
  EXPECT_EQ(lines(p.diags), Lines{"1:33: nested more than 32 levels deep"});
}

TEST(YamlRejects, FilesOverTheSizeCap) {
  Limits limits;
  limits.max_bytes = 16;
  EXPECT_TRUE(parse_text("a: 123456789012\n", limits).root);  // exactly 16 bytes
  Parsed p = parse_text("a: 1234567890123\n", limits);
  EXPECT_FALSE(p.root);
  EXPECT_EQ(lines(p.diags), Lines{"0:0: file is 17 bytes; zorgcap reads input files up to 16 bytes"});

  // parse_file refuses before reading; the default cap is 4 MiB.
  test::TempDir dir;
  std::string path = dir.str() + "/big.yaml";
  test::write_file(path, "a: 1\n" + std::string(4 * 1024 * 1024, '#'));
  Diagnostics diags;
  std::string text;
  EXPECT_FALSE(parse_file(path, diags, text));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags.items()[0].message, "file is 4194309 bytes; zorgcap reads input files up to 4194304 bytes");
  EXPECT_EQ(diags.items()[0].where.line, 0);
}

TEST(YamlRejects, InvalidUtf8AtItsLocation) {
  Parsed p = parse_text("a: 1\nb: ëx\xff\n");
  EXPECT_FALSE(p.root);
  EXPECT_EQ(lines(p.diags), Lines{"2:6: the file is not valid UTF-8 here"});
  EXPECT_EQ(lines(parse_text("a: \xC3\n").diags), Lines{"1:4: the file is not valid UTF-8 here"});  // truncated
  // Latin-1 "ë" as saved by an old editor.
  EXPECT_EQ(lines(parse_text("label: pati\xEBnt\n").diags), Lines{"1:12: the file is not valid UTF-8 here"});

  EXPECT_EQ(invalid_utf8_offset("plain ascii"), std::string_view::npos);
  EXPECT_EQ(invalid_utf8_offset("ë € 𝄞"), std::string_view::npos);
  EXPECT_EQ(invalid_utf8_offset("a\xC0\xAF"), 1u);          // overlong "/"
  EXPECT_EQ(invalid_utf8_offset("ab\xED\xA0\x80"), 2u);     // UTF-16 surrogate
  EXPECT_EQ(invalid_utf8_offset("\xF4\x90\x80\x80"), 0u);   // above U+10FFFF
  EXPECT_EQ(invalid_utf8_offset("x\x80"), 1u);              // lone continuation byte
  EXPECT_EQ(invalid_utf8_offset("\xE2\x82"), 0u);           // truncated at the end
}

TEST(YamlRejects, NulByte) {
  Parsed p = parse_text(std::string("a: 1\nb: x\0y\n", 12));
  EXPECT_FALSE(p.root);
  EXPECT_EQ(lines(p.diags), Lines{"2:5: the file contains a NUL byte"});
}

TEST(YamlRejects, EmptyFile) {
  EXPECT_EQ(lines(parse_text("").diags), Lines{"1:1: the file is empty"});
  EXPECT_EQ(lines(parse_text("# only a comment\n\n").diags), Lines{"1:1: the file is empty"});
  // "---" alone is a document holding nothing: the caller reports "expected a map, got nothing".
  Parsed p = parse_text("---\n");
  ASSERT_TRUE(p.root);
  EXPECT_EQ(p.root->kind, Node::Kind::null);
}

TEST(YamlRejects, TwoDocumentsAtTheSecondOne) {
  Parsed p = parse_text("a: 1\n---\nb: 2\n");
  EXPECT_EQ(lines(p.diags),
            Lines{"2:1: the file holds more than one YAML document (a second one starts here); zorgcap reads one"});
  // The first document is the one returned; the second is not read into it.
  ASSERT_TRUE(p.root);
  EXPECT_TRUE(p.root->find("a"));
  EXPECT_FALSE(p.root->find("b"));
  p = parse_text("a: 1\n...\n---\nb: 2\n");
  EXPECT_EQ(p.diags.items().at(0).where.line, 3);
}

TEST(YamlRejects, SyntaxErrorsAtTheirLocation) {
  EXPECT_EQ(lines(parse_text("a: 1\nb: c: d\n").diags), Lines{"2:5: YAML syntax error: illegal map value"});
  EXPECT_EQ(lines(parse_text("a: 1\n b: 2\n").diags), Lines{"2:3: YAML syntax error: illegal map value"});
  EXPECT_EQ(lines(parse_text("a: [1, 2\n").diags),
            Lines{"2:1: YAML syntax error: end of sequence flow not found (the list that opens at line 1, column 4 is "
                  "not closed with ']')"});
  EXPECT_EQ(lines(parse_text("a: {b: [1], c: 2\nd: 3\n").diags),
            Lines{"2:2: YAML syntax error: end of map flow not found (the map that opens at line 1, column 4 is not "
                  "closed with '}')"});
  EXPECT_EQ(lines(parse_text("a:\n  - 1\n  b: 2\n").diags), Lines{"3:3: YAML syntax error: end of map not found"});
}

TEST(YamlRejects, TabIndentationWithAHint) {
  EXPECT_EQ(lines(parse_text("a:\n\tb: 1\n").diags),
            Lines{"2:3: YAML syntax error: illegal map value (this line is indented with a tab; YAML allows only "
                  "spaces for indentation)"});
  EXPECT_EQ(lines(parse_text("a:\n  b: 1\n\tc: 2\n").diags).at(0).substr(0, 4), "3:1:");
}

TEST(YamlRejects, UnclosedQuotes) {
  // yaml-cpp 0.7 accepts an unclosed quote at the end of a file, taking everything after it.
  EXPECT_EQ(lines(parse_text("a: 1\nnote: \"Par. 3.2\nb: 2\n").diags),
            Lines{"2:7: note: quoted text is not closed: the closing \" is missing"});
  EXPECT_EQ(lines(parse_text("a: 'it''s\n").diags), Lines{"1:4: a: quoted text is not closed: the closing ' is missing"});
  EXPECT_EQ(lines(parse_text("a: \"ends in \\\"\n").diags),
            Lines{"1:4: a: quoted text is not closed: the closing \" is missing"});
  // Closed quotes, with escapes, are fine; so is a quoted text over two lines.
  Parsed p = parse_text("a: 'it''s'\nb: \"say \\\"hi\\\"\"\nc: \"two\n  lines\"\n");
  EXPECT_TRUE(p.diags.empty());
  EXPECT_EQ(p.root->find("a")->text, "it's");
  EXPECT_EQ(p.root->find("b")->text, "say \"hi\"");
  EXPECT_EQ(p.root->find("c")->text, "two lines");
  // An unclosed quote mid-file pairs with the next quote; the syntax error points back at it.
  EXPECT_EQ(lines(parse_text("title: \"Zorg\nlabel: \"Aantal\"\n").diags),
            Lines{"2:9: YAML syntax error: end of map not found (the quoted text that starts at line 1 ends on "
                  "this line; is a closing quote missing on line 1?)"});
}

TEST(YamlRejects, Tags) {
  EXPECT_EQ(lines(parse_text("a: !!str 1\n").diags), Lines{"1:4: a: YAML tags (tag:yaml.org,2002:str) are not allowed"});
  EXPECT_EQ(lines(parse_text("a: !!float 1\n").diags),
            Lines{"1:4: a: YAML tags (tag:yaml.org,2002:float) are not allowed"});
  EXPECT_EQ(lines(parse_text("a: !!map {b: 1}\n").diags),
            Lines{"1:4: a: YAML tags (tag:yaml.org,2002:map) are not allowed"});
  EXPECT_EQ(lines(parse_text("a: !eigen [1]\n").diags), Lines{"1:4: a: YAML tags (!eigen) are not allowed"});
  EXPECT_EQ(lines(parse_text("a: !!seq\n- 1\n").diags), Lines{"1:4: a: YAML tags (tag:yaml.org,2002:seq) are not allowed"});
}

TEST(YamlRejects, KeysThatAreNotText) {
  EXPECT_EQ(lines(parse_text("? [a]\n: 1\n").diags), Lines{"1:3: a key must be plain text, not a list"});
  EXPECT_EQ(lines(parse_text("x:\n  ? {a: 1}\n  : 1\n").diags), Lines{"2:5: x: a key must be plain text, not a map"});
}

// --- line endings and byte order mark --------------------------------------------------------

TEST(YamlLineEndings, CrlfReadsLikeLf) {
  Parsed p = parse_text("a: 0.5\r\nb: \"x\"\r\nc: [1, 2]\r\n");
  ASSERT_TRUE(p.root);
  EXPECT_TRUE(p.diags.empty());
  EXPECT_EQ(p.root->find("a")->text, "0.5");
  EXPECT_EQ(p.root->find("b")->text, "x");
  EXPECT_EQ(lines(parse_text("a: 1\r\nb: &x 2\r\n").diags), Lines{"2:4: b: anchors (&x) are not allowed in zorgcap inputs"});
}

TEST(YamlLineEndings, LoneCarriageReturnsAreRefused) {
  // yaml-cpp does not break lines at a lone CR: the whole file would read as one comment.
  EXPECT_EQ(lines(parse_text("# c\ra: 1\rb: 2\r").diags),
            Lines{"1:4: a carriage return (CR) that is not followed by a line feed; save the file with LF (or CRLF) "
                  "line endings"});
}

TEST(YamlLineEndings, ByteOrderMarkIsSkippedAndInvisibleToColumns) {
  Parsed p = parse_text("\xEF\xBB\xBF" "a: 1\nb: 2\n");
  ASSERT_TRUE(p.root);
  EXPECT_TRUE(p.diags.empty());
  EXPECT_EQ(p.root->entries.at(0).key, "a");
  EXPECT_EQ(lines(parse_text("\xEF\xBB\xBF" "a: &x 1\n").diags), Lines{"1:4: a: anchors (&x) are not allowed in zorgcap inputs"});
  // Before the fix, yaml-cpp's positions (which leave the mark out) were applied to the text with it.
  EXPECT_EQ(lines(parse_text("\xEF\xBB\xBF" "a: 1\nb: [\n").diags),
            Lines{"3:1: YAML syntax error: end of sequence flow not found (the list that opens at line 2, column 4 is "
                  "not closed with ']')"});
  // The source line shown under an error leaves the mark out too.
  EXPECT_EQ(source_line("\xEF\xBB\xBF" "a: 1\nb: 2\n", 1), "a: 1");
}

// --- files ---------------------------------------------------------------------------------

TEST(YamlFiles, MissingFolderAndReadable) {
  test::TempDir dir;
  Diagnostics diags;
  std::string text;
  EXPECT_FALSE(parse_file(dir.str() + "/nope.yaml", diags, text));
  std::filesystem::create_directory(dir.path() / "folder.yaml");
  EXPECT_FALSE(parse_file(dir.str() + "/folder.yaml", diags, text));
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags.items()[0].message, "cannot open the file");
  EXPECT_EQ(diags.items()[1].message, "is a folder, not a file");

  test::write_file(dir.str() + "/ok.yaml", "a: 1\n");
  Diagnostics ok;
  auto root = parse_file(dir.str() + "/ok.yaml", ok, text);
  EXPECT_TRUE(root && ok.empty());
  EXPECT_EQ(text, "a: 1\n");
}

}  // namespace
}  // namespace zorgcap::yaml
