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

struct CaseRecord {
  InternedString case_id;
  std::string bsn;  // 9 digits, empty when not delivered
  std::string surname;
  std::string given_names;
  std::optional<Date> birth_date;
  std::optional<Gender> gender;
  InternedString district;  // code from data/districts
  int risk_group = 0;    // 1..5
  Date registered_on;
  InternedString regisseur;
  std::optional<Date> plan_approved_on;
  int escalation_level = 1;  // 1..4
  std::optional<Date> on_hold_since;
  std::optional<Date> on_hold_review_on;
  std::string on_hold_reason;
  std::optional<Date> closed_on;
  std::optional<ClosureReason> closure_reason;
  InternedString related_case_id;
  Provenance provenance;

  bool active_at(const Date& day) const {
    return registered_on <= day && (!closed_on || *closed_on > day);
  }
};

struct AssessmentRecord {
  InternedString case_id;
  Date assessed_on;
  InternedString assessor;
  ItemScores items;  // by item code; absent = unknown
  Judgement judgement = Judgement::laag;
  std::string rationale;
  Provenance provenance;
};

struct InterventionRecord {
  InternedString case_id;
  InternedString code;     // toolkit code
  InternedString partner;  // partner code
  Date started_on;
  std::optional<Date> ended_on;
  InterventionStatus status = InterventionStatus::gepland;
  std::string rationale;
  Provenance provenance;
};

struct LifeDomainObservation {
  InternedString case_id;
  Date observed_on;
  InternedString domain;  // domain code from config
  int score = 0;       // 1..5
  std::string goal;
  Provenance provenance;
};

struct EventRecord {
  InternedString partner;  // delivering partner (part of the key)
  std::string event_id;
  InternedString case_id;  // as delivered; may be empty when bsn is given
  std::string bsn;
  DateTime occurred_on;
  EventKind kind = EventKind::melding;
  std::string description;
  InternedString linked_case_id;  // resolved by the store's linking; empty = unlinked
  Provenance provenance;
};

}  // namespace casus
