#include <catch2/catch.hpp>

#include "logic/escalation_proposals.h"
#include "logic/toolkit_suggestions.h"
#include "logic_fixture.h"

using namespace casus;
using namespace casus::testing;

namespace {

std::vector<std::string> codes_of(const std::vector<Suggestion>& suggestions) {
  std::vector<std::string> out;
  for (const auto& s : suggestions) out.push_back(s.instrument->code);
  return out;
}

}  // namespace

TEST_CASE("suggestions follow the indications, risk groups and running interventions") {
  const Config& c = shipped_config();
  Dataset ds;
  ds.cases = {make_case("c1", "2025-01-01", 3)};  // risk group 3: (prevented) traveller
  ds.assessments = {make_assessment("c1", "2026-10-01", Judgement::hoog, {{"V3", 2}, {"K7", 1}})};
  ds.life_domains = {make_observation("c1", "2026-10-02", "financien", 2)};
  ds.events = {make_event("c1", "2026-09-14", EventKind::uitreispoging)};
  ds.interventions = {make_intervention("c1", "schuldhulp", "2026-10-05", InterventionStatus::lopend)};
  DatasetIndex index(ds);
  const auto s = suggest_instruments(c, *index.find("c1"), d("2026-11-28"));
  CHECK(codes_of(s) == std::vector<std::string>{"paspoortmaatregel", "meldplicht", "uitreisverbod",
                                                "beeindigen_uitkering"});
  REQUIRE(s.size() == 4);
  REQUIRE(s[0].matches.size() == 2);
  CHECK(s[0].reason.nl ==
        "V3 Reisintentie of -poging naar een conflictgebied: score 2 (vanaf 1); gebeurtenis "
        "uitreispoging op 14-09-2026");
  CHECK(s[0].reason.en ==
        "V3 Travel intention or attempt to a conflict zone: score 2 (from 1); event uitreispoging "
        "on 14-09-2026");
  CHECK(s[1].reason.nl == "gebeurtenis uitreispoging op 14-09-2026");  // V share 2/12 too low
  CHECK(s[3].reason.nl == "gebeurtenis uitreispoging op 14-09-2026; doelgroep 3");
  // schuldhulp is indicated (K7, financien 2) but running; onderwijs/werk not indicated.
  // More than a year later the event no longer counts.
  const auto later = suggest_instruments(c, *index.find("c1"), d("2027-09-14"));
  CHECK(codes_of(later) == std::vector<std::string>{"paspoortmaatregel", "uitreisverbod",
                                                    "beeindigen_uitkering"});
  CHECK(later[0].reason.nl == "V3 Reisintentie of -poging naar een conflictgebied: score 2 (vanaf 1)");
}

TEST_CASE("suggestions for care, by life domain, and after an intervention ended") {
  const Config& c = shipped_config();
  Dataset ds;
  ds.cases = {make_case("c2", "2025-01-01", 5)};
  ds.life_domains = {make_observation("c2", "2026-01-01", "middelengebruik", 1),
                     make_observation("c2", "2026-06-01", "middelengebruik", 3),  // latest: 3
                     make_observation("c2", "2026-06-01", "huisvesting", 2)};
  ds.interventions = {make_intervention("c2", "huisvesting", "2026-01-01", InterventionStatus::afgerond, "2026-03-01")};
  DatasetIndex index(ds);
  const auto s = suggest_instruments(c, *index.find("c2"), d("2026-11-28"));
  CHECK(codes_of(s) == std::vector<std::string>{"gezinsondersteuning", "huisvesting",
                                                "jeugdzorg_broers_zussen"});
  CHECK(s[1].reason.nl == "leefgebied Huisvesting: score 2 (tot en met 2)");
  CHECK(s[1].reason.en == "life domain Housing: score 2 (at most 2)");
  CHECK(s[0].reason.en == "risk group 5");
}

TEST_CASE("a begrenzen instrument without legal basis is never suggested") {
  Config c = shipped_config();
  for (auto& ins : c.toolkit.instruments) {
    if (ins.code == "uitreisverbod") ins.legal_basis = {};
  }
  Dataset ds;
  ds.cases = {make_case("c1", "2025-01-01", 1)};
  ds.assessments = {make_assessment("c1", "2026-10-01", Judgement::hoog, {{"V3", 2}})};
  DatasetIndex index(ds);
  const auto s = suggest_instruments(c, *index.find("c1"), d("2026-11-28"));
  CHECK(codes_of(s) == std::vector<std::string>{"paspoortmaatregel"});
}

TEST_CASE("describe_indication") {
  const Config& c = shipped_config();
  CHECK(describe_indication(c, {Indication::Kind::item_at_least, "V3", 1}).nl == "V3 ≥ 1");
  CHECK(describe_indication(c, {Indication::Kind::domain_share_at_least, "I", 0.5}).nl ==
        "aandeel Ideologisch gehalte ≥ 50%");
  CHECK(describe_indication(c, {Indication::Kind::domain_share_at_least, "I", 0.5}).en ==
        "Ideological content share ≥ 50%");
  CHECK(describe_indication(c, {Indication::Kind::life_domain_at_most, "financien", 2}).nl ==
        "leefgebied Financiën ≤ 2");
  CHECK(describe_indication(c, {Indication::Kind::risk_group, "", 5}).en == "risk group 5");
}

