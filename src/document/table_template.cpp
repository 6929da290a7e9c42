#include "document/table_template.h"

#include <algorithm>
#include <filesystem>
#include <regex>

#include "inputs/yaml_tree.h"

namespace zorgcap {
namespace {

using yaml::Node;

CellRun literal_run(std::string text) {
  CellRun r;
  r.text = std::move(text);
  return r;
}

CellRun number_run(const std::string& key, Bound bound, NumberFormat format) {
  CellRun r;
  r.number = NumberRef{key, bound, format};
  return r;
}

// The inside of one "{…}" as its run(s), appended to `runs`.
std::optional<std::string> parse_ref(const std::string& body, std::vector<CellRun>& runs) {
  if (!body.empty() && body[0] == '^') {
    std::string digits = body.substr(1);
    bool whole = !digits.empty() && digits.size() <= 4 && digits[0] != '0' &&
                 digits.find_first_not_of("0123456789") == std::string::npos;
    if (!whole) return "a footnote marker is {^N}, N the footnote's number as the report prints it, not {" + body + "}";
    CellRun r;
    r.footnote = std::stoi(digits);
    runs.push_back(std::move(r));
    return std::nullopt;
  }
  std::size_t bar = body.find('|');
  if (bar == std::string::npos) return "a number needs a format: {" + body + "|n0}";
  std::string target = body.substr(0, bar);
  std::string rest = body.substr(bar + 1);
  std::size_t bar2 = rest.find('|');
  std::string fmt = rest.substr(0, bar2);
  std::optional<std::string> separator;
  if (bar2 != std::string::npos) separator = rest.substr(bar2 + 1);
  std::size_t at = target.find('@');
  std::string key = target.substr(0, at);
  std::string bound = at == std::string::npos ? "" : target.substr(at + 1);
  if (key.empty()) return std::string("a reference needs a quantity key");
  if (fmt == "bron") {
    if (at != std::string::npos || separator) return "a source label is {" + key + "|bron}, without a bound or separator";
    CellRun r;
    r.source_of = key;
    runs.push_back(std::move(r));
    return std::nullopt;
  }
  auto f = parse_number_format(fmt);
  if (!f) return "unknown number format '" + fmt + "' (use n0–n3, pct0–pct3, mln0–mln3, dzd0–dzd3, or bron for a source label)";
  if (bound == "min..max" || bound == "max..min") {
    if (separator && (separator->empty() || separator->find('{') != std::string::npos))
      return "the separator of a range is literal text between its two numbers, not empty and without braces";
    Bound first = bound == "min..max" ? Bound::min : Bound::max;
    runs.push_back(number_run(key, first, *f));
    runs.push_back(literal_run(separator.value_or("-")));
    runs.push_back(number_run(key, first == Bound::min ? Bound::max : Bound::min, *f));
    return std::nullopt;
  }
  if (separator) return "a separator is only for a range: {" + key + "@min..max|" + fmt + "|" + *separator + "}";
  if (at != std::string::npos && bound != "min" && bound != "max")
    return "bound must be @min, @max, @min..max or @max..min, not @" + bound;
  runs.push_back(number_run(key, bound == "min" ? Bound::min : bound == "max" ? Bound::max : Bound::single, *f));
  return std::nullopt;
}

// Places cells with their spans on a grid; returns the width of each row (or an error). Indexed by
// row, so a large template costs time in proportion to its cells, not their square.
class Grid {
 public:
  // Returns the column where the next cell of the current row starts.
  int next_free(int row, int col) const {
    while (occupied(row, col)) ++col;
    return col;
  }
  void place(int row, int col, int rowspan, int colspan) {
    if (rows_.size() < static_cast<std::size_t>(row + rowspan)) rows_.resize(static_cast<std::size_t>(row + rowspan));
    for (int r = row; r < row + rowspan; ++r) {
      Row& cells = rows_[static_cast<std::size_t>(r)];
      if (cells.occupied.size() < static_cast<std::size_t>(col + colspan))
        cells.occupied.resize(static_cast<std::size_t>(col + colspan));
      for (int c = col; c < col + colspan; ++c) cells.occupied[static_cast<std::size_t>(c)] = true;
      cells.width = std::max(cells.width, col + colspan);
      cells.filled += colspan;  // overlapping spans count twice, so a row with an overlap is too wide
    }
  }
  bool occupied(int row, int col) const {
    if (row < 0 || static_cast<std::size_t>(row) >= rows_.size() || col < 0) return false;
    const std::vector<bool>& cells = rows_[static_cast<std::size_t>(row)].occupied;
    return static_cast<std::size_t>(col) < cells.size() && cells[static_cast<std::size_t>(col)];
  }
  int width(int row) const { return row < static_cast<int>(rows_.size()) ? rows_[static_cast<std::size_t>(row)].width : 0; }
  int filled(int row) const { return row < static_cast<int>(rows_.size()) ? rows_[static_cast<std::size_t>(row)].filled : 0; }

