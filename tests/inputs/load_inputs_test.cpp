// Loading and validating the inputs: the shipped files, each with one realistic mistake made in
// a copy, must give exactly the expected diagnostics (file, line, column, key, message). Lines and
// columns are looked up in the edited text, so the tests survive edits to inputs/*.yaml.
#include "inputs/load_inputs.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "inputs/parameter_specs.h"
#include "test_support.h"

namespace zorgcap {
namespace {

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;

// A copy of the shipped inputs in a temporary folder, to edit and load.
class InputsCopy {
 public:
  InputsCopy() {
    for (const char* f : {"sources.yaml", "baseline.yaml"})
      fs::copy_file(fs::path(test::inputs_dir()) / f, dir_.path() / f);
  }

  std::string path(const std::string& file) const { return (dir_.path() / file).string(); }
  std::string text(const std::string& file) const { return test::read_file(path(file)); }

  // Replaces the one occurrence of `old_text` in `file`.
  void edit(const std::string& file, const std::string& old_text, const std::string& new_text) {
    std::string t = text(file);
    std::size_t at = t.find(old_text);
    ASSERT_NE(at, std::string::npos) << "not in " << file << ": " << old_text;
    ASSERT_EQ(t.find(old_text, at + 1), std::string::npos) << "more than once in " << file << ": " << old_text;
    t.replace(at, old_text.size(), new_text);
    test::write_file(path(file), t);
  }

  // "file:line:column" of the one occurrence of `needle`, plus `offset` characters on its first
  // line. A leading newline in `needle` anchors it at a line start and is not part of the location.
  std::string at(const std::string& file, const std::string& needle, int offset = 0) const {
    auto [line, column] = locate(file, needle);
    return file + ":" + std::to_string(line) + ":" + std::to_string(column + offset);
  }
  int line_of(const std::string& file, const std::string& needle) const { return locate(file, needle).first; }

  // The diagnostics as "file:line:column: error: key: message", file relative to the folder.
  Lines load(std::optional<Inputs>* result = nullptr) {
    Diagnostics diags;
    SourceTexts texts;
    auto inputs = load_inputs(dir_.str(), diags, texts);
    EXPECT_EQ(inputs.has_value(), diags.empty());
    if (result) *result = inputs;
    Lines out;
    std::string formatted = diags.format();
    std::string prefix = dir_.str() + "/";
    for (std::size_t start = 0, end; start < formatted.size(); start = end + 1) {
      end = formatted.find('\n', start);
      std::string line = formatted.substr(start, end - start);
      if (line.rfind(prefix, 0) == 0) line.erase(0, prefix.size());
      out.push_back(line);
    }
    return out;
  }

  const test::TempDir& dir() const { return dir_; }

