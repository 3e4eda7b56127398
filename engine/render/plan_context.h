// The plan of action (plan van aanpak) for one case and one audience: its
// static schema (every key with its data category) and the context builder
// that fills it through ContextBuilder, so only what the audience may
// receive is in the context. Facts come from logic (profile, floor,
// suggestions, proposals); this file only selects and formats them (long
// dates, numbers, labels in nl/en). A blank plan (for training and manual
// use) is the same template with `blank` set and no case data.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "core/language.h"
#include "logic/dataset_index.h"
#include "render/audience_context.h"

namespace casus {

// Cases that name another case as related_case_id (family members of a
// traveller), by the case they name; built once for a batch of plans.
using FamilyLinks = std::unordered_map<std::string, std::vector<const CaseHistory*>>;
FamilyLinks family_links(const DatasetIndex& index);

struct PlanOptions {
  Language language = Language::nl;
  Date as_of;            // the state of the case on this day (reviews, holds, proposals)
  Date data_as_of;       // the dataset's data-as-of date (footer)
  DateTime generated_at;  // the pinned clock
  const FamilyLinks* family = nullptr;  // null: scanned per plan (fine for a few plans)
};

// The plan's schema; categories from config/fields.xml.
DocumentSchema plan_schema(const Config& config);

// The default template, relative to the source/working folder.
inline const std::filesystem::path kPlanTemplate = "templates/plan/plan.mustache";

struct BuiltContext {
  TemplateData data;
  std::vector<std::string> categories;  // data categories of the values set
};

// The context of the plan of `history`'s case for `audience`. Fails for an
// aggregates-only audience (per-case documents are never for the board).
Result<BuiltContext> build_plan_context(const Config& config, const DatasetIndex& index,
                                        const CaseHistory& history, const Audience& audience,
                                        const DocumentSchema& schema, const PlanOptions& options);

// Renders a built context with a loaded template into the document tree
// (Mustache with the strict check, then the markup parser).
Result<Document> render_built_context(const MustacheTemplate& tmpl, const BuiltContext& context,
                                      DiagnosticSink& sink);

// The blank plan-of-action format: meta (marked "Ingevuld: " + the
// audience's marking), labels, `blank`, and `form`: the config it prints as
// rows to fill in (framework domains, life domains, ladder levels, toolkit
// size, review intervals). No case data. `casus plan --blank` and the
// training's formulieren/plan-van-aanpak-blanco both render this context with
// the plan template, so there is one blank plan.
Result<BuiltContext> build_blank_plan_context(const Config& config, const Audience& audience,
                                              const DocumentSchema& schema, const PlanOptions& options);

// The audience plans are made for unless another is asked.
inline constexpr const char* kPlanDefaultAudience = "casusoverleg";

}  // namespace casus
