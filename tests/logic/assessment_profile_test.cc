#include <catch2/catch.hpp>

#include "logic/assessment_profile.h"
#include "logic_fixture.h"

using namespace casus;
using namespace casus::testing;

TEST_CASE("domain profile: score, share, unknown, incomplete") {
  const Config& c = shipped_config();
  // V: V1=2, V2=1, V3 unknown ('?'), V4..V6 absent -> score 3, share 3/12, 4 unknown of 6.
  AssessmentRecord a = make_assessment("c1", "2026-01-10", Judgement::laag, {{"V1", 2}, {"V2", 1}});
  a.items["V3"].score = std::nullopt;
  // I: all five known, I1=2, rest 0 -> 2/10.
  for (const char* item : {"I1", "I2", "I3", "I4", "I5"}) a.items[item].score = 0;
  a.items["I1"].score = 2;
  // K: 4 of 8 unknown -> exactly half, not incomplete.
  for (const char* item : {"K1", "K2", "K3", "K4"}) a.items[item].score = 1;
  const AssessmentProfile p = profile_assessment(c.framework, a);
  REQUIRE(p.domains.size() == 4);
  const DomainProfile& v = p.domains[0];
  CHECK(v.domain == "V");
  CHECK(v.score == 3);
  CHECK(v.max_score == 12);
  CHECK(v.share == 0.25);
  CHECK(v.unknown == 4);
  CHECK(v.incomplete);  // 4 > 3
  const DomainProfile& i = *p.find("I");
  CHECK(i.score == 2);
  CHECK(i.share == 0.2);
  CHECK(i.unknown == 0);
  CHECK_FALSE(i.incomplete);
  const DomainProfile& k = *p.find("K");
  CHECK(k.score == 4);
  CHECK(k.unknown == 4);
  CHECK_FALSE(k.incomplete);  // 4 of 8 is not more than half
  CHECK(p.find("B")->unknown == 6);
  CHECK(p.incomplete());
  // V1 = 2 fires the hoog rule; V share 0.25 fires the midden rule.
  CHECK(p.floor == Judgement::hoog);
  CHECK(p.fired_rules == std::vector<std::string>{"veiligheid_hoog", "aandacht_midden"});
  CHECK(p.below_floor);
  CHECK(p.unexplained);
}

TEST_CASE("consistency floor with the default rules") {
  const Framework& f = shipped_config().framework;
  auto floor_of = [&](std::map<std::string, int> scores) {
    AssessmentRecord a = make_assessment("c", "2026-01-01", Judgement::laag, std::move(scores));
    const Judgement quick = consistency_floor(f, a);
    CHECK(quick == profile_assessment(f, a).floor);
    return quick;
  };
  CHECK(floor_of({}) == Judgement::laag);
  CHECK(floor_of({{"V1", 1}, {"V2", 1}}) == Judgement::laag);            // V 2/12
  CHECK(floor_of({{"V1", 1}, {"V2", 1}, {"V3", 1}}) == Judgement::midden);  // V 3/12 = 0.25
  CHECK(floor_of({{"V2", 2}}) == Judgement::hoog);
  CHECK(floor_of({{"V3", 2}, {"V4", 2}, {"V5", 2}}) == Judgement::hoog);  // V 6/12 = 0.50
  CHECK(floor_of({{"V3", 2}, {"V4", 2}, {"V5", 1}}) == Judgement::midden);  // V 5/12
  CHECK(floor_of({{"I1", 2}, {"I2", 2}, {"I3", 1}}) == Judgement::midden);  // I 5/10 = 0.50
  CHECK(floor_of({{"I1", 2}, {"I2", 2}}) == Judgement::laag);               // I 4/10
  CHECK(floor_of({{"K1", 2}, {"K2", 2}, {"K3", 2}, {"B1", 2}}) == Judgement::laag);
}

TEST_CASE("unexplained deviation needs a judgement below the floor and a blank rationale") {
  CHECK(is_unexplained_deviation(Judgement::laag, Judgement::midden, ""));
  CHECK(is_unexplained_deviation(Judgement::midden, Judgement::hoog, "  \t "));
  CHECK_FALSE(is_unexplained_deviation(Judgement::midden, Judgement::hoog, "detentie"));
  CHECK_FALSE(is_unexplained_deviation(Judgement::hoog, Judgement::hoog, ""));
  CHECK_FALSE(is_unexplained_deviation(Judgement::hoog, Judgement::midden, ""));
}

TEST_CASE("profile works for another framework of the same shape") {
  Framework f;
  f.domains = {{"R", {"Risico", "Risk"}, false, {"R1", "R2", "R3"}},
               {"P", {"Bescherming", "Protection"}, true, {"P1", "P2"}}};
  for (const char* code : {"R1", "R2", "R3"}) f.items.push_back({code, "R", {}, {}, {}});
  for (const char* code : {"P1", "P2"}) f.items.push_back({code, "P", {}, {}, {}});
  f.incomplete_unknown_share = 0.3;
  AttentionRule midden{"r_share", {}, Judgement::midden,
                       {{AttentionCondition::Kind::domain_share_at_least, "R", 0.5}}, {}};
  AttentionRule hoog{"r3", {}, Judgement::hoog,
                     {{AttentionCondition::Kind::item_equals, "R3", 1}}, {}};
  f.attention_rules = {hoog, midden};

  AssessmentRecord a = make_assessment("c", "2026-01-01", Judgement::midden,
                                       {{"R1", 2}, {"R2", 1}, {"P1", 0}});
  AssessmentProfile p = profile_assessment(f, a);
  CHECK(p.domains[0].score == 3);
  CHECK(p.domains[0].share == 0.5);
  CHECK(p.domains[0].unknown == 1);
  CHECK(p.domains[0].incomplete);  // 1 > 0.3 × 3
  CHECK(p.domains[1].incomplete);  // 1 > 0.6
  CHECK(p.floor == Judgement::midden);
  CHECK(p.fired_rules == std::vector<std::string>{"r_share"});
  CHECK_FALSE(p.below_floor);

  a.items["R3"].score = 1;  // item_equals 1 fires; R share 4/6
  p = profile_assessment(f, a);
  CHECK(p.floor == Judgement::hoog);
  CHECK(p.fired_rules == std::vector<std::string>{"r3", "r_share"});
  CHECK(p.unexplained);
  a.items["R3"].score = 2;  // equals, not at least
  CHECK(consistency_floor(f, a) == Judgement::midden);
}
