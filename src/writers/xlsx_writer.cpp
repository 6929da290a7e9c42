#include "writers/xlsx_writer.h"


#include <algorithm>
#include <charconv>
#include <cstring>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "core/link_url.h"
#include "core/utf8.h"
#include "writers/cell_notes.h"
#include "writers/xlsxwriter_library.h"
#include "core/atomic_file.h"
#include "core/rounding.h"
#include "document/number_format.h"
#include "document/unit_number.h"

namespace zorgcap {
namespace {

// ---- number cells ------------------------------------------------------------------------------

// What Excel shows for `v` × 10^shift with `decimals` decimals: it keeps 15 significant digits,
// then rounds halves away from zero; a negative that rounds to zero shows as "-0". Returned in the
// printed form (nl-NL separators) so it compares with the cell's text.
std::string excel_shows(double v, int shift, int decimals) {
  if (!std::isfinite(v)) return "";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.14e", v);  // "-1.91656000000000e+03"
  std::string s = buf;
  bool negative = s[0] == '-';
  if (negative) s.erase(0, 1);
  std::size_t e = s.find('e');
  std::string d = s.substr(0, 1) + s.substr(2, e - 2);  // 15 digits
  int exp = std::stoi(s.substr(e + 1));
  int e2 = exp - 14 + shift + decimals;  // shown = d × 10^e2 / 10^decimals
  std::string n;
  if (e2 >= 0) {
    n = d + std::string(static_cast<std::size_t>(e2), '0');
  } else if (-e2 > 15) {
    n = "0";
  } else {
    std::size_t keep = static_cast<std::size_t>(15 + e2);
    n = keep ? d.substr(0, keep) : "0";
    if (d[keep] >= '5') {  // round the kept digits up
      int k = static_cast<int>(n.size()) - 1;
      for (; k >= 0 && n[static_cast<std::size_t>(k)] == '9'; --k) n[static_cast<std::size_t>(k)] = '0';
      if (k < 0) n.insert(n.begin(), '1'); else ++n[static_cast<std::size_t>(k)];
    }
  }
  n.erase(0, std::min(n.find_first_not_of('0'), n.size()));
  if (n.size() < static_cast<std::size_t>(decimals) + 1) n.insert(0, static_cast<std::size_t>(decimals) + 1 - n.size(), '0');
  std::string whole = n.substr(0, n.size() - static_cast<std::size_t>(decimals));
  std::string out = negative && v != 0 ? "-" : "";
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += '.';
    out += whole[i];
  }
  if (decimals > 0) out += "," + n.substr(whole.size());
  return out;
}

constexpr const char* kDeviationSign = "\u2020";  // †: a number that deviates from the report
constexpr lxw_color_t kDeviationFill = 0xFCE4D6;

std::string format_literal(const std::string& literal) { return literal.empty() ? "" : "\"" + literal + "\""; }

}  // namespace

std::optional<XlsxNumber> xlsx_number(const BuiltCell& cell) {
  std::optional<UnitNumber> u = unit_number(cell);
  if (!u) return std::nullopt;
  return xlsx_number(*u);
}

namespace {

bool is_space(char c) { return c == ' '; }
std::string trim(const std::string& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && is_space(s[a])) ++a;
  while (b > a && is_space(s[b - 1])) --b;
  return s.substr(a, b - a);
}

// The glue between two numbers of a cell, split at its separator into the unit text of the number
// before it and of the number after it: "% - " → "%", ""; " – € " → "", "€ "; " fte (" → " fte", "".
bool split_glue(const std::string& glue, std::string& after_prev, std::string& before_next) {
  static const char* const seps[] = {" \u2013 ", "\u2013", " - ", "-", " tot ", " en ", " / ", "/", "\n", " (", "("};
  std::size_t best = std::string::npos, len = 0;
  for (const char* sep : seps) {
    std::size_t at = glue.find(sep);
    if (at != std::string::npos && (best == std::string::npos || at < best || (at == best && std::strlen(sep) > len)))
      best = at, len = std::strlen(sep);
  }
  if (best == std::string::npos) return false;
  after_prev = glue.substr(0, best);
  before_next = glue.substr(best + len);
  while (!before_next.empty() && (before_next[0] == '(' || before_next[0] == ' ')) before_next.erase(0, 1);
  return true;
}

