#include "logic/assessment_profile.h"

#include <algorithm>

#include "core/text_encoding.h"

namespace casus {

namespace {

// Shares are compared with a small tolerance so that 3/12 counts as ≥ 0.25.
constexpr double kShareEpsilon = 1e-9;

}  // namespace

const DomainProfile* AssessmentProfile::find(const std::string& domain) const {
  for (const auto& d : domains) {
    if (d.domain == domain) return &d;
  }
  return nullptr;
}

bool AssessmentProfile::incomplete() const {
  return std::any_of(domains.begin(), domains.end(),
                     [](const DomainProfile& d) { return d.incomplete; });
}

std::optional<int> item_score(const AssessmentRecord& record, const std::string& item) {
  const auto found = record.items.score(item);
  if (!found) return std::nullopt;
  const int score = *found;
  if (score < 0 || score > 2) return std::nullopt;
  return score;
}

DomainProfile profile_domain(const Framework& framework, const FrameworkDomain& domain,
                             const AssessmentRecord& record) {
  DomainProfile p;
  p.domain = domain.code;
  p.item_count = static_cast<int>(domain.item_codes.size());
  p.max_score = 2 * p.item_count;
  for (const auto& code : domain.item_codes) {
    if (auto score = item_score(record, code)) {
      p.score += *score;
    } else {
      ++p.unknown;
    }
  }
  p.share = p.max_score > 0 ? static_cast<double>(p.score) / p.max_score : 0.0;
  p.incomplete = p.item_count > 0 &&
                 p.unknown > framework.incomplete_unknown_share * p.item_count + kShareEpsilon;
  return p;
}

bool rule_fires(const AttentionRule& rule, const std::vector<DomainProfile>& domains,
                const AssessmentRecord& record) {
  for (const auto& c : rule.any_of) {
    switch (c.kind) {
      case AttentionCondition::Kind::item_equals: {
        auto score = item_score(record, c.target);
        if (score && *score == static_cast<int>(c.value)) return true;
        break;
      }
      case AttentionCondition::Kind::domain_share_at_least: {
        for (const auto& d : domains) {
          if (d.domain == c.target && d.share + kShareEpsilon >= c.value) return true;
        }
        break;
      }
    }
  }
  return false;
}

AssessmentProfile profile_assessment(const Framework& framework, const AssessmentRecord& record) {
  AssessmentProfile profile;
  profile.domains.reserve(framework.domains.size());
  for (const auto& domain : framework.domains) {
    profile.domains.push_back(profile_domain(framework, domain, record));
  }
  for (const auto& rule : framework.attention_rules) {
    if (rule_fires(rule, profile.domains, record)) {
      profile.fired_rules.push_back(rule.id);
      profile.floor = std::max(profile.floor, rule.minimum);
    }
  }
  profile.below_floor = record.judgement < profile.floor;
  profile.unexplained = is_unexplained_deviation(record.judgement, profile.floor, record.rationale);
  return profile;
}

Judgement consistency_floor(const Framework& framework, const AssessmentRecord& record) {
  // Only the domains a rule refers to need a profile.
  std::vector<DomainProfile> domains;
  Judgement floor = Judgement::laag;
  for (const auto& rule : framework.attention_rules) {
    if (rule.minimum <= floor) continue;  // cannot raise the floor
    for (const auto& c : rule.any_of) {
      if (c.kind != AttentionCondition::Kind::domain_share_at_least) continue;
      bool have = std::any_of(domains.begin(), domains.end(),
                              [&](const DomainProfile& d) { return d.domain == c.target; });
      if (have) continue;
      if (const FrameworkDomain* domain = framework.find_domain(c.target)) {
        domains.push_back(profile_domain(framework, *domain, record));
      }
    }
    if (rule_fires(rule, domains, record)) floor = rule.minimum;
  }
  return floor;
}

bool is_unexplained_deviation(Judgement judgement, Judgement floor, const std::string& rationale) {
  return judgement < floor && trim_blanks(rationale).empty();
}

}  // namespace casus
