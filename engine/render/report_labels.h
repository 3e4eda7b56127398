// The words of the monthly report and the case list in Dutch and English:
// sheet names, column headers, and the labels of breakdown values (closure
// reasons, stages, judgements, event kinds, colour bands) that config does not
// name itself. Names that config holds (districts, toolkit categories, life
// domains, escalation levels, indicators) come from config.
#pragma once

#include <string>

#include "config/config.h"
#include "core/date.h"
#include "core/language.h"
#include "model/enums.h"

namespace casus {

struct ReportWords {
  const char* overview_sheet;      // "Overzicht"
  const char* risk_sheet;          // "Risicogroepen"
  const char* district_sheet;      // "Stadsdelen"
  const char* life_domain_sheet;   // "Leefgebieden"
  const char* intervention_sheet;  // "Interventies"
  const char* trend_sheet;         // "Trend"
  const char* notes_sheet;         // "Toelichting"
  const char* code;                // "Code"
  const char* indicator;           // "Indicator"
  const char* change;              // "Verschil"
  const char* total;               // "Totaal"
  const char* month;               // "Maand"
  const char* definition;          // "Definitie"
  const char* risk_group;          // "Doelgroep"
  const char* district;            // "Stadsdeel"
  const char* stage;               // "Fase"
  const char* escalation_level;    // "Escalatieniveau"
  const char* risk_level;          // "Risiconiveau"
  const char* life_domain;         // "Leefgebied"
  const char* category;            // "Categorie"
  const char* event_kind;          // "Gebeurtenis"
  const char* versus;              // "t.o.v."
};
const ReportWords& report_words(Language language);

// "Doelgroep 3" / "Risk group 3".
std::string risk_group_label(int group, Language language);
// "Trede 2: casusoverleg" from config (or "Trede 2").
std::string escalation_level_label(const Config& config, int level, Language language);
std::string closure_reason_label(ClosureReason reason, Language language);
std::string stage_label(const std::string& stage_code, Language language);  // zonder_beoordeling, ...
std::string judgement_label(const std::string& code, Language language);    // laag, midden, hoog, onbekend
std::string event_kind_label(EventKind kind, Language language);
// The short name of a colour band ("rood" / "red": config label up to ':'), "onbekend"/"unknown".
std::string band_short_label(const Config& config, const std::string& band_code, Language language);

// "okt 2026" / "Oct 2026".
std::string short_month_label(const YearMonth& month, Language language);

// The label of any indicator code: config's label for plain codes; for a
// breakdown "Actief naar stadsdeel: Centrum". value_only gives just "Centrum".
std::string indicator_code_label(const Config& config, const std::string& code, Language language,
                                 bool value_only = false);

}  // namespace casus
