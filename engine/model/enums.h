// The closed code lists of the exchange format (spec/exchange-format.md):
// record kinds, gender, closure reasons, judgements, intervention statuses,
// event kinds. Each has its exact lower-case code; parsing is
// case-insensitive. Open lists (districts, domains, toolkit codes, partners)
// live in config, not here.
#pragma once

#include <cstdint>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace casus {

enum class RecordKind { cases, assessments, interventions, life_domains, events };
enum class Gender : std::uint8_t { m, v, x, onbekend };
enum class ClosureReason : std::uint8_t { doel_bereikt, afgeschaald, verhuisd, detentie, overleden, overig };
enum class Judgement : std::uint8_t { laag, midden, hoog };  // ordered: laag < midden < hoog
enum class InterventionStatus : std::uint8_t { gepland, lopend, afgerond, gestopt };
enum class EventKind : std::uint8_t {
  melding,
  verdachte,
  aanhouding,
  dagvaarding,
  veroordeling,
  detentie_start,
  detentie_einde,
  uitreispoging,
  terugkeer
};

inline constexpr std::array kAllRecordKinds = {RecordKind::cases, RecordKind::assessments,
                                               RecordKind::interventions, RecordKind::life_domains,
                                               RecordKind::events};
inline constexpr std::array kAllGenders = {Gender::m, Gender::v, Gender::x, Gender::onbekend};
inline constexpr std::array kAllClosureReasons = {
    ClosureReason::doel_bereikt, ClosureReason::afgeschaald, ClosureReason::verhuisd,
    ClosureReason::detentie,     ClosureReason::overleden,   ClosureReason::overig};
inline constexpr std::array kAllJudgements = {Judgement::laag, Judgement::midden, Judgement::hoog};
inline constexpr std::array kAllInterventionStatuses = {
    InterventionStatus::gepland, InterventionStatus::lopend, InterventionStatus::afgerond,
    InterventionStatus::gestopt};
inline constexpr std::array kAllEventKinds = {
    EventKind::melding,        EventKind::verdachte,      EventKind::aanhouding,
    EventKind::dagvaarding,    EventKind::veroordeling,   EventKind::detentie_start,
    EventKind::detentie_einde, EventKind::uitreispoging,  EventKind::terugkeer};

const char* code(RecordKind value);
const char* code(Gender value);
const char* code(ClosureReason value);
const char* code(Judgement value);
const char* code(InterventionStatus value);
const char* code(EventKind value);

// Case-insensitive; nullopt for an unknown code.
std::optional<RecordKind> parse_record_kind(std::string_view text);
std::optional<Gender> parse_gender(std::string_view text);
std::optional<ClosureReason> parse_closure_reason(std::string_view text);
std::optional<Judgement> parse_judgement(std::string_view text);
std::optional<InterventionStatus> parse_intervention_status(std::string_view text);
std::optional<EventKind> parse_event_kind(std::string_view text);

// "m, v, x, onbekend" — for messages that list what is allowed.
template <typename Enum, std::size_t N>
std::string list_codes(const std::array<Enum, N>& values) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) out += ", ";
    out += code(values[i]);
  }
  return out;
}

}  // namespace casus
