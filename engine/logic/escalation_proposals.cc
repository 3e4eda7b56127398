#include "logic/escalation_proposals.h"

#include <algorithm>

namespace casus {

namespace {

std::optional<ProposalReason> up_rule_fires(const EscalationRule& rule, const CaseHistory& h,
                                            const Date& as_of) {
  const AssessmentRecord* latest = h.latest_assessment(as_of);
  switch (rule.trigger) {
    case EscalationRule::Trigger::judgement_reaches: {
      if (!latest || latest->judgement < rule.judgement) return std::nullopt;
      const AssessmentRecord* before = h.previous_assessment(as_of);
      if (before && before->judgement >= rule.judgement) return std::nullopt;
      const std::string day = format_date_short(latest->assessed_on);
      std::string was_nl, was_en;
      if (before) {
        was_nl = std::string(" (was ") + code(before->judgement) + ")";
        was_en = was_nl;
      }
      return ProposalReason{rule.id, rule.reason,
                            {"beoordeling " + day + ": " + code(latest->judgement) + was_nl,
                             "assessment " + day + ": " + code(latest->judgement) + was_en},
                            latest->assessed_on};
    }
    case EscalationRule::Trigger::event_kind: {
      const EventRecord* found = nullptr;
      for (const EventRecord* e : h.events) {
        const Date day = e->occurred_on.date;
        if (code(e->kind) != rule.event_kind || day > as_of) continue;
        if (latest && day < latest->assessed_on) continue;
        found = e;  // the latest such event
      }
      if (!found) return std::nullopt;
      const std::string day = format_date_short(found->occurred_on.date);
      return ProposalReason{rule.id, rule.reason,
                            {rule.event_kind + " op " + day, rule.event_kind + " on " + day},
                            found->occurred_on.date};
    }
    case EscalationRule::Trigger::consecutive_judgements:
      return std::nullopt;  // a down trigger
  }
  return std::nullopt;
}

std::optional<ProposalReason> down_rule_fires(const Config& config, const EscalationRule& rule,
                                              const CaseHistory& h, const Date& as_of) {
  if (rule.trigger != EscalationRule::Trigger::consecutive_judgements) return std::nullopt;
  auto end = std::upper_bound(h.assessments.begin(), h.assessments.end(), as_of,
                              [](const Date& d, const AssessmentRecord* a) { return d < a->assessed_on; });
  const auto available = end - h.assessments.begin();
  if (rule.count < 1 || available < rule.count) return std::nullopt;
  auto first = end - rule.count;
  for (auto it = first; it != end; ++it) {
    if ((*it)->judgement != rule.judgement) return std::nullopt;
  }
  const Date since = (*first)->assessed_on;
  // No event of any up rule's kind since the first of these assessments.
  for (const auto& up : config.escalation.rules) {
    if (up.direction != EscalationRule::Direction::up ||
        up.trigger != EscalationRule::Trigger::event_kind) {
      continue;
    }
    for (const EventRecord* e : h.events) {
      const Date day = e->occurred_on.date;
      if (code(e->kind) == up.event_kind && since <= day && day <= as_of) return std::nullopt;
    }
  }
  // Every observed life domain at min_band or better (bands run worst to best).
  if (!rule.min_band.empty()) {
    const auto& bands = config.monitoring.bands;
    auto min_it = std::find_if(bands.begin(), bands.end(),
                               [&](const ColourBand& b) { return b.code == rule.min_band; });
    if (min_it == bands.end()) return std::nullopt;
    const int min_score = min_it->min_score;
    int observed = 0;
    for (const auto& domain : config.monitoring.life_domains) {
      const LifeDomainObservation* o = h.latest_observation(domain.code, as_of);
      if (!o) continue;
      ++observed;
      if (o->score < min_score) return std::nullopt;
    }
    if (observed == 0) return std::nullopt;
  }
  const AssessmentRecord* latest = *(end - 1);
  const std::string day = format_date_short(latest->assessed_on);
  const std::string n = std::to_string(rule.count);
  return ProposalReason{rule.id, rule.reason,
                        {n + " beoordelingen op " + code(rule.judgement) + ", laatste " + day,
                         n + " assessments at " + code(rule.judgement) + ", latest " + day},
                        latest->assessed_on};
}

}  // namespace

std::optional<EscalationProposal> propose_escalation(const Config& config,
                                                     const CaseHistory& history,
                                                     const Date& as_of) {
  if (!history.record) return std::nullopt;
  const int level = history.record->escalation_level;
  int top = 1;
  for (const auto& l : config.escalation.levels) top = std::max(top, l.level);

  EscalationProposal up;
  up.direction = EscalationRule::Direction::up;
  up.from_level = level;
  up.to_level = std::min(level + 1, top);
  for (const auto& rule : config.escalation.rules) {
    if (rule.direction != EscalationRule::Direction::up) continue;
    if (auto reason = up_rule_fires(rule, history, as_of)) up.reasons.push_back(*reason);
  }
  if (!up.reasons.empty()) {
    if (level >= top) return std::nullopt;  // already at the top: the forum knows
    return up;
  }
  if (level <= 1) return std::nullopt;
  EscalationProposal down;
  down.direction = EscalationRule::Direction::down;
  down.from_level = level;
  down.to_level = level - 1;
  for (const auto& rule : config.escalation.rules) {
    if (rule.direction != EscalationRule::Direction::down) continue;
    if (auto reason = down_rule_fires(config, rule, history, as_of)) down.reasons.push_back(*reason);
  }
  if (down.reasons.empty()) return std::nullopt;
  return down;
}

}  // namespace casus