TEST_CASE("escalation: up when the judgement reaches hoog") {
  const Config& c = shipped_config();
  Dataset ds;
  CaseRecord k = make_case("k", "2025-01-01");
  k.escalation_level = 2;
  ds.cases = {k};
  ds.assessments = {make_assessment("k", "2026-06-01", Judgement::midden),
                    make_assessment("k", "2026-10-01", Judgement::hoog)};
  DatasetIndex index(ds);
  auto p = propose_escalation(c, *index.find("k"), d("2026-11-28"));
  REQUIRE(p);
  CHECK(p->direction == EscalationRule::Direction::up);
  CHECK(p->from_level == 2);
  CHECK(p->to_level == 3);
  REQUIRE(p->reasons.size() == 1);
  CHECK(p->reasons[0].rule_id == "oordeel_hoog");
  CHECK(p->reasons[0].reason.nl == "Het oordeel is gestegen naar hoog.");
  CHECK(p->reasons[0].detail.nl == "beoordeling 01-10-2026: hoog (was midden)");
  // Before the hoog assessment: nothing.
  CHECK_FALSE(propose_escalation(c, *index.find("k"), d("2026-09-30")));
}

TEST_CASE("escalation: up on an arrest or travel attempt since the latest assessment, not at the top") {
  const Config& c = shipped_config();
  Dataset ds;
  ds.cases = {make_case("k", "2025-01-01")};
  ds.assessments = {make_assessment("k", "2026-06-01", Judgement::midden)};
  ds.events = {make_event("k", "2026-05-01", EventKind::aanhouding, "1"),  // before the assessment
               make_event("k", "2026-07-01", EventKind::uitreispoging, "2"),
               make_event("k", "2026-08-01", EventKind::aanhouding, "3")};
  DatasetIndex index(ds);
  auto p = propose_escalation(c, *index.find("k"), d("2026-11-28"));
  REQUIRE(p);
  CHECK(p->to_level == 2);
  REQUIRE(p->reasons.size() == 2);
  CHECK(p->reasons[0].rule_id == "uitreispoging");
  CHECK(p->reasons[0].detail.nl == "uitreispoging op 01-07-2026");
  CHECK(p->reasons[1].rule_id == "aanhouding");
  CHECK(p->reasons[1].detail.en == "aanhouding on 01-08-2026");
  CHECK_FALSE(propose_escalation(c, *index.find("k"), d("2026-06-30")));

  ds.cases[0].escalation_level = 4;
  DatasetIndex top(ds);
  CHECK_FALSE(propose_escalation(c, *top.find("k"), d("2026-11-28")));
}

TEST_CASE("afschaling: two laag assessments, no such events, life domains groen or oranje") {
  const Config& c = shipped_config();
  Dataset ds;
  CaseRecord k = make_case("k", "2025-01-01");
  k.escalation_level = 2;
  ds.cases = {k};
  ds.assessments = {make_assessment("k", "2026-01-01", Judgement::midden),
                    make_assessment("k", "2026-05-01", Judgement::laag),
                    make_assessment("k", "2026-09-01", Judgement::laag)};
  ds.life_domains = {make_observation("k", "2026-08-01", "financien", 3),
                     make_observation("k", "2026-01-01", "huisvesting", 1),
                     make_observation("k", "2026-08-01", "huisvesting", 4)};
  DatasetIndex index(ds);
  auto p = propose_escalation(c, *index.find("k"), d("2026-11-28"));
  REQUIRE(p);
  CHECK(p->direction == EscalationRule::Direction::down);
  CHECK(p->from_level == 2);
  CHECK(p->to_level == 1);
  REQUIRE(p->reasons.size() == 1);
  CHECK(p->reasons[0].rule_id == "afschaling");
  CHECK(p->reasons[0].detail.nl == "2 beoordelingen op laag, laatste 01-09-2026");

  SECTION("an arrest between the two blocks it") {
    ds.events = {make_event("k", "2026-06-01", EventKind::aanhouding)};
    DatasetIndex i2(ds);
    // Before the latest assessment, so no up proposal either.
    CHECK_FALSE(propose_escalation(c, *i2.find("k"), d("2026-11-28")));
  }
  SECTION("a melding does not") {
    ds.events = {make_event("k", "2026-06-01", EventKind::melding)};
    DatasetIndex i2(ds);
    CHECK(propose_escalation(c, *i2.find("k"), d("2026-11-28"))->direction ==
          EscalationRule::Direction::down);
  }
  SECTION("a red life domain blocks it") {
    ds.life_domains.push_back(make_observation("k", "2026-10-01", "financien", 2));
    DatasetIndex i2(ds);
    CHECK_FALSE(propose_escalation(c, *i2.find("k"), d("2026-11-28")));
  }
  SECTION("only one laag assessment is not enough") {
    CHECK_FALSE(propose_escalation(c, *index.find("k"), d("2026-08-31")));
  }
  SECTION("level 1 cannot go down") {
    ds.cases[0].escalation_level = 1;
    DatasetIndex i2(ds);
    CHECK_FALSE(propose_escalation(c, *i2.find("k"), d("2026-11-28")));
  }
}