 private:
  std::pair<int, int> locate(const std::string& file, const std::string& needle) const {
    std::string t = text(file);
    std::size_t pos = t.find(needle);
    EXPECT_NE(pos, std::string::npos) << "not in " << file << ": " << needle;
    EXPECT_EQ(t.find(needle, pos + 1), std::string::npos) << "more than once in " << file << ": " << needle;
    if (pos == std::string::npos) return {0, 0};
    if (needle[0] == '\n') ++pos;
    int line = 1, column = 1;
    for (std::size_t i = 0; i < pos; ++i) {
      if (t[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) {
        ++column;  // count characters, not the continuation bytes of UTF-8
      }
    }
    return {line, column};
  }

  test::TempDir dir_;
};

const char* kBurnout =
    "  anios.aandeel_burnout:\n"
    "    label: \"Aandeel aniossen met burn-outklachten\"\n"
    "    value: 0.24\n";
const char* kAantal =
    "  anios.aantal:\n"
    "    label: \"Totaal aantal aniossen (2022)\"\n"
    "    value: 15529\n"
    "    unit: personen\n"
    "    source: nivel-1004304\n";
const char* kOvername =
    "  ghz.begeleiders.overname:\n"
    "    label: \"Aandeel taken dat de afdelingsassistent kan overnemen van begeleiders (GHZ)\"\n"
    "    min: 0.2\n"
    "    max: 0.4\n";

std::string replace_in(std::string s, const std::string& from, const std::string& to) {
  std::size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST(LoadInputs, ShippedInputsLoadWithoutDiagnostics) {
  InputsCopy c;
  std::optional<Inputs> in;
  EXPECT_EQ(c.load(&in), Lines{});
  ASSERT_TRUE(in);
  EXPECT_EQ(in->scenario, "baseline");
  EXPECT_EQ(in->parameters.size(), parameter_specs().size());
  EXPECT_EQ(in->parameters.at("anios.aantal").min, 15529);
  EXPECT_TRUE(in->parameters.at("ghz.begeleiders.overname").ranged);
  EXPECT_EQ(in->sources.at("nivel-1004304").footnotes, std::vector<int>{149});
}

TEST(LoadInputs, ShareWithADecimalComma) {
  InputsCopy c;
  c.edit("baseline.yaml", kBurnout, replace_in(kBurnout, "0.24", "0,8"));
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "value: 0,8", 7) +
                            ": error: parameters.anios.aandeel_burnout.value: '0,8' is not a number (write a point as "
                            "the decimal separator and no thousands separator, e.g. 0.8 or 9842)"});
}

TEST(LoadInputs, SourceIdNotInSourcesYaml) {
  InputsCopy c;
  c.edit("baseline.yaml", kAantal, replace_in(kAantal, "nivel-1004304", "nivel-1004305"));
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "source: nivel-1004305", 8) +
                            ": error: parameters.anios.aantal.source: source 'nivel-1004305' is not defined in "
                            "sources.yaml (did you mean 'nivel-1004304'?)"});
}

TEST(LoadInputs, DuplicateKey) {
  InputsCopy c;
  c.edit("baseline.yaml", kAantal, std::string(kAantal) + "    value: 15600\n");
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "value: 15600") +
                            ": error: parameters.anios.aantal.value: duplicate key (first defined at line " +
                            std::to_string(c.line_of("baseline.yaml", "value: 15529")) + ")"});
}

TEST(LoadInputs, UnknownParameterWithASuggestion) {
  InputsCopy c;
  c.edit("baseline.yaml", "  anios.aantal:\n", "  anios.aantl:\n");
  EXPECT_EQ(c.load(), (Lines{c.at("baseline.yaml", "anios.aantl:") +
                                 ": error: parameters.anios.aantl: unknown parameter 'anios.aantl' (did you mean "
                                 "'anios.aantal'?)",
                             c.at("baseline.yaml", "\nparameters:") +
                                 ": error: parameters.anios.aantal: parameter 'anios.aantal' is missing (the model "
                                 "needs it; unit personen)"}));
}

TEST(LoadInputs, UnknownFieldWithASuggestion) {
  InputsCopy c;
  c.edit("baseline.yaml", kAantal, replace_in(kAantal, "    label:", "    lable:"));
  EXPECT_EQ(c.load(), (Lines{c.at("baseline.yaml", "lable:") +
                                 ": error: parameters.anios.aantal.lable: unknown parameter field 'lable' (did you "
                                 "mean 'label'?)",
                             c.at("baseline.yaml", "  anios.aantal:", 2) +
                                 ": error: parameters.anios.aantal.label: missing required key 'label'"}));
}

TEST(LoadInputs, UnitThatDoesNotMatchTheModel) {
  InputsCopy c;
  c.edit("baseline.yaml", kAantal, replace_in(kAantal, "unit: personen", "unit: fte"));
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "unit: fte\n    source: nivel-1004304", 6) +
                            ": error: parameters.anios.aantal.unit: unit 'fte' does not match what the model expects "
                            "('personen')"});
}

TEST(LoadInputs, UnknownUnitWithASuggestion) {
  InputsCopy c;
  c.edit("baseline.yaml", kAantal, replace_in(kAantal, "unit: personen", "unit: persoonen"));
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "unit: persoonen", 6) +
                            ": error: parameters.anios.aantal.unit: unknown unit 'persoonen' (did you mean "
                            "'personen'?)"});
}

