// A hand-built dataset with one case for each special situation of a plan
// of action (no assessment yet; judgement below the floor without
// rationale; a begrenzen instrument; on hold past its review date; a family
// case linked to its traveller's case), and helpers to render a plan.
#pragma once

#include <catch2/catch.hpp>

#include "logic/logic_fixture.h"
#include "render/plan_context.h"
#include "render/template_renderer.h"

namespace casus::testing {

inline const Date kPlanAsOf{2026, 11, 28};

inline Dataset plan_dataset() {
  Dataset ds;
  ds.data_as_of = Date{2026, 11, 27};

  CaseRecord fresh = make_case("C-NEW", "2026-11-10", 4, "N");
  fresh.given_names = "Noor";
  fresh.surname = "Nieuwkomer";
  fresh.regisseur = "Annelies Voorbeeld";
  ds.cases.push_back(fresh);

  CaseRecord floor = make_case("C-FLOOR", "2026-03-02", 1, "A");
  floor.given_names = "Frank";
  floor.surname = "Vloermans";
  floor.bsn = "123456782";
  floor.birth_date = d("1999-04-12");
  floor.gender = Gender::m;
  floor.regisseur = "Bram Fictief";
  floor.escalation_level = 2;
  floor.plan_approved_on = d("2026-04-01");
  ds.cases.push_back(floor);
  ds.assessments.push_back(make_assessment("C-FLOOR", "2026-10-20", Judgement::midden,
                                           {{"V1", 2}, {"V2", 1}, {"V3", 0}, {"V4", 1}, {"V5", 0}, {"V6", 0},
                                            {"I1", 1}, {"I2", 1}, {"I3", 0}, {"I4", 0}, {"I5", 1},
                                            {"K1", 1}, {"K2", 0}, {"K3", 0}, {"K4", 2}, {"K5", 1}, {"K6", 0}, {"K7", 0}, {"K8", 1},
                                            {"B1", 1}, {"B2", 0}, {"B3", 1}, {"B4", 2}, {"B5", 1}, {"B6", 0}}));
  ds.assessments.back().assessor = "Bram Fictief";
  EventRecord arrest = make_event("C-FLOOR", "2026-11-03", EventKind::aanhouding, "P-1");
  arrest.description = "Aangehouden na bedreiging van een docent via sociale media";
  ds.events.push_back(arrest);
  auto goal = make_observation("C-FLOOR", "2026-10-20", "werk_opleiding", 2);
  goal.goal = "Terug naar de mbo-opleiding voor de zomer";
  ds.life_domains.push_back(goal);
  ds.life_domains.push_back(make_observation("C-FLOOR", "2026-10-20", "huisvesting", 4));

  CaseRecord restr = make_case("C-BEGR", "2025-12-01", 2, "E");
  restr.given_names = "Bas";
  restr.surname = "Begrensd";
  restr.regisseur = "Annelies Voorbeeld";
  restr.escalation_level = 3;
  restr.plan_approved_on = d("2026-01-05");
  ds.cases.push_back(restr);
  ds.assessments.push_back(make_assessment("C-BEGR", "2026-09-15", Judgement::hoog,
                                           {{"V1", 1}, {"V2", 2}, {"V4", 2}, {"I1", 2}, {"I4", 2}},
                                           "Ronselactiviteit bevestigd door meerdere partners."));
  auto measure = make_intervention("C-BEGR", "meldplicht", "2026-09-20", InterventionStatus::lopend);
  measure.partner = "politie";
  measure.rationale = "Gesprekken en mentoraat hebben onvoldoende effect gehad; een lichtere maatregel volstaat niet. "
                      "De meldplicht geldt zes maanden en wordt maandelijks getoetst.";
  ds.interventions.push_back(measure);
  ds.interventions.push_back(make_intervention("C-BEGR", "exitbegeleiding", "2026-02-01", InterventionStatus::lopend));

  CaseRecord hold = make_case("C-HOLD", "2025-06-01", 4, "K");
  hold.given_names = "Hanna";
  hold.surname = "Pauze";
  hold.regisseur = "Bram Fictief";
  hold.escalation_level = 2;
  hold.plan_approved_on = d("2025-07-01");
  hold.on_hold_since = d("2026-06-01");
  hold.on_hold_review_on = d("2026-10-01");
  hold.on_hold_reason = "Detentie in afwachting van strafzaak";
  ds.cases.push_back(hold);
  ds.assessments.push_back(make_assessment("C-HOLD", "2026-05-20", Judgement::laag, {{"V5", 1}}));

  CaseRecord traveller = make_case("C-TRAV", "2025-09-01", 3, "M");
  traveller.given_names = "Tarik";
  traveller.surname = "Reiziger";
  traveller.escalation_level = 3;
  traveller.regisseur = "Annelies Voorbeeld";
  ds.cases.push_back(traveller);
  CaseRecord family = make_case("C-FAM", "2026-02-01", 5, "M");
  family.given_names = "Fatma";
  family.surname = "Reiziger";
  family.related_case_id = "C-TRAV";
  family.regisseur = "Annelies Voorbeeld";
  family.escalation_level = 1;
  ds.cases.push_back(family);
  ds.assessments.push_back(make_assessment("C-FAM", "2026-08-01", Judgement::laag, {{"K6", 2}, {"B1", 2}}));
  return ds;
}

inline PlanOptions plan_options(Language language = Language::nl) {
  PlanOptions o;
  o.language = language;
  o.as_of = kPlanAsOf;
  o.data_as_of = Date{2026, 11, 27};
  o.generated_at = DateTime{kPlanAsOf, 9, 0, 0};
  return o;
}

inline std::filesystem::path plan_template_path() {
  return std::filesystem::path(CASUS_SOURCE_DIR) / "templates/plan/plan.mustache";
}

}  // namespace casus::testing
