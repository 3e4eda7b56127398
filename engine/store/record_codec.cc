#include "store/record_codec.h"

#include <charconv>

namespace casus {
namespace {

std::string opt_date(const std::optional<Date>& d) { return d ? d->iso() : std::string(); }

template <typename E>
std::string opt_code(const std::optional<E>& e) {
  return e ? std::string(code(*e)) : std::string();
}

bool get_date(const std::string& s, std::optional<Date>& out) {
  if (s.empty()) {
    out.reset();
    return true;
  }
  out = parse_date(s);
  return out.has_value();
}

bool get_date(const std::string& s, Date& out) {
  auto d = parse_date(s);
  if (!d) return false;
  out = *d;
  return true;
}

bool get_int(const std::string& s, int& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

InternedString intern_case_id(const std::string& text, CaseIdMemo* memo) {
  return memo ? memo->get(text) : InternedString(text);
}

Status corrupt(const char* kind) { return Status::error(std::string("stored ") + kind + " record is damaged"); }

}  // namespace

bool is_identifier_field(RecordKind kind, std::size_t index) {
  if (kind == RecordKind::cases) return index >= 1 && index <= 4;
  if (kind == RecordKind::events) return index == 2;
  return false;
}

std::string field_label(RecordKind kind, std::size_t index) {
  return std::string(code(kind)) + "/" + std::to_string(index);
}

EncodedRecord encode_record(const CaseRecord& r) {
  EncodedRecord e;
  e.kind = RecordKind::cases;
  e.natural_key = r.case_id;
  e.case_id = r.case_id;
  e.bsn = r.bsn;
  e.fields = {r.case_id,
              r.bsn,
              r.surname,
              r.given_names,
              opt_date(r.birth_date),
              opt_code(r.gender),
              r.district,
              std::to_string(r.risk_group),
              r.registered_on.iso(),
              r.regisseur,
              opt_date(r.plan_approved_on),
              std::to_string(r.escalation_level),
              opt_date(r.on_hold_since),
              opt_date(r.on_hold_review_on),
              r.on_hold_reason,
              opt_date(r.closed_on),
              opt_code(r.closure_reason),
              r.related_case_id};
  return e;
}

Status decode_record(const std::vector<std::string>& f, CaseRecord& r, CaseIdMemo* case_ids) {
  if (f.size() != 18) return corrupt("case");
  r.case_id = intern_case_id(f[0], case_ids);
  r.bsn = f[1];
  r.surname = f[2];
  r.given_names = f[3];
  bool ok = get_date(f[4], r.birth_date);
  r.gender = f[5].empty() ? std::nullopt : parse_gender(f[5]);
  r.district = f[6];
  ok = ok && get_int(f[7], r.risk_group) && get_date(f[8], r.registered_on);
  r.regisseur = f[9];
  ok = ok && get_date(f[10], r.plan_approved_on) && get_int(f[11], r.escalation_level) &&
       get_date(f[12], r.on_hold_since) && get_date(f[13], r.on_hold_review_on);
  r.on_hold_reason = f[14];
  ok = ok && get_date(f[15], r.closed_on);
  r.closure_reason = f[16].empty() ? std::nullopt : parse_closure_reason(f[16]);
  r.related_case_id = f[17];
  return ok ? Status::ok() : corrupt("case");
}

EncodedRecord encode_record(const AssessmentRecord& r) {
  EncodedRecord e;
  e.kind = RecordKind::assessments;
  e.natural_key = r.case_id + "|" + r.assessed_on.iso();
  e.case_id = r.case_id;
  e.fields = {r.case_id, r.assessed_on.iso(), r.assessor, code(r.judgement), r.rationale};
  for (const auto& [item, score] : r.items) {
    e.fields.push_back(std::string(item));
    e.fields.push_back(score.score ? std::to_string(*score.score) : std::string("?"));
    e.fields.push_back(score.evidence);
    e.fields.push_back(score.source);
  }
  return e;
}

Status decode_record(const std::vector<std::string>& f, AssessmentRecord& r, CaseIdMemo* case_ids) {
  if (f.size() < 5 || (f.size() - 5) % 4 != 0) return corrupt("assessment");
  r.case_id = intern_case_id(f[0], case_ids);
  bool ok = get_date(f[1], r.assessed_on);
  r.assessor = f[2];
  const auto j = parse_judgement(f[3]);
  ok = ok && j.has_value();
  if (j) r.judgement = *j;
  r.rationale = f[4];
  r.items.clear();
  r.items.reserve((f.size() - 5) / 4);
  for (std::size_t i = 5; i + 3 < f.size(); i += 4) {
    ItemScore score;
    if (f[i + 1] != "?") {
      int v = 0;
      ok = ok && get_int(f[i + 1], v);
      score.score = v;
    }
    score.evidence = f[i + 2];
    score.source = f[i + 3];
    r.items.emplace(f[i], std::move(score));
  }
  return ok ? Status::ok() : corrupt("assessment");
}

EncodedRecord encode_record(const InterventionRecord& r) {
  EncodedRecord e;
  e.kind = RecordKind::interventions;
  e.natural_key = r.case_id + "|" + r.code + "|" + r.started_on.iso();
  e.case_id = r.case_id;
  e.fields = {r.case_id, r.code, r.partner, r.started_on.iso(), opt_date(r.ended_on), code(r.status), r.rationale};
  return e;
}

Status decode_record(const std::vector<std::string>& f, InterventionRecord& r, CaseIdMemo* case_ids) {
  if (f.size() != 7) return corrupt("intervention");
  r.case_id = intern_case_id(f[0], case_ids);
  r.code = f[1];
  r.partner = f[2];
  bool ok = get_date(f[3], r.started_on) && get_date(f[4], r.ended_on);
  const auto s = parse_intervention_status(f[5]);
  ok = ok && s.has_value();
  if (s) r.status = *s;
  r.rationale = f[6];
  return ok ? Status::ok() : corrupt("intervention");
}

EncodedRecord encode_record(const LifeDomainObservation& r) {
  EncodedRecord e;
  e.kind = RecordKind::life_domains;
  e.natural_key = r.case_id + "|" + r.domain + "|" + r.observed_on.iso();
  e.case_id = r.case_id;
  e.fields = {r.case_id, r.observed_on.iso(), r.domain, std::to_string(r.score), r.goal};
  return e;
}

Status decode_record(const std::vector<std::string>& f, LifeDomainObservation& r, CaseIdMemo* case_ids) {
  if (f.size() != 5) return corrupt("life-domain");
  r.case_id = intern_case_id(f[0], case_ids);
  bool ok = get_date(f[1], r.observed_on);
  r.domain = f[2];
  ok = ok && get_int(f[3], r.score);
  r.goal = f[4];
  return ok ? Status::ok() : corrupt("life-domain");
}

EncodedRecord encode_record(const EventRecord& r) {
  EncodedRecord e;
  e.kind = RecordKind::events;
  e.natural_key = r.partner + "|" + r.event_id;
  e.case_id = r.case_id;
  e.bsn = r.bsn;
  e.fields = {r.event_id, r.case_id, r.bsn, r.occurred_on.iso(), code(r.kind), r.description, r.partner};
  return e;
}

Status decode_record(const std::vector<std::string>& f, EventRecord& r, CaseIdMemo* case_ids) {
  if (f.size() != 7) return corrupt("event");
  r.event_id = f[0];
  r.case_id = intern_case_id(f[1], case_ids);
  r.bsn = f[2];
  const auto when = parse_date_time(f[3]);
  const auto kind = parse_event_kind(f[4]);
  if (!when || !kind) return corrupt("event");
  r.occurred_on = *when;
  r.kind = *kind;
  r.description = f[5];
  r.partner = f[6];
  return Status::ok();
}

std::string pack_fields(const std::vector<std::string>& fields) {
  std::string out;
  std::size_t total = 0;
  for (const auto& f : fields) total += f.size() + 2;
  out.reserve(total);
  for (const auto& f : fields) {
    std::size_t n = f.size();
    do {  // LEB128 length
      unsigned char byte = n & 0x7F;
      n >>= 7;
      if (n) byte |= 0x80;
      out += static_cast<char>(byte);
    } while (n);
    out += f;
  }
  return out;
}

bool unpack_fields(std::string_view packed, std::vector<std::string>& fields, std::size_t limit) {
  // The strings already in `fields` are reused: a loader that unpacks a
  // million records into one vector allocates only for longer texts.
  std::size_t count = 0;
  std::size_t pos = 0;
  while (pos < packed.size() && count < limit) {
    std::size_t n = 0;
    int shift = 0;
    while (true) {
      if (pos >= packed.size() || shift > 56) return false;
      const auto byte = static_cast<unsigned char>(packed[pos++]);
      n |= static_cast<std::size_t>(byte & 0x7F) << shift;
      shift += 7;
      if ((byte & 0x80) == 0) break;
    }
    if (n > packed.size() - pos) return false;
    if (count < fields.size())
      fields[count].assign(packed.data() + pos, n);
    else
      fields.emplace_back(packed.substr(pos, n));
    ++count;
    pos += n;
  }
  fields.resize(count);
  return true;
}

}  // namespace casus
