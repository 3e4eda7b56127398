// Every indicator of spec/monitoring.md on small hand-built datasets; the
// expected values are worked out in the comments. Month 2024-02: S =
// 2024-02-01, E = 2024-02-29 (leap year); end of previous month 2024-01-31.
#include <catch2/catch.hpp>

#include "logic/monitoring_indicators.h"
#include "logic_fixture.h"

using namespace casus;
using namespace casus::testing;

namespace {

const YearMonth kFeb2024{2024, 2};

IndicatorSet compute(const Dataset& ds, YearMonth month = kFeb2024) {
  return compute_indicators(ds, shipped_config(), month);
}

}  // namespace

TEST_CASE("indicator codes: every code, in the order of monitoring.md") {
  const auto codes = indicator_codes(shipped_config());
  REQUIRE(codes.size() == 117);
  CHECK(codes[0] == "active");
  CHECK(codes[3] == "outflow");
  CHECK(codes[4] == "outflow_reason.doel_bereikt");
  CHECK(codes[9] == "outflow_reason.overig");
  CHECK(codes[10] == "active_by_risk_group.1");
  CHECK(codes[15] == "active_by_district.A");
  CHECK(codes[24] == "active_by_district.buiten");
  CHECK(codes[25] == "active_by_stage.zonder_beoordeling");
  CHECK(codes[28] == "active_by_escalation_level.1");
  CHECK(codes[32] == "on_hold");
  CHECK(codes[34] == "risk_level.laag");
  CHECK(codes[37] == "risk_level.onbekend");
  CHECK(codes[44] == "plan_on_time_pct");
  CHECK(codes[46] == "interventions_active.begrenzen");
  CHECK(codes[49] == "interventions_started.begrenzen");
  CHECK(codes[52] == "life_domain.financien.rood");
  CHECK(codes[55] == "life_domain.financien.onbekend");
  CHECK(codes[103] == "life_domain.justitie.onbekend");
  CHECK(codes[104] == "life_domain_improved");
  CHECK(codes[106] == "events.melding");
  CHECK(codes[115] == "police_contact");
  CHECK(codes[116] == "unlinked_events");
  Dataset empty;
  const IndicatorSet set = compute(empty);
  REQUIRE(set.items.size() == codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    CHECK(set.items[i].code == codes[i]);
    if (codes[i] == "plan_on_time_pct") {
      CHECK(set.items[i].value == IndicatorValue::null_value());  // plan_due = 0
    } else {
      CHECK(set.items[i].value == IndicatorValue::of_count(0));
    }
  }
}

TEST_CASE("active, inflow, outflow and outflow reasons at month boundaries") {
  Dataset ds;
  ds.cases = {
      make_case("c1", "2024-01-10"),                                               // active
      make_case("c2", "2024-02-29"),                                               // active, inflow (last day)
      make_case("c3", "2024-03-01"),                                               // after E: nothing
      closed(make_case("c4", "2023-05-01"), "2024-02-29", ClosureReason::verhuisd),  // closed on E: outflow, not active
      closed(make_case("c5", "2023-05-01"), "2024-03-01", ClosureReason::overig),    // active
      closed(make_case("c6", "2024-02-01"), "2024-02-15", ClosureReason::doel_bereikt),  // inflow + outflow
      closed(make_case("c7", "2023-01-01"), "2024-01-31", ClosureReason::detentie),  // nothing
  };
  const IndicatorSet s = compute(ds);
  CHECK(s.count("active") == 3);
  CHECK(s.count("inflow") == 2);
  CHECK(s.count("outflow") == 2);
  CHECK(s.count("outflow_reason.verhuisd") == 1);
  CHECK(s.count("outflow_reason.doel_bereikt") == 1);
  CHECK(s.count("outflow_reason.detentie") == 0);
  CHECK(s.count("outflow_reason.overig") == 0);
  // January: c1 inflow, c7 outflow; active at 2024-01-31: c4, c5 (c7 closed on E).
  const IndicatorSet jan = compute(ds, YearMonth{2024, 1});
  CHECK(jan.count("active") == 3);  // c1, c4, c5
  CHECK(jan.count("inflow") == 1);
  CHECK(jan.count("outflow") == 1);
  CHECK(jan.count("outflow_reason.detentie") == 1);
}

