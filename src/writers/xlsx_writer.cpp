#include "writers/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "core/link_url.h"
#include "core/utf8.h"
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

std::string format_literal(const std::string& literal) { return literal.empty() ? "" : "\"" + literal + "\""; }

}  // namespace

std::optional<XlsxNumber> xlsx_number(const BuiltCell& cell) {
  std::optional<UnitNumber> u = unit_number(cell);
  if (!u) return std::nullopt;
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
    out.format = format_literal(prefix) + digits + format_literal(suffix.substr(0, pct)) + "%" + format_literal(suffix.substr(pct + 1));
    shift = 2;
  } else {
    if (scale == Scale::percent) out.value = raw * 100;
    std::string scaling = scale == Scale::million ? ",," : scale == Scale::thousand ? "," : "";
    shift = scale == Scale::million ? -6 : scale == Scale::thousand ? -3 : 0;
    out.format = format_literal(prefix) + digits + scaling + format_literal(suffix);
  }
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
  if (err != LXW_NO_ERROR) throw std::runtime_error("tables.xlsx: " + what + ": " + lxw_strerror(err));
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
  Workbook(const Document& doc, const std::string& file) : doc_(doc), wb_(workbook_new(file.c_str())) {
    if (!wb_) throw std::runtime_error("tables.xlsx: cannot start a workbook (out of memory?)");
    properties_.title = const_cast<char*>(doc.title.c_str());
    properties_.subject = const_cast<char*>(doc.scenario.c_str());
    properties_.comments = const_cast<char*>("Tabellen opnieuw berekend met zorgcap");
    properties_.created = creation_time(doc.peildatum);
    check(workbook_set_properties(wb_, &properties_), "document properties");

    text_ = add([](lxw_format* f) { format_set_text_wrap(f); format_set_align(f, LXW_ALIGN_VERTICAL_TOP); });
    header_ = add([](lxw_format* f) {
      format_set_bold(f);
      format_set_text_wrap(f);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      format_set_bottom(f, LXW_BORDER_THIN);
    });
    caption_ = add([](lxw_format* f) { format_set_bold(f); });
    note_ = add([](lxw_format* f) { format_set_italic(f); });
    link_ = add([](lxw_format* f) {
      format_set_underline(f, LXW_UNDERLINE_SINGLE);
      format_set_font_color(f, 0x0563C1);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    });
  }
  ~Workbook() {
    if (wb_) workbook_close(wb_);  // only after a failure: close() below releases it otherwise
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  void close() {
    lxw_workbook* wb = wb_;
    wb_ = nullptr;
    check(workbook_close(wb), "writing the file");
  }

  void table(const BuiltTable& t) {
    std::string name = "Tabel " + std::to_string(t.number);
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (!ws) throw std::runtime_error("tables.xlsx: cannot add sheet " + name);
    worksheet_set_paper(ws, 9);  // A4
    if (t.landscape) worksheet_set_landscape(ws);
    std::vector<std::size_t> widths(static_cast<std::size_t>(std::max(t.columns, 1)), 8);

    string(ws, 0, 0, t.caption, caption_);
    lxw_row_t row = 1;
    // Each cell where its grid slot says it starts (a merged range covers the rest of its span).
    auto section = [&](const std::vector<std::vector<BuiltCell>>& rows, const Grid& grid, bool header) {
      lxw_row_t first = row;
      for (const auto& slots : grid) {
        for (const GridSlot& slot : slots) {
          if (slot.kind != GridSlot::Kind::content) continue;
          const BuiltCell& c = cell_at(rows, slot);
          cell(ws, first + static_cast<lxw_row_t>(c.row), static_cast<lxw_col_t>(c.col), c, header);
          if (c.colspan == 1 && static_cast<std::size_t>(c.col) < widths.size())
            widths[static_cast<std::size_t>(c.col)] = std::max(widths[static_cast<std::size_t>(c.col)], display_width(c.text) + 2);
        }
        ++row;
      }
    };
    section(t.header, t.header_grid, true);
    lxw_row_t body = row;
    section(t.body, t.body_grid, false);
    if (!t.notes.empty()) ++row;
    for (const std::string& n : t.notes) string(ws, row++, 0, n, note_);

    for (std::size_t c = 0; c < widths.size(); ++c)
      check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 static_cast<double>(std::min<std::size_t>(widths[c], 60)), nullptr),
            name + " column width");
    if (body > 1) {
      worksheet_freeze_panes(ws, body, 0);
      check(worksheet_repeat_rows(ws, 1, body - 1), name + " print titles");
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
    for (lxw_col_t c = 0; c < 10; ++c) check(worksheet_set_column(ws, c, c, widths[c], nullptr), "Herkomst column width");
    worksheet_freeze_panes(ws, 1, 0);
  }

  void sources() {
    lxw_worksheet* ws = sheet("Bronnen");
    const char* head[] = {"Id", "Bron", "Referentie", "URL", "Voetnoot"};
    for (lxw_col_t c = 0; c < 5; ++c) string(ws, 0, c, head[c], header_);
    lxw_row_t r = 1;
    for (const Source& s : doc_.sources) {
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
    for (lxw_col_t c = 0; c < 5; ++c) check(worksheet_set_column(ws, c, c, widths[c], nullptr), "Bronnen column width");
    worksheet_freeze_panes(ws, 1, 0);
  }

 private:
  template <class Setup>
  lxw_format* add(Setup setup) {
    lxw_format* f = workbook_add_format(wb_);
    if (!f) throw std::runtime_error("tables.xlsx: cannot add a cell format");
    setup(f);
    return f;
  }

  lxw_format* number_format(const std::string& code) {
    auto it = number_formats_.find(code);
    if (it != number_formats_.end()) return it->second;
    lxw_format* f = add([&](lxw_format* fmt) {
      format_set_num_format(fmt, code.c_str());
      format_set_underline(fmt, LXW_UNDERLINE_SINGLE);
      format_set_font_color(fmt, 0x0563C1);
      format_set_align(fmt, LXW_ALIGN_VERTICAL_TOP);
    });
    return number_formats_.emplace(code, f).first->second;
  }

  lxw_worksheet* sheet(const char* name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name);
    if (!ws) throw std::runtime_error(std::string("tables.xlsx: cannot add sheet ") + name);
    return ws;
  }

  // Strings are always written as strings: never evaluated, whatever their first character.
  static void string(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& text, lxw_format* f) {
    check(worksheet_write_string(ws, r, c, text.c_str(), f), "cell text");
  }
  static void number(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, double v, lxw_format* f) {
    check(worksheet_write_number(ws, r, c, v, f), "cell number");
  }
  static void link(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& target, const std::string& text,
                   const std::string& tip, lxw_format* f) {
    check(worksheet_write_url_opt(ws, r, c, target.c_str(), f, text.c_str(), tip.empty() ? nullptr : tip.c_str()),
          "hyperlink " + target);
  }
  void url(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& u) {
    // A web or mail address becomes a link when Excel accepts its length; anything else stays text.
    bool web = is_link_url(u) && u.size() <= 2079;
    if (!web || worksheet_write_url_opt(ws, r, c, u.c_str(), link_, u.c_str(), nullptr) != LXW_NO_ERROR)
      string(ws, r, c, u, text_);
  }

  void cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const BuiltCell& cell, bool header) {
    std::optional<XlsxNumber> num;
    if (!header) num = xlsx_number(cell);
    lxw_format* f = header ? header_ : num ? number_format(num->format) : text_;
    if (cell.rowspan > 1 || cell.colspan > 1)
      check(worksheet_merge_range(ws, r, c, r + static_cast<lxw_row_t>(cell.rowspan - 1),
                                  c + static_cast<lxw_col_t>(cell.colspan - 1), "", f),
            "merged cell " + cell.id);
    // A cell with numbers links to the "Herkomst" row of its first number; the tooltip lists all.
    std::string target, tip;
    for (const BuiltRun& run : cell.runs) {
      if (!run.is_number) continue;
      std::string entry = "[" + std::to_string(run.number.mark) + "] " + run.number.key;
      if (target.empty()) target = "internal:Herkomst!A" + std::to_string(run.number.mark + 1);
      if (tip.find(entry) == std::string::npos) tip += (tip.empty() ? "Herkomst: " : "; ") + entry;
    }
    if (tip.size() > 255) tip = tip.substr(0, 252) + "...";  // Excel's limit for a tooltip
    if (!target.empty()) link(ws, r, c, target, cell.text, tip, f);
    if (num)
      number(ws, r, c, num->value, f);  // over the link's text: the link stays
    else if (target.empty())
      string(ws, r, c, cell.text, f);
  }

  const Document& doc_;
  lxw_workbook* wb_;
  lxw_doc_properties properties_{};
  lxw_format *text_, *header_, *caption_, *note_, *link_;
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
