#include "render/config_context.h"

#include "render/case_labels.h"

#include "logic/toolkit_suggestions.h"
#include "render/document_meta_context.h"

namespace casus {

TemplateData framework_context(const Config& config, Language lang) {
  TemplateData out;
  TemplateData domains{TemplateData::type::list};
  for (const auto& d : config.framework.domains) {
    TemplateData domain;
    domain.set("code", d.code);
    domain.set("name", d.name.get(lang));
    domain.set("protective", flag(d.protective));
    domain.set("item_count", std::to_string(d.item_codes.size()));
    TemplateData items{TemplateData::type::list};
    for (const auto& code : d.item_codes) {
      const FrameworkItem* item = config.framework.find_item(code);
      if (!item) continue;
      TemplateData i;
      i.set("code", item->code);
      i.set("label", item->label.get(lang));
      std::vector<std::string> questions;
      for (const auto& q : item->questions) questions.push_back(q.get(lang));
      i.set("questions", text_list(questions));
      items.push_back(i);
    }
    domain.set("items", items);
    domains.push_back(domain);
  }
  out.set("domains", domains);
  out.set("item_count", std::to_string(config.framework.items.size()));
  out.set("domain_count", std::to_string(config.framework.domains.size()));
  TemplateData rules{TemplateData::type::list};
  for (const auto& r : config.framework.attention_rules) {
    TemplateData rule;
    rule.set("id", r.id);
    rule.set("description", r.description.get(lang));
    rule.set("minimum", judgement_label(r.minimum, lang));
    rules.push_back(rule);
  }
  out.set("rules", rules);
  return out;
}

TemplateData toolkit_context(const Config& config, Language lang) {
  TemplateData out;
  TemplateData categories{TemplateData::type::list};
  for (const auto& c : config.toolkit.categories) {
    TemplateData category;
    category.set("code", c.code);
    category.set("name", c.name.get(lang));
    category.set("requires_legal_basis", flag(c.requires_legal_basis));
    TemplateData instruments{TemplateData::type::list};
    int count = 0;
    for (const auto& i : config.toolkit.instruments) {
      if (i.category != c.code) continue;
      ++count;
      TemplateData instrument;
      instrument.set("code", i.code);
      instrument.set("name", i.name.get(lang));
      const Partner* owner = config.find_partner(i.owner);
      instrument.set("owner", owner ? owner->name : i.owner);
      instrument.set("description", i.description.get(lang));
      instrument.set("legal_basis", i.legal_basis.get(lang));
      instrument.set("has_legal_basis", flag(!i.legal_basis.nl.empty()));
      instrument.set("preconditions", i.preconditions.get(lang));
      instrument.set("has_preconditions", flag(!i.preconditions.nl.empty()));
      std::string groups;
      for (int g : i.risk_groups) groups += (groups.empty() ? "" : ", ") + std::to_string(g);
      instrument.set("risk_groups", groups.empty() ? std::string(lang == Language::en ? "all" : "alle") : groups);
      std::string indications;
      for (const auto& ind : i.indications)
        indications += (indications.empty() ? "" : "; ") + describe_indication(config, ind).get(lang);
      instrument.set("indications", indications.empty() ? std::string("—") : indications);
      instruments.push_back(instrument);
    }
    category.set("instruments", instruments);
    category.set("count", std::to_string(count));
    categories.push_back(category);
  }
  out.set("categories", categories);
  out.set("instrument_count", std::to_string(config.toolkit.instruments.size()));
  return out;
}

TemplateData escalation_context(const Config& config, Language lang) {
  TemplateData out;
  TemplateData levels{TemplateData::type::list};
  for (const auto& l : config.escalation.levels) {
    TemplateData level;
    level.set("level", std::to_string(l.level));
    level.set("name", l.name.get(lang));
    level.set("description", l.description.get(lang));
    levels.push_back(level);
  }
  out.set("levels", levels);
  TemplateData up{TemplateData::type::list}, down{TemplateData::type::list};
  for (const auto& r : config.escalation.rules) {
    TemplateData rule;
    rule.set("id", r.id);
    rule.set("reason", r.reason.get(lang));
    (r.direction == EscalationRule::Direction::up ? up : down).push_back(rule);
  }
  out.set("up", up);
  out.set("down", down);
  return out;
}

TemplateData monitoring_context(const Config& config, Language lang) {
  const Monitoring& m = config.monitoring;
  TemplateData out;
  TemplateData indicators{TemplateData::type::list};
  for (const auto& i : m.indicators) {
    TemplateData indicator;
    indicator.set("code", i.code);
    indicator.set("label", i.label.get(lang));
    indicator.set("definition", i.definition.get(lang));
    indicators.push_back(indicator);
  }
  out.set("indicators", indicators);
  TemplateData bands{TemplateData::type::list};
  for (const auto& b : m.bands) {
    TemplateData band;
    band.set("code", b.code);
    band.set("label", b.label.get(lang));
    band.set("min", std::to_string(b.min_score));
    band.set("max", std::to_string(b.max_score));
    bands.push_back(band);
  }
  out.set("bands", bands);
  TemplateData life{TemplateData::type::list};
  for (const auto& d : m.life_domains) {
    TemplateData domain;
    domain.set("code", d.code);
    domain.set("name", d.name.get(lang));
    life.push_back(domain);
  }
  out.set("life_domains", life);
  out.set("review_hoog", std::to_string(m.review_days_hoog));
  out.set("review_midden", std::to_string(m.review_days_midden));
  out.set("review_laag", std::to_string(m.review_days_laag));
  out.set("first_assessment_days", std::to_string(m.first_assessment_days));
  out.set("plan_deadline_days", std::to_string(m.plan_deadline_days));
  out.set("plan_deadline_weeks", std::to_string(m.plan_deadline_days / 7));
  out.set("disclosure_threshold", std::to_string(m.disclosure_threshold));
  out.set("trend_months", std::to_string(m.trend_months));
  return out;
}

void set_config_sections(TemplateData& ctx, const Config& config, Language language) {
  ctx.set("framework", framework_context(config, language));
  ctx.set("toolkit", toolkit_context(config, language));
  ctx.set("escalation", escalation_context(config, language));
  ctx.set("monitoring", monitoring_context(config, language));
}

}  // namespace casus
