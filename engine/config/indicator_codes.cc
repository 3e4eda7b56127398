#include "config/indicator_codes.h"

namespace casus {

const std::vector<std::string>& indicator_base_codes() {
  static const std::vector<std::string> codes = {
      "active",
      "inflow",
      "inflow_reentry",
      "outflow",
      "outflow_reason",
      "active_by_risk_group",
      "active_by_district",
      "active_by_stage",
      "active_by_escalation_level",
      "on_hold",
      "on_hold_review_overdue",
      "risk_level",
      "risk_raised",
      "risk_lowered",
      "review_overdue",
      "judgement_unexplained",
      "plan_due",
      "plan_on_time",
      "plan_on_time_pct",
      "no_plan_overdue",
      "interventions_active",
      "interventions_started",
      "life_domain",
      "life_domain_improved",
      "life_domain_worsened",
      "events",
      "police_contact",
      "unlinked_events",
  };
  return codes;
}

}  // namespace casus
