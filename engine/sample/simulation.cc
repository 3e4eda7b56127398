#include "sample/simulation.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <functional>
#include <queue>

#include "sample/prng.h"
#include "sample/synthetic_text.h"

namespace casus {

bool CaseSnapshot::operator==(const CaseSnapshot& other) const {
  return plan_approved_on == other.plan_approved_on &&
         escalation_level == other.escalation_level && hold == other.hold &&
         closed_on == other.closed_on && closure_reason == other.closure_reason;
}

CaseSnapshot snapshot_at(const SampleCase& sample_case, const Date& day) {
  CaseSnapshot snapshot;
  if (sample_case.plan_approved_on && *sample_case.plan_approved_on <= day) {
    snapshot.plan_approved_on = sample_case.plan_approved_on;
  }
  for (const auto& change : sample_case.levels) {
    if (change.on <= day) snapshot.escalation_level = change.level;
  }
  for (const auto& hold : sample_case.holds) {
    if (hold.since <= day && (!hold.until || *hold.until > day)) snapshot.hold = &hold;
  }
  if (sample_case.closed_on && *sample_case.closed_on <= day) {
    snapshot.closed_on = sample_case.closed_on;
    snapshot.closure_reason = sample_case.closure_reason;
  }
  return snapshot;
}

std::optional<InterventionState> intervention_state_at(const SampleIntervention& intervention,
                                                      const Date& day) {
  if (day < intervention.decided_on) return std::nullopt;
  InterventionState state;
  if (intervention.cancelled_on && *intervention.cancelled_on <= day) {
    state.status = InterventionStatus::gestopt;
  } else if (intervention.started_on > day) {
    state.status = InterventionStatus::gepland;
  } else if (intervention.ended_on && *intervention.ended_on <= day) {
    state.status = intervention.end_status;
    state.ended_on = intervention.ended_on;
  } else {
    state.status = InterventionStatus::lopend;
  }
  return state;
}

Judgement consistency_floor(const Framework& framework,
                            const std::vector<std::optional<int>>& scores) {
  auto share = [&](const std::string& domain) {
    int total = 0;
    int count = 0;
    for (std::size_t i = 0; i < framework.items.size(); ++i) {
      if (framework.items[i].domain != domain) continue;
      ++count;
      if (i < scores.size() && scores[i]) total += *scores[i];
    }
    return count == 0 ? 0.0 : static_cast<double>(total) / (2.0 * count);
  };
  Judgement floor = Judgement::laag;
  for (const auto& rule : framework.attention_rules) {
    bool fires = false;
    for (const auto& condition : rule.any_of) {
      if (condition.kind == AttentionCondition::Kind::item_equals) {
        for (std::size_t i = 0; i < framework.items.size(); ++i) {
          if (framework.items[i].code == condition.target && i < scores.size() && scores[i] &&
              *scores[i] == static_cast<int>(std::lround(condition.value))) {
            fires = true;
          }
        }
      } else if (share(condition.target) >= condition.value - 1e-9) {
        fires = true;
      }
    }
    if (fires && rule.minimum > floor) floor = rule.minimum;
  }
  return floor;
}

namespace {

// A dated step in a case's life; the agenda runs them in date order.
struct Action {
  enum class Type { event, assessment, plan, hold_start, hold_release, level, closure };
  Type type = Type::event;
  EventKind event_kind = EventKind::melding;
  int delta = 0;
  ClosureReason reason = ClosureReason::overig;
};

Date weekday_on_or_before(Date day) {
  while (day.iso_weekday() > 5) day = day.plus_days(-1);
  return day;
}

Date random_day(Prng& rng, const Date& from, const Date& to) {
  const auto span = days_between(from, to);
  return from.plus_days(rng.uniform(0, span < 0 ? 0 : span));
}

// A set of small indices (persons) with the k-th smallest in O(log n): a
// Fenwick tree of 0/1 counts. Drawing a re-entry by rank over it picks the
// same person as drawing from the sorted list of all candidates.
class RankedSet {
 public:
  explicit RankedSet(std::size_t capacity) : tree_(capacity + 1, 0), present_(capacity, false) {}
  std::size_t size() const { return size_; }
  void insert(std::size_t value) {
    grow(value + 1);
    if (present_[value]) return;
    present_[value] = true;
    ++size_;
    for (std::size_t i = value + 1; i < tree_.size(); i += i & (~i + 1)) ++tree_[i];
  }
  void erase(std::size_t value) {
    if (value >= present_.size() || !present_[value]) return;
    present_[value] = false;
    --size_;
    for (std::size_t i = value + 1; i < tree_.size(); i += i & (~i + 1)) --tree_[i];
  }
  // The element with `rank` smaller elements before it; rank < size().
  std::size_t nth(std::size_t rank) const {
    std::size_t position = 0;
    std::size_t step = 1;
    while (step * 2 < tree_.size()) step *= 2;
    for (; step > 0; step /= 2) {
      if (position + step < tree_.size() && tree_[position + step] <= rank) {
        position += step;
        rank -= tree_[position];
      }
    }
    return position;  // the last 1-based position with a prefix count <= rank: the 0-based answer
  }

