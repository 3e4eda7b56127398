// Agenda selection: which cases a forum (casusoverleg,
// woensdagochtendoverleg, ...) discusses on a meeting date, why, and in
// which order. Pure function over the dataset index and config.
//
// A case is on forum F's agenda on date D when it is active at D, has at
// least one reason below, and F is the forum of its escalation level
// (config/escalation.xml), or F is the forum of the level a proposal would
// move it to, or — for a new registration — F is the forum of level 2 (the
// multi-agency intake). Reasons, most urgent first:
//   1. escalation_up       a proposal to escalate (logic/escalation_proposals.h)
//   2. hold_review_past    on hold since ≤ D and the hold's review date < D
//   3. review_overdue      no assessment while registered_on ≤ D − first_assessment_days,
//                          or the latest assessment older than its interval (spec/monitoring.md)
//   4. judgement_unexplained  latest judgement below its floor without rationale
//   5. plan_due            no plan approved ≤ D and registered_on + plan_deadline_days ≤ D + horizon
//   6. new_registration    D − new_registration_days < registered_on ≤ D
//   7. afschaling          a proposal to scale down
// Cases are ordered by their most urgent reason, then by the most days
// overdue, then by escalation level (higher first), then case_id.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "logic/dataset_index.h"
#include "core/status.h"
#include "logic/escalation_proposals.h"

namespace casus {

enum class AgendaReasonKind {
  escalation_up,
  hold_review_past,
  review_overdue,
  judgement_unexplained,
  plan_due,
  new_registration,
  afschaling
};

const char* code(AgendaReasonKind kind);  // "escalation_up", ...

struct AgendaReason {
  AgendaReasonKind kind = AgendaReasonKind::new_registration;
  Date date;              // the relevant date: due date, review date, registration, assessment
  int days_overdue = 0;   // D − date when past, else 0
  std::optional<EscalationProposal> proposal;  // escalation_up / afschaling
  std::optional<Judgement> judgement;          // review_overdue / judgement_unexplained: the latest judgement
  std::optional<Judgement> floor;              // judgement_unexplained
};

struct AgendaItem {
  const CaseHistory* history = nullptr;
  std::vector<AgendaReason> reasons;  // in urgency order
  int days_overdue() const;           // the largest over its reasons
};

struct AgendaOptions {
  std::string forum;  // a forum code from config/escalation.xml
  Date date;
  int new_registration_days = 14;  // registrations in the two weeks before the meeting
  int plan_due_horizon_days = 14;  // plans due within two weeks (or overdue)
};

// Fails when the forum is not in the escalation ladder.
Result<std::vector<AgendaItem>> select_agenda(const Config& config, const DatasetIndex& index,
                                              const AgendaOptions& options);

}  // namespace casus
