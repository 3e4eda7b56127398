// Agenda selection: which cases each forum discusses on a date, why, and in
// which order (most urgent reason first).
#include <catch2/catch.hpp>

#include "logic/agenda_selection.h"
#include "logic/logic_fixture.h"

using namespace casus;
using namespace casus::testing;

namespace {

Dataset agenda_dataset() {
  Dataset ds;
  // Level 2 (casusoverleg), registered last week: new registration; plan due in 42 days is beyond the horizon.
  ds.cases.push_back(make_case("NEW", "2026-11-25"));
  ds.cases.back().escalation_level = 2;
  // Level 1 (regie), registered 40 days ago, no plan: plan due 2026-12-14 is within 14 days; intake forum.
  ds.cases.push_back(make_case("PLAN", "2026-11-02"));
  // Level 2, assessed hoog 100 days ago: review overdue by 9 days (interval 91).
  ds.cases.push_back(make_case("REVIEW", "2025-01-10"));
  ds.cases.back().escalation_level = 2;
  ds.cases.back().plan_approved_on = d("2025-02-01");
  ds.assessments.push_back(make_assessment("REVIEW", "2026-08-24", Judgement::hoog));
  ds.assessments.push_back(make_assessment("REVIEW", "2026-05-01", Judgement::hoog));
  // Level 2, on hold with its review date 30 days ago.
  ds.cases.push_back(make_case("HOLD", "2025-01-10"));
  ds.cases.back().escalation_level = 2;
  ds.cases.back().plan_approved_on = d("2025-02-01");
  ds.cases.back().on_hold_since = d("2026-06-01");
  ds.cases.back().on_hold_review_on = d("2026-11-02");
  ds.assessments.push_back(make_assessment("HOLD", "2026-10-01", Judgement::laag));
  // Level 2, judgement laag below floor hoog without rationale, and an arrest since: proposal up to level 3.
  ds.cases.push_back(make_case("UP", "2025-01-10"));
  ds.cases.back().escalation_level = 2;
  ds.cases.back().plan_approved_on = d("2025-02-01");
  ds.assessments.push_back(make_assessment("UP", "2026-11-01", Judgement::laag, {{"V1", 2}}));
  ds.events.push_back(make_event("UP", "2026-11-20", EventKind::aanhouding));
  // Level 3 (woensdagochtendoverleg) with nothing to discuss.
  ds.cases.push_back(make_case("QUIET", "2025-01-10"));
  ds.cases.back().escalation_level = 3;
  ds.cases.back().plan_approved_on = d("2025-02-01");
  ds.assessments.push_back(make_assessment("QUIET", "2026-11-01", Judgement::midden));
  // Closed: never on an agenda.
  ds.cases.push_back(closed(make_case("CLOSED", "2026-11-25"), "2026-11-30", ClosureReason::verhuisd));
  return ds;
}

std::vector<std::string> summary(const std::vector<AgendaItem>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    std::string line = item.history->record->case_id + ":";
    for (const auto& r : item.reasons) line += std::string(" ") + code(r.kind) + "(" + std::to_string(r.days_overdue) + ")";
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("agenda: casusoverleg cases ordered by urgency with every reason", "[agenda]") {
  const Dataset ds = agenda_dataset();
  const DatasetIndex index(ds);
  AgendaOptions options;
  options.forum = "casusoverleg";
  options.date = d("2026-12-02");
  auto items = select_agenda(shipped_config(), index, options);
  REQUIRE(items.is_ok());
  CHECK(summary(*items) == std::vector<std::string>{
                               "UP: escalation_up(0) judgement_unexplained(0)",
                               "HOLD: hold_review_past(30)",
                               "REVIEW: review_overdue(9)",
                               "PLAN: plan_due(0)",
                               "NEW: new_registration(0)",
                           });
  const AgendaReason& up = items->front().reasons.front();
  REQUIRE(up.proposal);
  CHECK(up.proposal->from_level == 2);
  CHECK(up.proposal->to_level == 3);
  CHECK(items->front().reasons[1].floor == Judgement::hoog);
}

TEST_CASE("agenda: woensdagochtendoverleg gets the proposals that move a case to level 3 only", "[agenda]") {
  const Dataset ds = agenda_dataset();
  const DatasetIndex index(ds);
  AgendaOptions options;
  options.forum = "woensdagochtendoverleg";
  options.date = d("2026-12-02");
  auto items = select_agenda(shipped_config(), index, options);
  REQUIRE(items.is_ok());
  CHECK(summary(*items) == std::vector<std::string>{"UP: escalation_up(0)"});
}

TEST_CASE("agenda: an unknown forum is refused with the known ones", "[agenda]") {
  const Dataset ds = agenda_dataset();
  const DatasetIndex index(ds);
  AgendaOptions options;
  options.forum = "koffie";
  options.date = d("2026-12-02");
  auto items = select_agenda(shipped_config(), index, options);
  REQUIRE_FALSE(items.is_ok());
  CHECK(items.message() == "unknown forum 'koffie' (known: regie, casusoverleg, woensdagochtendoverleg, driehoek)");
}
