#include "logic/indicator_set.h"

namespace casus {

IndicatorValue IndicatorValue::of_percentage(std::int64_t numerator, std::int64_t denominator) {
  if (denominator == 0) return null_value();
  // 1000 × n / d rounded half away from zero, in integers (no binary fractions).
  const bool negative = (numerator < 0) != (denominator < 0);
  const std::int64_t n = numerator < 0 ? -numerator : numerator;
  const std::int64_t d = denominator < 0 ? -denominator : denominator;
  std::int64_t tenths = (2000 * n + d) / (2 * d);
  IndicatorValue v;
  v.percentage = true;
  v.tenths = negative ? -tenths : tenths;
  return v;
}

const IndicatorValue* IndicatorSet::find(const std::string& code) const {
  for (const auto& item : items) {
    if (item.code == code) return &item.value;
  }
  return nullptr;
}

IndicatorValue* IndicatorSet::find(const std::string& code) {
  for (auto& item : items) {
    if (item.code == code) return &item.value;
  }
  return nullptr;
}

std::int64_t IndicatorSet::count(const std::string& code) const {
  const IndicatorValue* v = find(code);
  return v && v->published() ? v->count : 0;
}

std::vector<std::string> indicator_codes(const Config& config) {
  std::vector<std::string> codes;
  auto add = [&](std::string code) { codes.push_back(std::move(code)); };
  add("active");
  add("inflow");
  add("inflow_reentry");
  add("outflow");
  for (ClosureReason r : kAllClosureReasons) add(std::string("outflow_reason.") + code(r));
  for (int g = 1; g <= 5; ++g) add("active_by_risk_group." + std::to_string(g));
  for (const auto& d : config.districts) add("active_by_district." + d.code);
  for (const char* s : {kStageWithoutAssessment, kStageWithoutPlan, kStageWithPlan}) {
    add(std::string("active_by_stage.") + s);
  }
  for (const auto& l : config.escalation.levels) {
    add("active_by_escalation_level." + std::to_string(l.level));
  }
  add("on_hold");
  add("on_hold_review_overdue");
  for (Judgement j : kAllJudgements) add(std::string("risk_level.") + code(j));
  add(std::string("risk_level.") + kUnknown);
  add("risk_raised");
  add("risk_lowered");
  add("review_overdue");
  add("judgement_unexplained");
  add("plan_due");
  add("plan_on_time");
  add("plan_on_time_pct");
  add("no_plan_overdue");
  for (const auto& c : config.toolkit.categories) add("interventions_active." + c.code);
  for (const auto& c : config.toolkit.categories) add("interventions_started." + c.code);
  for (const auto& d : config.monitoring.life_domains) {
    for (const auto& b : config.monitoring.bands) add("life_domain." + d.code + "." + b.code);
    add("life_domain." + d.code + "." + kUnknown);
  }
  add("life_domain_improved");
  add("life_domain_worsened");
  for (EventKind k : kAllEventKinds) add(std::string("events.") + code(k));
  add("police_contact");
  add("unlinked_events");
  return codes;
}

std::vector<std::string> trend_codes() {
  std::vector<std::string> codes = {"active", "inflow", "outflow"};
  for (Judgement j : kAllJudgements) codes.push_back(std::string("risk_level.") + code(j));
  codes.push_back(std::string("risk_level.") + kUnknown);
  codes.push_back("police_contact");
  return codes;
}

std::vector<IndicatorGroup> indicator_groups(const Config& config) {
  std::vector<IndicatorGroup> groups;
  const auto all = indicator_codes(config);
  auto with_prefix = [&](const std::string& prefix, const std::string& total) {
    IndicatorGroup g;
    g.total = total;
    for (const auto& c : all) {
      if (c.compare(0, prefix.size(), prefix) == 0) g.cells.push_back(c);
    }
    groups.push_back(std::move(g));
  };
  with_prefix("outflow_reason.", "outflow");
  with_prefix("active_by_risk_group.", "active");
  with_prefix("active_by_district.", "active");
  with_prefix("active_by_stage.", "active");
  with_prefix("active_by_escalation_level.", "active");
  with_prefix("risk_level.", "active");
  for (const auto& d : config.monitoring.life_domains) {
    with_prefix("life_domain." + d.code + ".", "active");
  }
  return groups;
}

}  // namespace casus
