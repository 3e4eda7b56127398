#include "logic/dataset_index.h"

#include <algorithm>

namespace casus {

bool imported_later(const Provenance& a, const Provenance& b) {
  if (a.batch_id != b.batch_id) return a.batch_id > b.batch_id;
  return a.line > b.line;
}

namespace {

// Sorts by key, then by import order, and keeps the last of each key.
template <typename T, typename Key>
void sort_and_keep_latest(std::vector<const T*>& records, Key key) {
  std::sort(records.begin(), records.end(), [&](const T* a, const T* b) {
    auto ka = key(*a);
    auto kb = key(*b);
    if (ka != kb) return ka < kb;
    return imported_later(b->provenance, a->provenance);  // earlier import first
  });
  std::vector<const T*> kept;
  kept.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i + 1 < records.size() && key(*records[i]) == key(*records[i + 1])) continue;
    kept.push_back(records[i]);
  }
  records.swap(kept);
}

}  // namespace

const AssessmentRecord* CaseHistory::latest_assessment(const Date& day) const {
  auto it = std::upper_bound(assessments.begin(), assessments.end(), day,
                             [](const Date& d, const AssessmentRecord* a) { return d < a->assessed_on; });
  return it == assessments.begin() ? nullptr : *(it - 1);
}

const AssessmentRecord* CaseHistory::previous_assessment(const Date& day) const {
  auto it = std::upper_bound(assessments.begin(), assessments.end(), day,
                             [](const Date& d, const AssessmentRecord* a) { return d < a->assessed_on; });
  const auto n = it - assessments.begin();
  return n < 2 ? nullptr : *(it - 2);
}

const LifeDomainObservation* CaseHistory::latest_observation(const std::string& domain,
                                                             const Date& day) const {
  const LifeDomainObservation* latest = nullptr;
  for (const auto* o : life_domains) {
    if (o->domain == domain && o->observed_on <= day) latest = o;  // sorted by date within domain
  }
  return latest;
}

DatasetIndex::DatasetIndex(const Dataset& dataset) : dataset_(&dataset) {
  by_id_.reserve(dataset.cases.size());
  for (const auto& c : dataset.cases) {
    auto [it, inserted] = by_id_.emplace(c.case_id, cases_.size());
    if (inserted) {
      cases_.push_back(CaseHistory{&c, {}, {}, {}, {}});
    } else if (imported_later(c.provenance, cases_[it->second].record->provenance)) {
      cases_[it->second].record = &c;
    }
  }
  for (const auto& a : dataset.assessments) {
    auto it = by_id_.find(a.case_id);
    if (it != by_id_.end()) cases_[it->second].assessments.push_back(&a);
  }
  for (const auto& o : dataset.life_domains) {
    auto it = by_id_.find(o.case_id);
    if (it != by_id_.end()) cases_[it->second].life_domains.push_back(&o);
  }
  for (const auto& i : dataset.interventions) {
    auto it = by_id_.find(i.case_id);
    if (it != by_id_.end()) cases_[it->second].interventions.push_back(&i);
  }
  for (const auto& e : dataset.events) {
    auto it = e.linked_case_id.empty() ? by_id_.end() : by_id_.find(e.linked_case_id);
    if (it == by_id_.end()) {
      ++unlinked_events_;
    } else {
      cases_[it->second].events.push_back(&e);
    }
  }
  for (auto& h : cases_) {
    if (h.assessments.size() > 1) {
      sort_and_keep_latest(h.assessments, [](const AssessmentRecord& a) { return a.assessed_on; });
    }
    if (h.life_domains.size() > 1) {
      sort_and_keep_latest(h.life_domains, [](const LifeDomainObservation& o) {
        return std::make_pair(std::string_view(o.domain), o.observed_on);
      });
    }
    if (h.interventions.size() > 1) {
      sort_and_keep_latest(h.interventions, [](const InterventionRecord& i) {
        return std::make_pair(i.started_on, std::string_view(i.code));
      });
    }
    if (h.events.size() > 1) {
      std::stable_sort(h.events.begin(), h.events.end(), [](const EventRecord* a, const EventRecord* b) {
        return a->occurred_on < b->occurred_on;
      });
    }
  }
}

const CaseHistory* DatasetIndex::find(const std::string& case_id) const {
  auto it = by_id_.find(case_id);
  return it == by_id_.end() ? nullptr : &cases_[it->second];
}

}  // namespace casus
