#include "render/report_labels.h"

#include <array>

namespace casus {

namespace {

constexpr ReportWords kNl{"Overzicht", "Risicogroepen", "Stadsdelen", "Leefgebieden", "Interventies",
                          "Trend", "Toelichting", "Code", "Indicator", "Verschil", "Totaal", "Maand",
                          "Definitie", "Doelgroep", "Stadsdeel", "Fase", "Escalatieniveau",
                          "Risiconiveau", "Leefgebied", "Categorie", "Gebeurtenis", "t.o.v."};
constexpr ReportWords kEn{"Overview", "Risk groups", "Districts", "Life domains", "Interventions",
                          "Trend", "Notes", "Code", "Indicator", "Change", "Total", "Month",
                          "Definition", "Risk group", "District", "Stage", "Escalation level",
                          "Risk level", "Life domain", "Category", "Event", "vs"};


}  // namespace

const ReportWords& report_words(Language language) { return language == Language::en ? kEn : kNl; }

std::string risk_group_label(int group, Language language) {
  return std::string(language == Language::en ? "Risk group " : "Doelgroep ") + std::to_string(group);
}

std::string escalation_level_label(const Config& config, int level, Language language) {
  std::string out = std::string(language == Language::en ? "Level " : "Trede ") + std::to_string(level);
  if (const EscalationLevel* l = config.escalation.find(level)) {
    const std::string& name = l->name.get(language);
    if (!name.empty()) out += ": " + name;
  }
  return out;
}

std::string closure_reason_label(ClosureReason reason, Language language) {
  const bool en = language == Language::en;
  switch (reason) {
    case ClosureReason::doel_bereikt: return en ? "goal achieved" : "doel bereikt";
    case ClosureReason::afgeschaald: return en ? "scaled down" : "afgeschaald";
    case ClosureReason::verhuisd: return en ? "moved away" : "verhuisd";
    case ClosureReason::detentie: return en ? "detention" : "detentie";
    case ClosureReason::overleden: return en ? "deceased" : "overleden";
    case ClosureReason::overig: return en ? "other" : "overig";
  }
  return code(reason);
}

std::string stage_label(const std::string& stage, Language language) {
  const bool en = language == Language::en;
  if (stage == "zonder_beoordeling") return en ? "without assessment" : "zonder beoordeling";
  if (stage == "zonder_plan") return en ? "without plan of action" : "zonder plan van aanpak";
  if (stage == "met_plan") return en ? "with plan of action" : "met plan van aanpak";
  return stage;
}

std::string judgement_label(const std::string& judgement, Language language) {
  const bool en = language == Language::en;
  if (judgement == "laag") return en ? "low" : "laag";
  if (judgement == "midden") return en ? "medium" : "midden";
  if (judgement == "hoog") return en ? "high" : "hoog";
  if (judgement == "onbekend") return en ? "unknown" : "onbekend";
  return judgement;
}

std::string event_kind_label(EventKind kind, Language language) {
  const bool en = language == Language::en;
  switch (kind) {
    case EventKind::melding: return en ? "report" : "melding";
    case EventKind::verdachte: return en ? "suspect" : "verdachte";
    case EventKind::aanhouding: return en ? "arrest" : "aanhouding";
    case EventKind::dagvaarding: return en ? "summons" : "dagvaarding";
    case EventKind::veroordeling: return en ? "conviction" : "veroordeling";
    case EventKind::detentie_start: return en ? "start of detention" : "start detentie";
    case EventKind::detentie_einde: return en ? "end of detention" : "einde detentie";
    case EventKind::uitreispoging: return en ? "attempt to travel" : "uitreispoging";
    case EventKind::terugkeer: return en ? "return" : "terugkeer";
  }
  return code(kind);
}

std::string band_short_label(const Config& config, const std::string& band, Language language) {
  for (const auto& b : config.monitoring.bands) {
    if (b.code != band) continue;
    const std::string& label = b.label.get(language);
    const auto colon = label.find(':');
    return colon == std::string::npos ? label : label.substr(0, colon);
  }
  if (band == "onbekend") return language == Language::en ? "unknown" : "onbekend";
  return band;
}

std::string short_month_label(const YearMonth& month, Language language) {
  static constexpr std::array<const char*, 12> nl = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                                     "jul", "aug", "sep", "okt", "nov", "dec"};
  static constexpr std::array<const char*, 12> en = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto& names = language == Language::en ? en : nl;
  return std::string(names[static_cast<std::size_t>(month.month - 1)]) + " " +
         std::to_string(month.year);
}

std::string indicator_code_label(const Config& config, const std::string& code_text,
                                 Language language, bool value_only) {
  const auto dot = code_text.find('.');
  if (dot == std::string::npos) {
    const IndicatorDefinition* def = config.monitoring.find_indicator(code_text);
    return def ? def->label.get(language) : code_text;
  }
  const std::string prefix = code_text.substr(0, dot);
  const std::string value = code_text.substr(dot + 1);
  std::string value_label = value;
  if (prefix == "outflow_reason") {
    if (auto r = parse_closure_reason(value)) value_label = closure_reason_label(*r, language);
  } else if (prefix == "active_by_risk_group") {
    value_label = risk_group_label(std::stoi(value), language);
  } else if (prefix == "active_by_district") {
    if (const District* d = config.find_district(value)) value_label = d->name.get(language);
  } else if (prefix == "active_by_stage") {
    value_label = stage_label(value, language);
  } else if (prefix == "active_by_escalation_level") {
    value_label = escalation_level_label(config, std::stoi(value), language);
  } else if (prefix == "risk_level") {
    value_label = judgement_label(value, language);
  } else if (prefix == "interventions_active" || prefix == "interventions_started") {
    if (const ToolkitCategory* c = config.toolkit.find_category(value)) value_label = c->name.get(language);
  } else if (prefix == "events") {
    if (auto k = parse_event_kind(value)) value_label = event_kind_label(*k, language);
  } else if (prefix == "life_domain") {
    const auto second = value.find('.');
    if (second != std::string::npos) {
      const std::string domain = value.substr(0, second);
      const std::string band = value.substr(second + 1);
      const LifeDomain* d = config.find_life_domain(domain);
      value_label = (d ? d->name.get(language) : domain) + ": " + band_short_label(config, band, language);
    }
  }
  if (value_only) return value_label;
  const IndicatorDefinition* def = config.monitoring.find_indicator(prefix);
  const std::string group = def ? def->label.get(language) : prefix;
  return group + ": " + value_label;
}

}  // namespace casus