TEST_CASE("inflow_reentry compares bsn with cases closed before registration") {
  Dataset ds;
  auto with_bsn = [](CaseRecord c, const char* bsn) {
    c.bsn = bsn;
    return c;
  };
  ds.cases = {
      with_bsn(closed(make_case("p1_old", "2022-01-01"), "2023-12-31", ClosureReason::afgeschaald), "111111110"),
      with_bsn(make_case("p1_new", "2024-02-10"), "111111110"),  // re-entry
      with_bsn(closed(make_case("p2_old", "2022-01-01"), "2024-02-10", ClosureReason::overig), "222222220"),
      with_bsn(make_case("p2_new", "2024-02-10"), "222222220"),  // closed the same day: not before
      with_bsn(make_case("p3_old", "2022-01-01"), "333333330"),
      with_bsn(make_case("p3_new", "2024-02-11"), "333333330"),  // earlier case still open
      make_case("p4_old", "2022-01-01"),
      closed(make_case("p4_closed", "2022-01-01"), "2023-01-01", ClosureReason::overig),
      make_case("p4_new", "2024-02-12"),  // no bsn: never a re-entry
      with_bsn(closed(make_case("p5_old", "2023-01-01"), "2024-02-05", ClosureReason::verhuisd), "555555550"),
      with_bsn(make_case("p5_new", "2024-02-20"), "555555550"),  // re-entry within the month
  };
  const IndicatorSet s = compute(ds);
  CHECK(s.count("inflow") == 5);
  CHECK(s.count("inflow_reentry") == 2);
}

TEST_CASE("active by risk group, district and escalation level") {
  Dataset ds;
  auto level = [](CaseRecord c, int l) {
    c.escalation_level = l;
    return c;
  };
  ds.cases = {
      make_case("a", "2024-01-01", 1, "A"),
      level(make_case("b", "2024-01-01", 3, "F"), 3),
      level(make_case("c", "2024-01-01", 3, "F"), 4),
      level(make_case("d", "2024-01-01", 5, "buiten"), 2),
      make_case("e", "2024-01-01", 2, "Q"),  // district unknown to config: counted nowhere in districts
      closed(make_case("f", "2024-01-01", 4, "A"), "2024-02-01", ClosureReason::overig),
  };
  const IndicatorSet s = compute(ds);
  CHECK(s.count("active") == 5);
  CHECK(s.count("active_by_risk_group.1") == 1);
  CHECK(s.count("active_by_risk_group.2") == 1);
  CHECK(s.count("active_by_risk_group.3") == 2);
  CHECK(s.count("active_by_risk_group.4") == 0);
  CHECK(s.count("active_by_risk_group.5") == 1);
  CHECK(s.count("active_by_district.A") == 1);
  CHECK(s.count("active_by_district.F") == 2);
  CHECK(s.count("active_by_district.buiten") == 1);
  CHECK(s.count("active_by_district.T") == 0);
  CHECK(s.count("active_by_escalation_level.1") == 2);
  CHECK(s.count("active_by_escalation_level.2") == 1);
  CHECK(s.count("active_by_escalation_level.3") == 1);
  CHECK(s.count("active_by_escalation_level.4") == 1);
}

TEST_CASE("active by stage at E") {
  Dataset ds;
  auto plan = [](CaseRecord c, const char* on) {
    c.plan_approved_on = d(on);
    return c;
  };
  ds.cases = {
      make_case("s1", "2024-01-01"),                      // no assessment
      make_case("s2", "2024-01-01"),                      // assessed on E, no plan
      plan(make_case("s3", "2024-01-01"), "2024-02-01"),  // assessed after E: still zonder_beoordeling
      plan(make_case("s4", "2024-01-01"), "2024-02-29"),  // plan approved on E: met_plan
      plan(make_case("s5", "2024-01-01"), "2024-03-01"),  // plan after E: zonder_plan
  };
  ds.assessments = {make_assessment("s2", "2024-02-29", Judgement::laag),
                    make_assessment("s3", "2024-03-01", Judgement::laag),
                    make_assessment("s4", "2024-01-20", Judgement::laag),
                    make_assessment("s5", "2024-01-20", Judgement::laag)};
  const IndicatorSet s = compute(ds);
  CHECK(s.count("active_by_stage.zonder_beoordeling") == 2);
  CHECK(s.count("active_by_stage.zonder_plan") == 2);
  CHECK(s.count("active_by_stage.met_plan") == 1);
}