TEST(LoadInputs, ShareAboveOne) {
  InputsCopy c;
  c.edit("baseline.yaml", kBurnout, replace_in(kBurnout, "0.24", "1.2"));
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "value: 1.2\n", 7) +
                            ": error: parameters.anios.aandeel_burnout.value: 1.2 is out of range: "
                            "'anios.aandeel_burnout' must be a share between 0 and 1"});
}

TEST(LoadInputs, NegativeCount) {
  InputsCopy c;
  c.edit("baseline.yaml", kAantal, replace_in(kAantal, "15529", "-15529"));
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "value: -15529", 7) +
                            ": error: parameters.anios.aantal.value: -15529 is out of range: 'anios.aantal' must be "
                            "a number of 0 or more"});
}

TEST(LoadInputs, MinGreaterThanMax) {
  InputsCopy c;
  c.edit("baseline.yaml", kOvername, replace_in(kOvername, "min: 0.2", "min: 0.6"));
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "min: 0.6", 5) +
                            ": error: parameters.ghz.begeleiders.overname.min: min (0.6) is greater than max (0.4)"});
}

TEST(LoadInputs, ValueTogetherWithMin) {
  InputsCopy c;
  c.edit("baseline.yaml", kOvername, replace_in(kOvername, "    min: 0.2\n", "    value: 0.3\n    min: 0.2\n"));
  // Reported at 'min', on the line after the added value.
  EXPECT_EQ(c.load(), Lines{"baseline.yaml:" + std::to_string(c.line_of("baseline.yaml", "value: 0.3\n    min: 0.2") + 1) + ":5" +
                            ": error: parameters.ghz.begeleiders.overname: give either 'value' or 'min' and 'max', "
                            "not both"});
}

TEST(LoadInputs, OnlyMin) {
  InputsCopy c;
  c.edit("baseline.yaml", kOvername, replace_in(kOvername, "    max: 0.4\n", ""));
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "min: 0.2\n    unit: aandeel") +
                            ": error: parameters.ghz.begeleiders.overname: a range needs both 'min' and 'max'; 'max' "
                            "is missing"});
}

TEST(LoadInputs, QuotedNumber) {
  InputsCopy c;
  c.edit("baseline.yaml", kAantal, replace_in(kAantal, "15529", "\"15529\""));
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "value: \"15529\"", 7) +
                            ": error: parameters.anios.aantal.value: expected a number, got quoted text \"15529\" "
                            "(write the number without quotes)"});
}

TEST(LoadInputs, LeadingZero) {
  InputsCopy c;
  c.edit("baseline.yaml", kAantal, replace_in(kAantal, "15529", "010"));
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "value: 010", 7) +
                            ": error: parameters.anios.aantal.value: '010' is not a number (no leading zeros)"});
}

TEST(LoadInputs, NumbersYamlCppWouldMisread) {
  for (const char* v : {"0x1A", "1e400", "yes", ".inf"}) {
    SCOPED_TRACE(v);
    InputsCopy c;
    c.edit("baseline.yaml", kAantal, replace_in(kAantal, "15529", v));
    EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", std::string("value: ") + v, 7) +
                              ": error: parameters.anios.aantal.value: '" + v + "' is not a number"});
  }
  InputsCopy c;
  c.edit("baseline.yaml", kBurnout, replace_in(kBurnout, "0.24", ".24"));
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "value: .24", 7) +
                            ": error: parameters.anios.aandeel_burnout.value: '.24' is not a number (write a digit "
                            "before the point, e.g. 0.5)"});
}

TEST(LoadInputs, MissingParameter) {
  InputsCopy c;
  c.edit("baseline.yaml", kAantal, "");
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "\nparameters:") +
                            ": error: parameters.anios.aantal: parameter 'anios.aantal' is missing (the model needs "
                            "it; unit personen)"});
}

TEST(LoadInputs, MissingLabel) {
  InputsCopy c;
  c.edit("baseline.yaml", kAantal, replace_in(kAantal, "    label: \"Totaal aantal aniossen (2022)\"\n", ""));
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "  anios.aantal:", 2) +
                            ": error: parameters.anios.aantal.label: missing required key 'label'"});
}