 private:
  struct Row {
    std::vector<bool> occupied;
    int width = 0;   // one past the rightmost occupied column
    int filled = 0;  // cells placed in this row, spans included
  };
  std::vector<Row> rows_;
};

class TemplateReader {
 public:
  TemplateReader(std::string file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}

  void error(Location where, const std::string& key, const std::string& msg) { diags_.error(file_, where, key, msg); }

  std::optional<CellTemplate> cell(const Node& n, const std::string& path) {
    CellTemplate c;
    c.where = n.where;
    const Node* text = &n;
    if (n.is_map()) {
      for (const yaml::MapEntry& e : n.entries)
        if (e.key != "text" && e.key != "colspan" && e.key != "rowspan")
          error(e.key_where, path + "." + e.key, "unknown cell field '" + e.key + "' (text, colspan, rowspan)");
      text = n.find("text");
      if (!text) {
        error(n.where, path, "a cell map needs 'text'");
        return std::nullopt;
      }
      for (auto [name, into] : {std::pair{"colspan", &c.colspan}, std::pair{"rowspan", &c.rowspan}}) {
        const Node* s = n.find(name);
        if (!s) continue;
        auto v = s->is_scalar() && s->plain ? yaml::parse_number(s->text) : std::nullopt;
        if (!v || *v < 1 || *v > 50 || *v != static_cast<int>(*v)) {
          error(s->where, path + "." + name, std::string(name) + " must be a whole number from 1 to 50");
          return std::nullopt;
        }
        *into = static_cast<int>(*v);
      }
    }
    if (text->kind == Node::Kind::null) {
      c.runs.push_back(literal_run(""));
      return c;
    }
    if (!text->is_scalar()) {
      error(text->where, path, "a cell is text or a map with text/colspan/rowspan, not " + std::string(yaml::describe(*text)));
      return std::nullopt;
    }
    if (auto problem = parse_cell_text(text->text, c.runs)) {
      error(text->where, path, *problem);
      return std::nullopt;
    }
    return c;
  }

  // Reads a list of rows, placing them on a grid; checks every row is `width` wide (if > 0).
  std::vector<std::vector<CellTemplate>> rows(const Node& list, const std::string& path, int& width) {
    std::vector<std::vector<CellTemplate>> out;
    if (!list.is_sequence()) {
      error(list.where, path, "expected a list of rows");
      return out;
    }
    Grid grid;
    for (std::size_t r = 0; r < list.items.size(); ++r) {
      const Node& row = list.items[r];
      std::string rpath = path + "[" + std::to_string(r) + "]";
      if (!row.is_sequence()) {
        error(row.where, rpath, "a row is a list of cells");
        continue;
      }
      std::vector<CellTemplate> cells;
      int col = 0;
      bool bad_cell = false;
      for (std::size_t i = 0; i < row.items.size(); ++i) {
        auto c = cell(row.items[i], rpath + "[" + std::to_string(i) + "]");
        if (!c) {
          bad_cell = true;  // reported; its width is unknown, so the row's width is not checked
          continue;
        }
        col = grid.next_free(static_cast<int>(r), col);
        grid.place(static_cast<int>(r), col, c->rowspan, c->colspan);
        col += c->colspan;
        cells.push_back(std::move(*c));
      }
      int w = grid.width(static_cast<int>(r));
      if (width == 0) width = w;
      int filled = grid.filled(static_cast<int>(r));
      if (!bad_cell && (w != width || filled != width))
        error(row.where, rpath,
              "row is " + std::to_string(filled) + " columns wide (spans included); the table has " +
                  std::to_string(width));
      out.push_back(std::move(cells));
    }
    // A rowspan reaching past the last row would leave the grid ragged.
    int last = static_cast<int>(list.items.size());
    for (int c = 0; c < width; ++c)
      if (grid.occupied(last, c)) {
        error(list.where, path, "a rowspan reaches past the last row");
        break;
      }
    return out;
  }

