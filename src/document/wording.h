#pragma once
// The Dutch prose of the report's own parts (headings, introductions, labels) that more than one
// writer prints: written once here, so the outputs cannot drift apart.
#include <string>
#include <vector>

namespace zorgcap::wording {

inline constexpr const char* kRecomputed = "Tabellen opnieuw berekend met zorgcap uit het rekenmodel van het rapport.";
inline constexpr const char* kScenario = "Scenario";
inline constexpr const char* kPeildatumInvoer = "Peildatum invoer";
inline constexpr const char* kInputsDigest = "Invoer (sha256)";

inline constexpr const char* kFigures = "Figuren per casus";
inline constexpr const char* kUncertainty = "Onzekerheid (Monte Carlo)";
inline constexpr const char* kSensitivity = "Gevoeligheid van de uitkomsten";
inline constexpr const char* kReconciliation = "Verantwoording";
inline constexpr const char* kProvenance = "Herkomst van de getallen";
inline constexpr const char* kSources = "Bronnen";

// The introduction to "Herkomst van de getallen" in HTML and Markdown.
inline constexpr const char* kProvenanceIntro =
    "Elk getal in de tabellen verwijst naar zijn regel hieronder: de berekening met de regels waaruit ze volgt, "
    "of voor een invoergegeven de bron.";

// The mark after a table number that differs from the printed report (BuiltNumber::deviates()); it
// links to the number's row in "Verantwoording".
inline constexpr const char* kDeviationMark = "≠";
inline constexpr const char* kDeviationTitle = "Wijkt af van het rapport";

// The scenarios as a reader names them (a quantity's min and max).
inline constexpr const char* kMinScenario = "minimumscenario";
inline constexpr const char* kMaxScenario = "maximumscenario";
// Added to a range whose smaller value belongs to the maximum scenario.
inline constexpr const char* kSmallerInMax = "de kleinste waarde hoort bij het maximumscenario";

// The heading of the report's own footnotes under a table.
inline constexpr const char* kFootnotes = "Voetnoten uit het rapport";

// " (voetnoot 95, 97)": the report's footnotes that cite a source; "" for none.
std::string footnotes_suffix(const std::vector<int>& footnotes);

}  // namespace zorgcap::wording