BuiltCell unit_cell(const std::string& prefix, const BuiltRun& number, const std::string& suffix) {
  BuiltCell c;
  BuiltRun p, s;
  p.text = prefix;
  s.text = suffix;
  c.runs = {p, number, s};
  c.text = prefix + number.text + suffix;
  return c;
}

}  // namespace

std::vector<XlsxPart> xlsx_parts(const BuiltCell& cell) {
  std::vector<const BuiltRun*> numbers;
  std::vector<std::string> glue(1);  // glue[i]: the text before number i; glue.back(): after the last
  for (const BuiltRun& r : cell.runs) {
    if (r.is_number) {
      numbers.push_back(&r);
      glue.emplace_back();
    } else {
      glue.back() += r.text;
    }
  }
  std::vector<XlsxPart> out;
  if (numbers.empty()) return out;
  const std::size_t k = numbers.size();
  std::vector<std::string> prefix(k), suffix(k);
  prefix[0] = glue[0];
  while (!prefix[0].empty() && prefix[0][0] == '(') prefix[0].erase(0, 1);
  suffix[k - 1] = glue[k];
  while (!suffix[k - 1].empty() && suffix[k - 1].back() == ')') suffix[k - 1].pop_back();
  for (std::size_t i = 1; i < k; ++i) {
    std::string a, b;
    if (!split_glue(glue[i], a, b)) return {};
    while (!a.empty() && a.back() == ')') a.pop_back();
    suffix[i - 1] = a;
    prefix[i] = b;
  }
  // The two numbers of a range share their unit: "1.917 – 3.833 fte", "19 tot 39%".
  for (std::size_t i = k - 1; i-- > 0;)
    if (trim(suffix[i]).empty() && numbers[i]->number.key == numbers[i + 1]->number.key) suffix[i] = suffix[i + 1];
  for (std::size_t i = 0; i < k; ++i) {
    if (trim(prefix[i]).empty()) prefix[i].clear();
    if (trim(suffix[i]).empty()) suffix[i].clear();
    BuiltCell c = unit_cell(prefix[i], *numbers[i], suffix[i]);
    std::optional<XlsxNumber> n = xlsx_number(c);
    if (!n) return {};
    out.push_back({*n, numbers[i]});
  }
  return out;
}

std::optional<XlsxNumber> xlsx_number(const UnitNumber& unit) {
  const UnitNumber* u = &unit;
  const std::string &prefix = u->prefix, &suffix = u->suffix;
  const BuiltNumber& n = u->number->number;
  const double raw = n.value;
  if (!std::isfinite(raw)) return std::nullopt;
  using Scale = NumberFormat::Scale;
  const Scale scale = n.format.scale;
  const int decimals = n.format.decimals;

  std::string digits = "#,##0" + (decimals ? "." + std::string(static_cast<std::size_t>(decimals), '0') : "");
  XlsxNumber out;
  out.value = raw;
  int shift = 0;  // the power of ten Excel's format applies
  std::size_t pct = suffix.find('%');
  if (scale == Scale::percent && pct != std::string::npos && suffix.find_first_not_of(" ") == pct) {
    out.format = digits + format_literal(suffix.substr(0, pct)) + "%" + format_literal(suffix.substr(pct + 1));
    shift = 2;
  } else {
    if (scale == Scale::percent) out.value = raw * 100;
    std::string scaling = scale == Scale::million ? ",," : scale == Scale::thousand ? "," : "";
    shift = scale == Scale::million ? -6 : scale == Scale::thousand ? -3 : 0;
    out.format = digits + scaling + format_literal(suffix);
  }
  // Excel puts a minus before the whole format ("-€ 26,33"); the report prints "€ -26,33": with a
  // prefix, a second section for negatives places the minus after it.
  out.format = prefix.empty() ? out.format : format_literal(prefix) + out.format + ";" + format_literal(prefix + "-") + out.format;
  if (excel_shows(out.value, shift, decimals) != n.text) {
    // Write the printed value itself (exactly as the decimal it stands for).
    double shown = round_half_up(raw * n.format.factor(), decimals);
    auto units = static_cast<unsigned long long>(std::llround(std::fabs(shown) * std::pow(10.0, decimals)));
    std::string dec = (units != 0 && shown < 0 ? "-" : "") + std::to_string(units) + "e" + std::to_string(-decimals - shift);
    double v = 0;
    std::from_chars(dec.data(), dec.data() + dec.size(), v);
    out.value = v;
  }
  return out;
}

