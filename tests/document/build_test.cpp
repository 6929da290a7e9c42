// The built tables against the report: every number the report prints in Tables 1–35
// (inputs/published.yaml, whose `cell` is the cell text as printed) is shown in its cell as printed,
// or, where the report contradicts itself, with the documented consistent value.
#include "document/build.h"

#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <regex>

#include "core/number_format.h"
#include "inputs/published.h"
#include "test_support.h"

namespace zorgcap {
namespace {

std::string normalise(std::string s) {
  for (const char* dash : {"–", "—", "−"}) {
    for (std::size_t p; (p = s.find(dash)) != std::string::npos;) s.replace(p, std::string(dash).size(), "-");
  }
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  return out;
}

struct Fixture {
  std::vector<TableTemplate> templates;
  Document doc;
  std::vector<PublishedNumber> published;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture x;
    Diagnostics diags;
    SourceTexts texts;
    auto t = load_table_templates(test::source_dir() + "/templates/tables", diags, texts);
    auto p = load_published(test::inputs_dir() + "/published.yaml", diags, texts);
    if (!t || !p || !check_bindings(*t, test::baseline_results(), diags)) throw std::runtime_error(diags.format(texts));
    x.templates = *t;
    x.published = *p;
    x.doc = build_document(x.templates, test::baseline_results(), test::baseline_inputs(), "digest");
    return x;
  }();
  return f;
}

// The printed cell with every erratum number in it replaced by the documented value, formatted
// the way the report prints that number.
std::string expected_cell(const PublishedNumber& p, const std::vector<PublishedNumber>& all) {
  std::string cell = p.cell;
  static const std::regex number(R"(-?\d[\d.,]*%?)");
  for (const PublishedNumber& other : all) {
    if (other.table != p.table || other.cell != p.cell || other.erratum.empty() || !other.expected) continue;
    std::string replacement = format_nl(*other.expected, other.expected_decimals);
    if (!other.printed.empty() && other.printed.back() == '%') replacement += "%";
    std::size_t pos = cell.find(other.printed);
    if (pos != std::string::npos) cell.replace(pos, other.printed.size(), replacement);
  }
  return cell;
}

// Where the report's typography departs from its own Dutch number format, zorgcap keeps the Dutch
// format: the report's "2.8%" (decimal point) is printed "2,8%".
const std::map<std::string, std::string> kTypography = {{"t24.uitstroom_pct_per_jaar", "2,8%"}};

bool refers_to(const BuiltNumber& n, const PublishedNumber& p) {
  return n.key == p.quantity && (n.bound == Bound::single || p.bound.empty() || bound_name(n.bound) == p.bound);
}

TEST(BuildDocument, EveryTableHasItsReportCaption) {
  const Document& doc = fixture().doc;
  ASSERT_EQ(doc.tables.size(), 37u);
  for (std::size_t i = 0; i < doc.tables.size(); ++i) {
    EXPECT_EQ(doc.tables[i].number, static_cast<int>(i) + 1);
    EXPECT_EQ(doc.tables[i].caption.rfind("Tabel " + std::to_string(i + 1) + ". ", 0), 0u) << doc.tables[i].caption;
  }
}

TEST(BuildDocument, TableCellsShowTheReportsPrintedNumbers) {
  const Fixture& f = fixture();
  int in_tables = 0, as_printed = 0, errata = 0, errata_ok = 0, typography = 0;
  for (const PublishedNumber& p : f.published) {
    if (p.table == "text") continue;
    ++in_tables;
    bool is_erratum = !p.erratum.empty();
    errata += is_erratum;
    std::string want = normalise(expected_cell(p, f.published));
    bool typo = kTypography.count(p.id) > 0;
    if (typo) want = normalise(kTypography.at(p.id));
    const BuiltTable& t = f.doc.tables.at(static_cast<std::size_t>(std::stoi(p.table) - 1));
    bool found = false, shown = false;
    std::string seen;
    for (const auto& row : t.body)
      for (const BuiltCell& c : row)
        for (const BuiltRun& r : c.runs)
          if (r.is_number && refers_to(r.number, p)) {
            found = true;
            seen += " | " + c.text;
            if (normalise(c.text).find(want) != std::string::npos) shown = true;
          }
    EXPECT_TRUE(found) << p.id << " (" << p.quantity << ") is not in table " << p.table;
    if (shown) (is_erratum ? errata_ok : typo ? typography : as_printed)++;
    else ADD_FAILURE() << p.id << ": report prints \"" << p.cell << "\", expected \"" << want << "\"; zorgcap shows" << seen;
  }
  std::cout << "table cells as printed: " << as_printed << "/" << in_tables - errata << ", documented errata: " << errata_ok
            << "/" << errata << ", Dutch number format where the report's typography slips: " << typography << "\n";
  EXPECT_EQ(as_printed + typography, in_tables - errata);
  EXPECT_EQ(errata_ok, errata);
  EXPECT_EQ(in_tables, 379);
}

TEST(BuildDocument, NumbersGetProvenanceMarksInDocumentOrder) {
  const Document& doc = fixture().doc;
  int last = 0;
  for (const BuiltTable& t : doc.tables)
    for (const auto& row : t.body)
      for (const BuiltCell& c : row)
        for (const BuiltRun& r : c.runs)
          if (r.is_number) {
            EXPECT_LE(r.number.mark, last + 1) << c.id;  // a new mark is always the next number
            last = std::max(last, r.number.mark);
            EXPECT_EQ(doc.provenance.at(static_cast<std::size_t>(r.number.mark - 1)).key, r.number.key);
          }
  EXPECT_EQ(doc.provenance.size(), test::baseline_results().size());
}

TEST(BuildDocument, CellIdsComeFromGridPositions) {
  const BuiltTable& t10 = fixture().doc.tables.at(9);
  EXPECT_EQ(t10.body.at(4).at(1).id, "t10/r4/c1");
  EXPECT_EQ(t10.body.at(4).at(1).text, "1.917-3.833 fte (19-39%)");
}

TEST(BuildDocument, AMissingQuantityIsReportedWithTheTemplateLocation) {
  std::vector<TableTemplate> templates = fixture().templates;
  CellRun missing;
  missing.number = NumberRef{"bestaat.niet", Bound::single, {}};
  templates[0].rows[0][1].runs = {missing};
  Diagnostics diags;
  EXPECT_FALSE(check_bindings(templates, test::baseline_results(), diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags.items()[0].key, "bestaat.niet");
  EXPECT_NE(diags.items()[0].file.find("tabel-01.yaml"), std::string::npos);
}

}  // namespace
}  // namespace zorgcap
