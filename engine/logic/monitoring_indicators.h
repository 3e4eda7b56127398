// The monitoring indicators of spec/monitoring.md for one reporting month,
// and the 12-month trend. Pure functions over a Dataset (through a
// DatasetIndex) and the Config; no disclosure control here (disclosure.h).
#pragma once

#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "logic/dataset_index.h"
#include "logic/indicator_set.h"

namespace casus {

// Every code of indicator_codes(config), zeros included.
IndicatorSet compute_indicators(const DatasetIndex& index, const Config& config, YearMonth month);
IndicatorSet compute_indicators(const Dataset& dataset, const Config& config, YearMonth month);

// One IndicatorSet per month for the config's trend length (12 by default)
// ending with `month`, oldest first; each holds the trend_codes() only.
std::vector<IndicatorSet> compute_trend(const DatasetIndex& index, const Config& config,
                                        YearMonth month);

}  // namespace casus