namespace {

// ---- the workbook ------------------------------------------------------------------------------

void check(lxw_error err, const std::string& what) {
  if (err != LXW_NO_ERROR) throw std::runtime_error("tables.xlsx: " + what + ": " + xlsxwriter().lxw_strerror(err));
}

// Days since 1970-01-01 of a civil date (proleptic Gregorian), without the C library's time zone.
long long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long long>(era) * 146097 + doe - 719468;
}

// The fixed creation time: 1 January (UTC) of the year the peildatum starts with, else 2000.
std::time_t creation_time(const std::string& peildatum) {
  int year = 2000;
  if (peildatum.size() >= 4 && std::all_of(peildatum.begin(), peildatum.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
    int y = std::stoi(peildatum.substr(0, 4));
    if (y >= 1980 && y <= 9999) year = y;
  }
  return static_cast<std::time_t>(days_from_civil(year, 1, 1) * 86400);
}

std::size_t display_width(const std::string& text) {
  std::size_t best = 0, cur = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (utf8::next(text, i) == U'\n') best = std::max(best, cur), cur = 0; else ++cur;
  }
  return std::max(best, cur);
}

class Workbook {
 public:
  Workbook(const Document& doc, const std::string& file) : doc_(doc), wb_(xlsxwriter().workbook_new(file.c_str())) {
    if (!wb_) throw std::runtime_error("tables.xlsx: cannot start a workbook (out of memory?)");
    properties_.title = const_cast<char*>(doc.title.c_str());
    properties_.subject = const_cast<char*>(doc.scenario.c_str());
    properties_.comments = const_cast<char*>("Tabellen opnieuw berekend met zorgcap");
    properties_.created = creation_time(doc.peildatum);
    check(xlsxwriter().workbook_set_properties(wb_, &properties_), "document properties");

    text_ = add([](lxw_format* f) { xlsxwriter().format_set_text_wrap(f); xlsxwriter().format_set_align(f, LXW_ALIGN_VERTICAL_TOP); });
    header_ = add([](lxw_format* f) {
      xlsxwriter().format_set_bold(f);
      xlsxwriter().format_set_text_wrap(f);
      xlsxwriter().format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      xlsxwriter().format_set_bottom(f, LXW_BORDER_THIN);
    });
    caption_ = add([](lxw_format* f) { xlsxwriter().format_set_bold(f); });
    note_ = add([](lxw_format* f) {
      xlsxwriter().format_set_italic(f);
      xlsxwriter().format_set_text_wrap(f);
      xlsxwriter().format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    });
    link_ = add([](lxw_format* f) {
      xlsxwriter().format_set_text_wrap(f);
      xlsxwriter().format_set_underline(f, LXW_UNDERLINE_SINGLE);
      xlsxwriter().format_set_font_color(f, 0x0563C1);
      xlsxwriter().format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    });
  }
  ~Workbook() {
    if (wb_) xlsxwriter().workbook_close(wb_);  // only after a failure: close() below releases it otherwise
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  void close() {
    lxw_workbook* wb = wb_;
    wb_ = nullptr;
    check(xlsxwriter().workbook_close(wb), "writing the file");
  }

  // A table's sheet. A column that holds ranges (or other cells of several numbers) takes one
  // sheet column per number, under an extra header row naming "min" and "max"; its other cells
  // are merged over those columns. Each number is its own numeric cell.
  void table(const BuiltTable& t) {
    std::string name = "Tabel " + std::to_string(t.number);
    lxw_worksheet* ws = xlsxwriter().workbook_add_worksheet(wb_, name.c_str());
    if (!ws) throw std::runtime_error("tables.xlsx: cannot add sheet " + name);
    page_setup(ws, t.landscape);
    const std::size_t columns = static_cast<std::size_t>(std::max(t.columns, 1));

    // The numbers of each body cell, and how many sheet columns each table column takes.
    std::map<const BuiltCell*, std::vector<XlsxPart>> parts;
    std::vector<std::size_t> width_of(columns, 1);
    for (const auto& row : t.body)
      for (const BuiltCell& c : row) {
        std::vector<XlsxPart> p = xlsx_parts(c);
        if (p.empty()) continue;
        if (c.colspan == 1 && static_cast<std::size_t>(c.col) < columns)
          width_of[static_cast<std::size_t>(c.col)] = std::max(width_of[static_cast<std::size_t>(c.col)], p.size());
        parts.emplace(&c, std::move(p));
      }
    std::vector<lxw_col_t> first_col(columns + 1, 0);
    for (std::size_t c = 0; c < columns; ++c) first_col[c + 1] = first_col[c] + static_cast<lxw_col_t>(width_of[c]);
    const bool split = first_col[columns] > static_cast<lxw_col_t>(columns);
    auto sheet_span = [&](const BuiltCell& c) {
      std::size_t from = std::min<std::size_t>(static_cast<std::size_t>(c.col), columns);
      std::size_t to = std::min<std::size_t>(from + static_cast<std::size_t>(c.colspan), columns);
      return std::pair<lxw_col_t, lxw_col_t>(first_col[from], first_col[to] - 1);
    };

    // Column widths: by the longest line of each cell (or part) that fills one sheet column.
    std::vector<std::size_t> widths(first_col[columns], 8);
    auto widen = [&](lxw_col_t col, std::size_t w) { widths[col] = std::max(widths[col], std::min<std::size_t>(w + 2, 60)); };
    for (const auto* section : {&t.header, &t.body})
      for (const auto& row : *section)
        for (const BuiltCell& c : row) {
          auto [from, to] = sheet_span(c);
          auto p = parts.find(&c);
          if (p != parts.end() && p->second.size() > 1) {
            for (std::size_t i = 0; i < p->second.size() && from + i <= to; ++i) {
              const BuiltRun& r = *p->second[i].run;
              widen(from + static_cast<lxw_col_t>(i), display_width(r.text) + 10);  // with its unit
            }
          } else if (from == to) {
            widen(from, display_width(c.text));
          }
        }
    for (std::size_t c = 0; c < widths.size(); ++c)
      check(xlsxwriter().worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), static_cast<double>(widths[c]), nullptr),
            name + " column width");
    // A wrapped row's height: its tallest cell's lines at those widths (LibreOffice draws rows
    // without one over each other).
    std::map<lxw_row_t, std::size_t> lines;
    auto need_lines = [&](lxw_row_t r, const std::string& text, lxw_col_t from, lxw_col_t to) {
      std::size_t w = 0;
      for (lxw_col_t c = from; c <= to; ++c) w += widths[c];
      w = std::max<std::size_t>(w, 4) - 2;
      std::size_t n = 0, cur = 0;
      for (std::size_t i = 0; i <= text.size();) {
        if (i == text.size() || utf8::next(text, i) == U'\n') {
          n += std::max<std::size_t>(1, (cur + w - 1) / w);
          cur = 0;
          if (i == text.size()) break;
        } else {
          ++cur;
        }
      }
      lines[r] = std::max(lines[r], n);
    };

