// Template context for the parts of config that printed material shows as
// they are: the assessment framework (domains, items, guiding questions,
// attention rules), the toolkit (categories, instruments with owner, legal
// basis, preconditions, risk groups and indications), the escalation ladder
// and its rules, and the monitoring definitions. Training handouts, the
// handbook and the blank forms all use these, so printed text and engine
// behaviour come from the same files.
#pragma once

#include "config/config.h"
#include "render/template_renderer.h"

namespace casus {

// `domains`: [{code, name, protective, item_count, items: [{code, label, questions: [..]}]}],
// `rules`: [{id, description, minimum}], `item_count`.
TemplateData framework_context(const Config& config, Language language);
// `categories`: [{code, name, requires_legal_basis, instruments: [{code, name, owner,
// description, legal_basis, has_legal_basis, preconditions, has_preconditions,
// risk_groups, indications}]}], `instrument_count`.
TemplateData toolkit_context(const Config& config, Language language);
// `levels`: [{level, name, description}], `up`/`down`: [{id, reason}].
TemplateData escalation_context(const Config& config, Language language);
// `indicators`: [{code, label, definition}], `bands`: [{code, label, min, max}],
// `life_domains`: [{code, name}], review_hoog/midden/laag, first_assessment_days,
// plan_deadline_days, disclosure_threshold, trend_months.
TemplateData monitoring_context(const Config& config, Language language);

// Sets `framework`, `toolkit`, `escalation` and `monitoring` on `ctx`: the
// config sections the handbook and the training handouts both print.
void set_config_sections(TemplateData& ctx, const Config& config, Language language);


}  // namespace casus
