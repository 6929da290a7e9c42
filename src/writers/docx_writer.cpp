#include "writers/docx_writer.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "writers/ooxml_parts.h"
#include "writers/zip_archive.h"

namespace zorgcap {
namespace {

using Section = std::vector<std::vector<BuiltCell>>;

// The byte offset in `s` after `chars` code points (s.size() when it has fewer).
std::size_t byte_offset(std::string_view s, std::size_t chars) {
  std::size_t at = 0;
  for (std::size_t n = 0; n < chars && at < s.size(); ++n) utf8::next(s, at);
  return at;
}

// The share of the text width each column gets: by the longest line in it (spans left out),
// capped so that one long text does not squeeze the others, and at least a few characters.
std::vector<int> column_widths(const BuiltTable& t, int width) {
  const std::size_t n = static_cast<std::size_t>(std::max(t.columns, 1));
  std::vector<double> weight(n, 5);
  for (const Section* section : {&t.header, &t.body})
    for (const auto& row : *section)
      for (const BuiltCell& c : row) {
        if (c.colspan != 1 || static_cast<std::size_t>(c.col) >= n) continue;
        std::size_t longest = 0, line = 0;
        for (std::size_t i = 0; i < c.text.size();) {
          if (utf8::next(c.text, i) == U'\n') longest = std::max(longest, line), line = 0; else ++line;
        }
        double w = std::min<double>(static_cast<double>(std::max(longest, line)), 40);
        weight[static_cast<std::size_t>(c.col)] = std::max(weight[static_cast<std::size_t>(c.col)], w);
      }
  double total = 0;
  for (double w : weight) total += w;
  std::vector<int> out(n);
  int used = 0;
  for (std::size_t i = 0; i < n; ++i) used += out[i] = static_cast<int>(width * weight[i] / total);
  out.back() += width - used;  // the rounding remainder, so the columns fill the width exactly
  return out;
}

class DocxBuilder {
 public:
  DocxBuilder(const Document& doc, const DocxOptions& o) : doc_(doc), o_(o) {}

  std::string render() {
    std::string body;
    if (!doc_.title.empty())
      body += "<w:p><w:pPr><w:pStyle w:val=\"" + std::string(ooxml::kTitle) + "\"/></w:pPr>" + ooxml::text_run(doc_.title) +
              "</w:p>";
    bool landscape = false;
    for (const BuiltTable& t : doc_.tables) {
      // A change of orientation ends the section before it.
      if (t.landscape != landscape) body += "<w:p><w:pPr>" + ooxml::section_properties(landscape) + "</w:pPr></w:p>";
      landscape = t.landscape;
      table(body, t);
    }
    body += "<w:p/>" + ooxml::section_properties(landscape);
    std::vector<std::pair<std::string, std::string>> parts = {
        {"[Content_Types].xml", ooxml::content_types()},
        {"_rels/.rels", ooxml::package_relationships()},
        {"docProps/core.xml", ooxml::core_properties(doc_.title)},
        {"word/document.xml", ooxml::document_part(body)},
        {"word/_rels/document.xml.rels", ooxml::document_relationships()},
        {"word/styles.xml", ooxml::styles()},
        {"word/settings.xml", ooxml::settings()},
        {"word/footnotes.xml", ooxml::footnotes_part(footnotes_)},
        {"word/_rels/footnotes.xml.rels", ooxml::link_relationships(links_)},
    };
    return zip_archive(parts);
  }

 private:
  void table(std::string& out, const BuiltTable& t) {
    out += "<w:p><w:pPr><w:pStyle w:val=\"" + std::string(ooxml::kCaption) + "\"/></w:pPr>" + ooxml::text_run(t.caption) +
           "</w:p>";
    const std::vector<int> widths = column_widths(t, ooxml::text_width(t.landscape));
    int total = 0;
    for (int w : widths) total += w;
    out += "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(total) +
           "\" w:type=\"dxa\"/><w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
      out += std::string("<w:") + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>";
    out += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" "
           "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
    for (int w : widths) out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
    out += "</w:tblGrid>";
    rows(out, t.header, t.header_grid, widths, true);
    rows(out, t.body, t.body_grid, widths, false);
    out += "</w:tbl>";
    for (const std::string& note : t.notes)
      out += "<w:p><w:pPr><w:pStyle w:val=\"" + std::string(ooxml::kTableNote) + "\"/></w:pPr>" + ooxml::text_run(note) +
             "</w:p>";
  }