 private:
  void grow(std::size_t capacity) {
    if (capacity <= present_.size()) return;
    // Rebuild at twice the size: rare (the capacity is the case count).
    std::vector<bool> present = present_;
    present.resize(std::max(capacity, present_.size() * 2), false);
    tree_.assign(present.size() + 1, 0);
    present_.assign(present.size(), false);
    size_ = 0;
    for (std::size_t i = 0; i < present.size(); ++i) {
      if (present[i]) insert(i);
    }
  }

  std::vector<std::size_t> tree_;
  std::vector<bool> present_;
  std::size_t size_ = 0;
};

class Simulator {
 public:
  Simulator(const Config& config, const SimulationSettings& settings)
      : config_(config),
        settings_(settings),
        bsns_(settings.seed) {}

  Result<SampleWorld> run();

 private:
  void plan_registrations(std::vector<std::pair<Date, bool>>& registrations);
  void create_case(std::size_t index, const Date& registered_on, bool stock);
  std::size_t new_person(Prng& rng, const Date& registered_on, const std::string& surname,
                         std::optional<Date> relative_birth);
  void simulate(std::size_t case_index, Prng& rng);
  void record_event(Prng& rng, const SampleCase& sample_case, EventKind kind, const Date& day);
  SampleAssessment assess(Prng& rng, const SampleCase& sample_case, const Date& day, double risk,
                          double vulnerability, double protection, bool first);
  void observe(Prng& rng, std::size_t case_index, const Date& day, double months_in,
               const std::vector<double>& base, double trend, bool first);
  void add_interventions(Prng& rng, const SampleCase& sample_case, const Date& decided, int count,
                         const std::string& category, double risk);
  std::string next_case_id(const Date& registered_on);
  // The lightest police signal a partner names persons by bsn for.
  std::optional<EventKind> signal_kind() const {
    for (const auto kind : {EventKind::melding, EventKind::verdachte, EventKind::aanhouding}) {
      const auto route = settings_.event_routes.find(kind);
      if (route != settings_.event_routes.end() && route->second.by_bsn) return kind;
    }
    return std::nullopt;
  }

  const Config& config_;
  const SimulationSettings& settings_;
  SampleWorld world_;
  SyntheticBsnAllocator bsns_;
  Date window_start_;
  Date window_end_;
  std::map<int, int> case_numbers_;  // year -> last number
  std::size_t event_sequence_ = 0;
  std::vector<std::string> regisseurs_;