    context_ = name + ", caption";
    string(ws, 0, 0, t.caption, caption_);
    lxw_row_t row = 1;
    for (const auto& slots : t.header_grid) {
      for (const GridSlot& slot : slots) {
        if (slot.kind != GridSlot::Kind::content) continue;
        const BuiltCell& c = cell_at(t.header, slot);
        auto [from, to] = sheet_span(c);
        lxw_row_t r = 1 + static_cast<lxw_row_t>(c.row);
        lxw_row_t last = r + static_cast<lxw_row_t>(c.rowspan - 1);
        if (split && last == static_cast<lxw_row_t>(t.header.size()) && to - from + 1 == static_cast<lxw_col_t>(c.colspan))
          ++last;  // no split column under it: it reaches down over the "min"/"max" row
        text_cell(ws, r, last, from, to, c, header_);
        if (c.rowspan == 1) need_lines(r, c.text, from, to);
      }
      ++row;
    }
    if (split) {
      // Under each split column, the bound of its numbers ("min", "max") where they all agree.
      for (std::size_t c = 0; c < columns; ++c) {
        if (width_of[c] == 1) continue;
        for (std::size_t i = 0; i < width_of[c]; ++i) {
          std::set<Bound> bounds;
          for (const auto& [cell, p] : parts)
            if (static_cast<std::size_t>(cell->col) == c && cell->colspan == 1 && i < p.size()) bounds.insert(p[i].run->number.bound);
          std::string label = bounds.size() == 1 && *bounds.begin() != Bound::single ? std::string(bound_name(*bounds.begin())) : "";
          context_ = name + ", header";
          string(ws, row, first_col[c] + static_cast<lxw_col_t>(i), label, header_);
        }
      }
      ++row;
    }
    const lxw_row_t body = row;
    std::vector<const BuiltNumber*> deviating;
    for (const auto& slots : t.body_grid) {
      for (const GridSlot& slot : slots) {
        if (slot.kind != GridSlot::Kind::content) continue;
        const BuiltCell& c = cell_at(t.body, slot);
        auto [from, to] = sheet_span(c);
        lxw_row_t r = body + static_cast<lxw_row_t>(c.row), last = r + static_cast<lxw_row_t>(c.rowspan - 1);
        context_ = name + ", cell " + c.id;
        for (const BuiltRun& run : c.runs)
          if (run.is_number && run.number.deviates()) deviating.push_back(&run.number);
        auto p = parts.find(&c);
        if (p == parts.end()) {
          text_cell(ws, r, last, from, to, c, text_);
          if (c.rowspan == 1) need_lines(r, c.text, from, to);
          continue;
        }
        const std::vector<XlsxPart>& nums = p->second;
        for (std::size_t i = 0; i < nums.size(); ++i) {
          lxw_col_t col = std::min<lxw_col_t>(from + static_cast<lxw_col_t>(i), to);
          lxw_col_t end = i + 1 == nums.size() ? to : col;  // the last part fills the rest
          number_cell(ws, r, last, col, end, nums[i]);
        }
      }
      ++row;
    }
    // Under the table: its notes, the report's footnotes of its cells (with their addresses as
    // links), and a note per deviating number; each wrapped over the table's width.
    const lxw_col_t last_col = first_col[columns] - 1;
    auto note = [&](const std::string& text, bool is_url) {
      merge(ws, row, row, 0, last_col, is_url ? link_ : note_);
      if (is_url) url(ws, row, 0, text); else string(ws, row, 0, text, note_);
      need_lines(row++, text, 0, last_col);
    };
    if (!t.notes.empty()) ++row;
    context_ = name + ", notes";
    for (const std::string& n : t.notes) note(n, false);
    for (const auto* section : {&t.header, &t.body})
      for (const auto& cells : *section)
        for (const BuiltCell& c : cells)
          for (const CellFootnote& f : c.footnotes) {
            context_ = name + ", footnote " + std::to_string(f.number);
            note(superscript(f.number) + " " + f.text, false);
            if (!f.url.empty()) note(f.url, true);
          }
    for (const BuiltNumber* n : deviating) {
      context_ = name + ", quantity " + n->key;
      note(std::string(kDeviationSign) + " " + n->text + " (" + n->key + "): " + deviation_note(*n), false);
    }
    for (const auto& [r, n] : lines)
      if (n > 1) check(xlsxwriter().worksheet_set_row(ws, r, 15.0 * static_cast<double>(n), nullptr), name + " row height");

