// Every number the report prints (inputs/published.yaml, copied from the report's printed values)
// against zorgcap's computed value, rounded half-up to the printed decimals.
#include <gtest/gtest.h>

#include <iostream>

#include "inputs/published.h"
#include "model/reconcile.h"
#include "test_support.h"

namespace zorgcap {
namespace {

const std::vector<PublishedNumber>& published() {
  static const std::vector<PublishedNumber> p = [] {
    Diagnostics diags;
    SourceTexts texts;
    auto loaded = load_published(test::inputs_dir() + "/published.yaml", diags, texts);
    if (!loaded) throw std::runtime_error(diags.format(texts));
    return *loaded;
  }();
  return p;
}

TEST(Golden, EveryPrintedNumberIsReproducedOrADocumentedErratum) {
  Reconciliation r = reconcile(test::baseline_results(), published());
  std::cout << "printed numbers reproduced: " << r.reproduced << "/" << published().size() << "\n"
            << "documented errata (zorgcap gives the consistent value): " << r.errata << "\n"
            << "unexplained deviations: " << r.deviations << "\n"
            << "entries not yet mapped to a quantity: " << r.unmapped << "\n";
  for (const Reconciled& row : r.rows) {
    if (row.agreement == Agreement::deviation)
      ADD_FAILURE() << row.number->id << ": printed " << row.number->printed
                    << (row.number->expected ? " (expected " + std::to_string(*row.number->expected) + ")" : "")
                    << ", zorgcap " << row.computed << " → " << row.computed_rounded << " (" << row.number->quantity
                    << (row.number->bound.empty() ? "" : "@" + row.number->bound) << ")";
  }
  EXPECT_EQ(published().size(), 540u);
  EXPECT_EQ(r.unmapped, 0);
  EXPECT_EQ(r.deviations, 0);
  EXPECT_GE(r.reproduced, 448);
}

TEST(Golden, EveryErratumEntryGetsItsExpectedValue) {
  Reconciliation r = reconcile(test::baseline_results(), published());
  int with_erratum = 0;
  for (const Reconciled& row : r.rows) {
    if (row.number->erratum.empty()) continue;
    ++with_erratum;
    EXPECT_EQ(row.agreement, Agreement::erratum) << row.number->id;
  }
  EXPECT_EQ(with_erratum, 92);
  EXPECT_EQ(r.errata, 92);
}

TEST(Golden, ADeviationIsDetected) {
  // The check must be able to fail: a published number changed by one unit is a deviation.
  std::vector<PublishedNumber> changed = published();
  PublishedNumber& p = changed.front();
  p.value += 1;
  Reconciliation r = reconcile(test::baseline_results(), changed);
  EXPECT_EQ(r.rows.front().agreement, Agreement::deviation);
  EXPECT_EQ(r.deviations, 1);
}

}  // namespace
}  // namespace zorgcap
