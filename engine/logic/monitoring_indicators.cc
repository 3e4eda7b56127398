#include "logic/monitoring_indicators.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "logic/assessment_profile.h"

namespace casus {

namespace {

// Positions of every code in the ordered list, with fast slots for the
// breakdowns (so the per-case loop never builds a string).
class Slots {
 public:
  Slots(const Config& config, bool trend_only) {
    codes_ = trend_only ? trend_codes() : indicator_codes(config);
    for (std::size_t i = 0; i < codes_.size(); ++i) position_.emplace(codes_[i], i);
    counts_.assign(codes_.size(), 0);
  }
  // Slot of a code; npos when the code is not computed in this run.
  std::size_t at(const std::string& code) const {
    auto it = position_.find(code);
    return it == position_.end() ? npos : it->second;
  }
  void add(std::size_t slot, std::int64_t n = 1) {
    if (slot != npos) counts_[slot] += n;
  }
  std::int64_t get(std::size_t slot) const { return slot == npos ? 0 : counts_[slot]; }
  const std::vector<std::string>& codes() const { return codes_; }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  std::vector<std::string> codes_;
  std::unordered_map<std::string, std::size_t> position_;
  std::vector<std::int64_t> counts_;
};

bool in_month(const Date& d, const Date& first, const Date& last) { return first <= d && d <= last; }

int judgement_index(Judgement j) { return static_cast<int>(j); }

IndicatorSet compute(const DatasetIndex& index, const Config& config, YearMonth month,
                     bool trend_only) {
  Slots slots(config, trend_only);
  const Date S = month.first_day();
  const Date E = month.last_day();
  const Date previous_end = S.plus_days(-1);
  const Monitoring& m = config.monitoring;

  const std::size_t s_active = slots.at("active");
  const std::size_t s_inflow = slots.at("inflow");
  const std::size_t s_reentry = slots.at("inflow_reentry");
  const std::size_t s_outflow = slots.at("outflow");
  std::vector<std::size_t> s_reason;
  for (ClosureReason r : kAllClosureReasons) {
    s_reason.push_back(slots.at(std::string("outflow_reason.") + code(r)));
  }
  std::size_t s_risk_group[6];
  for (int g = 1; g <= 5; ++g) s_risk_group[g] = slots.at("active_by_risk_group." + std::to_string(g));
  s_risk_group[0] = Slots::npos;
  std::unordered_map<std::string_view, std::size_t> s_district;
  for (const auto& d : config.districts) s_district.emplace(d.code, slots.at("active_by_district." + d.code));
  const std::size_t s_stage[3] = {
      slots.at(std::string("active_by_stage.") + kStageWithoutAssessment),
      slots.at(std::string("active_by_stage.") + kStageWithoutPlan),
      slots.at(std::string("active_by_stage.") + kStageWithPlan)};
  std::unordered_map<int, std::size_t> s_level;
  for (const auto& l : config.escalation.levels) {
    s_level.emplace(l.level, slots.at("active_by_escalation_level." + std::to_string(l.level)));
  }
  const std::size_t s_on_hold = slots.at("on_hold");
  const std::size_t s_on_hold_overdue = slots.at("on_hold_review_overdue");
  std::size_t s_risk_level[4];
  for (Judgement j : kAllJudgements) {
    s_risk_level[judgement_index(j)] = slots.at(std::string("risk_level.") + code(j));
  }
  s_risk_level[3] = slots.at(std::string("risk_level.") + kUnknown);
  const std::size_t s_raised = slots.at("risk_raised");
  const std::size_t s_lowered = slots.at("risk_lowered");
  const std::size_t s_review_overdue = slots.at("review_overdue");
  const std::size_t s_unexplained = slots.at("judgement_unexplained");
  const std::size_t s_plan_due = slots.at("plan_due");
  const std::size_t s_plan_on_time = slots.at("plan_on_time");
  const std::size_t s_plan_pct = slots.at("plan_on_time_pct");
  const std::size_t s_no_plan = slots.at("no_plan_overdue");
  // Toolkit code -> category position; category position -> slots.
  std::unordered_map<std::string_view, std::size_t> instrument_category;
  std::vector<std::size_t> s_int_active, s_int_started;
  for (std::size_t i = 0; i < config.toolkit.categories.size(); ++i) {
    const auto& c = config.toolkit.categories[i].code;
    s_int_active.push_back(slots.at("interventions_active." + c));
    s_int_started.push_back(slots.at("interventions_started." + c));
  }
  for (const auto& ins : config.toolkit.instruments) {
    for (std::size_t i = 0; i < config.toolkit.categories.size(); ++i) {
      if (config.toolkit.categories[i].code == ins.category) instrument_category.emplace(ins.code, i);
    }
  }
  // Life domain -> position; (domain, band) -> slot; band index per score.
  std::unordered_map<std::string_view, std::size_t> domain_position;
  std::vector<std::vector<std::size_t>> s_life;  // [domain][band], last = onbekend
  for (std::size_t d = 0; d < m.life_domains.size(); ++d) {
    const auto& dc = m.life_domains[d].code;
    domain_position.emplace(dc, d);
    std::vector<std::size_t> row;
    for (const auto& b : m.bands) row.push_back(slots.at("life_domain." + dc + "." + b.code));
    row.push_back(slots.at("life_domain." + dc + "." + kUnknown));
    s_life.push_back(std::move(row));
  }
  int band_of_score[7];
  for (int score = 0; score <= 6; ++score) {
    band_of_score[score] = -1;
    for (std::size_t b = 0; b < m.bands.size(); ++b) {
      if (score >= m.bands[b].min_score && score <= m.bands[b].max_score) {
        band_of_score[score] = static_cast<int>(b);
      }
    }
  }
  const std::size_t s_improved = slots.at("life_domain_improved");
  const std::size_t s_worsened = slots.at("life_domain_worsened");
  std::size_t s_event[kAllEventKinds.size()];
  for (std::size_t k = 0; k < kAllEventKinds.size(); ++k) {
    s_event[k] = slots.at(std::string("events.") + code(kAllEventKinds[k]));
  }
  const std::size_t s_police = slots.at("police_contact");
  const std::size_t s_unlinked = slots.at("unlinked_events");

  // Earliest closure per bsn, for inflow_reentry.
  std::unordered_map<std::string_view, Date> earliest_closure;
  if (s_reentry != Slots::npos) {
    for (const auto& h : index.cases()) {
      const CaseRecord& c = *h.record;
      if (c.bsn.empty() || !c.closed_on) continue;
      auto [it, inserted] = earliest_closure.emplace(c.bsn, *c.closed_on);
      if (!inserted && *c.closed_on < it->second) it->second = *c.closed_on;
    }
  }

  const Date first_assessment_cutoff = E.plus_days(-m.first_assessment_days);
  const Date plan_cutoff = E.plus_days(-m.plan_deadline_days);
  const Date plan_window_start = E.plus_days(-m.plan_window_days);  // exclusive
  const DateTime month_start{S, 0, 0, 0};

  std::vector<int> life_seen(m.life_domains.size());
  for (const auto& h : index.cases()) {
    const CaseRecord& c = *h.record;
    if (in_month(c.registered_on, S, E)) {
      slots.add(s_inflow);
      if (!c.bsn.empty()) {
        auto it = earliest_closure.find(c.bsn);
        if (it != earliest_closure.end() && it->second < c.registered_on) slots.add(s_reentry);
      }
    }
    if (c.closed_on && in_month(*c.closed_on, S, E)) {
      slots.add(s_outflow);
      if (c.closure_reason) slots.add(s_reason[static_cast<std::size_t>(*c.closure_reason)]);
    }
    if (!trend_only) {
      if (plan_window_start < c.registered_on && c.registered_on <= plan_cutoff) {
        slots.add(s_plan_due);
        if (c.plan_approved_on &&
            *c.plan_approved_on <= c.registered_on.plus_days(m.plan_deadline_days)) {
          slots.add(s_plan_on_time);
        }
      }
      for (const InterventionRecord* i : h.interventions) {
        if (i->status == InterventionStatus::gepland || !in_month(i->started_on, S, E)) continue;
        auto it = instrument_category.find(i->code);
        if (it != instrument_category.end()) slots.add(s_int_started[it->second]);
      }
    }

    if (!c.active_at(E)) continue;
    slots.add(s_active);

    const AssessmentRecord* latest = h.latest_assessment(E);
    slots.add(s_risk_level[latest ? judgement_index(latest->judgement) : 3]);

    // Events in M (police contact counts once per case).
    bool police = false;
    auto first = std::lower_bound(h.events.begin(), h.events.end(), month_start,
                                  [](const EventRecord* e, const DateTime& t) { return e->occurred_on < t; });
    for (auto it = first; it != h.events.end() && (*it)->occurred_on.date <= E; ++it) {
      const EventKind kind = (*it)->kind;
      if (!trend_only) slots.add(s_event[static_cast<std::size_t>(kind)]);
      if (kind == EventKind::verdachte || kind == EventKind::aanhouding) police = true;
    }
    if (police) slots.add(s_police);

    if (trend_only) continue;

    if (c.risk_group >= 1 && c.risk_group <= 5) slots.add(s_risk_group[c.risk_group]);
    if (auto it = s_district.find(c.district); it != s_district.end()) slots.add(it->second);
    const bool has_plan = c.plan_approved_on && *c.plan_approved_on <= E;
    slots.add(s_stage[!latest ? 0 : (!has_plan ? 1 : 2)]);
    if (auto it = s_level.find(c.escalation_level); it != s_level.end()) slots.add(it->second);
    if (c.on_hold_since && *c.on_hold_since <= E) {
      slots.add(s_on_hold);
      if (c.on_hold_review_on && *c.on_hold_review_on < E) slots.add(s_on_hold_overdue);
    }
    if (latest) {
      if (const AssessmentRecord* before = h.latest_assessment(previous_end)) {
        if (latest->judgement > before->judgement) slots.add(s_raised);
        if (latest->judgement < before->judgement) slots.add(s_lowered);
      }
      if (latest->assessed_on < E.plus_days(-m.review_days(latest->judgement))) {
        slots.add(s_review_overdue);
      }
      if (is_unexplained_deviation(latest->judgement,
                                   consistency_floor(config.framework, *latest),
                                   latest->rationale)) {
        slots.add(s_unexplained);
      }
    } else if (c.registered_on <= first_assessment_cutoff) {
      slots.add(s_review_overdue);
    }
    if (c.registered_on <= plan_cutoff && !has_plan) slots.add(s_no_plan);

    for (const InterventionRecord* i : h.interventions) {
      if (i->status == InterventionStatus::gepland || i->started_on > E) continue;
      if (i->ended_on && *i->ended_on <= E) continue;
      auto it = instrument_category.find(i->code);
      if (it != instrument_category.end()) slots.add(s_int_active[it->second]);
    }

    // Life domains: band of the latest observation ≤ E per domain, and Δ over
    // the domains with at least two observations ≤ E. Observations are sorted
    // by (domain, date), so each domain is one run.
    std::fill(life_seen.begin(), life_seen.end(), -1);  // band of latest, -1 = none
    std::int64_t delta = 0;
    for (std::size_t i = 0; i < h.life_domains.size();) {
      const std::string& domain = h.life_domains[i]->domain;
      std::size_t j = i;
      const LifeDomainObservation* earliest = nullptr;
      const LifeDomainObservation* last = nullptr;
      int observations = 0;
      for (; j < h.life_domains.size() && h.life_domains[j]->domain == domain; ++j) {
        const LifeDomainObservation* o = h.life_domains[j];
        if (o->observed_on > E) continue;
        if (!earliest) earliest = o;
        last = o;
        ++observations;
      }
      i = j;
      auto pos = domain_position.find(domain);
      if (pos == domain_position.end() || !last) continue;
      const int score = last->score;
      life_seen[pos->second] = (score >= 0 && score <= 6) ? band_of_score[score] : -1;
      if (observations >= 2) delta += last->score - earliest->score;
    }
    for (std::size_t d = 0; d < s_life.size(); ++d) {
      const int band = life_seen[d];
      slots.add(band >= 0 ? s_life[d][static_cast<std::size_t>(band)] : s_life[d].back());
    }
    if (delta > 0) slots.add(s_improved);
    if (delta < 0) slots.add(s_worsened);
  }
  slots.add(s_unlinked, static_cast<std::int64_t>(index.unlinked_event_count()));

  IndicatorSet set;
  set.month = month;
  set.threshold = m.disclosure_threshold;
  set.items.reserve(slots.codes().size());
  for (std::size_t i = 0; i < slots.codes().size(); ++i) {
    if (i == s_plan_pct) {
      set.items.push_back({slots.codes()[i], IndicatorValue::of_percentage(
                                                 slots.get(s_plan_on_time), slots.get(s_plan_due))});
    } else {
      set.items.push_back({slots.codes()[i], IndicatorValue::of_count(slots.get(i))});
    }
  }
  return set;
}

}  // namespace

IndicatorSet compute_indicators(const DatasetIndex& index, const Config& config, YearMonth month) {
  return compute(index, config, month, false);
}

IndicatorSet compute_indicators(const Dataset& dataset, const Config& config, YearMonth month) {
  DatasetIndex index(dataset);
  return compute(index, config, month, false);
}

std::vector<IndicatorSet> compute_trend(const DatasetIndex& index, const Config& config,
                                        YearMonth month) {
  std::vector<IndicatorSet> trend;
  const int months = std::max(1, config.monitoring.trend_months);
  for (int back = months - 1; back >= 0; --back) {
    trend.push_back(compute(index, config, month.minus(back), true));
  }
  return trend;
}

}  // namespace casus
