// Test helpers for logic: the shipped configuration (loaded once) and
// builders for hand-made records.
#pragma once

#include <catch2/catch.hpp>

#include "config/config_loader.h"
#include "model/dataset.h"

namespace casus::testing {

inline const Config& shipped_config() {
  static Config config = [] {
    CollectingSink sink;
    auto result = load_config(std::filesystem::path(CASUS_SOURCE_DIR) / "config", sink);
    REQUIRE(result.is_ok());
    return std::move(result).value();
  }();
  return config;
}

inline Date d(const char* iso) {
  auto parsed = parse_date(iso);
  REQUIRE(parsed);
  return *parsed;
}

inline CaseRecord make_case(const std::string& id, const char* registered, int risk_group = 1,
                            const std::string& district = "A") {
  CaseRecord c;
  c.case_id = id;
  c.registered_on = d(registered);
  c.risk_group = risk_group;
  c.district = district;
  return c;
}

inline CaseRecord closed(CaseRecord c, const char* on, ClosureReason reason) {
  c.closed_on = d(on);
  c.closure_reason = reason;
  return c;
}

inline AssessmentRecord make_assessment(const std::string& case_id, const char* on,
                                        Judgement judgement,
                                        std::map<std::string, int> scores = {},
                                        std::string rationale = "") {
  AssessmentRecord a;
  a.case_id = case_id;
  a.assessed_on = d(on);
  a.judgement = judgement;
  a.rationale = std::move(rationale);
  for (const auto& [item, score] : scores) a.items[item].score = score;
  return a;
}

inline LifeDomainObservation make_observation(const std::string& case_id, const char* on,
                                              const std::string& domain, int score) {
  LifeDomainObservation o;
  o.case_id = case_id;
  o.observed_on = d(on);
  o.domain = domain;
  o.score = score;
  return o;
}

inline InterventionRecord make_intervention(const std::string& case_id, const std::string& code,
                                            const char* started, InterventionStatus status,
                                            const char* ended = nullptr) {
  InterventionRecord i;
  i.case_id = case_id;
  i.code = code;
  i.partner = "gemeente";
  i.started_on = d(started);
  if (ended) i.ended_on = d(ended);
  i.status = status;
  return i;
}

inline EventRecord make_event(const std::string& linked_case, const char* on, EventKind kind,
                              const std::string& id = "e") {
  EventRecord e;
  e.partner = "politie";
  e.event_id = id;
  e.occurred_on = DateTime{d(on), 10, 0, 0};
  e.kind = kind;
  e.linked_case_id = linked_case;
  return e;
}

}  // namespace casus::testing