  // footnotes: [{number: 71, text: "…", url: "…"}, …]
  std::vector<FootnoteTemplate> footnotes(const Node& list) {
    std::vector<FootnoteTemplate> out;
    if (!list.is_sequence()) {
      error(list.where, "footnotes", "footnotes is a list of {number, text, url}");
      return out;
    }
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      const Node& n = list.items[i];
      std::string path = "footnotes[" + std::to_string(i) + "]";
      if (!n.is_map()) {
        error(n.where, path, "a footnote is a map with number, text and (optionally) url");
        continue;
      }
      for (const yaml::MapEntry& e : n.entries)
        if (e.key != "number" && e.key != "text" && e.key != "url")
          error(e.key_where, path + "." + e.key, "unknown footnote field '" + e.key + "' (number, text, url)");
      FootnoteTemplate f;
      f.where = n.where;
      const Node* number = n.find("number");
      auto v = number && number->is_scalar() && number->plain ? yaml::parse_number(number->text) : std::nullopt;
      if (!v || *v < 1 || *v > 9999 || *v != static_cast<int>(*v)) {
        error(number ? number->where : n.where, path + ".number", "a footnote needs its number, a whole number from 1 to 9999");
        continue;
      }
      f.number = static_cast<int>(*v);
      const Node* text = n.find("text");
      if (!text || !text->is_scalar() || text->text.empty()) {
        error(text ? text->where : n.where, path + ".text", "a footnote needs its text, as the report prints it");
        continue;
      }
      f.text = text->text;
      if (const Node* url = n.find("url")) {
        if (url->is_scalar() && !url->text.empty())
          f.url = url->text;
        else
          error(url->where, path + ".url", "url is a web address");
      }
      for (const FootnoteTemplate& other : out)
        if (other.number == f.number) error(n.where, path + ".number", "footnote " + std::to_string(f.number) + " is listed twice");
      out.push_back(std::move(f));
    }
    return out;
  }

  // Every marker {^N} names a listed footnote, and every listed footnote is marked exactly once.
  void check_footnote_markers(const TableTemplate& t) {
    std::vector<int> used(t.footnotes.size(), 0);
    for (const auto* section : {&t.header, &t.rows})
      for (const auto& row : *section)
        for (const CellTemplate& c : row)
          for (const CellRun& run : c.runs) {
            if (run.footnote == 0) continue;
            auto it = std::find_if(t.footnotes.begin(), t.footnotes.end(),
                                   [&](const FootnoteTemplate& f) { return f.number == run.footnote; });
            if (it == t.footnotes.end())
              error(c.where, "footnotes", "footnote " + std::to_string(run.footnote) + " is marked here but not listed under footnotes");
            else
              ++used[static_cast<std::size_t>(it - t.footnotes.begin())];
          }
    for (std::size_t i = 0; i < used.size(); ++i)
      if (used[i] != 1)
        error(t.footnotes[i].where, "footnotes", "footnote " + std::to_string(t.footnotes[i].number) + " is marked in " +
                                                     std::to_string(used[i]) + " cells; mark it ({^" +
                                                     std::to_string(t.footnotes[i].number) + "}) in exactly one");
  }

