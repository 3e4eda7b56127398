#include "logic/indicators_json.h"

#include <cstdio>

namespace casus {

namespace {

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (unsigned char ch : text) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (ch < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", ch);
          out += buffer;
        } else {
          out += static_cast<char>(ch);
        }
    }
  }
  return out + "\"";
}

}  // namespace

std::string indicator_json_value(const IndicatorValue& value, int threshold) {
  switch (value.state) {
    case IndicatorValue::State::suppressed_primary:
      return json_string("<" + std::to_string(threshold));
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
    out += json_string(set.items[i].code);
    out += ": ";
    out += indicator_json_value(set.items[i].value, set.threshold);
  }
  out += set.items.empty() ? "}\n" : "\n}\n";
  return out;
}

}  // namespace casus
