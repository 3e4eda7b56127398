#include "config/exchange_fields.h"

#include <algorithm>

namespace casus {

const std::vector<std::string>& exchange_fields(RecordKind kind) {
  static const std::vector<std::string> cases = {
      "case_id",      "bsn",          "surname",          "given_names",   "birth_date",
      "gender",       "district",     "risk_group",       "registered_on", "regisseur",
      "plan_approved_on", "escalation_level", "on_hold_since", "on_hold_review_on",
      "on_hold_reason", "closed_on",  "closure_reason",   "related_case_id"};
  static const std::vector<std::string> assessments = {"case_id",  "assessed_on", "assessor",
                                                       "judgement", "rationale"};
  static const std::vector<std::string> interventions = {
      "case_id", "code", "partner", "started_on", "ended_on", "status", "rationale"};
  static const std::vector<std::string> life_domains = {"case_id", "observed_on", "domain",
                                                        "score", "goal"};
  static const std::vector<std::string> events = {"event_id",  "case_id", "bsn",
                                                  "occurred_on", "kind",  "description"};
  switch (kind) {
    case RecordKind::cases: return cases;
    case RecordKind::assessments: return assessments;
    case RecordKind::interventions: return interventions;
    case RecordKind::life_domains: return life_domains;
    case RecordKind::events: return events;
  }
  return cases;
}

bool is_exchange_field(RecordKind kind, std::string_view field) {
  const auto& fields = exchange_fields(kind);
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

}  // namespace casus
