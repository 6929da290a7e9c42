#include "core/link_url.h"
#include "core/utf8.h"
#include "writers/pdf_layout.h"

#include <algorithm>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

#include "document/wording.h"
#include "writers/pdf_appendix_tables.h"
#include "writers/pdf_chart_layout.h"
#include "writers/pdf_page_flow.h"
#include "writers/pdf_table_layout.h"

namespace zorgcap::pdf {

namespace {

// Validates text that goes into the layout, naming where it comes from.
void check_utf8(std::string_view text, const std::string& where) {
  if (utf8::valid(text)) return;
  try {
    decode_utf8(text);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error("PDF: " + where + ": " + e.what());
  }
}

class Composer : PageFlow {
 public:
  Composer(const Document& doc, const FontMetrics& metrics, const LayoutOptions& options, const PageSink& sink)
      : PageFlow(metrics, options), doc_(doc), sink_(sink) {}

  Layout run() {
    check_document();
    // With a second thread, the Verantwoording (the longest table) is measured there while the parts
    // before it are laid out; the future's destructor waits for it however the layout ends.
    std::future<std::unique_ptr<PreparedTable>> verantwoording;
    if (o_.second_thread && doc_.reconciliation_table)
      verantwoording = std::async(std::launch::async, [this] { return prepare_appendix(*doc_.reconciliation_table); });
    title_page();
    for (const ContentsNumber& c : contents_numbers_) held_.insert(c.page);
    for (const BuiltTable& t : doc_.tables) table(t);
    charts(doc_.case_charts, wording::kFigures, figures_anchor);
    appendix_part(doc_.uncertainty_table);
    charts(doc_.tornados, wording::kSensitivity, sensitivity_anchor);
    appendix_part(doc_.reconciliation_table, &verantwoording);
    appendix();
    sources();
    fill_contents_page_numbers();
    finish_pages(true);
    return std::move(layout_);
  }

 private:
  // --- the parts of the report

  void check_document() const {
    check_utf8(doc_.title, "the title");
    check_utf8(doc_.scenario, "the scenario name");
    check_utf8(doc_.peildatum, "the peildatum");
    check_utf8(doc_.inputs_digest, "the inputs digest");
    for (const BuiltTable& t : doc_.tables) {
      check_utf8(t.caption, table_anchor(t) + " caption");
      for (const auto* section : {&t.header, &t.body})
        for (const auto& row : *section)
          for (const BuiltCell& c : row) {
            check_utf8(c.text, table_anchor(t) + " cell " + c.id);
            for (const BuiltRun& r : c.runs) check_utf8(r.text, table_anchor(t) + " cell " + c.id);
          }
      for (const std::string& n : t.notes) check_utf8(n, table_anchor(t) + " note");
    }
    for (const ProvenanceEntry& e : doc_.provenance) {
      std::string where = "appendix entry " + std::to_string(e.mark) + " (" + e.key + ")";
      check_utf8(e.key, where);
      check_utf8(e.value_text, where);
      check_utf8(e.formula_text, where);
      check_utf8(e.label, where);
      check_utf8(e.note, where);
    }
    for (const Source& s : doc_.sources) check_utf8(s.label + s.reference + s.url, "source " + s.id);
    for (const ProvenanceEntry& e : doc_.provenance)
      if (e.source) check_utf8(e.source->label + e.source->url, "source " + e.source->id);
    for (const auto* charts : {&doc_.case_charts, &doc_.tornados})
      for (const Chart& c : *charts) {
        std::string where = "chart " + chart_anchor(c);
        check_utf8(c.id, "a chart id");
        for (const std::string* text : {&c.title, &c.group, &c.unit, &c.base_text, &c.note}) check_utf8(*text, where);
        for (const ChartBar& b : c.bars)
          for (const std::string* text : {&b.label, &b.detail, &b.from_text, &b.to_text})
            check_utf8(*text, where + " bar " + b.key);
      }
    for (const auto* part : {&doc_.uncertainty_table, &doc_.reconciliation_table}) {
      if (!*part) continue;
      const AppendixTable& t = **part;
      for (const std::string* text : {&t.heading, &t.intro, &t.summary}) check_utf8(*text, t.heading);
      for (const std::string& c : t.columns) check_utf8(c, t.heading + " column");
      for (std::size_t r = 0; r < t.rows.size(); ++r)
        for (const AppendixCell& c : t.rows[r].cells)
          for (const AppendixRun& run : c.runs) check_utf8(run.text, t.heading + " row " + std::to_string(r + 1));
    }
  }

