// Display labels for the closed code lists and case fields in per-case
// documents (plans, agendas), in Dutch and English: judgements, event kinds,
// intervention statuses, risk groups, genders. Open lists (domains,
// instruments, partners, districts) take their names from Config.
#pragma once

#include <string>

#include "config/config.h"
#include "core/language.h"
#include "model/enums.h"

namespace casus {

std::string judgement_label(Judgement judgement, Language language);       // "hoog" / "high"
std::string event_kind_label(EventKind kind, Language language);           // "Aanhouding" / "Arrest"
std::string intervention_status_label(InterventionStatus status, Language language);
std::string gender_label(Gender gender, Language language);
// "3 — (verhinderde) uitreizigers"
std::string risk_group_label(int risk_group, Language language);
// "2 — Casusoverleg" (level with the ladder's name from config)
std::string escalation_level_label(const Config& config, int level, Language language);
std::string partner_name(const Config& config, const std::string& code);
std::string district_name(const Config& config, const std::string& code, Language language);
// "Voorbeeld, Annelies" → as "Annelies Voorbeeld"; empty parts left out.
std::string person_name(const std::string& given_names, const std::string& surname);
// A share 0..1 as a whole percentage in the language: "58%".
std::string percent_label(double share, Language language);

}  // namespace casus