TEST_CASE("on hold and holds past their review date") {
  Dataset ds;
  auto hold = [](CaseRecord c, const char* since, const char* review) {
    c.on_hold_since = d(since);
    c.on_hold_review_on = d(review);
    c.on_hold_reason = "strafrechtelijk onderzoek";
    return c;
  };
  ds.cases = {
      hold(make_case("h1", "2023-01-01"), "2024-01-01", "2024-02-28"),  // on hold, overdue (28 < 29)
      hold(make_case("h2", "2023-01-01"), "2024-02-29", "2024-02-29"),  // on hold since E, review on E: not overdue
      hold(make_case("h3", "2023-01-01"), "2024-03-01", "2024-04-01"),  // hold starts after E
      closed(hold(make_case("h4", "2023-01-01"), "2023-06-01", "2023-07-01"), "2024-02-10",
             ClosureReason::detentie),                                   // not active
      hold(make_case("h5", "2023-01-01"), "2023-05-01", "2023-06-01"),  // long past review date
  };
  const IndicatorSet s = compute(ds);
  CHECK(s.count("on_hold") == 3);
  CHECK(s.count("on_hold_review_overdue") == 2);
}

TEST_CASE("risk level by the latest assessment, ties broken by the later import") {
  Dataset ds;
  for (const char* id : {"r1", "r2", "r3", "r4", "r5", "r6"}) ds.cases.push_back(make_case(id, "2023-01-01"));
  auto imported = [](AssessmentRecord a, std::int64_t batch, std::size_t line) {
    a.provenance.batch_id = batch;
    a.provenance.line = line;
    return a;
  };
  ds.assessments = {
      make_assessment("r2", "2024-01-15", Judgement::midden),
      make_assessment("r2", "2024-02-29", Judgement::hoog),  // assessed on E: counts; raised
      make_assessment("r3", "2024-01-31", Judgement::hoog),  // last day of previous month
      make_assessment("r3", "2024-02-10", Judgement::laag),  // lowered
      make_assessment("r4", "2024-02-10", Judgement::midden),  // nothing before: neither
      make_assessment("r5", "2023-12-01", Judgement::laag),
      make_assessment("r5", "2024-01-20", Judgement::hoog),  // same latest both times: neither
      imported(make_assessment("r6", "2024-01-05", Judgement::midden), 1, 2),
      // Same date twice: batch 3 beats batch 2, and within batch 3 line 9 beats line 4.
      imported(make_assessment("r6", "2024-02-05", Judgement::laag), 2, 50),
      imported(make_assessment("r6", "2024-02-05", Judgement::hoog), 3, 9),
      imported(make_assessment("r6", "2024-02-05", Judgement::laag), 3, 4),
      make_assessment("r1", "2024-03-01", Judgement::hoog),  // after E: r1 is onbekend
  };
  const IndicatorSet s = compute(ds);
  CHECK(s.count("risk_level.laag") == 1);
  CHECK(s.count("risk_level.midden") == 1);
  CHECK(s.count("risk_level.hoog") == 3);
  CHECK(s.count("risk_level.onbekend") == 1);
  CHECK(s.count("risk_raised") == 2);  // r2, r6 (midden -> hoog)
  CHECK(s.count("risk_lowered") == 1);  // r3
}

