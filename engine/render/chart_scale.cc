#include "render/chart_scale.h"

#include <algorithm>
#include <cmath>

#include "core/number_format.h"

namespace casus {

ChartScale chart_scale(const doc::Chart& chart) {
  double lo = 0, hi = 0;
  if (chart.kind == doc::ChartKind::stacked_bar) {
    for (std::size_t c = 0; c < chart.categories.size(); ++c) {
      double sum = 0;
      for (const doc::Series& s : chart.series)
        if (c < s.values.size() && !s.values[c].suppressed) sum += s.values[c].value;
      hi = std::max(hi, sum);
    }
  } else {
    for (const doc::Series& s : chart.series)
      for (const doc::ChartValue& v : s.values)
        if (!v.suppressed) {
          lo = std::min(lo, v.value);
          hi = std::max(hi, v.value);
        }
  }
  if (hi - lo <= 0) hi = lo + 1;
  const double raw = (hi - lo) / 5.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * magnitude >= raw) {
      step = m * magnitude;
      break;
    }
  }
  ChartScale scale;
  scale.step = step;
  scale.min = std::floor(lo / step) * step;
  scale.max = std::ceil(hi / step) * step;
  scale.decimals = 0;
  while (scale.decimals < 4) {
    const double scaled = step * std::pow(10.0, scale.decimals);
    if (std::abs(scaled - std::round(scaled)) < 1e-6) break;
    ++scale.decimals;
  }
  for (double t = scale.min; t <= scale.max + step / 1000; t += step) scale.ticks.push_back(std::abs(t) < step / 1e6 ? 0 : t);
  return scale;
}

int chart_value_decimals(const doc::Chart& chart) {
  int decimals = 0;
  for (const doc::Series& s : chart.series)
    for (const doc::ChartValue& v : s.values) {
      if (v.suppressed) continue;
      while (decimals < 2) {
        const double scaled = v.value * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6) break;
        ++decimals;
      }
    }
  return decimals;
}

std::string tick_label(double value, int decimals, Language language) {
  return format_decimal(value, decimals, language);
}

}  // namespace casus
