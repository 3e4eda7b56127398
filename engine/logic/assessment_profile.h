// Assessment profile: the domain profile of one completed assessment
// framework (score, share, unknown items, incomplete), the consistency floor
// from the configured attention rules (and which rules fired), and the
// "afwijking zonder motivering" flag. Pure functions over any framework of
// the shape of spec/assessment-framework.md; the engine never computes a
// verdict, it only shows the profile and the floor.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"
#include "model/records.h"

namespace casus {

struct DomainProfile {
  std::string domain;   // domain code
  int score = 0;        // sum of the known item scores
  int max_score = 0;    // 2 × number of items in the domain
  double share = 0;     // score / max_score (0 when the domain has no items)
  int item_count = 0;
  int unknown = 0;      // items without a score (absent, '?' or empty)
  bool incomplete = false;  // more than incomplete_unknown_share of the items unknown
};

struct AssessmentProfile {
  std::vector<DomainProfile> domains;     // in the framework's domain order
  Judgement floor = Judgement::laag;      // consistency floor
  std::vector<std::string> fired_rules;   // ids of the attention rules that fired, in config order
  bool below_floor = false;               // judgement < floor
  bool unexplained = false;               // below floor and the rationale is empty

  const DomainProfile* find(const std::string& domain) const;
  bool incomplete() const;  // any domain incomplete
};

// A score of an item in a record: nullopt when unknown or out of range.
std::optional<int> item_score(const AssessmentRecord& record, const std::string& item);

DomainProfile profile_domain(const Framework& framework, const FrameworkDomain& domain,
                             const AssessmentRecord& record);

// Does one attention rule fire for this record / profile?
bool rule_fires(const AttentionRule& rule, const std::vector<DomainProfile>& domains,
                const AssessmentRecord& record);

// The full profile: domains, floor, fired rules and the deviation flag.
AssessmentProfile profile_assessment(const Framework& framework, const AssessmentRecord& record);

// Just the floor (highest minimum among the rules that fire; laag when none).
Judgement consistency_floor(const Framework& framework, const AssessmentRecord& record);

// A judgement below the floor with an empty (blank) rationale.
bool is_unexplained_deviation(Judgement judgement, Judgement floor, const std::string& rationale);

}  // namespace casus
