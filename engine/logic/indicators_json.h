// indicators_to_json: the machine-readable form of a month's indicators
// (spec/monitoring.md, "Machine-readable form"): one JSON object, one key per
// line in the order of the set, each code → number, "<T" (primary
// suppression), or null (secondary suppression, withheld or undefined).
#pragma once

#include <string>

#include "logic/indicator_set.h"

namespace casus {

// Percentages print with one decimal ("83.3", "100.0"); counts as integers.
std::string indicators_to_json(const IndicatorSet& set);

// One value as it appears in JSON: 12, 83.3, "<5", null.
std::string indicator_json_value(const IndicatorValue& value, int threshold);

}  // namespace casus
