#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The parts of a WordprocessingML package (tables.docx) that do not depend on the tables, and the
// small pieces of XML the document body is made of. Plain XML, written in a fixed order.
namespace zorgcap::ooxml {

// The style ids of styles.xml. Captions use Word's own "caption" style (id Caption), so Word lists
// them as captions; the language of every style is Dutch (nl-NL).
inline constexpr std::string_view kTitle = "Title";
inline constexpr std::string_view kCaption = "Caption";
inline constexpr std::string_view kTableText = "TableText";
inline constexpr std::string_view kTableHeading = "TableHeading";
inline constexpr std::string_view kTableNote = "TableNote";
inline constexpr std::string_view kFootnoteText = "FootnoteText";
inline constexpr std::string_view kFootnoteReference = "FootnoteReference";
inline constexpr std::string_view kHyperlink = "Hyperlink";
inline constexpr std::string_view kProvenanceMark = "ProvenanceMark";  // a number's Herkomst mark
inline constexpr std::string_view kDeviationMark = "DeviationMark";    // … of a number that differs from the report

// An external link of a part: its relationship id ("rIdL1") and URL.
using Link = std::pair<std::string, std::string>;

std::string content_types();
std::string package_relationships();
std::string core_properties(std::string_view title);
std::string document_relationships();
std::string styles();
std::string settings();
// word/_rels/footnotes.xml.rels: the footnotes' hyperlinks.
std::string link_relationships(const std::vector<Link>& links);
// word/footnotes.xml: the separators, then `footnotes` (each a complete <w:footnote> element).
std::string footnotes_part(const std::vector<std::string>& footnotes);
// word/document.xml around `body` (paragraphs, tables and the last <w:sectPr>).
std::string document_part(std::string_view body);

// One run of text in character style `style` ("" for none): a '\n' becomes <w:br/>, a tab <w:tab/>.
std::string text_run(std::string_view text, std::string_view style = "");
// A section's properties: A4, portrait or landscape, margins of 2 cm.
std::string section_properties(bool landscape);
// The usable width of a page between its margins, in twentieths of a point.
int text_width(bool landscape);
// Whether `url` may become a hyperlink: only http, https and mailto addresses.
bool linkable(std::string_view url);

}  // namespace zorgcap::ooxml