  void title_page() {
    new_page(false);
    double w = content_width();
    std::vector<Para> block;
    block.push_back({lines(doc_.title.empty() ? std::string("Rapport") : doc_.title, Font::bold, t_.title, w), Font::bold,
                     t_.title, 0, 12});
    auto info = [&](const std::string& label, const std::string& value) {
      if (value.empty()) return;
      block.push_back({lines(label + ": " + value, Font::regular, t_.body, w), Font::regular, t_.body, 0, 2});
    };
    info(wording::kScenario, doc_.scenario);
    info("Peildatum", doc_.peildatum);
    info(wording::kInputsDigest, doc_.inputs_digest);
    place(block);
    down(20);
    if (!o_.table_of_contents) return;

    std::vector<Para> heading{{lines(std::string("Inhoud"), Font::bold, t_.heading, w), Font::bold, t_.heading, 0, 6}};
    place(heading);
    const double number_column = 36;
    auto entry = [&](const std::string& text, const std::string& target) {
      Para para{lines(text, Font::regular, t_.body, w - number_column), Font::regular, t_.body, 0, 3};
      auto [page_index, top] = place({para});
      double lh = line_height(Font::regular, t_.body);
      auto count = static_cast<double>(para.lines.size());
      Page& p = layout_.pages[page_index];
      p.links.push_back({Rect{left(), top - count * lh, left() + w, top}, target, 0, {}});
      contents_numbers_.push_back({page_index, p.texts.size(), target, left() + w});
      p.texts.push_back({"", Font::regular, t_.body, left() + w, top - ascent(Font::regular, t_.body) - (count - 1) * lh});
    };
    for (const BuiltTable& t : doc_.tables) entry(t.caption, table_anchor(t));
    if (!doc_.case_charts.empty()) entry(wording::kFigures, figures_anchor);
    if (doc_.uncertainty_table) entry(doc_.uncertainty_table->heading, doc_.uncertainty_table->anchor);
    if (!doc_.tornados.empty()) entry(wording::kSensitivity, sensitivity_anchor);
    if (doc_.reconciliation_table) entry(doc_.reconciliation_table->heading, doc_.reconciliation_table->anchor);
    entry(wording::kProvenance, appendix_anchor);
    entry(wording::kSources, sources_anchor);
  }

  // Landscape only for a table whose columns do not fit the width of a portrait page.
  bool needs_landscape(const BuiltTable& t, const MeasuredCells& cells) const {
    double portrait = g_.width - g_.margin_left - g_.margin_right;
    return !fits_width(t, cells, t_, portrait);
  }

  void table(const BuiltTable& t) {
    finish_pages();
    const MeasuredCells cells(t, metrics_, t_, cell_marks(o_));
    new_page_for_table_if_needed(needs_landscape(t, cells));
    TableFlow f = prepare_table(*this, t, t.caption, "Tabel " + std::to_string(t.number) + " (vervolg)", &cells);
    keep(f.first_height);
    anchor(table_anchor(t));
    std::string title = t.caption;
    std::replace(title.begin(), title.end(), '\n', ' ');
    layout_.bookmarks.push_back({title, table_anchor(t)});
    flow_table(*this, t, f);
  }

  void new_page_for_table_if_needed(bool landscape) {
    if (!in_tables_ || landscape != landscape_) {
      new_page(landscape);
      in_tables_ = true;
    }
  }

  // --- the analyses and the appendix "Verantwoording"

