// Escapes in quoted YAML text cannot smuggle control characters or invalid UTF-8 past the raw-byte
// checks into labels, notes and every writer.
#include <gtest/gtest.h>

#include "inputs/yaml_tree.h"

namespace zorgcap {
namespace {

std::string first_error(const std::string& text) {
  Diagnostics d;
  yaml::parse(text, "x.yaml", d);
  return d.empty() ? "" : std::to_string(d.items()[0].where.line) + ":" + std::to_string(d.items()[0].where.column) +
                              ": " + d.items()[0].message;
}

TEST(EscapedText, ControlCharactersAndNulFromEscapesAreRefused) {
  EXPECT_EQ(first_error("label: \"x\\0y\"\n"), "1:8: the text contains a NUL character (from an escape); write plain text");
  EXPECT_EQ(first_error("a: 1\nlabel: \"x\\x01y\"\n"),
            "2:8: the text contains a control character (from an escape); write plain text");
  EXPECT_EQ(first_error("label: \"x\\x7Fy\"\n"), "1:8: the text contains a control character (from an escape); write plain text");
}

TEST(EscapedText, OrdinaryEscapesAndDutchTextStayFine) {
  EXPECT_EQ(first_error("label: \"regel 1\\nregel 2\\tén € – ë\"\n"), "");
  EXPECT_EQ(first_error("label: 'patiëntgebonden'\n"), "");
}

}  // namespace
}  // namespace zorgcap