TEST_CASE("review overdue with the exact day arithmetic") {
  // E - 28 = 2024-02-01; E - 91 = 2023-11-30; E - 182 = 2023-08-31; E - 365 = 2023-03-01.
  Dataset ds;
  ds.cases = {make_case("v1", "2024-02-01"), make_case("v2", "2024-02-02")};
  struct Row {
    const char* id;
    const char* on;
    Judgement j;
  };
  const Row rows[] = {{"v3", "2023-11-30", Judgement::hoog},   {"v4", "2023-11-29", Judgement::hoog},
                      {"v5", "2023-08-30", Judgement::midden}, {"v6", "2023-08-31", Judgement::midden},
                      {"v7", "2023-02-28", Judgement::laag},   {"v8", "2023-03-01", Judgement::laag}};
  for (const auto& r : rows) {
    ds.cases.push_back(make_case(r.id, "2022-01-01"));
    ds.assessments.push_back(make_assessment(r.id, r.on, r.j));
  }
  const IndicatorSet s = compute(ds);
  CHECK(s.count("review_overdue") == 4);  // v1, v4, v5, v7
  // One day later in the calendar (March 2024, E = 2024-03-31) every assessment is overdue,
  // and so is v2 (registered 2024-02-02 <= 2024-03-03).
  CHECK(compute(ds, YearMonth{2024, 3}).count("review_overdue") == 8);
}

TEST_CASE("judgement_unexplained looks at the latest assessment only") {
  Dataset ds;
  for (const char* id : {"u1", "u2", "u3", "u4"}) ds.cases.push_back(make_case(id, "2023-01-01"));
  ds.assessments = {
      make_assessment("u1", "2024-02-01", Judgement::midden, {{"V1", 2}}),  // floor hoog, no rationale
      make_assessment("u2", "2024-02-01", Judgement::midden, {{"V1", 2}}, "zit in detentie"),
      make_assessment("u3", "2024-01-01", Judgement::laag, {{"V2", 2}}),  // older, unexplained
      make_assessment("u3", "2024-02-01", Judgement::hoog, {{"V2", 2}}),  // latest is fine
      make_assessment("u4", "2024-02-01", Judgement::laag, {{"I1", 2}, {"I2", 2}, {"I3", 1}}),  // floor midden
  };
  CHECK(compute(ds).count("judgement_unexplained") == 2);  // u1, u4
}

TEST_CASE("plan due, on time, percentage and overdue plans") {
  // E - 365 = 2023-03-01 (exclusive), E - 42 = 2024-01-18.
  Dataset ds;
  auto plan = [](CaseRecord c, const char* on) {
    c.plan_approved_on = d(on);
    return c;
  };
  ds.cases = {
      plan(make_case("p1", "2023-03-01"), "2023-03-05"),  // not due (window is exclusive)
      plan(make_case("p2", "2023-03-02"), "2023-04-13"),  // due, on time (exactly +42)
      plan(make_case("p3", "2024-01-18"), "2024-03-01"),  // due, late; no plan at E
      make_case("p4", "2024-01-19"),                      // not yet due
      closed(plan(make_case("p5", "2023-06-01"), "2023-07-14"), "2023-12-01",
             ClosureReason::overig),                       // due (closed counts), late (+43)
      make_case("p6", "2023-12-01"),                      // due, no plan
  };
  const IndicatorSet s = compute(ds);
  CHECK(s.count("plan_due") == 4);
  CHECK(s.count("plan_on_time") == 1);
  CHECK(*s.find("plan_on_time_pct") == IndicatorValue::of_percentage(1, 4));
  CHECK(s.find("plan_on_time_pct")->tenths == 250);
  CHECK(s.count("no_plan_overdue") == 2);  // p3, p6
}

TEST_CASE("percentages round half away from zero to one decimal") {
  CHECK(IndicatorValue::of_percentage(2, 3).tenths == 667);
  CHECK(IndicatorValue::of_percentage(1, 6).tenths == 167);
  CHECK(IndicatorValue::of_percentage(1, 8).tenths == 125);
  CHECK(IndicatorValue::of_percentage(1, 16).tenths == 63);   // 6.25 -> 6.3
  CHECK(IndicatorValue::of_percentage(1, 80).tenths == 13);   // 1.25 -> 1.3
  CHECK(IndicatorValue::of_percentage(1, 2000).tenths == 1);  // 0.05 -> 0.1
  CHECK(IndicatorValue::of_percentage(1, 2001).tenths == 0);  // 0.0499...
  CHECK(IndicatorValue::of_percentage(3, 3).tenths == 1000);
  CHECK(IndicatorValue::of_percentage(-1, 16).tenths == -63);
  CHECK(IndicatorValue::of_percentage(0, 0).state == IndicatorValue::State::null);
}