  // Starts a part of the report on a new page: its heading, with an anchor and a bookmark.
  void part(const std::string& title, const std::string& anchor_name, bool landscape = false) {
    finish_pages();
    new_page(landscape);
    anchor(anchor_name);
    layout_.bookmarks.push_back({title, anchor_name, 0});
    std::vector<Para> head{{lines(title, Font::bold, t_.heading, content_width()), Font::bold, t_.heading, 0, 6}};
    place(head);
  }

  Para paragraph(const std::string& text, Font f, double size, double space_after, double gray = 0) const {
    return Para{lines(text, f, size, content_width()), f, size, 0, space_after, gray};
  }

  void charts(const std::vector<Chart>& charts, const std::string& title, const std::string& anchor_name) {
    if (charts.empty()) return;
    part(title, anchor_name);
    // A note every chart of the part shares is said once, under the heading.
    bool shared = charts.size() > 1 && !charts.front().note.empty() &&
                  std::all_of(charts.begin(), charts.end(), [&](const Chart& c) { return c.note == charts.front().note; });
    if (shared) place({paragraph(charts.front().note, Font::regular, t_.body, 10)});
    for (const Chart& c : charts) {
      finish_pages();
      place_chart(*this, c, !shared);
    }
  }

  struct Intro {
    std::string text;
    Font font = Font::regular;
    double space_after = 0;
  };
  // An appendix table measured for its part's pages, which it starts (so, unlike the report's tables,
  // it does not depend on what comes before it): it may be measured on a thread of its own.
  struct PreparedTable {
    BuiltTable table;
    TableFlow flow;  // points into `table`
  };
  std::unique_ptr<PreparedTable> prepare_appendix(const AppendixTable& t) const {
    auto p = std::make_unique<PreparedTable>();
    p->table = appendix_built_table(t);
    PageFlow first(metrics_, o_);  // a page like the part's first
    first.new_page(t.landscape);
    p->flow = prepare_table(first, p->table, "", t.heading + " (vervolg)");
    return p;
  }

  // "Onzekerheid (Monte Carlo)" and "Verantwoording", as the Document gives them: a heading, an
  // introduction and a table; the introduction stays with the table's header and first rows.
  // `prepared`: the table, measured beforehand (else it is measured now).
  void appendix_part(const std::optional<AppendixTable>& t,
                     std::future<std::unique_ptr<PreparedTable>>* prepared = nullptr) {
    if (!t) return;
    std::vector<Intro> texts{{t->intro, Font::regular, t->summary.empty() ? 8.0 : 6.0}};
    if (!t->summary.empty()) texts.push_back({t->summary, Font::bold, 8});
    part(t->heading, t->anchor, t->landscape);
    std::unique_ptr<PreparedTable> p = prepared && prepared->valid() ? prepared->get() : prepare_appendix(*t);
    TableFlow& f = p->flow;
    for (const AppendixRow& r : t->rows) f.shaded.push_back(r.highlight);
    std::vector<std::string> others;
    if (doc_.reconciliation_table && &*t == &*doc_.reconciliation_table) verantwoording_anchors(*t, f.row_anchors, others);
    for (const std::string& a : others) anchor(a);
    std::vector<Para> intro;  // measured for this part's pages
    for (const Intro& i : texts) intro.push_back(paragraph(i.text, i.font, t_.body, i.space_after));
    keep(height(intro) + f.first_height);
    place(intro);
    flow_table(*this, p->table, f);
  }

  // The anchors of the Verantwoording entries that deviation marks link to: one per row of the
  // reconciliation (its rows are the table's, in order), and, for a deviating number without its
  // own row, one at the top of the part.
  void verantwoording_anchors(const AppendixTable& t, std::vector<std::string>& rows,
                              std::vector<std::string>& others) const {
    std::set<std::string> have;
    if (doc_.reconciliation && doc_.reconciliation->rows.size() == t.rows.size())
      for (const ReconciliationRow& r : doc_.reconciliation->rows) {
        PrintedComparison p;
        p.id = r.id;
        rows.push_back(deviation_anchor(p));
        have.insert(rows.back());
      }
    for (const BuiltTable& table : doc_.tables)
      for (const auto* section : {&table.header, &table.body})
        for (const auto& row : *section)
          for (const BuiltCell& c : row)
            for (const BuiltRun& r : c.runs)
              if (r.is_number && r.number.deviates() && have.insert(deviation_anchor(*r.number.printed)).second)
                others.push_back(deviation_anchor(*r.number.printed));
  }

