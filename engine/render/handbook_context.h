// The handbook (uitvoeringskader): roles and responsibilities, the process
// from registration to afschaling, the escalation ladder, the assessment
// framework, the toolkit and the monitoring definitions — all from the same
// config the engine runs on. Template: templates/handbook/<lang>/uitvoeringskader.mustache.
#pragma once

#include "config/config.h"
#include "core/date.h"
#include "core/diagnostic.h"
#include "render/document.h"
#include "render/template_renderer.h"

namespace casus {

// meta (audience `partners`), framework, toolkit, escalation, monitoring,
// partners [{name, role, representative, title}], regisseur_count, retention_years.
Result<TemplateData> handbook_context(const Config& config, Language language, const DateTime& now);

Result<Document> build_handbook(const Config& config, Language language, const DateTime& now, DiagnosticSink& sink);

}  // namespace casus