TEST_CASE("interventions active and started, by category") {
  Dataset ds;
  ds.cases = {make_case("a", "2023-01-01"),
              closed(make_case("b", "2023-01-01"), "2024-02-20", ClosureReason::overig)};
  ds.interventions = {
      make_intervention("a", "schuldhulp", "2024-01-01", InterventionStatus::lopend),  // active zorg
      make_intervention("a", "meldplicht", "2024-02-01", InterventionStatus::gepland),  // planned: nowhere
      make_intervention("a", "mentor", "2024-01-01", InterventionStatus::afgerond, "2024-02-29"),  // ended on E
      make_intervention("a", "mentor", "2024-02-10", InterventionStatus::lopend, "2024-03-01"),  // active + started
      make_intervention("a", "huisvesting", "2024-03-01", InterventionStatus::lopend),  // starts after E
      make_intervention("b", "werk", "2024-02-05", InterventionStatus::gestopt),  // started; case not active
      make_intervention("ghost", "werk", "2024-02-05", InterventionStatus::lopend),  // no such case
      make_intervention("a", "niet_bestaand", "2024-02-05", InterventionStatus::lopend),  // unknown code
  };
  const IndicatorSet s = compute(ds);
  CHECK(s.count("interventions_active.begrenzen") == 0);
  CHECK(s.count("interventions_active.beinvloeden") == 1);
  CHECK(s.count("interventions_active.zorg") == 1);
  CHECK(s.count("interventions_started.begrenzen") == 0);
  CHECK(s.count("interventions_started.beinvloeden") == 1);
  CHECK(s.count("interventions_started.zorg") == 1);
}

TEST_CASE("life domains: latest band per domain, onbekend, improved and worsened") {
  Dataset ds;
  ds.cases = {make_case("x", "2023-01-01"), make_case("y", "2023-01-01"), make_case("z", "2023-01-01"),
              closed(make_case("w", "2023-01-01"), "2024-01-01", ClosureReason::overig)};
  auto later = [](LifeDomainObservation o, std::int64_t batch) {
    o.provenance.batch_id = batch;
    return o;
  };
  ds.life_domains = {
      make_observation("x", "2024-01-01", "financien", 1),
      make_observation("x", "2024-02-29", "financien", 4),   // on E: groen; Δ +3
      make_observation("x", "2024-02-01", "huisvesting", 3),  // oranje, single
      make_observation("x", "2024-03-01", "justitie", 1),     // after E: onbekend
      make_observation("y", "2024-01-01", "geestelijke_gezondheid", 5),
      make_observation("y", "2024-02-01", "geestelijke_gezondheid", 3),  // Δ −2
      make_observation("y", "2023-01-01", "financien", 2),
      make_observation("y", "2024-02-10", "financien", 3),  // Δ +1: total −1
      make_observation("z", "2024-01-01", "financien", 3),
      // Same date twice: the later import (score 3) wins over score 1; Δ 0.
      later(make_observation("z", "2024-02-01", "financien", 3), 5),
      later(make_observation("z", "2024-02-01", "financien", 1), 4),
      make_observation("w", "2023-06-01", "financien", 1),  // closed case: nowhere
      make_observation("ghost", "2024-02-01", "financien", 1),  // no such case
  };
  const IndicatorSet s = compute(ds);
  CHECK(s.count("life_domain.financien.rood") == 0);
  CHECK(s.count("life_domain.financien.oranje") == 2);
  CHECK(s.count("life_domain.financien.groen") == 1);
  CHECK(s.count("life_domain.financien.onbekend") == 0);
  CHECK(s.count("life_domain.huisvesting.oranje") == 1);
  CHECK(s.count("life_domain.huisvesting.onbekend") == 2);
  CHECK(s.count("life_domain.geestelijke_gezondheid.oranje") == 1);
  CHECK(s.count("life_domain.justitie.onbekend") == 3);
  CHECK(s.count("life_domain.justitie.rood") == 0);
  CHECK(s.count("life_domain_improved") == 1);  // x
  CHECK(s.count("life_domain_worsened") == 1);  // y
}