  void appendix() {
    finish_pages();
    new_page(false);
    double w = content_width();
    anchor(appendix_anchor);
    layout_.bookmarks.push_back({wording::kProvenance, appendix_anchor});
    std::vector<Para> head{
        {lines(std::string(wording::kProvenance), Font::bold, t_.heading, w), Font::bold, t_.heading, 0, 6},
        {lines(std::string(o_.marks ? "Elk getal in de tabellen draagt een klein nummer. Onder dat nummer staat hier hoe "
                                      "het getal is verkregen: uit een bron, of berekend uit andere getallen (met hun "
                                      "nummers)."
                                    : "Elk getal in de tabellen is een link naar zijn nummer hier. Onder dat nummer "
                                      "staat hoe het getal is verkregen: uit een bron, of berekend uit andere getallen "
                                      "(met hun nummers)."),
               Font::regular, t_.body, w),
         Font::regular, t_.body, 0, 10}};
    place(head);

    const double indent = provenance_indent();
    for (const ProvenanceEntry& e : doc_.provenance) {
      finish_pages();
      auto [page_index, top] = place(provenance_block(e, w - indent, indent));
      Page& p = layout_.pages[page_index];
      p.anchors.push_back({mark_anchor(e.mark), top});
      p.texts.push_back({std::to_string(e.mark), Font::bold, t_.body, left(), top - ascent(Font::bold, t_.body)});
    }
  }

  // The Herkomst entries' text starts after the widest mark.
  double provenance_indent() const {
    int widest = 0;
    for (const ProvenanceEntry& e : doc_.provenance) widest = std::max(widest, e.mark);
    return metrics_.width(std::to_string(widest), Font::bold, t_.body) + 8;
  }
  // An entry of "Herkomst van de getallen", measured `tw` wide after `indent`: kept on one page.
  std::vector<Para> provenance_block(const ProvenanceEntry& e, double tw, double indent) const {
    std::string label = !e.label.empty() ? e.label : e.key;
    std::vector<Para> block;
    block.push_back({lines(label, Font::bold, t_.body, tw), Font::bold, t_.body, indent, 0});
    block.push_back({lines(e.key, Font::regular, t_.small, tw), Font::regular, t_.small, indent, 1});
    block.push_back({lines("Waarde: " + e.value_text, Font::regular, t_.body, tw), Font::regular, t_.body, indent, 0});
    if (!e.formula_text.empty())
      block.push_back({lines("Berekening: " + e.formula_text, Font::regular, t_.body, tw), Font::regular, t_.body, indent, 0});
    if (!e.operand_marks.empty()) {
      std::vector<Piece> text{Piece{"Berekend uit: ", 0, false, {}}};
      for (std::size_t i = 0; i < e.operand_marks.size(); ++i) {
        if (i > 0) text.push_back(Piece{", ", 0, false, {}});
        int m = e.operand_marks[i];
        text.push_back(Piece{std::to_string(m), m, false, {}});
      }
      block.push_back({lines(text, Font::regular, t_.body, tw), Font::regular, t_.body, indent, 0});
    }
    for (const FormulaLine& f : e.recompute)
      block.push_back({lines("Ingevuld: " + f.text, Font::regular, t_.body, tw), Font::regular, t_.body, indent, 0});
    for (const ProvenanceDeviation& d : e.deviations)
      block.push_back({lines("Afwijking: " + d.text, Font::regular, t_.body, tw), Font::regular, t_.body, indent, 0});
    if (e.source) {
      block.push_back({lines("Bron: " + e.source->label, Font::regular, t_.body, tw), Font::regular, t_.body, indent, 0});
      if (!e.source->url.empty())
        block.push_back({lines(url_pieces(e.source->url), Font::regular, t_.small, tw), Font::regular, t_.small, indent, 0});
    }
    if (!e.note.empty())
      block.push_back({lines("Toelichting: " + e.note, Font::regular, t_.body, tw), Font::regular, t_.body, indent, 0});
    block.back().space_after = 7;
    return block;
  }

