#include <catch2/catch.hpp>

#include "ingest/field_mapping.h"
#include "ingest/record_validator.h"
#include "test_config.h"

using namespace casus;

namespace {

// Validates one record given as field=value pairs; returns the diagnostics as strings.
std::vector<std::string> check(RecordKind kind, const std::vector<std::pair<std::string, std::string>>& values,
                               std::optional<ValidRecord>* out = nullptr, const std::string& partner = "gemeente") {
  static const Config config = testing::test_config();
  FieldMapper mapper(kind, nullptr, config.framework.items);
  RawRecord raw;
  for (const auto& [k, v] : values) raw.values.push_back({k, v});
  std::vector<std::string> unknown;
  MappedRecord mapped = mapper.map(raw, unknown);
  RecordValidator validator(config, kind, partner);
  std::vector<Diagnostic> diagnostics;
  auto record = validator.validate(mapped, {"in.csv", 7, 0}, diagnostics);
  if (out) *out = record;
  std::vector<std::string> messages;
  for (const auto& d : diagnostics) messages.push_back(d.to_string());
  if (!diagnostics.empty()) CHECK_FALSE(record.has_value());
  return messages;
}

using Fields = std::vector<std::pair<std::string, std::string>>;
Fields valid_case() {
  return {{"case_id", "C-001"}, {"district", "F"}, {"risk_group", "2"}, {"registered_on", "01-03-2026"}};
}
Fields with(Fields f, const std::string& key, const std::string& value) {
  for (auto& [k, v] : f)
    if (k == key) {
      v = value;
      return f;
    }
  f.emplace_back(key, value);
  return f;
}

}  // namespace

TEST_CASE("validate cases: a minimal valid case, trimmed values, defaults, case-insensitive codes") {
  std::optional<ValidRecord> out;
  auto fields = with(with(valid_case(), "gender", " V "), "district", "buiten");
  fields = with(fields, "bsn", "\t123456782 ");
  CHECK(check(RecordKind::cases, fields, &out).empty());
  REQUIRE(out);
  const auto& c = std::get<CaseRecord>(*out);
  CHECK(c.case_id == "C-001");
  CHECK(c.bsn == "123456782");
  CHECK(c.gender == Gender::v);
  CHECK(c.district == "buiten");
  CHECK(c.risk_group == 2);
  CHECK(c.registered_on == Date{2026, 3, 1});
  CHECK(c.escalation_level == 1);
  CHECK(c.provenance.line == 7);
  CHECK(c.provenance.batch_id == 0);  // not stored yet
  CHECK(check(RecordKind::cases, with(valid_case(), "district", "f")).empty());
}

TEST_CASE("validate cases: every field rule, with exact located messages") {
  CHECK(check(RecordKind::cases, with(valid_case(), "case_id", "C 1")) ==
        std::vector<std::string>{"in.csv:7: field 'case_id': not an id: 1 to 40 of A-Z a-z 0-9 . _ - (got 'C 1')"});
  CHECK(check(RecordKind::cases, with(valid_case(), "case_id", std::string(41, 'a'))).size() == 1);
  CHECK(check(RecordKind::cases, with(valid_case(), "case_id", std::string(40, 'a'))).empty());
  CHECK(check(RecordKind::cases, with(valid_case(), "bsn", "123456789")) ==
        std::vector<std::string>{"in.csv:7: field 'bsn': not a valid bsn: 9 digits passing the 11-test (got '123456789')"});
  CHECK(check(RecordKind::cases, with(valid_case(), "registered_on", "31-02-2026")) ==
        std::vector<std::string>{"in.csv:7: field 'registered_on': not a valid date (got '31-02-2026')"});
  CHECK(check(RecordKind::cases, with(valid_case(), "registered_on", "  ")) ==
        std::vector<std::string>{"in.csv:7: field 'registered_on': required, missing"});
  CHECK(check(RecordKind::cases, with(valid_case(), "district", "Z")) ==
        std::vector<std::string>{"in.csv:7: field 'district': unknown district; expected one of A, E, F, K, M, N, T, B, S, buiten (got 'Z')"});
  CHECK(check(RecordKind::cases, with(valid_case(), "risk_group", "6")) ==
        std::vector<std::string>{"in.csv:7: field 'risk_group': expected a whole number from 1 to 5 (got '6')"});
  CHECK(check(RecordKind::cases, with(valid_case(), "risk_group", "2.0")).size() == 1);
  CHECK(check(RecordKind::cases, with(valid_case(), "escalation_level", "5")) ==
        std::vector<std::string>{"in.csv:7: field 'escalation_level': expected a whole number from 1 to 4 (got '5')"});
  CHECK(check(RecordKind::cases, with(valid_case(), "gender", "q")) ==
        std::vector<std::string>{"in.csv:7: field 'gender': unknown code; expected one of m, v, x, onbekend (got 'q')"});
  CHECK(check(RecordKind::cases, with(valid_case(), "plan_approved_on", "2026-02-28")) ==
        std::vector<std::string>{"in.csv:7: field 'plan_approved_on': before registered_on 2026-03-01 (got '2026-02-28')"});
  CHECK(check(RecordKind::cases, with(valid_case(), "plan_approved_on", "2026-03-01")).empty());
  CHECK(check(RecordKind::cases, with(valid_case(), "related_case_id", "a/b")).size() == 1);
}

