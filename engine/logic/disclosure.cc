#include "logic/disclosure.h"

#include <unordered_map>

namespace casus {

std::vector<IndicatorValue> protect_counts(const std::vector<std::int64_t>& counts,
                                           const std::vector<CellGroup>& groups, int threshold) {
  std::vector<IndicatorValue> values;
  values.reserve(counts.size());
  for (std::int64_t c : counts) {
    IndicatorValue v = IndicatorValue::of_count(c);
    if (c > 0 && c < threshold) v.state = IndicatorValue::State::suppressed_primary;
    values.push_back(v);
  }
  // Each round can only add suppressions, so this ends.
  bool changed = true;
  while (changed) {
    changed = false;
    for (const auto& g : groups) {
      if (!values[g.total].published()) continue;  // a suppressed total needs nothing more
      int suppressed = 0;
      for (std::size_t i : g.cells) suppressed += values[i].suppressed() ? 1 : 0;
      if (suppressed != 1) continue;
      std::size_t pick = static_cast<std::size_t>(-1);
      for (std::size_t i : g.cells) {
        const IndicatorValue& v = values[i];
        if (!v.published() || v.count <= 0) continue;
        if (pick == static_cast<std::size_t>(-1) || v.count < values[pick].count) pick = i;
      }
      // No other non-zero cell to hide it with: the lone suppressed cell
      // would equal the total minus zeros, so the total is withheld instead.
      if (pick == static_cast<std::size_t>(-1)) pick = g.total;
      values[pick].state = IndicatorValue::State::suppressed_secondary;
      changed = true;
    }
  }
  return values;
}

IndicatorSet protect_indicators(const IndicatorSet& raw, const Config& config) {
  const int threshold = config.monitoring.disclosure_threshold;
  std::unordered_map<std::string, std::size_t> position;
  std::vector<std::int64_t> counts;
  for (std::size_t i = 0; i < raw.items.size(); ++i) {
    position.emplace(raw.items[i].code, i);
    const IndicatorValue& v = raw.items[i].value;
    counts.push_back(v.percentage || v.state != IndicatorValue::State::number ? 0 : v.count);
  }
  std::vector<CellGroup> groups;
  for (const auto& g : indicator_groups(config)) {
    auto total = position.find(g.total);
    if (total == position.end()) continue;
    CellGroup cg;
    cg.total = total->second;
    for (const auto& code : g.cells) {
      auto it = position.find(code);
      if (it != position.end()) cg.cells.push_back(it->second);
    }
    if (!cg.cells.empty()) groups.push_back(std::move(cg));
  }
  std::vector<IndicatorValue> protected_values = protect_counts(counts, groups, threshold);

  IndicatorSet out = raw;
  out.is_protected = true;
  out.threshold = threshold;
  for (std::size_t i = 0; i < out.items.size(); ++i) {
    const IndicatorValue& original = raw.items[i].value;
    if (original.percentage || original.state != IndicatorValue::State::number) continue;
    out.items[i].value = protected_values[i];
  }
  if (IndicatorValue* pct = out.find("plan_on_time_pct")) {
    const IndicatorValue* due = out.find("plan_due");
    const IndicatorValue* on_time = out.find("plan_on_time");
    const IndicatorValue* raw_due = raw.find("plan_due");
    if (!due || !on_time || !due->published() || !on_time->published() || !raw_due ||
        raw_due->count < threshold) {
      *pct = IndicatorValue::null_value();
    }
  }
  return out;
}

ProtectedTable protect_cross_table(const std::vector<std::vector<std::int64_t>>& cells,
                                   int threshold) {
  const std::size_t rows = cells.size();
  const std::size_t columns = rows == 0 ? 0 : cells[0].size();
  // Flat layout: cells row-major, then row totals, then column totals, then grand total.
  std::vector<std::int64_t> flat;
  flat.reserve(rows * columns + rows + columns + 1);
  std::vector<std::int64_t> row_total(rows, 0), column_total(columns, 0);
  std::int64_t grand = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) {
      const std::int64_t v = c < cells[r].size() ? cells[r][c] : 0;
      flat.push_back(v);
      row_total[r] += v;
      column_total[c] += v;
      grand += v;
    }
  }
  const std::size_t row_base = rows * columns;
  const std::size_t column_base = row_base + rows;
  const std::size_t grand_pos = column_base + columns;
  flat.insert(flat.end(), row_total.begin(), row_total.end());
  flat.insert(flat.end(), column_total.begin(), column_total.end());
  flat.push_back(grand);

  std::vector<CellGroup> groups;
  for (std::size_t r = 0; r < rows; ++r) {
    CellGroup g;
    g.total = row_base + r;
    for (std::size_t c = 0; c < columns; ++c) g.cells.push_back(r * columns + c);
    groups.push_back(std::move(g));
  }
  for (std::size_t c = 0; c < columns; ++c) {
    CellGroup g;
    g.total = column_base + c;
    for (std::size_t r = 0; r < rows; ++r) g.cells.push_back(r * columns + c);
    groups.push_back(std::move(g));
  }
  CellGroup row_totals{grand_pos, {}};
  for (std::size_t r = 0; r < rows; ++r) row_totals.cells.push_back(row_base + r);
  groups.push_back(std::move(row_totals));
  CellGroup column_totals{grand_pos, {}};
  for (std::size_t c = 0; c < columns; ++c) column_totals.cells.push_back(column_base + c);
  groups.push_back(std::move(column_totals));

  const auto values = protect_counts(flat, groups, threshold);
  ProtectedTable table;
  table.cells.assign(rows, std::vector<IndicatorValue>(columns));
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) table.cells[r][c] = values[r * columns + c];
    table.row_totals.push_back(values[row_base + r]);
  }
  for (std::size_t c = 0; c < columns; ++c) table.column_totals.push_back(values[column_base + c]);
  table.grand_total = values[grand_pos];
  return table;
}

}  // namespace casus