TEST_CASE("events of active cases in the month, police contact, unlinked events") {
  Dataset ds;
  ds.cases = {make_case("e1", "2023-01-01"), make_case("e2", "2024-02-20"),
              closed(make_case("e3", "2023-01-01"), "2024-02-20", ClosureReason::detentie)};
  EventRecord first_second = make_event("e1", "2024-02-01", EventKind::verdachte, "1");
  first_second.occurred_on = DateTime{d("2024-02-01"), 0, 0, 0};
  EventRecord last_second = make_event("e1", "2024-02-29", EventKind::aanhouding, "2");
  last_second.occurred_on = DateTime{d("2024-02-29"), 23, 59, 59};
  ds.events = {
      first_second,
      last_second,
      make_event("e1", "2024-01-31", EventKind::melding, "3"),        // before M
      make_event("e2", "2024-02-15", EventKind::uitreispoging, "4"),  // in M
      make_event("e2", "2024-02-10", EventKind::melding, "5"),        // before registration, in M: counts
      make_event("e2", "2024-03-01", EventKind::melding, "6"),        // after M
      make_event("e3", "2024-02-10", EventKind::aanhouding, "7"),     // case not active at E
      make_event("", "2024-02-10", EventKind::verdachte, "8"),        // unlinked
      make_event("", "2019-05-10", EventKind::melding, "9"),          // unlinked, long ago
      make_event("ghost", "2024-02-10", EventKind::verdachte, "10"),  // linked to no stored case
  };
  const IndicatorSet s = compute(ds);
  CHECK(s.count("events.verdachte") == 1);
  CHECK(s.count("events.aanhouding") == 1);
  CHECK(s.count("events.uitreispoging") == 1);
  CHECK(s.count("events.melding") == 1);
  CHECK(s.count("events.dagvaarding") == 0);
  CHECK(s.count("police_contact") == 1);
  CHECK(s.count("unlinked_events") == 3);
}

TEST_CASE("12-month trend repeats the trend codes, oldest month first") {
  Dataset ds;
  ds.cases = {make_case("t1", "2023-03-31"),
              closed(make_case("t2", "2023-06-15"), "2023-09-30", ClosureReason::overig)};
  ds.assessments = {make_assessment("t1", "2023-04-01", Judgement::midden)};
  ds.events = {make_event("t1", "2023-12-24", EventKind::aanhouding)};
  DatasetIndex index(ds);
  const auto trend = compute_trend(index, shipped_config(), kFeb2024);
  REQUIRE(trend.size() == 12);
  CHECK(trend.front().month == YearMonth{2023, 3});
  CHECK(trend.back().month == YearMonth{2024, 2});
  REQUIRE(trend[0].items.size() == 8);
  CHECK(trend[0].items[0].code == "active");
  CHECK(trend[0].items[7].code == "police_contact");
  CHECK(trend[0].count("active") == 1);
  CHECK(trend[0].count("inflow") == 1);
  CHECK(trend[0].count("risk_level.onbekend") == 1);  // assessed 2023-04-01
  CHECK(trend[1].count("risk_level.midden") == 1);
  CHECK(trend[3].count("active") == 2);              // June
  CHECK(trend[6].count("outflow") == 1);             // September
  CHECK(trend[6].count("active") == 1);              // t2 closed on E
  CHECK(trend[9].count("police_contact") == 1);      // December
  CHECK(trend[10].count("police_contact") == 0);
  // The same numbers as the full computation for that month.
  const IndicatorSet dec = compute_indicators(index, shipped_config(), YearMonth{2023, 12});
  for (const auto& item : trend[9].items) CHECK(dec.count(item.code) == item.value.count);
}