  // Indexes over the cases created so far, so a new case never looks through
  // all earlier ones (a case's whole life is simulated when it is created, so
  // an earlier case no longer changes).
  std::vector<std::size_t> travellers_;   // cases of risk group 1 or 3, in order
  std::vector<std::size_t> latest_case_;  // person -> index of the person's latest case
  // Closed cases whose person may come back, earliest closure first; a person
  // moves to returnable_ once the closure lies more than 30 days back.
  using Closure = std::pair<Date, std::size_t>;  // closed_on, case index
  std::priority_queue<Closure, std::vector<Closure>, std::greater<Closure>> closures_;
  RankedSet returnable_{0};             // persons whose latest case allows re-entry
  std::size_t case_interventions_ = 0;  // first intervention of the case being simulated
};

std::string Simulator::next_case_id(const Date& registered_on) {
  const int number = ++case_numbers_[registered_on.year];
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "CAS-%04d-%04d", registered_on.year, number);
  return buffer;
}

void Simulator::plan_registrations(std::vector<std::pair<Date, bool>>& registrations) {
  Prng rng = Prng::derive(settings_.seed, "inflow");
  const int total = std::max(0, settings_.cases);
  const int stock = total >= 3 ? total * 35 / 100 : 0;
  const int inflow = total - stock;
  const int months = static_cast<int>(world_.months.size());
  std::vector<int> counts(static_cast<std::size_t>(months), inflow / months);
  std::vector<std::size_t> order(counts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (std::size_t i = order.size(); i > 1; --i) {
    std::swap(order[i - 1], order[static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(i) - 1))]);
  }
  for (int i = 0; i < inflow % months; ++i) ++counts[order[static_cast<std::size_t>(i)]];
  // Jitter: move single cases between months, keeping every month near the mean.
  const int base = inflow / months;
  for (int k = 0; k < 2 * months; ++k) {
    auto& from = counts[static_cast<std::size_t>(rng.uniform(0, months - 1))];
    auto& to = counts[static_cast<std::size_t>(rng.uniform(0, months - 1))];
    if (&from != &to && from > std::max(1, base - 2) && to < base + 3) {
      --from;
      ++to;
    }
  }
  for (int i = 0; i < stock; ++i) {
    registrations.emplace_back(
        weekday_on_or_before(window_start_.plus_days(-rng.uniform(14, 720))), true);
  }
  for (int m = 0; m < months; ++m) {
    const auto& month = world_.months[static_cast<std::size_t>(m)];
    for (int i = 0; i < counts[static_cast<std::size_t>(m)]; ++i) {
      Date day = random_day(rng, month.first_day(), month.last_day());
      if (day.iso_weekday() > 5) {
        day = day.plus_days(day.iso_weekday() == 6 ? -1 : 1);
        if (!month.contains(day)) day = day.plus_days(day.day == 1 ? -3 : 3);
      }
      registrations.emplace_back(day, false);
    }
  }
  std::stable_sort(registrations.begin(), registrations.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
}

std::size_t Simulator::new_person(Prng& rng, const Date& registered_on, const std::string& surname,
                                  std::optional<Date> relative_birth) {
  SamplePerson person;
  person.bsn = bsns_.next();
  person.given_names = rng.pick(synthetic_given_names());
  person.surname = surname.empty() ? rng.pick(synthetic_surnames()) : surname;
  if (relative_birth) {
    // A sibling (a few years apart) or a parent (25 to 32 years older).
    person.birth_date = rng.chance(0.6) ? relative_birth->plus_days(rng.uniform(-6 * 365, 6 * 365))
                                        : relative_birth->plus_days(-rng.uniform(25 * 365, 32 * 365));
    if (days_between(person.birth_date, registered_on) < 12 * 365) {
      person.birth_date = registered_on.plus_days(-12 * 365 - rng.uniform(0, 400));
    }
  } else {
    person.birth_date = registered_on.plus_days(-rng.uniform(15 * 365, 42 * 365));
  }
  const std::size_t gender = rng.weighted({58, 37, 2, 3});
  person.gender = kAllGenders[gender];
  world_.persons.push_back(person);
  return world_.persons.size() - 1;
}

void Simulator::create_case(std::size_t index, const Date& registered_on, bool stock) {
  Prng rng = Prng::derive(settings_.seed, "case", index);
  SampleCase sample_case;
  sample_case.case_id = next_case_id(registered_on);
  sample_case.registered_on = registered_on;
  sample_case.stock = stock;
  std::vector<double> district_weights;
  for (const auto& district : config_.districts) {
    district_weights.push_back(district.code == "buiten" ? 0.3 : 1.0);
  }
  sample_case.district = config_.districts[rng.weighted(district_weights)].code;
  sample_case.regisseur = rng.pick(regisseurs_);
  sample_case.risk_group = static_cast<int>(rng.weighted({8, 5, 17, 50, 20})) + 1;

  if (sample_case.risk_group == 5) {
    // Family of a traveller: linked to the case of the relative who travelled
    // (cases are created in order of registration, so every earlier one counts).
    if (travellers_.empty()) {
      sample_case.risk_group = 4;
    } else {
      const auto& traveller = world_.cases[rng.pick(travellers_)];
      const auto& relative = world_.persons[traveller.person];
      sample_case.related_case_id = traveller.case_id;
      sample_case.person = new_person(rng, registered_on, relative.surname, relative.birth_date);
    }
  }
  if (sample_case.related_case_id.empty()) {
    bool returns = false;
    if (!stock && rng.chance(0.15)) {
      // Re-entry: a person whose latest case closed at least a month ago (not
      // deceased or moved away), drawn from those persons in person order.
      const Date threshold = registered_on.plus_days(-30);
      while (!closures_.empty() && closures_.top().first < threshold) {
        const std::size_t closed = closures_.top().second;
        closures_.pop();
        const std::size_t person = world_.cases[closed].person;
        if (latest_case_[person] == closed) returnable_.insert(person);
      }
      if (returnable_.size() > 0) {
        const auto rank = rng.uniform(0, static_cast<std::int64_t>(returnable_.size()) - 1);
        sample_case.person = returnable_.nth(static_cast<std::size_t>(rank));
        sample_case.reentry = true;
        returns = true;
      }
    }
    if (returns) {
      returnable_.erase(sample_case.person);
    } else {
      sample_case.person = new_person(rng, registered_on, "", std::nullopt);
    }
  }
  world_.cases.push_back(sample_case);
  const std::size_t case_index = world_.cases.size() - 1;
  if (latest_case_.size() <= sample_case.person) latest_case_.resize(sample_case.person + 1);
  latest_case_[sample_case.person] = case_index;
  if (sample_case.risk_group == 1 || sample_case.risk_group == 3) travellers_.push_back(case_index);
  simulate(case_index, rng);
  const SampleCase& done = world_.cases[case_index];
  if (done.closed_on && done.closure_reason != ClosureReason::overleden &&
      done.closure_reason != ClosureReason::verhuisd) {
    closures_.emplace(*done.closed_on, case_index);
  }
}

void Simulator::record_event(Prng& rng, const SampleCase& sample_case, EventKind kind,
                             const Date& day) {
  const auto route = settings_.event_routes.find(kind);
  if (route == settings_.event_routes.end()) return;
  if (day < window_start_ || day > window_end_) return;
  SampleEvent event;
  event.partner = route->second.partner;
  if (route->second.by_bsn) {
    event.bsn = world_.persons[sample_case.person].bsn;
    event.has_time = true;
    event.occurred_on = DateTime{day, static_cast<int>(rng.uniform(0, 23)),
                                 static_cast<int>(rng.uniform(0, 11)) * 5, 0};
  } else {
    event.case_id = sample_case.case_id;
    event.occurred_on = DateTime{day, 0, 0, 0};
  }
  event.kind = kind;
  const auto& texts = event_descriptions(code(kind));
  if (!texts.empty() && rng.chance(0.8)) event.description = rng.pick(texts);
  event.sequence = event_sequence_++;
  world_.events.push_back(event);
}

SampleAssessment Simulator::assess(Prng& rng, const SampleCase& sample_case, const Date& day,
                                   double risk, double vulnerability, double protection,
                                   bool first) {
  const auto& framework = config_.framework;
  SampleAssessment assessment;
  assessment.case_id = sample_case.case_id;
  assessment.assessed_on = day;
  assessment.assessor = sample_case.regisseur;
  // Domain latents by position: the first non-protective domain follows the
  // security risk, the second the ideology, the rest vulnerability;
  // protective domains follow protection.
  std::map<std::string, double> latent;
  int rank = 0;
  for (const auto& domain : framework.domains) {
    if (domain.protective) {
      latent[domain.code] = protection;
    } else {
      latent[domain.code] = rank == 0 ? risk : rank == 1 ? risk * 0.9 : vulnerability;
      ++rank;
    }
  }
  for (std::size_t i = 0; i < framework.items.size(); ++i) {
    const auto& item = framework.items[i];
    std::optional<int> score;
    if (!rng.chance(first ? 0.12 : 0.06)) {
      const double level = (latent.count(item.domain) ? latent[item.domain] : 0.4) +
                           rng.real(-0.3, 0.3);
      score = level < 0.3 ? 0 : level < 0.65 ? 1 : 2;
    }
    assessment.scores.push_back(score);
    const bool evidenced = score && *score == 2 && !settings_.evidence_source.empty() &&
                           rng.chance(0.4);
    if (evidenced)
      assessment.evidence.push_back({i, settings_.evidence_source, rng.pick(item_evidence())});
  }
  assessment.floor = consistency_floor(framework, assessment.scores);
  const Judgement base = risk < 0.38 ? Judgement::laag : risk < 0.62 ? Judgement::midden
                                                                     : Judgement::hoog;
  assessment.judgement = std::max(base, assessment.floor);
  if (assessment.floor > Judgement::laag) {
    const double draw = rng.real();
    if (draw < 0.07) {
      // Below the floor, no rationale: flagged "afwijking zonder motivering".
      assessment.judgement = static_cast<Judgement>(static_cast<int>(assessment.floor) - 1);
    } else if (draw < 0.12) {
      assessment.judgement = static_cast<Judgement>(static_cast<int>(assessment.floor) - 1);
      assessment.rationale = rng.pick(deviation_rationales());
    }
  }
  return assessment;
}

void Simulator::observe(Prng& rng, std::size_t case_index, const Date& day, double months_in,
                        const std::vector<double>& base, double trend, bool first) {
  const auto& domains = config_.monitoring.life_domains;
  for (std::size_t d = 0; d < domains.size(); ++d) {
    const bool observed = first || rng.chance(0.5);
    const double noise = rng.real(-0.6, 0.6);
    if (!observed) continue;
    SampleObservation observation;
    observation.case_index = static_cast<std::uint32_t>(case_index);
    observation.observed_on = day;
    observation.domain = static_cast<std::uint16_t>(d);
    const double value = base[d] + trend * months_in + noise;
    observation.score =
        static_cast<std::uint8_t>(std::clamp(static_cast<int>(std::lround(value)), 1, 5));
    if (observation.score <= 2 && rng.chance(0.6)) {
      // As rng.pick(life_domain_goals()), keeping the index.
      const auto goals = static_cast<std::int64_t>(life_domain_goals().size());
      observation.goal = static_cast<std::int8_t>(rng.uniform(0, goals - 1));
    }
    world_.observations.push_back(observation);
  }
}

void Simulator::add_interventions(Prng& rng, const SampleCase& sample_case, const Date& decided,
                                  int count, const std::string& category, double risk) {
  std::vector<const Instrument*> suitable;
  for (const auto& instrument : config_.toolkit.instruments) {
    if (!category.empty() && instrument.category != category) continue;
    if (category.empty() && risk < 0.6) {
      // Restricting measures mostly come with a high risk.
      bool restricting = false;
      for (const auto& c : config_.toolkit.categories) {
        if (c.code == instrument.category && c.requires_legal_basis) restricting = true;
      }
      if (restricting) continue;
    }
    const bool fits = instrument.risk_groups.empty() ||
                      std::find(instrument.risk_groups.begin(), instrument.risk_groups.end(),
                                sample_case.risk_group) != instrument.risk_groups.end();
    bool owner_known = false;
    for (const auto& partner : config_.partners) owner_known |= partner.code == instrument.owner;
    if (fits && owner_known) suitable.push_back(&instrument);
  }
  for (int i = 0; i < count && !suitable.empty(); ++i) {
    const std::size_t pick = static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(suitable.size()) - 1));
    const Instrument& instrument = *suitable[pick];
    suitable.erase(suitable.begin() + static_cast<std::ptrdiff_t>(pick));
    // Only the case being simulated adds interventions, so its own are the tail.
    bool duplicate = false;
    for (std::size_t e = case_interventions_; e < world_.interventions.size(); ++e) {
      const auto& existing = world_.interventions[e];
      duplicate |= existing.case_id == sample_case.case_id && existing.code == instrument.code &&
                   (!existing.ended_on || *existing.ended_on > decided) && !existing.cancelled_on;
    }
    if (duplicate) continue;
    SampleIntervention intervention;
    intervention.case_id = sample_case.case_id;
    intervention.code = instrument.code;
    intervention.partner = instrument.owner;
    intervention.category = instrument.category;
    intervention.decided_on = decided;
    intervention.started_on = decided.plus_days(rng.chance(0.3) ? rng.uniform(15, 45) : rng.uniform(0, 10));
    const Date end = intervention.started_on.plus_days(rng.uniform(60, 330));
    intervention.end_status = rng.chance(0.75) ? InterventionStatus::afgerond : InterventionStatus::gestopt;
    if (end <= window_end_) intervention.ended_on = end;
    bool restricting = false;
    for (const auto& c : config_.toolkit.categories) {
      if (c.code == instrument.category && c.requires_legal_basis) restricting = true;
    }
    if (restricting) {
      intervention.rationale = rng.pick(begrenzen_rationales());
    } else if (rng.chance(0.3)) {
      intervention.rationale = rng.pick(intervention_notes());
    }
    world_.interventions.push_back(intervention);
  }
}

