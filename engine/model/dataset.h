// Dataset: everything the logic reads — all stored records of every kind,
// with events already linked to cases. Built by the store (or by tests by
// hand); logic functions take it by const reference and never do I/O.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "model/records.h"

namespace casus {

struct Dataset {
  std::vector<CaseRecord> cases;
  std::vector<AssessmentRecord> assessments;  // only those linked to a stored case
  std::vector<InterventionRecord> interventions;
  std::vector<LifeDomainObservation> life_domains;
  std::vector<EventRecord> events;  // linked and unlinked
  Date data_as_of;                  // latest import time's date
  std::vector<std::string> import_batches;  // "file (sha256 prefix, date)" lines for notes
  std::map<std::int32_t, std::string> batch_files;  // Provenance::batch_id -> imported file

  // Index from case_id to position in `cases`.
  std::unordered_map<std::string, std::size_t> index_cases() const;
};

}  // namespace casus
