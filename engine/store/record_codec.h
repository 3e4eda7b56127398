// RecordCodec: the stored form of each model record — its natural key, the
// case it belongs to, and its fields as canonical strings in exchange-format
// order (dates ISO, enums as codes). Which fields are direct identifiers
// (encrypted at rest) is decided here. Pure functions, no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "model/records.h"
#include "store/case_id_memo.h"

namespace casus {

struct EncodedRecord {
  RecordKind kind = RecordKind::cases;
  std::string natural_key;
  std::string case_id;  // the case it refers to (its own id for cases)
  std::string bsn;      // plaintext bsn for the linking hash ("" = none)
  std::vector<std::string> fields;
};

EncodedRecord encode_record(const CaseRecord& r);
EncodedRecord encode_record(const AssessmentRecord& r);
EncodedRecord encode_record(const InterventionRecord& r);
EncodedRecord encode_record(const LifeDomainObservation& r);
EncodedRecord encode_record(const EventRecord& r);

// Whether field `index` of `kind` is a direct identifier (bsn, surname, given_names, birth_date).
bool is_identifier_field(RecordKind kind, std::size_t index);
// A stable name for field `index` (bound into the encryption as associated data).
std::string field_label(RecordKind kind, std::size_t index);

// `case_ids` (optional) interns the case id (store/case_id_memo.h).
Status decode_record(const std::vector<std::string>& fields, CaseRecord& out, CaseIdMemo* case_ids = nullptr);
Status decode_record(const std::vector<std::string>& fields, AssessmentRecord& out, CaseIdMemo* case_ids = nullptr);
Status decode_record(const std::vector<std::string>& fields, InterventionRecord& out, CaseIdMemo* case_ids = nullptr);
Status decode_record(const std::vector<std::string>& fields, LifeDomainObservation& out,
                     CaseIdMemo* case_ids = nullptr);
Status decode_record(const std::vector<std::string>& fields, EventRecord& out, CaseIdMemo* case_ids = nullptr);

// Length-prefixed concatenation of fields (binary-safe) and back. Unpacking
// stops after `limit` fields (the rest is not read, nor checked).
std::string pack_fields(const std::vector<std::string>& fields);
bool unpack_fields(std::string_view packed, std::vector<std::string>& fields,
                   std::size_t limit = static_cast<std::size_t>(-1));

}  // namespace casus