void Simulator::simulate(std::size_t case_index, Prng& rng) {
  // Copy what we need: world_.cases may grow while we run (it does not here,
  // but references into vectors are kept short on purpose).
  auto current = [&]() -> SampleCase& { return world_.cases[case_index]; };
  case_interventions_ = world_.interventions.size();
  const Date registered = current().registered_on;
  const int group = current().risk_group;

  static const double kRiskByGroup[6] = {0, 0.72, 0.66, 0.56, 0.46, 0.26};
  double risk = std::clamp(kRiskByGroup[group] + rng.real(-0.15, 0.15), 0.02, 0.98);
  double vulnerability = rng.real(0.3, 0.85);
  const double protection = rng.real(0.2, 0.75);
  static const double kDrift[5] = {-0.035, -0.018, 0.0, 0.02, -0.01};
  const double drift = kDrift[rng.weighted({25, 30, 20, 20, 5})];
  std::vector<double> domain_base;
  for (std::size_t d = 0; d < config_.monitoring.life_domains.size(); ++d) {
    domain_base.push_back(1.0 + (1.0 - vulnerability) * 4.0 + rng.real(-1.2, 1.2));
  }
  const double domain_trend = -drift * 3.0;

  int level = group <= 2 ? static_cast<int>(rng.uniform(2, 3)) : (risk > 0.55 ? 2 : 1);
  current().levels.push_back({registered, level});

  std::multimap<Date, Action> agenda;
  const Date first_assessment =
      registered.plus_days(rng.chance(0.85) ? rng.uniform(6, 35) : rng.uniform(36, 75));
  agenda.emplace(first_assessment, Action{Action::Type::assessment});
  if (rng.chance(0.92)) {
    agenda.emplace(first_assessment.plus_days(rng.chance(0.7) ? rng.uniform(2, 20) : rng.uniform(21, 50)),
                   Action{Action::Type::plan});
  }
  if (!current().stock && rng.chance(0.3)) {
    // A police signal before the case was registered.
    if (const auto kind = signal_kind()) {
      record_event(rng, current(), *kind, registered.plus_days(-rng.uniform(5, 60)));
    }
  }

  std::vector<Judgement> judgements;
  bool travelled = false;
  bool closed = false;
  bool first = true;
  YearMonth month{registered.year, registered.month};
  const YearMonth last = settings_.until;
  for (; month <= last; month = month.next()) {
    const Date month_start = std::max(month.first_day(), registered);
    const Date month_end = std::min(month.last_day(), window_end_);
    if (month_start > registered) {
      risk = std::clamp(risk + drift + rng.real(-0.03, 0.03), 0.02, 0.98);
      vulnerability = std::clamp(vulnerability + drift * 0.5 + rng.real(-0.02, 0.02), 0.05, 0.95);
    }
    if (!closed) {
      // Police signals, more often with a higher risk; family members rarely.
      const double rate = (0.04 + 0.22 * risk) * (group == 5 ? 0.4 : 1.0);
      if (rng.chance(rate)) {
        std::vector<double> weights = {40, 25, 15.0 + (risk > 0.6 ? 20 : 0),
                                       (group == 1 || group == 3) ? 5.0 : 0.0,
                                       group == 1 ? (travelled ? 4.0 : 1.5) : 0.0};
        static const EventKind kinds[5] = {EventKind::melding, EventKind::verdachte,
                                           EventKind::aanhouding, EventKind::uitreispoging,
                                           EventKind::terugkeer};
        Action action{Action::Type::event};
        action.event_kind = kinds[rng.weighted(weights)];
        agenda.emplace(random_day(rng, month_start, month_end), action);
      }
      // A pause for another reason (abroad, admitted to a clinic).
      if (rng.chance(0.012)) agenda.emplace(random_day(rng, month_start, month_end), Action{Action::Type::hold_start});
      // Closure, from the first delivered month on and after three months.
      const bool two_low = judgements.size() >= 2 && judgements.back() == Judgement::laag &&
                           judgements[judgements.size() - 2] == Judgement::laag;
      if (month.first_day() >= window_start_ && days_between(registered, month_start) >= 90) {
        double hazard = 0.05;
        if (two_low) hazard = 0.3;
        else if (!judgements.empty() && judgements.back() == Judgement::laag) hazard = 0.1;
        if (rng.chance(hazard)) {
          Action action{Action::Type::closure};
          if (two_low) {
            action.reason = rng.chance(0.55) ? ClosureReason::afgeschaald : ClosureReason::doel_bereikt;
          } else {
            static const ClosureReason reasons[5] = {ClosureReason::verhuisd, ClosureReason::overig,
                                                     ClosureReason::doel_bereikt, ClosureReason::overleden,
                                                     ClosureReason::afgeschaald};
            action.reason = reasons[rng.weighted({30, 25, 25, 3, 17})];
          }
          agenda.emplace(random_day(rng, month_start.plus_days(1) > month_end ? month_end : month_start.plus_days(1), month_end), action);
        }
      }
    }
    while (!agenda.empty() && agenda.begin()->first <= month_end) {
      const Date day = agenda.begin()->first;
      const Action action = agenda.begin()->second;
      agenda.erase(agenda.begin());
      if (closed && action.type != Action::Type::event) continue;
      switch (action.type) {
        case Action::Type::event: {
          if (settings_.event_routes.count(action.event_kind) == 0) break;
          record_event(rng, current(), action.event_kind, day);
          if (closed) break;
          auto later = [&](std::int64_t low, std::int64_t high) {
            return day.plus_days(rng.uniform(low, high));
          };
          switch (action.event_kind) {
            case EventKind::aanhouding: {
              if (rng.chance(0.5)) agenda.emplace(later(30, 100), Action{Action::Type::event, EventKind::dagvaarding});
              if (rng.chance(0.35) && snapshot_at(current(), day).hold == nullptr) {
                agenda.emplace(later(1, 10), Action{Action::Type::hold_start});
              }
              if (rng.chance(0.4)) agenda.emplace(later(2, 12), Action{Action::Type::level, EventKind::melding, +1});
              break;
            }
            case EventKind::uitreispoging:
              travelled = true;
              risk = std::min(0.98, risk + 0.15);
              if (rng.chance(0.85)) agenda.emplace(later(1, 7), Action{Action::Type::level, EventKind::melding, +1});
              break;
            case EventKind::terugkeer: risk = std::min(0.98, risk + 0.1); break;
            case EventKind::dagvaarding:
              if (rng.chance(0.6)) agenda.emplace(later(30, 120), Action{Action::Type::event, EventKind::veroordeling});
              break;
            case EventKind::veroordeling:
              if (rng.chance(0.45)) agenda.emplace(later(7, 40), Action{Action::Type::event, EventKind::detentie_start});
              break;
            case EventKind::detentie_start:
              if (rng.chance(0.45) && day >= window_start_) {
                Action closure{Action::Type::closure};
                closure.reason = ClosureReason::detentie;
                agenda.emplace(later(0, 21), closure);
              } else {
                agenda.emplace(later(60, 200), Action{Action::Type::event, EventKind::detentie_einde});
              }
              break;
            default: break;
          }
          break;
        }
        case Action::Type::assessment: {
          const double months_in = static_cast<double>(days_between(registered, day)) / 30.4;
          SampleAssessment assessment = assess(rng, current(), day, risk, vulnerability, protection, first);
          const Judgement previous = judgements.empty() ? Judgement::laag : judgements.back();
          const bool had_previous = !judgements.empty();
          judgements.push_back(assessment.judgement);
          world_.assessments.push_back(assessment);
          const Date observed = day.plus_days(rng.uniform(0, 10));
          if (observed <= window_end_)
            observe(rng, case_index, observed, months_in, domain_base, domain_trend, first);
          if (assessment.judgement == Judgement::hoog && (!had_previous || previous < Judgement::hoog) &&
              rng.chance(0.8)) {
            agenda.emplace(day.plus_days(rng.uniform(3, 14)), Action{Action::Type::level, EventKind::melding, +1});
          }
          const std::size_t n = judgements.size();
          const bool fell = had_previous && assessment.judgement < previous;
          if ((fell && rng.chance(0.5)) ||
              (n >= 2 && judgements[n - 1] == Judgement::laag && judgements[n - 2] == Judgement::laag &&
               rng.chance(0.75))) {
            agenda.emplace(day.plus_days(rng.uniform(7, 28)), Action{Action::Type::level, EventKind::melding, -1});
          }
          if (!first && assessment.judgement == Judgement::hoog && rng.chance(0.5)) {
            std::string restricting;
            for (const auto& c : config_.toolkit.categories) {
              if (c.requires_legal_basis) restricting = c.code;
            }
            add_interventions(rng, current(), day.plus_days(rng.uniform(3, 20)), 1, restricting, risk);
          }
          first = false;
          const auto& monitoring = config_.monitoring;
          const std::int64_t interval = assessment.judgement == Judgement::hoog     ? monitoring.review_days_hoog
                                        : assessment.judgement == Judgement::midden ? monitoring.review_days_midden
                                                                                    : monitoring.review_days_laag;
          agenda.emplace(day.plus_days(std::max<std::int64_t>(30, interval + rng.uniform(-40, 25))),
                         Action{Action::Type::assessment});
          break;
        }
        case Action::Type::plan:
          current().plan_approved_on = day;
          add_interventions(rng, current(), day, static_cast<int>(rng.uniform(1, 3)), "", risk);
          break;
        case Action::Type::hold_start: {
          if (snapshot_at(current(), day).hold != nullptr) break;
          SampleHold hold;
          hold.since = day;
          hold.review_on = day.plus_days(rng.uniform(42, 120));
          hold.reason = rng.pick(hold_reasons());
          const Date release = rng.chance(0.6) ? hold.review_on.plus_days(rng.uniform(-14, 30))
                                               : hold.review_on.plus_days(rng.uniform(60, 200));
          current().holds.push_back(hold);
          agenda.emplace(std::max(release, day.plus_days(1)), Action{Action::Type::hold_release});
          break;
        }
        case Action::Type::hold_release:
          if (!current().holds.empty() && !current().holds.back().until) current().holds.back().until = day;
          break;
        case Action::Type::level: {
          const int next = std::clamp(level + action.delta, 1, 4);
          if (next != level) {
            level = next;
            current().levels.push_back({day, level});
          }
          break;
        }
        case Action::Type::closure: {
          if (day < window_start_ || day <= registered) break;
          closed = true;
          current().closed_on = day;
          current().closure_reason = action.reason;
          for (auto& hold : current().holds) {
            if (!hold.until || *hold.until > day) hold.until = day;
          }
          // The case's own interventions are the tail from case_interventions_ on.
          const std::string id = current().case_id;
          const auto own =
              world_.interventions.begin() + static_cast<std::ptrdiff_t>(case_interventions_);
          world_.interventions.erase(std::remove_if(own, world_.interventions.end(),
                                                    [&](const SampleIntervention& i) {
                                                      return i.case_id == id && i.decided_on > day;
                                                    }),
                                     world_.interventions.end());
          for (std::size_t e = case_interventions_; e < world_.interventions.size(); ++e) {
            auto& intervention = world_.interventions[e];
            if (intervention.case_id != id) continue;
            if (intervention.started_on > day) {
              intervention.cancelled_on = day;
              intervention.ended_on.reset();
            } else if (!intervention.ended_on || *intervention.ended_on > day) {
              intervention.ended_on = day;
              intervention.end_status = (action.reason == ClosureReason::doel_bereikt ||
                                         action.reason == ClosureReason::afgeschaald)
                                            ? InterventionStatus::afgerond
                                            : InterventionStatus::gestopt;
            }
          }
          break;
        }
      }
    }
  }
}

