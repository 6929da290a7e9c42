#include "writers/cell_notes.h"

#include "core/utf8.h"

namespace zorgcap {

std::vector<CellPiece> cell_pieces(const BuiltCell& cell) {
  std::vector<CellPiece> out;
  std::size_t next = 0;  // the next footnote (they are in order of their position)
  std::size_t at = 0;    // code points of the cell text before the current position
  auto markers = [&](std::size_t upto) {
    for (; next < cell.footnotes.size() && cell.footnotes[next].at <= upto; ++next) {
      CellPiece m;
      m.footnote = &cell.footnotes[next];
      out.push_back(m);
    }
  };
  markers(0);
  for (const BuiltRun& r : cell.runs) {
    if (r.is_number) {
      out.push_back({r.text, &r, nullptr});
      at += utf8::count(r.text);
      markers(at);
      continue;
    }
    std::size_t start = 0;
    for (std::size_t i = 0; i < r.text.size();) {
      utf8::next(r.text, i);
      ++at;
      if (next < cell.footnotes.size() && cell.footnotes[next].at == at) {
        out.push_back({r.text.substr(start, i - start), &r, nullptr});
        start = i;
        markers(at);
      }
    }
    if (start < r.text.size()) out.push_back({r.text.substr(start), &r, nullptr});
  }
  markers(static_cast<std::size_t>(-1));
  return out;
}

std::string deviation_note(const BuiltNumber& n) { return n.deviates() ? n.printed->note : ""; }

}  // namespace zorgcap
