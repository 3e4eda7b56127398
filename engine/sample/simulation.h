// Simulation: the synthetic world behind the sample exports. Persons and
// their cases evolve month by month (inflow, assessments at the configured
// intervals, plans, interventions, life domains, police and justice events,
// holds, escalation and afschaling, closure, re-entry, family cases), all
// driven by Prng streams so the same seed gives the same world. Codes (items,
// domains, instruments, partners, districts, life domains) come from Config.
// The world is plain values; sample_generator turns it into monthly exports.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "core/status.h"
#include "model/enums.h"

namespace casus {

struct SamplePerson {
  std::string bsn;
  std::string given_names;
  std::string surname;
  Date birth_date;
  Gender gender = Gender::onbekend;
};

struct SampleHold {
  Date since;
  Date review_on;
  std::optional<Date> until;  // released (or the case closed) on this day
  std::string reason;
};

struct SampleLevelChange {
  Date on;
  int level = 1;
};

struct SampleCase {
  std::string case_id;
  std::size_t person = 0;
  std::string district;
  int risk_group = 4;
  Date registered_on;
  std::string regisseur;
  std::optional<Date> plan_approved_on;
  std::vector<SampleLevelChange> levels;  // first entry on registered_on
  std::vector<SampleHold> holds;
  std::optional<Date> closed_on;
  std::optional<ClosureReason> closure_reason;
  std::string related_case_id;
  bool stock = false;    // registered before the first delivered month
  bool reentry = false;  // the person had an earlier, closed case
};

// The case as a monthly export shows it at the end of a day.
struct CaseSnapshot {
  std::optional<Date> plan_approved_on;
  int escalation_level = 1;
  const SampleHold* hold = nullptr;
  std::optional<Date> closed_on;
  std::optional<ClosureReason> closure_reason;
  bool operator==(const CaseSnapshot& other) const;
};
CaseSnapshot snapshot_at(const SampleCase& sample_case, const Date& day);

// The evidence of one item score: the partner it came from and the text.
struct ItemEvidence {
  std::size_t item = 0;  // index into Framework::items
  std::string source;    // partner code
  std::string text;
};

struct SampleAssessment {
  std::string case_id;
  Date assessed_on;
  std::string assessor;
  std::vector<std::optional<int>> scores;  // parallel to Framework::items
  std::vector<ItemEvidence> evidence;      // the few evidenced items, in item order
  Judgement judgement = Judgement::laag;
  Judgement floor = Judgement::laag;  // consistency floor of the scores
  std::string rationale;
};

struct SampleIntervention {
  std::string case_id;
  std::string code;
  std::string partner;  // the instrument's owner
  std::string category;
  Date decided_on;  // first known to the partner
  Date started_on;
  std::optional<Date> ended_on;
  InterventionStatus end_status = InterventionStatus::afgerond;
  std::optional<Date> cancelled_on;  // stopped before it started
  std::string rationale;
};

// Status and end date as a delivery at the end of `day` shows them; nullopt
// when the intervention was not yet decided.
struct InterventionState {
  InterventionStatus status = InterventionStatus::gepland;
  std::optional<Date> ended_on;
  bool operator==(const InterventionState& other) const = default;
};
std::optional<InterventionState> intervention_state_at(const SampleIntervention& intervention,
                                                      const Date& day);

// A life-domain score. Twelve bytes, as a set holds millions of them: the
// case, the domain and the goal are indices.
struct SampleObservation {
  std::uint32_t case_index = 0;  // into SampleWorld::cases
  Date observed_on;
  std::uint16_t domain = 0;  // into Monitoring::life_domains
  std::uint8_t score = 3;    // 1..5
  std::int8_t goal = -1;     // into life_domain_goals(); -1 = none
};

struct SampleEvent {
  std::string partner;
  std::string event_id;
  std::string case_id;  // set when the partner names cases, else empty
  std::string bsn;      // set when the partner names persons
  DateTime occurred_on;
  bool has_time = false;
  EventKind kind = EventKind::melding;
  std::string description;
  std::size_t sequence = 0;  // creation order, for stable sorting
};

// Which partner delivers each event kind, and whether it names the person by
// bsn (police) or the case by case_id (prosecution, probation).
struct EventRoute {
  std::string partner;
  bool by_bsn = false;
};

struct SimulationSettings {
  int cases = 150;
  int months = 18;
  std::uint64_t seed = 7;
  YearMonth until{2026, 10};
  std::map<EventKind, EventRoute> event_routes;
  std::string evidence_source;  // partner code named as source of item evidence
};

struct SampleWorld {
  std::vector<YearMonth> months;  // delivered months, oldest first
  std::vector<SamplePerson> persons;
  std::vector<SampleCase> cases;  // in order of registration
  std::vector<SampleAssessment> assessments;
  std::vector<SampleIntervention> interventions;
  std::vector<SampleObservation> observations;
  std::vector<SampleEvent> events;
  std::vector<std::size_t> unlinked_persons;  // persons with events but no case
};

// Runs the simulation. Fails only on a config that gives it nothing to work
// with (no districts, no framework items, no life domains).
Result<SampleWorld> simulate_world(const Config& config, const SimulationSettings& settings);

// The consistency floor of a set of scores under the config's attention rules.
Judgement consistency_floor(const Framework& framework,
                            const std::vector<std::optional<int>>& scores);

}  // namespace casus
