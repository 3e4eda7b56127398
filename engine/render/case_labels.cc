#include "render/case_labels.h"

#include "core/number_format.h"

namespace casus {

namespace {
const std::string& pick(Language language, const std::string& nl, const std::string& en) {
  return language == Language::en ? en : nl;
}
}  // namespace

std::string judgement_label(Judgement judgement, Language language) {
  switch (judgement) {
    case Judgement::laag: return pick(language, "laag", "low");
    case Judgement::midden: return pick(language, "midden", "medium");
    case Judgement::hoog: return pick(language, "hoog", "high");
  }
  return code(judgement);
}

std::string event_kind_label(EventKind kind, Language language) {
  switch (kind) {
    case EventKind::melding: return pick(language, "Melding", "Report");
    case EventKind::verdachte: return pick(language, "Verdachte", "Suspect");
    case EventKind::aanhouding: return pick(language, "Aanhouding", "Arrest");
    case EventKind::dagvaarding: return pick(language, "Dagvaarding", "Summons");
    case EventKind::veroordeling: return pick(language, "Veroordeling", "Conviction");
    case EventKind::detentie_start: return pick(language, "Begin detentie", "Start of detention");
    case EventKind::detentie_einde: return pick(language, "Einde detentie", "End of detention");
    case EventKind::uitreispoging: return pick(language, "Uitreispoging", "Attempt to travel");
    case EventKind::terugkeer: return pick(language, "Terugkeer", "Return");
  }
  return code(kind);
}

std::string intervention_status_label(InterventionStatus status, Language language) {
  switch (status) {
    case InterventionStatus::gepland: return pick(language, "gepland", "planned");
    case InterventionStatus::lopend: return pick(language, "lopend", "running");
    case InterventionStatus::afgerond: return pick(language, "afgerond", "completed");
    case InterventionStatus::gestopt: return pick(language, "gestopt", "stopped");
  }
  return code(status);
}

std::string gender_label(Gender gender, Language language) {
  switch (gender) {
    case Gender::m: return pick(language, "man", "male");
    case Gender::v: return pick(language, "vrouw", "female");
    case Gender::x: return "x";
    case Gender::onbekend: return pick(language, "onbekend", "unknown");
  }
  return code(gender);
}

std::string risk_group_label(int risk_group, Language language) {
  static const char* const nl[] = {"(potentiële) terroristen en (getraumatiseerde) terugkeerders",
                                   "ronselaars", "(verhinderde) uitreizigers",
                                   "radicaliserende personen of groepen die delicten plegen",
                                   "familie van uitreizigers, onder wie broers en zussen"};
  static const char* const en[] = {"(potential) terrorists and (traumatised) returnees", "recruiters",
                                   "(prevented) travellers",
                                   "radicalising individuals or groups committing crimes",
                                   "family of travellers, including siblings"};
  if (risk_group < 1 || risk_group > 5) return std::to_string(risk_group);
  return std::to_string(risk_group) + " — " + (language == Language::en ? en : nl)[risk_group - 1];
}

std::string escalation_level_label(const Config& config, int level, Language language) {
  const EscalationLevel* found = config.escalation.find(level);
  if (!found) return std::to_string(level);
  return std::to_string(level) + " — " + found->name.get(language);
}

std::string partner_name(const Config& config, const std::string& code) {
  const Partner* partner = config.find_partner(code);
  return partner ? partner->name : code;
}

std::string district_name(const Config& config, const std::string& code, Language language) {
  const District* district = config.find_district(code);
  return district ? district->name.get(language) : code;
}

std::string person_name(const std::string& given_names, const std::string& surname) {
  if (given_names.empty()) return surname;
  if (surname.empty()) return given_names;
  return given_names + " " + surname;
}

std::string percent_label(double share, Language language) {
  return format_decimal(round_half_away_from_zero(share * 100.0, 0), 0, language) + "%";
}

}  // namespace casus
