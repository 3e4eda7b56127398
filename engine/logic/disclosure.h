// Disclosure control for aggregate outputs (spec/monitoring.md, "Audiences
// and disclosure control"): primary suppression of counts 0 < c < T,
// secondary suppression within every group of cells that adds up to a
// published total (exactly one suppressed cell → also the smallest other
// non-zero cell, ties by listed order; when there is none, the total; repeated
// until stable), and
// withholding percentages. Works on the indicator set of a month and on any
// cross-table with row and column totals.
#pragma once

#include <cstdint>
#include <vector>

#include "config/config.h"
#include "logic/indicator_set.h"

namespace casus {

// A group over positions in a flat list of values.
struct CellGroup {
  std::size_t total = 0;
  std::vector<std::size_t> cells;  // listed order
};

// The general rule: primary on every value, then secondary over the groups
// until no group with a published total has exactly one suppressed cell.
std::vector<IndicatorValue> protect_counts(const std::vector<std::int64_t>& counts,
                                           const std::vector<CellGroup>& groups, int threshold);

// Applies the board rules to a month's indicators (or a trend month): every
// count, the groups of indicator_groups(config) whose codes are present, and
// plan_on_time_pct (null when plan_due < T or either count is suppressed).
IndicatorSet protect_indicators(const IndicatorSet& raw, const Config& config);

// A cross-table (say district × risk group) with its totals, protected.
struct ProtectedTable {
  std::vector<std::vector<IndicatorValue>> cells;  // [row][column]
  std::vector<IndicatorValue> row_totals;
  std::vector<IndicatorValue> column_totals;
  IndicatorValue grand_total;
};

// Groups: each row with its row total, each column with its column total,
// the row totals with the grand total, and the column totals with the
// grand total. `cells` must be rectangular.
ProtectedTable protect_cross_table(const std::vector<std::vector<std::int64_t>>& cells,
                                   int threshold);

}  // namespace casus
