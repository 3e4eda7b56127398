#include "model/enums.h"

#include "core/text_encoding.h"

namespace casus {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_code(const std::array<Enum, N>& values, std::string_view text) {
  const std::string lowered = ascii_lower(text);
  for (Enum value : values)
    if (lowered == code(value)) return value;
  return std::nullopt;
}

}  // namespace

const char* code(RecordKind value) {
  switch (value) {
    case RecordKind::cases: return "cases";
    case RecordKind::assessments: return "assessments";
    case RecordKind::interventions: return "interventions";
    case RecordKind::life_domains: return "life_domains";
    case RecordKind::events: return "events";
  }
  return "";
}

const char* code(Gender value) {
  switch (value) {
    case Gender::m: return "m";
    case Gender::v: return "v";
    case Gender::x: return "x";
    case Gender::onbekend: return "onbekend";
  }
  return "";
}

const char* code(ClosureReason value) {
  switch (value) {
    case ClosureReason::doel_bereikt: return "doel_bereikt";
    case ClosureReason::afgeschaald: return "afgeschaald";
    case ClosureReason::verhuisd: return "verhuisd";
    case ClosureReason::detentie: return "detentie";
    case ClosureReason::overleden: return "overleden";
    case ClosureReason::overig: return "overig";
  }
  return "";
}

const char* code(Judgement value) {
  switch (value) {
    case Judgement::laag: return "laag";
    case Judgement::midden: return "midden";
    case Judgement::hoog: return "hoog";
  }
  return "";
}

const char* code(InterventionStatus value) {
  switch (value) {
    case InterventionStatus::gepland: return "gepland";
    case InterventionStatus::lopend: return "lopend";
    case InterventionStatus::afgerond: return "afgerond";
    case InterventionStatus::gestopt: return "gestopt";
  }
  return "";
}

const char* code(EventKind value) {
  switch (value) {
    case EventKind::melding: return "melding";
    case EventKind::verdachte: return "verdachte";
    case EventKind::aanhouding: return "aanhouding";
    case EventKind::dagvaarding: return "dagvaarding";
    case EventKind::veroordeling: return "veroordeling";
    case EventKind::detentie_start: return "detentie_start";
    case EventKind::detentie_einde: return "detentie_einde";
    case EventKind::uitreispoging: return "uitreispoging";
    case EventKind::terugkeer: return "terugkeer";
  }
  return "";
}

std::optional<RecordKind> parse_record_kind(std::string_view text) {
  return parse_code(kAllRecordKinds, text);
}
std::optional<Gender> parse_gender(std::string_view text) { return parse_code(kAllGenders, text); }
std::optional<ClosureReason> parse_closure_reason(std::string_view text) {
  return parse_code(kAllClosureReasons, text);
}
std::optional<Judgement> parse_judgement(std::string_view text) {
  return parse_code(kAllJudgements, text);
}
std::optional<InterventionStatus> parse_intervention_status(std::string_view text) {
  return parse_code(kAllInterventionStatuses, text);
}
std::optional<EventKind> parse_event_kind(std::string_view text) {
  return parse_code(kAllEventKinds, text);
}

}  // namespace casus
