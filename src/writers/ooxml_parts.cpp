#include "writers/ooxml_parts.h"

#include <cctype>

#include "writers/escape.h"

namespace zorgcap::ooxml {
namespace {

constexpr const char* kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

constexpr int kA4Short = 11906, kA4Long = 16838, kMargin = 1134;  // twips; 1134 = 2 cm

std::string relationship(std::string_view id, std::string_view type, std::string_view target, bool external = false) {
  return "<Relationship Id=\"" + std::string(id) + "\" Type=\"" + std::string(type) + "\" Target=\"" + xml_escape(target) +
         "\"" + (external ? " TargetMode=\"External\"" : "") + "/>";
}

// A paragraph style: its id, name, the style it is based on and its pPr / rPr content.
std::string paragraph_style(std::string_view id, std::string_view name, std::string_view based_on, std::string_view ppr,
                            std::string_view rpr) {
  std::string s = "<w:style w:type=\"paragraph\" w:styleId=\"" + std::string(id) + "\"><w:name w:val=\"" +
                  std::string(name) + "\"/>";
  if (!based_on.empty()) s += "<w:basedOn w:val=\"" + std::string(based_on) + "\"/>";
  s += "<w:next w:val=\"Normal\"/><w:qFormat/>";
  if (!ppr.empty()) s += "<w:pPr>" + std::string(ppr) + "</w:pPr>";
  if (!rpr.empty()) s += "<w:rPr>" + std::string(rpr) + "</w:rPr>";
  return s + "</w:style>";
}

std::string character_style(std::string_view id, std::string_view name, std::string_view rpr) {
  return "<w:style w:type=\"character\" w:styleId=\"" + std::string(id) + "\"><w:name w:val=\"" + std::string(name) +
         "\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr>" + std::string(rpr) + "</w:rPr></w:style>";
}

}  // namespace

std::string content_types() {
  const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  return std::string(kXmlDecl) +
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" ContentType=\"" + wml + "document.main+xml\"/>"
         "<Override PartName=\"/word/styles.xml\" ContentType=\"" + wml + "styles+xml\"/>"
         "<Override PartName=\"/word/settings.xml\" ContentType=\"" + wml + "settings+xml\"/>"
         "<Override PartName=\"/word/footnotes.xml\" ContentType=\"" + wml + "footnotes+xml\"/>"
         "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "</Types>";
}

std::string package_relationships() {
  return std::string(kXmlDecl) + "<Relationships xmlns=\"" + kRelNs + "\">" +
         relationship("rId1", std::string(kR) + "/officeDocument", "word/document.xml") +
         relationship("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                      "docProps/core.xml") +
         "</Relationships>";
}

// No dates: Word shows none rather than one from the clock.
std::string core_properties(std::string_view title) {
  return std::string(kXmlDecl) +
         "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
         "<dc:title>" + xml_escape(title) + "</dc:title><dc:creator>zorgcap</dc:creator><dc:language>nl-NL</dc:language>"
         "</cp:coreProperties>";
}

std::string document_relationships() {
  return std::string(kXmlDecl) + "<Relationships xmlns=\"" + kRelNs + "\">" +
         relationship("rId1", std::string(kR) + "/styles", "styles.xml") +
         relationship("rId2", std::string(kR) + "/settings", "settings.xml") +
         relationship("rId3", std::string(kR) + "/footnotes", "footnotes.xml") + "</Relationships>";
}

std::string link_relationships(const std::vector<Link>& links) {
  std::string s = std::string(kXmlDecl) + "<Relationships xmlns=\"" + kRelNs + "\">";
  for (const auto& [id, url] : links) s += relationship(id, std::string(kR) + "/hyperlink", url, true);
  return s + "</Relationships>";
}

std::string styles() {
  std::string s = std::string(kXmlDecl) + "<w:styles xmlns:w=\"" + kW + "\">";
  s += "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" "
       "w:cs=\"Arial\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:lang w:val=\"nl-NL\" w:eastAsia=\"nl-NL\" "
       "w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
       "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>";
  s += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>";
  s += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default "
       "Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>";
  s += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
       "<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
       "<w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/>"
       "</w:tblCellMar></w:tblPr></w:style>";
  s += paragraph_style(kTitle, "Title", "Normal", "<w:spacing w:after=\"240\"/>", "<w:b/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>");
  // Word's built-in caption style (its name is lower case in styles.xml; Word shows "Caption").
  s += paragraph_style(kCaption, "caption", "Normal", "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/>",
                       "<w:b/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>");
  s += paragraph_style(kTableText, "Tabeltekst", "Normal", "<w:spacing w:before=\"20\" w:after=\"20\"/>",
                       "<w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>");
  s += paragraph_style(kTableHeading, "Tabelkop", std::string(kTableText), "", "<w:b/><w:bCs/>");
  s += paragraph_style(kTableNote, "Tabelnoot", "Normal", "<w:spacing w:before=\"60\"/>",
                       "<w:i/><w:iCs/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>");
  s += paragraph_style(kFootnoteText, "footnote text", "Normal", "", "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>");
  s += character_style(kFootnoteReference, "footnote reference", "<w:vertAlign w:val=\"superscript\"/>");
  s += character_style(kHyperlink, "Hyperlink", "<w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/>");
  s += character_style(kProvenanceMark, "Herkomstmarkering", "<w:color w:val=\"595959\"/><w:vertAlign w:val=\"superscript\"/>");
  s += character_style(kDeviationMark, "Afwijkingsmarkering",
                       "<w:b/><w:bCs/><w:color w:val=\"C00000\"/><w:vertAlign w:val=\"superscript\"/>");
  return s + "</w:styles>";
}

std::string settings() {
  return std::string(kXmlDecl) + "<w:settings xmlns:w=\"" + kW + "\">" +
         "<w:defaultTabStop w:val=\"708\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
         "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>"
         "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
         "w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"nl-NL\"/></w:settings>";
}

std::string footnotes_part(const std::vector<std::string>& footnotes) {
  std::string s = std::string(kXmlDecl) + "<w:footnotes xmlns:w=\"" + kW + "\" xmlns:r=\"" + kR + "\">" +
                  "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                  "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r>"
                  "</w:p></w:footnote>";
  for (const std::string& f : footnotes) s += f;
  return s + "</w:footnotes>";
}

std::string document_part(std::string_view body) {
  return std::string(kXmlDecl) + "<w:document xmlns:w=\"" + kW + "\" xmlns:r=\"" + kR + "\"><w:body>" +
         std::string(body) + "</w:body></w:document>";
}

std::string text_run(std::string_view text, std::string_view style) {
  std::string s = "<w:r>";
  if (!style.empty()) s += "<w:rPr><w:rStyle w:val=\"" + std::string(style) + "\"/></w:rPr>";
  std::size_t start = 0;
  auto flush = [&](std::size_t end) {
    if (end > start) s += "<w:t xml:space=\"preserve\">" + xml_escape(text.substr(start, end - start)) + "</w:t>";
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\t') continue;
    flush(i);
    s += text[i] == '\n' ? "<w:br/>" : "<w:tab/>";
    start = i + 1;
  }
  flush(text.size());
  return s + "</w:r>";
}

std::string section_properties(bool landscape) {
  std::string size = landscape ? "<w:pgSz w:w=\"" + std::to_string(kA4Long) + "\" w:h=\"" + std::to_string(kA4Short) +
                                     "\" w:orient=\"landscape\"/>"
                               : "<w:pgSz w:w=\"" + std::to_string(kA4Short) + "\" w:h=\"" + std::to_string(kA4Long) + "\"/>";
  const std::string m = std::to_string(kMargin);
  return "<w:sectPr>" + size + "<w:pgMar w:top=\"" + m + "\" w:right=\"" + m + "\" w:bottom=\"" + m + "\" w:left=\"" + m +
         "\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>";
}

int text_width(bool landscape) { return (landscape ? kA4Long : kA4Short) - 2 * kMargin; }

bool linkable(std::string_view url) {
  auto starts = [&](std::string_view prefix) {
    if (url.size() <= prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
    return true;
  };
  return starts("http://") || starts("https://") || starts("mailto:");
}

}  // namespace zorgcap::ooxml
