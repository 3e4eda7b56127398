// Escalation and afschaling proposals for one case from the configured
// rules (config/escalation.xml): up when the judgement reaches a level, or
// on an event kind since the latest assessment; down after `count`
// consecutive assessments at a judgement with no up-rule events since the
// first of them and every observed life domain in `min_band` or better.
// Up wins over down. Only the forum decides; this only proposes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "logic/dataset_index.h"

namespace casus {

struct ProposalReason {
  std::string rule_id;
  LocalizedText reason;  // the rule's reason from config
  LocalizedText detail;  // what fired: "aanhouding op 14-10-2026"
  Date date;             // when it happened
};

struct EscalationProposal {
  EscalationRule::Direction direction = EscalationRule::Direction::up;
  int from_level = 1;
  int to_level = 1;
  std::vector<ProposalReason> reasons;  // in rule order
};

// nullopt when no rule proposes a change (or the level cannot move that way).
// Details: judgement_reaches fires when the latest assessment ≤ as_of is at
// least the rule's judgement and the one before it (if any) is lower;
// event_kind fires on an event with assessed_on(latest) ≤ occurred_on ≤ as_of
// (any event ≤ as_of when there is no assessment); consecutive_judgements
// needs at least one life-domain observation.
std::optional<EscalationProposal> propose_escalation(const Config& config,
                                                     const CaseHistory& history,
                                                     const Date& as_of);

}  // namespace casus