Result<SampleWorld> Simulator::run() {
  if (config_.districts.empty()) return Status::error("config defines no districts");
  if (config_.framework.items.empty()) return Status::error("config defines no framework items");
  if (config_.monitoring.life_domains.empty()) return Status::error("config defines no life domains");
  if (settings_.months < 1) return Status::error("months must be at least 1");
  for (int i = settings_.months - 1; i >= 0; --i) world_.months.push_back(settings_.until.minus(i));
  window_start_ = world_.months.front().first_day();
  window_end_ = world_.months.back().last_day();
  for (const auto& regisseur : config_.regisseurs) regisseurs_.push_back(regisseur.name);
  if (regisseurs_.empty()) regisseurs_ = synthetic_regisseurs();

  std::vector<std::pair<Date, bool>> registrations;
  plan_registrations(registrations);
  returnable_ = RankedSet(registrations.size());  // a case adds at most one person
  for (std::size_t i = 0; i < registrations.size(); ++i) {
    create_case(i, registrations[i].first, registrations[i].second);
  }

  // Persons known to the police but without any case: their events stay unlinked.
  Prng rng = Prng::derive(settings_.seed, "unlinked");
  if (const auto signal = signal_kind()) {
    const int persons = std::max(2, settings_.cases / 12);
    for (int i = 0; i < persons; ++i) {
      const Date day = random_day(rng, window_start_, window_end_);
      const std::size_t person = new_person(rng, day, "", std::nullopt);
      world_.unlinked_persons.push_back(person);
      SampleCase stranger;
      stranger.person = person;
      const int count = static_cast<int>(rng.uniform(1, 2));
      for (int k = 0; k < count; ++k) {
        const auto verdachte = settings_.event_routes.find(EventKind::verdachte);
        const bool police_suspect = verdachte != settings_.event_routes.end() && verdachte->second.by_bsn;
        const EventKind kind = rng.chance(0.7) || !police_suspect ? *signal : EventKind::verdachte;
        record_event(rng, stranger, kind, k == 0 ? day : random_day(rng, day, window_end_));
      }
    }
  }

  // Event ids per partner, in order of occurrence.
  std::stable_sort(world_.events.begin(), world_.events.end(), [](const auto& a, const auto& b) {
    return a.occurred_on != b.occurred_on ? a.occurred_on < b.occurred_on : a.sequence < b.sequence;
  });
  std::map<std::string, int> numbers;
  Prng ids = Prng::derive(settings_.seed, "event-ids");
  for (auto& event : world_.events) {
    int& number = numbers[event.partner];
    number += static_cast<int>(ids.uniform(1, 40));
    char buffer[64];
    if (!event.bsn.empty()) {
      std::snprintf(buffer, sizeof buffer, "%04d-%06d", event.occurred_on.date.year, 100000 + number);
    } else {
      std::string prefix;
      for (const char c : event.partner) prefix += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      std::snprintf(buffer, sizeof buffer, "%s-%04d-%05d", prefix.c_str(), event.occurred_on.date.year, number);
    }
    event.event_id = buffer;
  }
  return std::move(world_);
}

}  // namespace

Result<SampleWorld> simulate_world(const Config& config, const SimulationSettings& settings) {
  Simulator simulator(config, settings);
  return simulator.run();
}

}  // namespace casus
