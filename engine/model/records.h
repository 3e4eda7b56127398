// The canonical record types, one per record kind of the exchange format,
// as plain values with no I/O. Optional fields are std::optional; text that
// may be absent is an empty string. Direct identifiers (bsn, names, birth
// date) are plaintext here; the store encrypts them at rest. Case ids and
// codes that recur across many records (partner, district, domain, toolkit
// code, regisseur, assessor) are InternedString: eight bytes a field, one
// shared copy of each text — a 100k-case store loads millions of records.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/date.h"
#include "model/enums.h"
#include "model/interned_string.h"
#include "model/item_scores.h"
#include "model/provenance.h"

namespace casus {

// Fields are grouped by size (texts, then eight-, six- and four-byte values)
// so the structs pack without padding; the order has no other meaning.
struct CaseRecord {
  InternedString case_id;
  std::string bsn;  // 9 digits, empty when not delivered
  std::string surname;
  std::string given_names;
  std::string on_hold_reason;
  InternedString district;  // code from data/districts
  InternedString regisseur;
  InternedString related_case_id;
  Provenance provenance;
  Date registered_on;
  std::optional<Date> birth_date;
  std::optional<Date> plan_approved_on;
  std::optional<Date> on_hold_since;
  std::optional<Date> on_hold_review_on;
  std::optional<Date> closed_on;
  int risk_group = 0;        // 1..5
  int escalation_level = 1;  // 1..4
  std::optional<Gender> gender;
  std::optional<ClosureReason> closure_reason;

  bool active_at(const Date& day) const {
    return registered_on <= day && (!closed_on || *closed_on > day);
  }
};

struct AssessmentRecord {
  InternedString case_id;
  InternedString assessor;
  ItemScores items;  // by item code; absent = unknown
  std::string rationale;
  Provenance provenance;
  Date assessed_on;
  Judgement judgement = Judgement::laag;
};

struct InterventionRecord {
  InternedString case_id;
  InternedString code;     // toolkit code
  InternedString partner;  // partner code
  std::string rationale;
  Provenance provenance;
  Date started_on;
  std::optional<Date> ended_on;
  InterventionStatus status = InterventionStatus::gepland;
};

struct LifeDomainObservation {
  InternedString case_id;
  InternedString domain;  // domain code from config
  std::string goal;
  Provenance provenance;
  Date observed_on;
  int score = 0;  // 1..5
};

struct EventRecord {
  InternedString partner;  // delivering partner (part of the key)
  std::string event_id;
  InternedString case_id;  // as delivered; may be empty when bsn is given
  std::string bsn;
  std::string description;
  InternedString linked_case_id;  // resolved by the store's linking; empty = unlinked
  Provenance provenance;
  DateTime occurred_on;
  EventKind kind = EventKind::melding;
};

}  // namespace casus
