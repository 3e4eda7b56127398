// IndicatorValue and IndicatorSet: the monitoring indicators of one month as
// an ordered list of code → value (spec/monitoring.md), before or after
// disclosure control. A value is a count, a percentage, suppressed (primary:
// "<5"; secondary: "x" in documents, null in JSON) or null. Also the list of
// every code config defines, in the order of monitoring.md, and the groups
// of cells that add up to a published total (for secondary suppression).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/config.h"
#include "core/date.h"

namespace casus {

struct IndicatorValue {
  enum class State { number, suppressed_primary, suppressed_secondary, null };
  State state = State::number;
  std::int64_t count = 0;     // for counts
  std::int64_t tenths = 0;    // for percentages: value × 10, already rounded
  bool percentage = false;

  static IndicatorValue of_count(std::int64_t n) { return {State::number, n, 0, false}; }
  // Rounded half away from zero to one decimal: 100 × numerator / denominator.
  static IndicatorValue of_percentage(std::int64_t numerator, std::int64_t denominator);
  static IndicatorValue null_value() { return {State::null, 0, 0, false}; }

  bool published() const { return state == State::number; }
  bool suppressed() const {
    return state == State::suppressed_primary || state == State::suppressed_secondary;
  }
  double percentage_value() const { return static_cast<double>(tenths) / 10.0; }
  bool operator==(const IndicatorValue&) const = default;
};

struct Indicator {
  std::string code;
  IndicatorValue value;
};

struct IndicatorSet {
  YearMonth month;
  std::vector<Indicator> items;  // in the order of indicator_codes()
  bool is_protected = false;     // disclosure control applied
  int threshold = 5;             // T, for "<5"

  const IndicatorValue* find(const std::string& code) const;
  IndicatorValue* find(const std::string& code);
  // The count of a code (0 when absent or not a published number); for tests and charts.
  std::int64_t count(const std::string& code) const;
};

// Every indicator code for this config, in the order of spec/monitoring.md:
// breakdowns over every closure reason, risk group (1..5), district, stage,
// escalation level, judgement (+ onbekend), toolkit category, life domain ×
// band (+ onbekend) and event kind.
std::vector<std::string> indicator_codes(const Config& config);

// The codes the 12-month trend repeats: active, inflow, outflow, risk_level.*, police_contact.
std::vector<std::string> trend_codes();

// A group of cells that add up to a published total.
struct IndicatorGroup {
  std::string total;
  std::vector<std::string> cells;  // in listed order (ties in secondary suppression)
};
// outflow_reason.* (total outflow); active_by_* , risk_level.* and each
// life_domain.<domain>.* (total active).
std::vector<IndicatorGroup> indicator_groups(const Config& config);

// The stage codes of active_by_stage, in order.
inline constexpr const char* kStageWithoutAssessment = "zonder_beoordeling";
inline constexpr const char* kStageWithoutPlan = "zonder_plan";
inline constexpr const char* kStageWithPlan = "met_plan";
inline constexpr const char* kUnknown = "onbekend";

}  // namespace casus
