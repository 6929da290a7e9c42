#pragma once
// Options of the writers that show a number's marks (report.pdf; the Word writer is to follow), set
// once by the report command (--marks) and passed down to each; and whether report.pdf may use a
// thread of its own.

namespace zorgcap {

enum class Marks {
  herkomst,  // each number carries its provenance mark (and a deviation mark where it differs from the report)
  none,      // no visible marks: a clean appendix; each number is still a link to its provenance entry
};

struct WriterOptions {
  Marks marks = Marks::herkomst;
  // report.pdf may compress its pages on a thread of its own (set by the report command for a
  // scenario with a core to spare); the bytes are the same either way.
  bool spare_thread = false;
};

}  // namespace zorgcap