TEST(LoadInputs, EmptyValueIsReportedAtItsKey) {
  InputsCopy c;
  c.edit("baseline.yaml", kAantal, replace_in(kAantal, "value: 15529", "value:"));
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "value:\n    unit: personen\n    source: nivel-1004304") +
                            ": error: parameters.anios.aantal.value: expected a number, got nothing"});
  InputsCopy d;
  d.edit("baseline.yaml", kAantal, "  anios.aantal:\n");
  // yaml-cpp places the empty value on the next parameter's line; the error names this one.
  EXPECT_EQ(d.load(), Lines{d.at("baseline.yaml", "  anios.aantal:", 2) +
                            ": error: parameters.anios.aantal: expected a map of keys, got nothing"});
}

TEST(LoadInputs, SeveralErrorsInOneFileAreAllReported) {
  InputsCopy c;
  c.edit("baseline.yaml", kBurnout, replace_in(kBurnout, "0.24", "0,24"));
  c.edit("baseline.yaml", kAantal, replace_in(replace_in(kAantal, "unit: personen", "unit: fte"), "15529", "-1"));
  c.edit("baseline.yaml", kOvername, replace_in(kOvername, "min: 0.2", "min: 0.6"));
  c.edit("baseline.yaml", "peildatum: \"2024\"\n", "peildatum: \"2024\"\nversie: 2\n");
  EXPECT_EQ(c.load(),
            (Lines{c.at("baseline.yaml", "versie: 2") + ": error: versie: unknown key 'versie'",
                   c.at("baseline.yaml", "value: 0,24", 7) +
                       ": error: parameters.anios.aandeel_burnout.value: '0,24' is not a number (write a point as the "
                       "decimal separator and no thousands separator, e.g. 0.8 or 9842)",
                   c.at("baseline.yaml", "unit: fte\n    source: nivel-1004304", 6) +
                       ": error: parameters.anios.aantal.unit: unit 'fte' does not match what the model expects "
                       "('personen')",
                   c.at("baseline.yaml", "value: -1\n", 7) +
                       ": error: parameters.anios.aantal.value: -1 is out of range: 'anios.aantal' must be a number "
                       "of 0 or more",
                   c.at("baseline.yaml", "min: 0.6", 5) +
                       ": error: parameters.ghz.begeleiders.overname.min: min (0.6) is greater than max (0.4)"}));
}

TEST(LoadInputs, ErrorsInBothFilesInOneRun) {
  InputsCopy c;
  c.edit("sources.yaml", "  nivel-1004304:\n    label: \"1004304.pdf (nivel.nl)\"\n", "  nivel-1004304:\n");
  c.edit("sources.yaml", "    footnotes: [149]\n", "    footnotes: [149, 0]\n");
  c.edit("baseline.yaml", kBurnout, replace_in(kBurnout, "0.24", "24%"));
  EXPECT_EQ(c.load(),
            (Lines{c.at("sources.yaml", "  nivel-1004304:", 2) +
                       ": error: sources.nivel-1004304.label: missing required key 'label'",
                   c.at("sources.yaml", "[149, 0]", 6) +
                       ": error: sources.nivel-1004304.footnotes: a footnote number must be a whole number of 1 or more",
                   c.at("baseline.yaml", "value: 24%", 7) +
                       ": error: parameters.anios.aandeel_burnout.value: '24%' is not a number (write a share as a "
                       "fraction, e.g. 0.25 for 25%)"}));
}

TEST(LoadInputs, FootnoteNumbersOutOfIntRange) {
  // 1e10 does not fit an int: converting it was undefined behaviour.
  InputsCopy c;
  c.edit("sources.yaml", "    footnotes: [149]\n", "    footnotes: [1e10, 2.5, -3, 149]\n");
  std::string prefix = ": error: sources.nivel-1004304.footnotes: a footnote number must be a whole number of 1 or more";
  EXPECT_EQ(c.load(), (Lines{c.at("sources.yaml", "[1e10", 1) + prefix, c.at("sources.yaml", "2.5, -3") + prefix,
                             c.at("sources.yaml", "-3, 149") + prefix}));
}

