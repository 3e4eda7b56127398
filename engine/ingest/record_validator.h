// RecordValidator: checks one mapped record against every field rule of the
// exchange format (types, required and "iff" fields, date order, codes from
// config, the bsn 11-test, begrenzen rationale) and builds the typed model
// record. Every failed rule is one located diagnostic:
// "FILE:LINE: field 'x': reason (got 'value')". A record with any invalid
// field is invalid as a whole.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "config/config.h"
#include "core/diagnostic.h"
#include "ingest/field_mapping.h"
#include "model/records.h"

namespace casus {

using ValidRecord =
    std::variant<CaseRecord, AssessmentRecord, InterventionRecord, LifeDomainObservation, EventRecord>;

// Whether `text` is an id: [A-Za-z0-9._-]{1,40}.
bool is_valid_id(std::string_view text);

class RecordValidator {
 public:
  // `partner` is the delivering partner (the events key); `order` reads d/m forms.
  RecordValidator(const Config& config, RecordKind kind, std::string partner,
                  DateOrder order = DateOrder::dmy);

  // The typed record, or nullopt with at least one error appended to `out`.
  // `where` gives file and line for the diagnostics and the provenance.
  std::optional<ValidRecord> validate(const MappedRecord& record, const SourceLocation& where,
                                      std::vector<Diagnostic>& out) const;

 private:
  RecordKind kind_;
  std::string partner_;
  DateOrder order_;
  std::unordered_map<std::string, std::string> districts_;   // lower -> code
  std::string district_list_;
  std::unordered_map<std::string, std::string> partners_;    // lower -> code
  std::unordered_map<std::string, std::pair<std::string, bool>> instruments_;  // lower -> (code, needs rationale)
  std::unordered_map<std::string, std::string> domains_;     // lower -> code
};

}  // namespace casus
