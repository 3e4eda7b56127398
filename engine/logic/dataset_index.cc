#include "logic/dataset_index.h"

#include <algorithm>
#include <utility>

namespace casus {

bool imported_later(const Provenance& a, const Provenance& b) {
  if (a.batch_id != b.batch_id) return a.batch_id > b.batch_id;
  return a.line > b.line;
}

namespace {

constexpr std::size_t kNoCase = static_cast<std::size_t>(-1);

// Groups the records of one kind by case (a counting sort into one flat
// vector), sorts each case's run by key then import order, and keeps the
// last of each key. Returns per case its [begin, size) in `flat`. Each run is
// sorted on a copy of its keys, so every record is read once, not at every
// comparison (a store of 100k cases does not fit in the caches).
template <typename T, typename CaseOf, typename Key>
std::vector<std::pair<std::size_t, std::size_t>> group_by_case(const std::vector<T>& records,
                                                               std::size_t case_count,
                                                               CaseOf case_of, Key key,
                                                               bool keep_latest,
                                                               std::vector<const T*>& flat) {
  std::vector<std::size_t> owner(records.size());
  std::vector<std::size_t> offset(case_count + 1, 0);
  for (std::size_t i = 0; i < records.size(); ++i) {
    owner[i] = case_of(records[i]);
    if (owner[i] != kNoCase) ++offset[owner[i] + 1];
  }
  for (std::size_t c = 0; c < case_count; ++c) offset[c + 1] += offset[c];
  flat.assign(offset[case_count], nullptr);
  std::vector<std::size_t> fill(offset.begin(), offset.end() - 1);
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (owner[i] != kNoCase) flat[fill[owner[i]]++] = &records[i];
  }
  using SortKey = decltype(key(std::declval<const T&>()));
  struct Keyed {
    SortKey value;
    Provenance provenance;
    const T* record;
  };
  // Same key: earlier import first; then dataset order (addresses), so the
  // order is total and the result deterministic.
  auto before = [keep_latest](const Keyed& a, const Keyed& b) {
    if (a.value != b.value) return a.value < b.value;
    if (keep_latest && a.provenance.batch_id != b.provenance.batch_id)
      return a.provenance.batch_id < b.provenance.batch_id;
    if (keep_latest && a.provenance.line != b.provenance.line) return a.provenance.line < b.provenance.line;
    return a.record < b.record;
  };
  std::vector<Keyed> run;
  std::vector<std::pair<std::size_t, std::size_t>> runs(case_count);
  for (std::size_t c = 0; c < case_count; ++c) {
    auto first = flat.begin() + static_cast<std::ptrdiff_t>(offset[c]);
    auto last = flat.begin() + static_cast<std::ptrdiff_t>(offset[c + 1]);
    if (last - first > 1) {
      run.clear();
      for (auto it = first; it != last; ++it) run.push_back(Keyed{key(**it), (*it)->provenance, *it});
      std::sort(run.begin(), run.end(), before);
      auto out = first;
      for (std::size_t i = 0; i < run.size(); ++i) {
        // Keep the last record of each key (the later import).
        if (keep_latest && i + 1 < run.size() && run[i].value == run[i + 1].value) continue;
        *out++ = run[i].record;
      }
      last = out;
    }
    runs[c] = {offset[c], static_cast<std::size_t>(last - first)};
  }
  return runs;
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
  // Sorted by (domain, observed_on), one per key: the last observation up to
  // (domain, day) is the latest when it is of this domain.
  const std::string_view code(domain);
  auto after = std::upper_bound(life_domains.begin(), life_domains.end(), day,
                                [code](const Date& d, const LifeDomainObservation* o) {
                                  const int order = code.compare(std::string_view(o->domain));
                                  return order != 0 ? order < 0 : d < o->observed_on;
                                });
  if (after == life_domains.begin()) return nullptr;
  const LifeDomainObservation* latest = *(after - 1);
  return std::string_view(latest->domain) == code ? latest : nullptr;
}

DatasetIndex::DatasetIndex(const Dataset& dataset) : dataset_(&dataset) {
  by_id_.reserve(dataset.cases.size());
  for (const auto& c : dataset.cases) {
    auto [it, inserted] = by_id_.emplace(std::string_view(c.case_id), cases_.size());
    if (inserted) {
      cases_.push_back(CaseHistory{&c, {}, {}, {}, {}});
    } else if (imported_later(c.provenance, cases_[it->second].record->provenance)) {
      cases_[it->second].record = &c;
    }
  }
  const std::size_t n = cases_.size();
  // Case ids are interned (equal ids are one pool entry), so records are
  // matched to cases by the address of their id; the last answer is kept,
  // since a case's records tend to follow each other.
  std::unordered_map<const std::string*, std::size_t> by_address;
  by_address.reserve(n);
  for (std::size_t c = 0; c < n; ++c) by_address.emplace(&cases_[c].record->case_id.str(), c);
  const std::string* last_id = nullptr;
  std::size_t last_case = kNoCase;
  auto case_of = [&](const InternedString& id) {
    if (id.empty()) return kNoCase;
    const std::string* address = &id.str();
    if (address != last_id) {
      auto it = by_address.find(address);
      last_id = address;
      last_case = it == by_address.end() ? kNoCase : it->second;
    }
    return last_case;
  };
  auto a_runs = group_by_case(
      dataset.assessments, n, [&](const AssessmentRecord& a) { return case_of(a.case_id); },
      [](const AssessmentRecord& a) { return a.assessed_on; }, true, assessments_);
  auto l_runs = group_by_case(
      dataset.life_domains, n, [&](const LifeDomainObservation& o) { return case_of(o.case_id); },
      [](const LifeDomainObservation& o) {
        return std::make_pair(std::string_view(o.domain), o.observed_on);
      },
      true, life_domains_);
  auto i_runs = group_by_case(
      dataset.interventions, n, [&](const InterventionRecord& i) { return case_of(i.case_id); },
      [](const InterventionRecord& i) { return std::make_pair(i.started_on, std::string_view(i.code)); },
      true, interventions_);
  auto e_runs = group_by_case(
      dataset.events, n, [&](const EventRecord& e) { return case_of(e.linked_case_id); },
      [](const EventRecord& e) { return e.occurred_on; }, false, events_);
  for (std::size_t c = 0; c < n; ++c) {
    CaseHistory& h = cases_[c];
    h.assessments = {assessments_.data() + a_runs[c].first, a_runs[c].second};
    h.life_domains = {life_domains_.data() + l_runs[c].first, l_runs[c].second};
    h.interventions = {interventions_.data() + i_runs[c].first, i_runs[c].second};
    h.events = {events_.data() + e_runs[c].first, e_runs[c].second};
  }
  unlinked_events_ = dataset.events.size() - events_.size();
}

const CaseHistory* DatasetIndex::find(const std::string& case_id) const {
  auto it = by_id_.find(std::string_view(case_id));
  return it == by_id_.end() ? nullptr : &cases_[it->second];
}

}  // namespace casus
