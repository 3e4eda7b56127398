#include "config/config.h"

#include <algorithm>

namespace casus {

namespace {

template <typename T, typename Key>
const T* find_by_code(const std::vector<T>& items, const Key& code) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.code == code; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

const FrameworkItem* Framework::find_item(const std::string& code) const {
  return find_by_code(items, code);
}

const FrameworkDomain* Framework::find_domain(const std::string& code) const {
  return find_by_code(domains, code);
}

const Instrument* Toolkit::find(const std::string& code) const {
  return find_by_code(instruments, code);
}

const ToolkitCategory* Toolkit::find_category(const std::string& code) const {
  return find_by_code(categories, code);
}

const EscalationLevel* Escalation::find(int level) const {
  auto it = std::find_if(levels.begin(), levels.end(),
                         [&](const EscalationLevel& l) { return l.level == level; });
  return it == levels.end() ? nullptr : &*it;
}

int Monitoring::review_days(Judgement judgement) const {
  switch (judgement) {
    case Judgement::hoog: return review_days_hoog;
    case Judgement::midden: return review_days_midden;
    case Judgement::laag: return review_days_laag;
  }
  return review_days_laag;
}

const ColourBand* Monitoring::band_for_score(int score) const {
  for (const auto& band : bands) {
    if (score >= band.min_score && score <= band.max_score) return &band;
  }
  return nullptr;
}

const IndicatorDefinition* Monitoring::find_indicator(const std::string& code) const {
  return find_by_code(indicators, code);
}

const PartnerExport* Partner::find_export(RecordKind kind) const {
  auto it = std::find_if(exports.begin(), exports.end(),
                         [&](const PartnerExport& e) { return e.kind == kind; });
  return it == exports.end() ? nullptr : &*it;
}

const Partner* Config::find_partner(const std::string& code) const {
  return find_by_code(partners, code);
}

const Audience* Config::find_audience(const std::string& code) const {
  return find_by_code(audiences, code);
}

const District* Config::find_district(const std::string& code) const {
  return find_by_code(districts, code);
}

const LifeDomain* Config::find_life_domain(const std::string& code) const {
  return find_by_code(monitoring.life_domains, code);
}

std::string Config::category_of(const std::string& kind, const std::string& field) const {
  for (const auto& f : fields) {
    if (f.kind == kind && f.field == field) return f.category;
  }
  // Assessment item columns (V1, I3, ...) share the classification of the
  // pseudo-field "items".
  if (kind == "assessments" && framework.find_item(field) != nullptr) {
    for (const auto& f : fields) {
      if (f.kind == kind && f.field == kItemsField) return f.category;
    }
  }
  return "";
}

const DataCategory* Config::find_data_category(const std::string& code) const {
  return find_by_code(data_categories, code);
}

}  // namespace casus
