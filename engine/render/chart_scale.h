// Value axis of a chart: a "nice" range and tick step (1, 2, 2.5 or 5 times a
// power of ten) covering the data, shared by the PDF and SVG chart drawers.
#pragma once

#include <string>
#include <vector>

#include "render/document.h"

namespace casus {

struct ChartScale {
  double min = 0;
  double max = 1;
  double step = 1;
  int decimals = 0;  // for tick labels
  std::vector<double> ticks;
  double fraction(double value) const { return (value - min) / (max - min); }
};

ChartScale chart_scale(const doc::Chart& chart);

// Decimals the chart's values need for their labels (0 to 2): 2.9 -> 1.
int chart_value_decimals(const doc::Chart& chart);

// Tick label in the document language ("1.250", "2,5").
std::string tick_label(double value, int decimals, Language language);

}  // namespace casus