TEST(LoadInputs, UnreadableSourcesDoNotBuryTheErrorUnderDanglingIds) {
  InputsCopy c;
  fs::remove(c.path("sources.yaml"));
  EXPECT_EQ(c.load(), Lines{"sources.yaml: error: cannot open the file"});
  c.edit("baseline.yaml", kAantal, replace_in(kAantal, "15529", "0,5"));
  test::write_file(c.path("sources.yaml"), "sources: [\n");
  EXPECT_EQ(c.load(), (Lines{"sources.yaml:2:1: error: YAML syntax error: end of sequence flow not found (the list that "
                             "opens at line 1, column 10 is not closed with ']')",
                             c.at("baseline.yaml", "value: 0,5", 7) +
                                 ": error: parameters.anios.aantal.value: '0,5' is not a number (write a point as the "
                                 "decimal separator and no thousands separator, e.g. 0.8 or 9842)"}));
}

TEST(LoadInputs, ScenarioMustBeAPlainFolderName) {
  struct Case {
    const char* name;
    const char* why;
  };
  for (const Case& k : {Case{"../../etc", "'.' is not allowed at the start"}, Case{"/tmp/x", "'/' is not allowed at the start"},
                        Case{"a/b", "'/' is not allowed"}, Case{".hidden", "'.' is not allowed at the start"},
                        Case{"index.html", "it ends in '.html', which is reserved for files zorgcap writes in OUT (index.html)"}}) {
    SCOPED_TRACE(k.name);
    InputsCopy c;
    c.edit("baseline.yaml", "scenario: baseline\n", std::string("scenario: \"") + k.name + "\"\n");
    EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "scenario: \"", 10) + ": error: scenario: '" + k.name +
                              "' is not a scenario name: " + k.why +
                              " (a name is 1 to 100 letters, digits, spaces, '-', '_', '.', '(' and ')', starting with "
                              "a letter or digit; it names the output folder)"});
  }
  InputsCopy ok;
  ok.edit("baseline.yaml", "scenario: baseline\n", "scenario: beleid-2030_v1.2\n");
  EXPECT_EQ(ok.load(), Lines{});
}

TEST(LoadInputs, CrlfAndByteOrderMarkFilesLoad) {
  InputsCopy c;
  for (const char* f : {"sources.yaml", "baseline.yaml"}) {
    std::string t = c.text(f), crlf;
    for (char ch : t) crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
    test::write_file(c.path(f), "\xEF\xBB\xBF" + crlf);
  }
  std::optional<Inputs> in;
  EXPECT_EQ(c.load(&in), Lines{});
  ASSERT_TRUE(in);
  EXPECT_EQ(in->scenario, "baseline");
  EXPECT_EQ(in->parameters.at("anios.aantal").label, "Totaal aantal aniossen (2022)");
  // ... and errors in them are located as in the LF file.
  c.edit("baseline.yaml", "    value: 15529\r\n", "    value: 15.529,0\r\n");
  EXPECT_EQ(c.load(), Lines{c.at("baseline.yaml", "value: 15.529,0", 7) +
                            ": error: parameters.anios.aantal.value: '15.529,0' is not a number (write a point as the "
                            "decimal separator and no thousands separator, e.g. 0.8 or 9842)"});
}

TEST(LoadInputs, FormatShowsTheSourceLineAndACaretUnderTheCharacter) {
  InputsCopy c;
  c.edit("baseline.yaml", kBurnout,
         replace_in(kBurnout, "    value: 0.24\n", "    label2: \"ë\"\n    value: 0.24\n"));
  Diagnostics diags;
  SourceTexts texts;
  EXPECT_FALSE(load_inputs(c.dir().str(), diags, texts));
  std::string location = c.at("baseline.yaml", "label2:");
  std::string line = std::to_string(c.line_of("baseline.yaml", "label2:"));
  std::string pad(line.size(), ' ');
  EXPECT_EQ(diags.format(texts), c.dir().str() + "/" + location +
                                     ": error: parameters.anios.aandeel_burnout.label2: unknown parameter field "
                                     "'label2' (did you mean 'label'?)\n " +
                                     line + " |     label2: \"ë\"\n " + pad + " |     ^\n");
}

}  // namespace
}  // namespace zorgcap