  void rows(std::string& out, const Section& section, const Grid& grid, const std::vector<int>& widths, bool header) {
    for (std::size_t r = 0; r < grid.size(); ++r) {
      // Header rows repeat at the top of every page; no row breaks across pages.
      out += header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
      for (std::size_t c = 0; c < grid[r].size();) {
        const BuiltCell& cell = cell_at(section, grid[r][c]);
        const bool starts_here = static_cast<std::size_t>(cell.row) == r;
        const std::size_t span = static_cast<std::size_t>(std::max(cell.colspan, 1));
        int width = 0;
        for (std::size_t i = c; i < c + span && i < widths.size(); ++i) width += widths[i];
        out += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
        if (span > 1) out += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
        if (!starts_here)
          out += "<w:vMerge/>";  // covered by the cell above
        else if (cell.rowspan > 1)
          out += "<w:vMerge w:val=\"restart\"/>";
        if (header) out += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>";
        out += "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"" +
               std::string(header || cell.row_header ? ooxml::kTableHeading : ooxml::kTableText) + "\"/></w:pPr>";
        if (starts_here) content(out, cell);
        out += "</w:p></w:tc>";
        c += span;
      }
      out += "</w:tr>";
    }
  }

  // The cell's runs, each number followed by its mark, and the report's footnote references at
  // their places in the text.
  void content(std::string& out, const BuiltCell& cell) {
    std::size_t next_note = 0, chars = 0;  // footnotes come in text order; chars: code points written
    for (const BuiltRun& run : cell.runs) {
      const std::string_view text = run.text;
      const std::size_t length = utf8::count(text);
      std::size_t from = 0;  // bytes of this run written so far
      for (; next_note < cell.footnotes.size() && cell.footnotes[next_note].at < chars + length; ++next_note) {
        const std::size_t to = std::max(from, byte_offset(text, cell.footnotes[next_note].at - chars));
        if (to > from) out += ooxml::text_run(text.substr(from, to - from));
        from = to;
        footnote_reference(out, cell.footnotes[next_note]);
      }
      if (from < text.size()) out += ooxml::text_run(text.substr(from));
      chars += length;
      if (run.is_number && run.number.mark > 0 && o_.show_marks) {
        const bool deviates = run.number.deviates();
        out += ooxml::text_run((deviates ? "\u2260" : "") + std::to_string(run.number.mark),
                               deviates ? ooxml::kDeviationMark : ooxml::kProvenanceMark);
      }
    }
    for (; next_note < cell.footnotes.size(); ++next_note) footnote_reference(out, cell.footnotes[next_note]);
  }

  // A reference carrying the report's own number (customMarkFollows), and its footnote.
  void footnote_reference(std::string& out, const CellFootnote& f) {
    const std::string id = std::to_string(footnotes_.size() + 1);
    const std::string number = std::to_string(f.number);
    out += "<w:r><w:rPr><w:rStyle w:val=\"" + std::string(ooxml::kFootnoteReference) +
           "\"/></w:rPr><w:footnoteReference w:customMarkFollows=\"1\" w:id=\"" + id + "\"/><w:t>" + number + "</w:t></w:r>";
    std::string note = "<w:footnote w:id=\"" + id + "\"><w:p><w:pPr><w:pStyle w:val=\"" + std::string(ooxml::kFootnoteText) +
                       "\"/></w:pPr>" + ooxml::text_run(number, ooxml::kFootnoteReference) + ooxml::text_run(" ");
    if (!f.url.empty() && ooxml::linkable(f.url)) {
      // The address as a link: where the text shows it, there; else after the text.
      std::size_t at = f.text.find(f.url);
      std::string before = at == std::string::npos ? f.text + (f.text.empty() ? "" : " ") : f.text.substr(0, at);
      std::string after = at == std::string::npos ? "" : f.text.substr(at + f.url.size());
      const std::string rid = "rIdL" + std::to_string(links_.size() + 1);
      links_.emplace_back(rid, f.url);
      if (!before.empty()) note += ooxml::text_run(before);
      note += "<w:hyperlink r:id=\"" + rid + "\" w:history=\"1\">" + ooxml::text_run(f.url, ooxml::kHyperlink) + "</w:hyperlink>";
      if (!after.empty()) note += ooxml::text_run(after);
    } else {
      note += ooxml::text_run(f.url.empty() ? f.text : f.text + " " + f.url);
    }
    footnotes_.push_back(note + "</w:p></w:footnote>");
  }

  const Document& doc_;
  const DocxOptions& o_;
  std::vector<std::string> footnotes_;  // <w:footnote> elements, ids 1, 2, … in order of reference
  std::vector<ooxml::Link> links_;      // the footnotes' hyperlinks
};

}  // namespace

std::string render_docx(const Document& doc, const DocxOptions& options) { return DocxBuilder(doc, options).render(); }

}  // namespace zorgcap