    if (body > 1) {
      xlsxwriter().worksheet_freeze_panes(ws, body, 0);
      check(xlsxwriter().worksheet_repeat_rows(ws, 1, body - 1), name + " print titles");
    }
      }

  void provenance() {
    lxw_worksheet* ws = sheet("Herkomst");
    const char* head[] = {"Nr", "Sleutel", "Omschrijving", "Waarde", "Min (onafgerond)", "Max (onafgerond)",
                          "Soort", "Berekening of bron", "Uit regels", "URL"};
    for (lxw_col_t c = 0; c < 10; ++c) string(ws, 0, c, head[c], header_);
    std::map<std::string, lxw_row_t> source_rows;  // by source id
    for (std::size_t i = 0; i < doc_.sources.size(); ++i) source_rows[doc_.sources[i].id] = static_cast<lxw_row_t>(i + 1);
    for (const ProvenanceEntry& e : doc_.provenance) {
      auto r = static_cast<lxw_row_t>(e.mark);  // entry n on row n + 1 (Excel numbering)
      context_ = "Herkomst, quantity " + e.key;
      number(ws, r, 0, e.mark, text_);
      string(ws, r, 1, e.key, text_);
      string(ws, r, 2, e.label, text_);
      string(ws, r, 3, e.value_text, text_);
      number(ws, r, 4, e.min, text_);
      number(ws, r, 5, e.max, text_);
      if (e.source) {
        string(ws, r, 6, "invoer", text_);
        std::string text = e.source->label + (e.note.empty() ? "" : " (" + e.note + ")");
        auto s = source_rows.find(e.source->id);
        if (s != source_rows.end())
          link(ws, r, 7, "internal:Bronnen!A" + std::to_string(s->second + 1), text, "", link_);
        else
          string(ws, r, 7, text, text_);
        if (!e.source->url.empty()) url(ws, r, 9, e.source->url);
      } else {
        string(ws, r, 6, "berekening", text_);
        string(ws, r, 7, e.formula_text, text_);
        std::string ops;
        for (int m : e.operand_marks) ops += (ops.empty() ? "" : ", ") + std::to_string(m);
        string(ws, r, 8, ops, text_);
      }
    }
    const double widths[] = {6, 36, 50, 28, 16, 16, 11, 70, 12, 40};
    for (lxw_col_t c = 0; c < 10; ++c) check(xlsxwriter().worksheet_set_column(ws, c, c, widths[c], nullptr), "Herkomst column width");
    xlsxwriter().worksheet_freeze_panes(ws, 1, 0);
    check(xlsxwriter().worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(doc_.provenance.size()), 9), "Herkomst autofilter");
  }

  void sources() {
    lxw_worksheet* ws = sheet("Bronnen");
    const char* head[] = {"Id", "Bron", "Referentie", "URL", "Voetnoot"};
    for (lxw_col_t c = 0; c < 5; ++c) string(ws, 0, c, head[c], header_);
    lxw_row_t r = 1;
    for (const Source& s : doc_.sources) {
      context_ = "Bronnen, source " + s.id;
      string(ws, r, 0, s.id, text_);
      string(ws, r, 1, s.label, text_);
      string(ws, r, 2, s.reference, text_);
      if (!s.url.empty()) url(ws, r, 3, s.url);
      std::string notes;
      for (int n : s.footnotes) notes += (notes.empty() ? "" : ", ") + std::to_string(n);
      string(ws, r, 4, notes, text_);
      ++r;
    }
    const double widths[] = {22, 36, 80, 40, 10};
    for (lxw_col_t c = 0; c < 5; ++c) check(xlsxwriter().worksheet_set_column(ws, c, c, widths[c], nullptr), "Bronnen column width");
    xlsxwriter().worksheet_freeze_panes(ws, 1, 0);
    check(xlsxwriter().worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(doc_.sources.size()), 4), "Bronnen autofilter");
  }

 private:
  template <class Setup>
  lxw_format* add(Setup setup) {
    lxw_format* f = xlsxwriter().workbook_add_format(wb_);
    if (!f) throw std::runtime_error("tables.xlsx: cannot add a cell format");
    setup(f);
    return f;
  }

  lxw_format* number_format(const std::string& code, bool deviates) {
    std::string id = code + (deviates ? "|afwijking" : "");
    auto it = number_formats_.find(id);
    if (it != number_formats_.end()) return it->second;
    lxw_format* f = add([&](lxw_format* fmt) {
      xlsxwriter().format_set_num_format(fmt, code.c_str());
      xlsxwriter().format_set_underline(fmt, LXW_UNDERLINE_SINGLE);
      xlsxwriter().format_set_font_color(fmt, 0x0563C1);
      xlsxwriter().format_set_align(fmt, LXW_ALIGN_VERTICAL_TOP);
      if (deviates) xlsxwriter().format_set_bg_color(fmt, kDeviationFill);
    });
    return number_formats_.emplace(id, f).first->second;
  }

  lxw_worksheet* sheet(const char* name) {
    lxw_worksheet* ws = xlsxwriter().workbook_add_worksheet(wb_, name);
    if (!ws) throw std::runtime_error(std::string("tables.xlsx: cannot add sheet ") + name);
    page_setup(ws, true);
    return ws;
  }

  // Strings are always written as strings: never evaluated, whatever their first character.
  void string(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& text, lxw_format* f) {
    std::string clean = clean_text(text);
    check(xlsxwriter().worksheet_write_string(ws, r, c, clean.c_str(), f), context_ + " cell text");
  }
  static void number(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, double v, lxw_format* f) {
    check(xlsxwriter().worksheet_write_number(ws, r, c, v, f), "cell number");
  }
  void link(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& target, const std::string& text,
            const std::string& tip, lxw_format* f) {
    std::string clean = clean_text(text), clean_tip = clean_text(tip);
    check(xlsxwriter().worksheet_write_url_opt(ws, r, c, target.c_str(), f, clean.c_str(), clean_tip.empty() ? nullptr : clean_tip.c_str()),
          context_ + " hyperlink " + target);
  }
  void url(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& u) {
    // Only http, https and mailto addresses become links, and only those Excel accepts (length);
    // anything else stays text.
    std::string clean = clean_text(u);
    bool web = is_link_url(clean) && clean.size() <= 2079 && clean == u;
    if (!web || xlsxwriter().worksheet_write_url_opt(ws, r, c, clean.c_str(), link_, clean.c_str(), nullptr) != LXW_NO_ERROR)
      string(ws, r, c, clean, text_);
  }

  static void page_setup(lxw_worksheet* ws, bool landscape) {
    xlsxwriter().worksheet_set_paper(ws, 9);  // A4
    if (landscape) xlsxwriter().worksheet_set_landscape(ws);
    xlsxwriter().worksheet_fit_to_pages(ws, 1, 0);  // as wide as one page, as many pages long as it takes
  }

  // A cell's text with the report's footnote markers as superscript digits.
  static std::string marked_text(const BuiltCell& c) {
    if (c.footnotes.empty()) return c.text;
    std::string out;
    for (const CellPiece& p : cell_pieces(c)) out += p.footnote ? superscript(p.footnote->number) : p.text;
    return out;
  }
  static std::string superscript(int n) {
    static const char* const digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    std::string out;
    for (char d : std::to_string(n)) out += digits[d - '0'];
    return out;
  }

  // The Herkomst target and tooltip of a cell's numbers: its first number's row, all listed.
  static void herkomst(const BuiltCell& cell, std::string& target, std::string& tip) {
    for (const BuiltRun& run : cell.runs) {
      if (!run.is_number) continue;
      std::string entry = "[" + std::to_string(run.number.mark) + "] " + run.number.key;
      if (target.empty()) target = "internal:Herkomst!A" + std::to_string(run.number.mark + 1);
      if (tip.find(entry) == std::string::npos) tip += (tip.empty() ? "Herkomst: " : "; ") + entry;
    }
    if (tip.size() > 255) tip = tip.substr(0, 252) + "...";  // Excel's limit for a tooltip
  }

  void merge(lxw_worksheet* ws, lxw_row_t r, lxw_row_t last, lxw_col_t from, lxw_col_t to, lxw_format* f) {
    if (last > r || to > from) check(xlsxwriter().worksheet_merge_range(ws, r, from, last, to, "", f), context_ + " merged cell");
  }

  // A text cell (never evaluated); with numbers in it, a link to their Herkomst row, and a comment
  // for each that deviates from the report.
  void text_cell(lxw_worksheet* ws, lxw_row_t r, lxw_row_t last, lxw_col_t from, lxw_col_t to, const BuiltCell& c,
                 lxw_format* f) {
    merge(ws, r, last, from, to, f);
    std::string target, tip;
    herkomst(c, target, tip);
    const std::string text = marked_text(c);
    if (target.empty())
      string(ws, r, from, text, f);
    else
      link(ws, r, from, target, text, tip, f);
    std::string notes;
    for (const BuiltRun& run : c.runs)
      if (run.is_number && run.number.deviates()) notes += (notes.empty() ? "" : "\n") + deviation_note(run.number);
    if (!notes.empty()) comment(ws, r, from, notes);
  }

  // One number of a cell: numeric, in its printed format, linked to its Herkomst row; a deviating
  // one on a distinct fill with a comment saying how it differs.
  void number_cell(lxw_worksheet* ws, lxw_row_t r, lxw_row_t last, lxw_col_t from, lxw_col_t to, const XlsxPart& part) {
    const BuiltNumber& n = part.run->number;
    lxw_format* f = number_format(part.number.format, n.deviates());
    merge(ws, r, last, from, to, f);
    std::string target = "internal:Herkomst!A" + std::to_string(n.mark + 1);
    std::string tip = "Herkomst: [" + std::to_string(n.mark) + "] " + n.key;
    if (tip.size() > 255) tip = tip.substr(0, 252) + "...";
    link(ws, r, from, target, n.text, tip, f);
    number(ws, r, from, part.number.value, f);  // over the link's text: the link stays
    if (n.deviates()) comment(ws, r, from, deviation_note(n));
  }

  void comment(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& text) {
    std::string clean = clean_text(text);
    lxw_comment_options o{};
    o.author = const_cast<char*>("zorgcap");
    o.width = 360;
    o.height = 120;
    check(xlsxwriter().worksheet_write_comment_opt(ws, r, c, clean.c_str(), &o), context_ + " comment");
  }

  // Text as XML 1.0 and Excel allow it: characters XML forbids (controls other than tab and line
  // breaks, U+FFFE, U+FFFF, lone surrogates) dropped, and at most 32,767 characters (UTF-16 units,
  // as Excel counts), each with a warning on stderr naming where.
  std::string clean_text(const std::string& text) const {
    std::string out;
    out.reserve(text.size());
    std::size_t dropped = 0, units = 0;
    bool cut = false;
    for (std::size_t i = 0; i < text.size();) {
      std::size_t start = i;
      char32_t cp = utf8::next(text, i);
      bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
                     (cp >= 0x10000 && cp <= 0x10FFFF);
      if (!allowed) {
        ++dropped;
        continue;
      }
      std::size_t u = cp > 0xFFFF ? 2 : 1;
      if (units + u > kMaxText) {
        cut = true;
        break;
      }
      units += u;
      out.append(text, start, i - start);
    }
    if (dropped)
      std::cerr << "zorgcap: warning: tables.xlsx: " << context_ << ": dropped " << dropped
                << " character(s) that XML 1.0 does not allow\n";
    if (cut)
      std::cerr << "zorgcap: warning: tables.xlsx: " << context_ << ": text truncated to " << kMaxText
                << " characters (Excel's limit for a cell)\n";
    return out;
  }
  static constexpr std::size_t kMaxText = 32767;

  const Document& doc_;
  lxw_workbook* wb_;
  lxw_doc_properties properties_{};
  lxw_format *text_, *header_, *caption_, *note_, *link_;
  std::string context_;  // where the text being written belongs, for warnings: "Tabel 6, cell t6/r1/c1"
  std::map<std::string, lxw_format*> number_formats_;
};

}  // namespace

void write_xlsx(const Document& doc, const std::string& path) {
  // libxlsxwriter writes a file by name; it goes to a scratch file beside the target (ending in
  // zorgcap's temporary suffix, so a killed run's leftover is cleared), then replaces the target
  // atomically.
  std::string scratch = path + ".part" + std::string(kTempSuffix);
  try {
    {
      Workbook wb(doc, scratch);
      for (const BuiltTable& t : doc.tables) wb.table(t);
      wb.provenance();
      wb.sources();
      wb.close();
    }
    std::ifstream in(scratch, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) throw std::runtime_error("tables.xlsx: cannot read back " + scratch);
    write_file_atomic(path, bytes.str());
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(scratch, ignored);
    throw;
  }
  std::error_code ignored;
  std::filesystem::remove(scratch, ignored);
}

}  // namespace zorgcap
