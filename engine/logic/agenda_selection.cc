#include "logic/agenda_selection.h"

#include <algorithm>

#include "logic/assessment_profile.h"

namespace casus {

const char* code(AgendaReasonKind kind) {
  switch (kind) {
    case AgendaReasonKind::escalation_up: return "escalation_up";
    case AgendaReasonKind::hold_review_past: return "hold_review_past";
    case AgendaReasonKind::review_overdue: return "review_overdue";
    case AgendaReasonKind::judgement_unexplained: return "judgement_unexplained";
    case AgendaReasonKind::plan_due: return "plan_due";
    case AgendaReasonKind::new_registration: return "new_registration";
    case AgendaReasonKind::afschaling: return "afschaling";
  }
  return "";
}

int AgendaItem::days_overdue() const {
  int most = 0;
  for (const auto& r : reasons) most = std::max(most, r.days_overdue);
  return most;
}

namespace {

std::string forum_of(const Config& config, int level) {
  const EscalationLevel* l = config.escalation.find(level);
  return l ? l->forum : "";
}

int overdue(const Date& due, const Date& day) {
  return due < day ? static_cast<int>(days_between(due, day)) : 0;
}

}  // namespace

Result<std::vector<AgendaItem>> select_agenda(const Config& config, const DatasetIndex& index,
                                              const AgendaOptions& options) {
  bool known = false;
  std::string forums;
  for (const auto& level : config.escalation.levels) {
    if (level.forum == options.forum) known = true;
    forums += (forums.empty() ? "" : ", ") + level.forum;
  }
  if (!known) return Status::error("unknown forum '" + options.forum + "' (known: " + forums + ")");
  const std::string intake_forum = forum_of(config, 2);
  const Date day = options.date;
  const Monitoring& m = config.monitoring;

  std::vector<AgendaItem> items;
  for (const CaseHistory& history : index.cases()) {
    const CaseRecord& c = *history.record;
    if (!c.active_at(day)) continue;
    const bool own_forum = forum_of(config, c.escalation_level) == options.forum;
    AgendaItem item;
    item.history = &history;

    if (auto proposal = propose_escalation(config, history, day)) {
      const bool up = proposal->direction == EscalationRule::Direction::up;
      if (own_forum || forum_of(config, proposal->to_level) == options.forum) {
        AgendaReason r;
        r.kind = up ? AgendaReasonKind::escalation_up : AgendaReasonKind::afschaling;
        r.date = proposal->reasons.empty() ? day : proposal->reasons.front().date;
        r.proposal = std::move(proposal);
        item.reasons.push_back(std::move(r));
      }
    }
    if (own_forum && c.on_hold_since && *c.on_hold_since <= day && c.on_hold_review_on && *c.on_hold_review_on < day) {
      AgendaReason r;
      r.kind = AgendaReasonKind::hold_review_past;
      r.date = *c.on_hold_review_on;
      r.days_overdue = overdue(r.date, day);
      item.reasons.push_back(r);
    }
    const AssessmentRecord* latest = history.latest_assessment(day);
    if (own_forum) {
      AgendaReason r;
      r.kind = AgendaReasonKind::review_overdue;
      if (!latest) {
        r.date = c.registered_on.plus_days(m.first_assessment_days);
      } else {
        r.date = latest->assessed_on.plus_days(m.review_days(latest->judgement));
        r.judgement = latest->judgement;
      }
      if (r.date < day) {
        r.days_overdue = overdue(r.date, day);
        item.reasons.push_back(r);
      }
    }
    if (own_forum && latest) {
      const AssessmentProfile profile = profile_assessment(config.framework, *latest);
      if (profile.unexplained) {
        AgendaReason r;
        r.kind = AgendaReasonKind::judgement_unexplained;
        r.date = latest->assessed_on;
        r.judgement = latest->judgement;
        r.floor = profile.floor;
        item.reasons.push_back(r);
      }
    }
    const bool has_plan = c.plan_approved_on && *c.plan_approved_on <= day;
    const Date plan_due = c.registered_on.plus_days(m.plan_deadline_days);
    const bool intake = options.forum == intake_forum;
    if ((own_forum || intake) && !has_plan && plan_due <= day.plus_days(options.plan_due_horizon_days)) {
      AgendaReason r;
      r.kind = AgendaReasonKind::plan_due;
      r.date = plan_due;
      r.days_overdue = overdue(plan_due, day);
      item.reasons.push_back(r);
    }
    if ((own_forum || intake) && c.registered_on <= day &&
        c.registered_on > day.plus_days(-options.new_registration_days)) {
      AgendaReason r;
      r.kind = AgendaReasonKind::new_registration;
      r.date = c.registered_on;
      item.reasons.push_back(r);
    }
    if (item.reasons.empty()) continue;
    std::stable_sort(item.reasons.begin(), item.reasons.end(),
                     [](const AgendaReason& a, const AgendaReason& b) { return a.kind < b.kind; });
    items.push_back(std::move(item));
  }
  std::sort(items.begin(), items.end(), [](const AgendaItem& a, const AgendaItem& b) {
    if (a.reasons.front().kind != b.reasons.front().kind) return a.reasons.front().kind < b.reasons.front().kind;
    if (a.days_overdue() != b.days_overdue()) return a.days_overdue() > b.days_overdue();
    const CaseRecord& ca = *a.history->record;
    const CaseRecord& cb = *b.history->record;
    if (ca.escalation_level != cb.escalation_level) return ca.escalation_level > cb.escalation_level;
    return ca.case_id < cb.case_id;
  });
  return items;
}

}  // namespace casus
