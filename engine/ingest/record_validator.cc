#include "ingest/record_validator.h"

#include <charconv>

#include "core/text_encoding.h"
#include "model/bsn.h"

namespace casus {

bool is_valid_id(std::string_view text) {
  if (text.empty() || text.size() > 40) return false;
  for (char c : text) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

namespace {

std::string got(std::string_view value) { return " (got '" + std::string(value) + "')"; }

// Reads and checks fields of one record, collecting diagnostics.
class Checker {
 public:
  Checker(RecordKind kind, const MappedRecord& record, const SourceLocation& where,
          std::vector<Diagnostic>& out, DateOrder order)
      : kind_(kind), record_(record), where_(where), out_(out), order_(order) {}

  bool failed() const { return failed_; }

  void fail(const std::string& field, const char* code, const std::string& message) {
    failed_ = true;
    Diagnostic d;
    d.severity = Severity::error;
    d.code = code;
    d.location = where_;
    d.field = field;
    d.message = message;
    out_.push_back(std::move(d));
  }

  const std::string& raw(const char* field) const {
    static const std::string none;
    const int i = field_index(kind_, field);
    return i < 0 ? none : record_.values[static_cast<std::size_t>(i)];
  }
  bool present(const char* field) const { return !raw(field).empty(); }

  bool require(const char* field) {
    if (present(field)) return true;
    fail(field, "record.missing", "required, missing");
    return false;
  }

  std::string id(const char* field, bool required) {
    const std::string& v = raw(field);
    if (v.empty()) {
      if (required) require(field);
      return {};
    }
    if (!is_valid_id(v)) {
      fail(field, "record.invalid_id", "not an id: 1 to 40 of A-Z a-z 0-9 . _ -" + got(v));
      return {};
    }
    return v;
  }

  std::string text(const char* field) const { return raw(field); }

  std::optional<Date> date(const char* field, bool required) {
    const std::string& v = raw(field);
    if (v.empty()) {
      if (required) require(field);
      return std::nullopt;
    }
    auto parsed = parse_date(v, order_);
    if (!parsed) fail(field, "record.invalid_date", "not a valid date" + got(v));
    return parsed;
  }

  std::optional<DateTime> date_time(const char* field, bool required) {
    const std::string& v = raw(field);
    if (v.empty()) {
      if (required) require(field);
      return std::nullopt;
    }
    auto parsed = parse_date_time(v, order_);
    if (!parsed) fail(field, "record.invalid_date", "not a valid date or date-time" + got(v));
    return parsed;
  }

  std::string bsn(const char* field) {
    const std::string& v = raw(field);
    if (v.empty()) return {};
    if (!is_valid_bsn(v)) {
      fail(field, "record.invalid_bsn", "not a valid bsn: 9 digits passing the 11-test" + got(v));
      return {};
    }
    return v;
  }

  std::optional<int> integer(const char* field, int min, int max, bool required) {
    const std::string& v = raw(field);
    if (v.empty()) {
      if (required) require(field);
      return std::nullopt;
    }
    int value = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc() || end != v.data() + v.size() || value < min || value > max) {
      fail(field, "record.out_of_range",
           "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + got(v));
      return std::nullopt;
    }
    return value;
  }

  template <typename Enum, std::size_t N, typename Parse>
  std::optional<Enum> enumeration(const char* field, const std::array<Enum, N>& all, Parse parse,
                                  bool required) {
    const std::string& v = raw(field);
    if (v.empty()) {
      if (required) require(field);
      return std::nullopt;
    }
    auto parsed = parse(v);
    if (!parsed) fail(field, "record.invalid_code", "unknown code; expected one of " + list_codes(all) + got(v));
    return parsed;
  }

  // A code from a config list (case-insensitive); "" when missing or unknown.
  std::string config_code(const char* field, const std::unordered_map<std::string, std::string>& codes,
                          const std::string& what, bool required) {
    const std::string& v = raw(field);
    if (v.empty()) {
      if (required) require(field);
      return {};
    }
    auto it = codes.find(ascii_lower(v));
    if (it == codes.end()) {
      fail(field, "record.unknown_code", "unknown " + what + got(v));
      return {};
    }
    return it->second;
  }

  void not_before(const char* field, const std::optional<Date>& value, const char* other,
                  const std::optional<Date>& bound) {
    if (value && bound && *value < *bound)
      fail(field, "record.date_order", "before " + std::string(other) + " " + bound->iso() + got(raw(field)));
  }

  // `field` is present exactly when `condition_field` is.
  void iff(const char* field, const char* condition_field) {
    const bool condition = present(condition_field);
    if (condition && !present(field))
      fail(field, "record.missing", "required when " + std::string(condition_field) + " is given, missing");
    else if (!condition && present(field))
      fail(field, "record.not_allowed",
           "only allowed together with " + std::string(condition_field) + got(raw(field)));
  }

  void mapping_problems() {
    for (const auto& p : record_.problems) {
      failed_ = true;
      Diagnostic d;
      d.code = p.code;
      d.location = where_;
      d.field = p.field;
      d.message = p.message;
      out_.push_back(std::move(d));
    }
  }

 private:
  RecordKind kind_;
  const MappedRecord& record_;
  const SourceLocation& where_;
  std::vector<Diagnostic>& out_;
  DateOrder order_;
  bool failed_ = false;
};

std::unordered_map<std::string, std::string> lower_index(const std::vector<std::string>& codes) {
  std::unordered_map<std::string, std::string> index;
  for (const auto& code : codes) index.emplace(ascii_lower(code), code);
  return index;
}

}  // namespace

RecordValidator::RecordValidator(const Config& config, RecordKind kind, std::string partner,
                                 DateOrder order)
    : kind_(kind), partner_(std::move(partner)), order_(order) {
  std::vector<std::string> codes;
  for (const auto& d : config.districts) {
    codes.push_back(d.code);
    if (!district_list_.empty()) district_list_ += ", ";
    district_list_ += d.code;
  }
  districts_ = lower_index(codes);
  codes.clear();
  for (const auto& p : config.partners) codes.push_back(p.code);
  partners_ = lower_index(codes);
  codes.clear();
  for (const auto& d : config.monitoring.life_domains) codes.push_back(d.code);
  domains_ = lower_index(codes);
  for (const auto& instrument : config.toolkit.instruments) {
    bool needs_rationale = instrument.category == "begrenzen";
    for (const auto& category : config.toolkit.categories)
      if (category.code == instrument.category && category.requires_legal_basis) needs_rationale = true;
    instruments_.emplace(ascii_lower(instrument.code), std::make_pair(instrument.code, needs_rationale));
  }
}

std::optional<ValidRecord> RecordValidator::validate(const MappedRecord& record,
                                                     const SourceLocation& where,
                                                     std::vector<Diagnostic>& out) const {
  Checker c(kind_, record, where, out, order_);
  c.mapping_problems();
  Provenance provenance{static_cast<std::uint32_t>(where.line), 0};

  switch (kind_) {
    case RecordKind::cases: {
      CaseRecord r;
      r.case_id = c.id("case_id", true);
      r.bsn = c.bsn("bsn");
      r.surname = c.text("surname");
      r.given_names = c.text("given_names");
      r.birth_date = c.date("birth_date", false);
      r.gender = c.enumeration<Gender>("gender", kAllGenders, parse_gender, false);
      r.district = c.config_code("district", districts_, "district; expected one of " + district_list_, true);
      r.risk_group = c.integer("risk_group", 1, 5, true).value_or(0);
      const auto registered = c.date("registered_on", true);
      if (registered) r.registered_on = *registered;
      r.regisseur = c.text("regisseur");
      r.plan_approved_on = c.date("plan_approved_on", false);
      c.not_before("plan_approved_on", r.plan_approved_on, "registered_on", registered);
      r.escalation_level = c.integer("escalation_level", 1, 4, false).value_or(1);
      r.on_hold_since = c.date("on_hold_since", false);
      r.on_hold_review_on = c.date("on_hold_review_on", false);
      c.iff("on_hold_review_on", "on_hold_since");
      r.on_hold_reason = c.text("on_hold_reason");
      c.iff("on_hold_reason", "on_hold_since");
      r.closed_on = c.date("closed_on", false);
      c.not_before("closed_on", r.closed_on, "registered_on", registered);
      r.closure_reason =
          c.enumeration<ClosureReason>("closure_reason", kAllClosureReasons, parse_closure_reason, false);
      c.iff("closure_reason", "closed_on");
      r.related_case_id = c.id("related_case_id", false);
      r.provenance = provenance;
      if (c.failed()) return std::nullopt;
      return ValidRecord(std::move(r));
    }
    case RecordKind::assessments: {
      AssessmentRecord r;
      r.case_id = c.id("case_id", true);
      if (auto d = c.date("assessed_on", true)) r.assessed_on = *d;
      r.assessor = c.text("assessor");
      if (auto j = c.enumeration<Judgement>("judgement", kAllJudgements, parse_judgement, true))
        r.judgement = *j;
      r.rationale = c.text("rationale");
      for (const auto& [code, item] : record.items) {
        ItemScore score;
        score.evidence = item.evidence;
        score.source = item.source;
        if (item.score == "0" || item.score == "1" || item.score == "2") {
          score.score = item.score[0] - '0';
        } else if (!item.score.empty() && item.score != "?") {
          c.fail(code, "record.invalid_score", "expected 0, 1, 2, ? or empty" + got(item.score));
          continue;
        }
        if (!score.source.empty()) {
          auto it = partners_.find(ascii_lower(score.source));
          if (it == partners_.end()) {
            c.fail(code, "record.unknown_code", "unknown partner in source" + got(score.source));
            continue;
          }
          score.source = it->second;
        }
        r.items.emplace(code, std::move(score));
      }
      r.provenance = provenance;
      if (c.failed()) return std::nullopt;
      return ValidRecord(std::move(r));
    }
    case RecordKind::interventions: {
      InterventionRecord r;
      r.case_id = c.id("case_id", true);
      bool needs_rationale = false;
      if (c.require("code")) {
        auto it = instruments_.find(ascii_lower(c.raw("code")));
        if (it == instruments_.end()) {
          c.fail("code", "record.unknown_code", "unknown toolkit code" + got(c.raw("code")));
        } else {
          r.code = it->second.first;
          needs_rationale = it->second.second;
        }
      }
      r.partner = c.config_code("partner", partners_, "partner", true);
      const auto started = c.date("started_on", true);
      if (started) r.started_on = *started;
      r.ended_on = c.date("ended_on", false);
      c.not_before("ended_on", r.ended_on, "started_on", started);
      if (auto s = c.enumeration<InterventionStatus>("status", kAllInterventionStatuses,
                                                     parse_intervention_status, true))
        r.status = *s;
      r.rationale = c.text("rationale");
      if (needs_rationale && r.rationale.empty())
        c.fail("rationale", "record.missing",
               "required for instruments of category 'begrenzen' (proportionality and "
               "subsidiarity), missing");
      r.provenance = provenance;
      if (c.failed()) return std::nullopt;
      return ValidRecord(std::move(r));
    }
    case RecordKind::life_domains: {
      LifeDomainObservation r;
      r.case_id = c.id("case_id", true);
      if (auto d = c.date("observed_on", true)) r.observed_on = *d;
      r.domain = c.config_code("domain", domains_, "life domain", true);
      r.score = c.integer("score", 1, 5, true).value_or(0);
      r.goal = c.text("goal");
      r.provenance = provenance;
      if (c.failed()) return std::nullopt;
      return ValidRecord(std::move(r));
    }
    case RecordKind::events: {
      EventRecord r;
      r.partner = partner_;
      r.event_id = c.id("event_id", true);
      r.case_id = c.id("case_id", false);
      r.bsn = c.bsn("bsn");
      if (!c.present("case_id") && !c.present("bsn"))
        c.fail("case_id", "record.missing", "one of case_id and bsn is required, both missing");
      if (auto d = c.date_time("occurred_on", true)) r.occurred_on = *d;
      if (auto k = c.enumeration<EventKind>("kind", kAllEventKinds, parse_event_kind, true)) r.kind = *k;
      r.description = c.text("description");
      r.provenance = provenance;
      if (c.failed()) return std::nullopt;
      return ValidRecord(std::move(r));
    }
  }
  return std::nullopt;
}

}  // namespace casus
