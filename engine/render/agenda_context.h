// The meeting agenda of one forum on one date: its static schema (every key
// with its data category) and the context built through ContextBuilder for
// the forum's audience. Which cases and why comes from
// logic/agenda_selection.h; this file only formats the reasons (nl/en) and
// leaves out what the audience may not receive (a reason derived from
// special-category data, a name without `identificatie`).
#pragma once

#include <filesystem>

#include "logic/agenda_selection.h"
#include "render/plan_context.h"

namespace casus {

struct AgendaContextOptions {
  Language language = Language::nl;
  Date data_as_of;
  DateTime generated_at;
};

DocumentSchema agenda_schema(const Config& config);

inline const std::filesystem::path kAgendaTemplate = "templates/agenda/agenda.mustache";

// `items` as selected for options.forum and options.date.
Result<BuiltContext> build_agenda_context(const Config& config, const std::vector<AgendaItem>& items,
                                          const AgendaOptions& agenda, const Audience& audience,
                                          const DocumentSchema& schema, const AgendaContextOptions& options);

}  // namespace casus