 private:
  std::string file_;
  Diagnostics& diags_;
};

std::optional<TableTemplate> read_table(const Node& root, const std::string& file, int expected_number,
                                        Diagnostics& diags) {
  TemplateReader r(file, diags);
  std::size_t before = diags.size();
  if (!root.is_map()) {
    r.error(root.where, "", "a table template is a map (number, caption, header, rows)");
    return std::nullopt;
  }
  static const std::vector<std::string_view> allowed = {"number", "caption", "orientation", "row_header_columns",
                                                        "header", "rows", "notes", "footnotes"};
  for (const yaml::MapEntry& e : root.entries)
    if (std::find(allowed.begin(), allowed.end(), e.key) == allowed.end())
      r.error(e.key_where, e.key, "unknown key '" + e.key + "'");
  TableTemplate t;
  t.file = file;
  const Node* number = root.find("number");
  auto n = number && number->is_scalar() && number->plain ? yaml::parse_number(number->text) : std::nullopt;
  if (!n || *n != expected_number) {
    r.error(number ? number->where : root.where, "number",
            "expected number: " + std::to_string(expected_number) + " (from the file name)");
  }
  t.number = expected_number;
  const Node* caption = root.find("caption");
  std::string prefix = "Tabel " + std::to_string(expected_number) + ". ";
  if (!caption || !caption->is_scalar() || caption->text.rfind(prefix, 0) != 0)
    r.error(caption ? caption->where : root.where, "caption", "caption must start with '" + prefix + "'");
  else
    t.caption = caption->text;
  if (const Node* o = root.find("orientation")) {
    if (o->is_scalar() && (o->text == "portrait" || o->text == "landscape"))
      t.landscape = o->text == "landscape";
    else
      r.error(o->where, "orientation", "orientation is portrait or landscape");
  }
  int width = 0;
  const Node* header = root.find("header");
  const Node* rows = root.find("rows");
  if (!header || !rows) {
    r.error(root.where, header ? "rows" : "header", "a table needs 'header' and 'rows'");
    return std::nullopt;
  }
  t.header = r.rows(*header, "header", width);
  t.rows = r.rows(*rows, "rows", width);
  if (const Node* rh = root.find("row_header_columns")) {
    auto v = rh->is_scalar() && rh->plain ? yaml::parse_number(rh->text) : std::nullopt;
    if (!v || *v < 0 || *v > width || *v != static_cast<int>(*v))
      r.error(rh->where, "row_header_columns", "row_header_columns must be a whole number from 0 to the column count");
    else
      t.row_header_columns = static_cast<int>(*v);
  }
  if (const Node* notes = root.find("notes")) {
    if (!notes->is_sequence()) r.error(notes->where, "notes", "notes is a list of lines");
    for (const Node& line : notes->items) {
      if (line.is_scalar())
        t.notes.push_back(line.text);
      else
        r.error(line.where, "notes", "a note is a line of text");
    }
  }
  if (const Node* notes = root.find("footnotes")) t.footnotes = r.footnotes(*notes);
  r.check_footnote_markers(t);
  if (diags.size() != before) return std::nullopt;
  return t;
}

}  // namespace

std::optional<std::string> parse_cell_text(const std::string& text, std::vector<CellRun>& runs) {
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) runs.push_back(literal_run(std::move(literal)));
    literal.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == '{' && i + 1 < text.size() && text[i + 1] == '{') {
      literal += '{';
      ++i;
    } else if (ch == '}' && i + 1 < text.size() && text[i + 1] == '}') {
      literal += '}';
      ++i;
    } else if (ch == '{') {
      std::size_t close = text.find('}', i);
      if (close == std::string::npos) return std::string("'{' without a closing '}' (write {{ for a literal brace)");
      flush();
      if (auto problem = parse_ref(text.substr(i + 1, close - i - 1), runs)) return problem;
      i = close;
    } else if (ch == '}') {
      return std::string("'}' without an opening '{' (write }} for a literal brace)");
    } else {
      literal += ch;
    }
  }
  flush();
  if (runs.empty()) runs.push_back(literal_run(""));
  return std::nullopt;
}

std::optional<std::vector<TableTemplate>> load_table_templates(const std::string& dir, Diagnostics& diags,
                                                               SourceTexts& texts) {
  namespace fs = std::filesystem;
  std::vector<std::pair<int, fs::path>> files;
  std::error_code ec;
  static const std::regex name(R"(tabel-(\d\d)\.yaml)");
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::smatch m;
    std::string file = entry.path().filename().string();
    if (std::regex_match(file, m, name)) files.emplace_back(std::stoi(m[1]), entry.path());
  }
  if (ec) {
    diags.error(dir, {}, "", "cannot read the table templates folder: " + ec.message());
    return std::nullopt;
  }
  if (files.empty()) {
    diags.error(dir, {}, "", "no table templates (tabel-NN.yaml) in this folder");
    return std::nullopt;
  }
  std::sort(files.begin(), files.end());
  std::size_t before = diags.size();
  std::vector<TableTemplate> out;
  for (const auto& [number, path] : files) {
    std::string text;
    auto root = yaml::parse_file(path.string(), diags, text);
    texts.emplace_back(path.string(), text);
    if (!root) continue;
    if (auto t = read_table(*root, path.string(), number, diags)) out.push_back(std::move(*t));
  }
  if (diags.size() != before) return std::nullopt;
  return out;
}

}  // namespace zorgcap
