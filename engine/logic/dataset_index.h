// DatasetIndex: a read-only index over a Dataset that groups every record
// under its case, in date order, with the exchange format's tie rule applied
// once: for records with the same natural key (assessment: case and date;
// life-domain: case, domain and date; intervention: case, code and start) the
// later import (provenance batch_id, then line) wins and the others are
// dropped. Records whose case is not in the dataset are counted nowhere;
// events are grouped by linked_case_id (set by the store). Built once, used
// by the indicators, toolkit suggestions and escalation proposals.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "model/dataset.h"

namespace casus {

// True when `a` was imported after `b` (batch_id, then line).
bool imported_later(const Provenance& a, const Provenance& b);

// Views into the index's storage; valid as long as the DatasetIndex.
struct CaseHistory {
  const CaseRecord* record = nullptr;
  std::span<const AssessmentRecord* const> assessments;       // by assessed_on, one per date
  std::span<const LifeDomainObservation* const> life_domains;  // by (domain, observed_on), one per key
  std::span<const InterventionRecord* const> interventions;   // by (started_on, code), one per key
  std::span<const EventRecord* const> events;                 // by occurred_on

  // The latest assessment on or before `day`, or null.
  const AssessmentRecord* latest_assessment(const Date& day) const;
  // The one before the latest on or before `day`, or null.
  const AssessmentRecord* previous_assessment(const Date& day) const;
  // Latest observation of `domain` on or before `day`, or null.
  const LifeDomainObservation* latest_observation(const std::string& domain,
                                                  const Date& day) const;
};

class DatasetIndex {
 public:
  // Keeps a reference to `dataset`, which must outlive the index.
  explicit DatasetIndex(const Dataset& dataset);
  DatasetIndex(const DatasetIndex&) = delete;
  DatasetIndex& operator=(const DatasetIndex&) = delete;

  const Dataset& dataset() const { return *dataset_; }
  // One history per distinct case, in the order of dataset.cases (a
  // duplicated case_id keeps its later import).
  const std::vector<CaseHistory>& cases() const { return cases_; }
  const CaseHistory* find(const std::string& case_id) const;
  // Events whose linked_case_id is empty or names no case.
  std::size_t unlinked_event_count() const { return unlinked_events_; }

 private:
  const Dataset* dataset_;
  std::vector<CaseHistory> cases_;
  std::unordered_map<std::string_view, std::size_t> by_id_;  // views into dataset case_ids
  std::vector<const AssessmentRecord*> assessments_;  // grouped by case
  std::vector<const LifeDomainObservation*> life_domains_;
  std::vector<const InterventionRecord*> interventions_;
  std::vector<const EventRecord*> events_;
  std::size_t unlinked_events_ = 0;
};

}  // namespace casus