  static std::vector<Piece> url_pieces(const std::string& url) {
    // A web address becomes a link only when it is plain printable ASCII without spaces.
    return {Piece{url, 0, false, is_link_url(url) ? url : std::string()}};
  }

  void sources() {
    finish_pages();
    new_page(false);
    double w = content_width();
    anchor(sources_anchor);
    layout_.bookmarks.push_back({wording::kSources, sources_anchor});
    std::vector<Para> head{{lines(std::string(wording::kSources), Font::bold, t_.heading, w), Font::bold, t_.heading, 0, 8}};
    place(head);
    for (const Source& s : doc_.sources) {
      finish_pages();
      std::vector<Para> block;
      block.push_back({lines(s.label.empty() ? s.id : s.label, Font::bold, t_.body, w), Font::bold, t_.body, 0, 0});
      if (!s.reference.empty())
        block.push_back({lines(s.reference, Font::regular, t_.body, w), Font::regular, t_.body, 0, 0});
      if (!s.url.empty())
        block.push_back({lines(url_pieces(s.url), Font::regular, t_.small, w), Font::regular, t_.small, 0, 0});
      block.back().space_after = 7;
      place(block);
    }
  }

  // Ends the pages nothing more is laid out on (with `all`: every page): each gets its footer and,
  // with a sink, is handed over and its boxes freed. Called only between the blocks of the report,
  // where every page but the current one is complete; the contents pages wait for `all`.
  void finish_pages(bool all = false) {
    if (layout_.pages.empty()) return;
    const std::size_t end = all ? layout_.pages.size() : layout_.pages.size() - 1;
    finished_.resize(layout_.pages.size(), false);
    for (std::size_t i = 0; i < end; ++i)
      if (!held_.count(i)) finish_page(i);
    if (all)
      for (std::size_t i : held_) finish_page(i);
  }

  void finish_page(std::size_t i) {
    if (finished_[i]) return;
    finished_[i] = true;
    Page& p = layout_.pages[i];
    std::string text = "pagina " + std::to_string(p.number);
    double x = (p.width - metrics_.width(text, Font::regular, t_.footer)) / 2;
    p.texts.push_back({text, Font::regular, t_.footer, x, g_.footer_baseline});
    if (!sink_) return;
    sink_(layout_, i, p);
    std::vector<TextBox>().swap(p.texts);
    std::vector<Fill>().swap(p.fills);
    std::vector<Rule>().swap(p.rules);
    std::vector<Link>().swap(p.links);
  }

  void fill_contents_page_numbers() {
    std::map<std::string, int> page_of;
    for (const Page& p : layout_.pages)
      for (const Anchor& a : p.anchors) page_of.emplace(a.name, p.number);
    for (const ContentsNumber& c : contents_numbers_) {
      TextBox& box = layout_.pages[c.page].texts[c.text];
      auto it = page_of.find(c.anchor);
      box.text = it == page_of.end() ? "" : std::to_string(it->second);
      box.x = c.right - metrics_.width(box.text, Font::regular, t_.body);
    }
  }

  struct ContentsNumber {
    std::size_t page;
    std::size_t text;
    std::string anchor;
    double right;
  };

  const Document& doc_;
  const PageSink& sink_;
  bool in_tables_ = false;
  std::vector<ContentsNumber> contents_numbers_;
  std::set<std::size_t> held_;   // the contents pages: finished last
  std::vector<bool> finished_;   // per page: footer added (and handed to the sink)
};

}  // namespace

Layout layout_document(const Document& doc, const FontMetrics& metrics, const LayoutOptions& options,
                       const PageSink& sink) {
  LayoutOptions o = options;
  o.deviation_links = doc.reconciliation_table.has_value();
  return Composer(doc, metrics, o, sink).run();
}

}  // namespace zorgcap::pdf
