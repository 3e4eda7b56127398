// Training material for the regisseurs: the seven handout modules, the
// attendance list, the certificates of completion and the blank forms
// (assessment form, plan-of-action format). Texts are in
// templates/training/<lang>/ and templates/forms/<lang>/ (the blank plan is
// the plan template's blank format, render/plan_context.h); this builds their
// shared context: the framework, toolkit, ladder and monitoring from config,
// the registered regisseurs, and a worked example built from a small
// synthetic case (always marked "Fictief voorbeeld"), never from the store.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "core/diagnostic.h"
#include "render/document.h"
#include "render/template_renderer.h"

namespace casus {

struct TrainingModule {
  int number = 0;
  std::string key;  // --module NAME and the template name
};
// The modules in course order: regisseur, plan-van-aanpak, beoordelingskader,
// instrumentenkoffer, gesprek, radicalisering, casusoverleg.
const std::vector<TrainingModule>& training_modules();
const TrainingModule* find_training_module(const std::string& key);

// Context for every training and form template: meta (audience
// `regisseurs`), framework, toolkit, escalation, monitoring, modules,
// regisseurs [{number, name, organisation, email}], example (the fictional case),
// module (number/key of `module`, or empty).
Result<TemplateData> training_context(const Config& config, Language language, const DateTime& now,
                                      const TrainingModule* module);

// The blank plan-of-action format for the training folder: the plan
// template (templates_root/plan/plan.mustache) with build_blank_plan_context
// for the default plan audience, exactly as `casus plan --blank` makes it.
Result<Document> render_blank_plan_form(const Config& config, Language language, const DateTime& now,
                                        DiagnosticSink& sink);

// Renders templates/<folder>/<lang>/<name>.mustache with training_context.
Result<Document> render_training_document(const Config& config, const std::string& folder, const std::string& name,
                                          Language language, const DateTime& now, const TrainingModule* module,
                                          DiagnosticSink& sink);

}  // namespace casus