TEST_CASE("validate cases: iff rules for on_hold and closure") {
  auto hold = with(valid_case(), "on_hold_since", "2026-04-01");
  CHECK(check(RecordKind::cases, hold) ==
        std::vector<std::string>{"in.csv:7: field 'on_hold_review_on': required when on_hold_since is given, missing",
                                 "in.csv:7: field 'on_hold_reason': required when on_hold_since is given, missing"});
  CHECK(check(RecordKind::cases, with(with(hold, "on_hold_review_on", "2026-06-01"), "on_hold_reason", "onderzoek")).empty());
  CHECK(check(RecordKind::cases, with(valid_case(), "on_hold_reason", "x")) ==
        std::vector<std::string>{"in.csv:7: field 'on_hold_reason': only allowed together with on_hold_since (got 'x')"});
  auto closed = with(valid_case(), "closed_on", "2026-02-01");
  CHECK(check(RecordKind::cases, closed) ==
        std::vector<std::string>{"in.csv:7: field 'closed_on': before registered_on 2026-03-01 (got '2026-02-01')",
                                 "in.csv:7: field 'closure_reason': required when closed_on is given, missing"});
  CHECK(check(RecordKind::cases, with(valid_case(), "closure_reason", "verhuisd")) ==
        std::vector<std::string>{"in.csv:7: field 'closure_reason': only allowed together with closed_on (got 'verhuisd')"});
  CHECK(check(RecordKind::cases, with(with(valid_case(), "closed_on", "2026-05-01"), "closure_reason", "Doel_Bereikt")).empty());
}

TEST_CASE("validate interventions: toolkit code, partner, begrenzen rationale, date order") {
  Fields base = {{"case_id", "C1"}, {"code", "mentor"}, {"partner", "zorg"}, {"started_on", "2026-01-10"},
                 {"status", "lopend"}};
  CHECK(check(RecordKind::interventions, base).empty());
  CHECK(check(RecordKind::interventions, with(base, "code", "onbekend")) ==
        std::vector<std::string>{"in.csv:7: field 'code': unknown toolkit code (got 'onbekend')"});
  CHECK(check(RecordKind::interventions, with(base, "partner", "bakker")) ==
        std::vector<std::string>{"in.csv:7: field 'partner': unknown partner (got 'bakker')"});
  CHECK(check(RecordKind::interventions, with(base, "code", "gebiedsverbod")) ==
        std::vector<std::string>{"in.csv:7: field 'rationale': required for instruments of category 'begrenzen' (proportionality and subsidiarity), missing"});
  CHECK(check(RecordKind::interventions, with(with(base, "code", "GEBIEDSVERBOD"), "rationale", "noodzakelijk")).empty());
  CHECK(check(RecordKind::interventions, with(base, "ended_on", "2026-01-09")) ==
        std::vector<std::string>{"in.csv:7: field 'ended_on': before started_on 2026-01-10 (got '2026-01-09')"});
  CHECK(check(RecordKind::interventions, with(base, "status", "klaar")) ==
        std::vector<std::string>{"in.csv:7: field 'status': unknown code; expected one of gepland, lopend, afgerond, gestopt (got 'klaar')"});
}

