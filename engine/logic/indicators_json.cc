#include "logic/indicators_json.h"

#include "core/json_text.h"

#include <cstdio>

namespace casus {

namespace {

}  // namespace

std::string indicator_json_value(const IndicatorValue& value, int threshold) {
  switch (value.state) {
    case IndicatorValue::State::suppressed_primary:
      return json_quote("<" + std::to_string(threshold));
    case IndicatorValue::State::suppressed_secondary:
    case IndicatorValue::State::null:
      return "null";
    case IndicatorValue::State::number:
      break;
  }
  if (!value.percentage) return std::to_string(value.count);
  const std::int64_t magnitude = value.tenths < 0 ? -value.tenths : value.tenths;
  return std::string(value.tenths < 0 ? "-" : "") + std::to_string(magnitude / 10) + "." +
         std::to_string(magnitude % 10);
}

std::string indicators_to_json(const IndicatorSet& set) {
  std::string out = "{";
  for (std::size_t i = 0; i < set.items.size(); ++i) {
    out += i == 0 ? "\n  " : ",\n  ";
    out += json_quote(set.items[i].code);
    out += ": ";
    out += indicator_json_value(set.items[i].value, set.threshold);
  }
  out += set.items.empty() ? "}\n" : "\n}\n";
  return out;
}

}  // namespace casus
