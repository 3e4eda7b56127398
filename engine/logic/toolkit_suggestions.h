// Toolkit suggestions for one case: every instrument whose indications fire
// on the case's latest assessment, life domains, recent events or risk group
// (and whose risk groups include the case's), with the reason naming each
// indication that fired. Never a begrenzen instrument without its legal
// basis; never an instrument already planned or running for the case.
// The case meeting chooses; this only suggests.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "logic/dataset_index.h"

namespace casus {

struct IndicationMatch {
  Indication indication;
  LocalizedText reason;  // "V3 Reisintentie …: score 2 (vanaf 1)"
};

struct Suggestion {
  const Instrument* instrument = nullptr;
  std::vector<IndicationMatch> matches;  // in the instrument's indication order
  LocalizedText reason;                  // the matches joined with "; "
};

// Events count for an event_kind indication when they occurred in the year
// up to `as_of` (as_of − 365 days < occurred_on ≤ as_of).
inline constexpr int kIndicationEventWindowDays = 365;

// Suggestions in toolkit order.
std::vector<Suggestion> suggest_instruments(const Config& config, const CaseHistory& history,
                                            const Date& as_of);

// The indication itself as printed in the handbook: "V3 ≥ 1", "aandeel
// Veiligheidsrisico ≥ 50%", "gebeurtenis uitreispoging", ...
LocalizedText describe_indication(const Config& config, const Indication& indication);

}  // namespace casus