TEST_CASE("validate life domains and assessments") {
  Fields life = {{"case_id", "C1"}, {"observed_on", "2026-01-10"}, {"domain", "Huisvesting"}, {"score", "3"}};
  std::optional<ValidRecord> out;
  CHECK(check(RecordKind::life_domains, life, &out).empty());
  CHECK(std::get<LifeDomainObservation>(*out).domain == "huisvesting");
  CHECK(check(RecordKind::life_domains, with(life, "domain", "geluk")) ==
        std::vector<std::string>{"in.csv:7: field 'domain': unknown life domain (got 'geluk')"});
  CHECK(check(RecordKind::life_domains, with(life, "score", "0")).size() == 1);

  Fields a = {{"case_id", "C1"}, {"assessed_on", "2026-01-10"}, {"judgement", "Hoog"}, {"V1", "2"}, {"v2", "?"}, {"K1", ""}};
  CHECK(check(RecordKind::assessments, a, &out).empty());
  const auto& r = std::get<AssessmentRecord>(*out);
  CHECK(r.judgement == Judgement::hoog);
  CHECK(r.items.at("V1").score == 2);
  CHECK_FALSE(r.items.at("V2").score.has_value());
  CHECK_FALSE(r.items.at("K1").score.has_value());
  CHECK(check(RecordKind::assessments, with(a, "V1", "3")) ==
        std::vector<std::string>{"in.csv:7: field 'V1': expected 0, 1, 2, ? or empty (got '3')"});
  CHECK(check(RecordKind::assessments, with(a, "judgement", "")) ==
        std::vector<std::string>{"in.csv:7: field 'judgement': required, missing"});
}

TEST_CASE("validate events: case_id or bsn, date-time, kind, partner from the file") {
  Fields e = {{"event_id", "2026-118734"}, {"bsn", "123456782"}, {"occurred_on", "14-10-2026 14:05"}, {"kind", "AANHOUDING"}};
  std::optional<ValidRecord> out;
  CHECK(check(RecordKind::events, e, &out, "politie").empty());
  const auto& r = std::get<EventRecord>(*out);
  CHECK(r.partner == "politie");
  CHECK(r.occurred_on.iso() == "2026-10-14T14:05:00");
  CHECK(r.kind == EventKind::aanhouding);
  CHECK(check(RecordKind::events, {{"event_id", "1"}, {"occurred_on", "2026-10-14"}, {"kind", "melding"}}) ==
        std::vector<std::string>{"in.csv:7: field 'case_id': one of case_id and bsn is required, both missing"});
  CHECK(check(RecordKind::events, with(e, "occurred_on", "2026-10-14T25:00")) ==
        std::vector<std::string>{"in.csv:7: field 'occurred_on': not a valid date or date-time (got '2026-10-14T25:00')"});
}

TEST_CASE("mapping: partner headers, value maps, XML item children") {
  const Config config = testing::test_config();
  const PartnerExport& politie = config.partners[1].exports[0];
  FieldMapper mapper(RecordKind::events, &politie, config.framework.items);
  const FieldTarget t = mapper.resolve(" soort REGISTRATIE ");
  CHECK(t.type == FieldTarget::Type::field);
  CHECK(record_fields(RecordKind::events)[static_cast<std::size_t>(t.index)] == "kind");
  CHECK(mapper.map_value(t, " aanh ") == "aanhouding");
  CHECK(mapper.map_value(t, "melding") == "melding");
  CHECK(mapper.resolve("occurred_on").type == FieldTarget::Type::field);  // canonical names still work
  CHECK(mapper.resolve("Onbekend").type == FieldTarget::Type::unknown);

  FieldMapper assessments(RecordKind::assessments, nullptr, config.framework.items);
  RawRecord raw;
  raw.values = {{"case_id", "C1"}, {"V1", "1"}};
  raw.items = {{"k2", "2", "politie", " gezien ", 3}, {"Z9", "1", "", "", 4}};
  std::vector<std::string> unknown;
  MappedRecord m = assessments.map(raw, unknown);
  CHECK(m.items.at("K2").score == "2");
  CHECK(m.items.at("K2").evidence == "gezien");
  REQUIRE(m.problems.size() == 1);
  CHECK(m.problems[0].field == "Z9");
  CHECK(m.problems[0].message == "item code not in the assessment framework (got 'Z9')");
}
