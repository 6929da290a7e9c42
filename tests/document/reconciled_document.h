// The baseline Document with the appendix "Verantwoording" added, as `zorgcap report` builds it for
// the report's own inputs: every table number knows how it compares with the printed report.
#pragma once
#include <stdexcept>

#include "document/build.h"
#include "document/reconciliation_build.h"
#include "inputs/published.h"
#include "model/reconcile.h"
#include "test_support.h"

namespace zorgcap::test {

inline const Document& reconciled_baseline_document() {
  static const Document doc = [] {
    Diagnostics diags;
    SourceTexts texts;
    auto t = load_table_templates(source_dir() + "/templates/tables", diags, texts);
    auto published = load_published(inputs_dir() + "/published.yaml", diags, texts);
    auto errata = load_errata(inputs_dir() + "/errata.yaml", diags, texts);
    if (!t || !published || !errata || !check_bindings(*t, baseline_results(), diags))
      throw std::runtime_error(diags.format(texts));
    Document d = build_document(*t, baseline_results(), baseline_inputs(), std::string(64, 'a'));
    add_reconciliation(d, reconcile(baseline_results(), *published), *errata);
    return d;
  }();
  return doc;
}

inline const ProvenanceEntry& provenance_of(const Document& doc, const std::string& key) {
  for (const ProvenanceEntry& e : doc.provenance)
    if (e.key == key) return e;
  throw std::runtime_error("no provenance entry " + key);
}

}  // namespace zorgcap::test
