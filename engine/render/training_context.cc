#include "render/training_context.h"

#include <cmath>

#include "core/number_format.h"
#include "logic/assessment_profile.h"
#include "logic/dataset_index.h"
#include "logic/toolkit_suggestions.h"
#include "render/case_labels.h"
#include "render/config_context.h"
#include "render/document_meta_context.h"
#include "render/plan_context.h"

namespace casus {

namespace {

// The fictional case of the worked examples: item scores on the default
// framework codes (items a municipality's own framework lacks are skipped;
// its own items show as unknown).
const std::vector<std::pair<const char*, int>>& example_scores() {
  static const std::vector<std::pair<const char*, int>> scores = {
      {"V1", 0}, {"V2", 0}, {"V3", 1}, {"V4", 2}, {"V5", 0}, {"V6", 0}, {"I1", 2}, {"I2", 1}, {"I3", 1},
      {"I4", 1}, {"I5", 1}, {"K1", 2}, {"K2", 1}, {"K3", 0}, {"K4", 2}, {"K5", 2}, {"K6", 1}, {"K7", 0},
      {"K8", 2}, {"B1", 1}, {"B2", 0}, {"B3", 0}, {"B4", 1}, {"B5", 0}, {"B6", 0}};
  return scores;
}

std::string score_label(const std::optional<int>& score, Language lang) {
  if (!score) return lang == Language::en ? "unknown" : "onbekend";
  return std::to_string(*score);
}

TemplateData example_context(const Config& config, Language lang, const DateTime& now) {
  AssessmentRecord assessment;
  assessment.case_id = "FICTIEF-0417";
  assessment.assessed_on = now.date.plus_days(-14);
  assessment.judgement = Judgement::midden;
  for (const auto& [code, score] : example_scores())
    if (config.framework.find_item(code)) assessment.items[code].score = score;
  CaseRecord record;
  record.case_id = assessment.case_id;
  record.risk_group = 4;
  record.district = config.districts.empty() ? "" : config.districts.front().code;
  record.registered_on = now.date.plus_days(-30);
  record.escalation_level = 2;

  const AssessmentProfile profile = profile_assessment(config.framework, assessment);
  TemplateData ex;
  ex.set("pseudonym", "Noord-0417");
  ex.set("assessed_on", format_date_long(assessment.assessed_on, lang));
  ex.set("judgement", judgement_label(assessment.judgement, lang));
  ex.set("floor", judgement_label(profile.floor, lang));
  ex.set("risk_group", std::to_string(record.risk_group));
  TemplateData rows{TemplateData::type::list};
  for (const auto& item : config.framework.items) {
    TemplateData row;
    row.set("code", item.code);
    row.set("label", item.label.get(lang));
    row.set("score", score_label(item_score(assessment, item.code), lang));
    rows.push_back(row);
  }
  ex.set("items", rows);
  TemplateData domains{TemplateData::type::list};
  for (const auto& d : profile.domains) {
    const FrameworkDomain* domain = config.framework.find_domain(d.domain);
    TemplateData row;
    row.set("name", domain ? domain->name.get(lang) : d.domain);
    row.set("score", std::to_string(d.score));
    row.set("max", std::to_string(d.max_score));
    row.set("share", format_decimal(std::round(d.share * 1000) / 10, 1, lang) + "%");
    row.set("unknown", std::to_string(d.unknown));
    domains.push_back(row);
  }
  ex.set("domains", domains);
  std::vector<std::string> fired;
  for (const auto& id : profile.fired_rules)
    for (const auto& rule : config.framework.attention_rules)
      if (rule.id == id) fired.push_back(rule.description.get(lang) + " (" + (lang == Language::en ? "at least " : "minimaal ") + judgement_label(rule.minimum, lang) + ")");
  ex.set("fired_rules", text_list(fired));
  ex.set("has_fired_rules", flag(!fired.empty()));

  CaseHistory history;
  history.record = &record;
  const AssessmentRecord* const assessments[] = {&assessment};
  history.assessments = assessments;
  TemplateData suggestions{TemplateData::type::list};
  for (const auto& s : suggest_instruments(config, history, now.date)) {
    TemplateData row;
    row.set("name", s.instrument->name.get(lang));
    const ToolkitCategory* c = config.toolkit.find_category(s.instrument->category);
    row.set("category", c ? c->name.get(lang) : s.instrument->category);
    row.set("reason", s.reason.get(lang));
    suggestions.push_back(row);
  }
  ex.set("suggestions", suggestions);
  return ex;
}

}  // namespace

const std::vector<TrainingModule>& training_modules() {
  static const std::vector<TrainingModule> modules = {
      {1, "regisseur"},          {2, "plan-van-aanpak"}, {3, "beoordelingskader"}, {4, "instrumentenkoffer"},
      {5, "gesprek"},            {6, "radicalisering"},  {7, "casusoverleg"}};
  return modules;
}

const TrainingModule* find_training_module(const std::string& key) {
  for (const auto& m : training_modules())
    if (m.key == key) return &m;
  return nullptr;
}

Result<TemplateData> training_context(const Config& config, Language lang, const DateTime& now,
                                      const TrainingModule* module) {
  DocumentMetaInput input;
  input.title = lang == Language::en ? "Case director training" : "Opleiding regisseurs";
  input.subtitle = config.settings.program_name + " — " + config.settings.municipality;
  input.audience = "regisseurs";
  input.language = lang;
  input.now = now;
  auto meta = document_meta_context(config, input);
  if (!meta) return meta.status();
  TemplateData ctx;
  ctx.set("meta", *meta);
  set_config_sections(ctx, config, lang);
  ctx.set("example", example_context(config, lang, now));
  TemplateData regisseurs{TemplateData::type::list};
  int n = 0;
  for (const auto& r : config.regisseurs) {
    TemplateData row;
    row.set("number", std::to_string(++n));
    row.set("name", r.name);
    const Partner* p = config.find_partner(r.organisation);
    row.set("organisation", p ? p->name : r.organisation);
    row.set("email", r.email);
    row.set("last", flag(n == static_cast<int>(config.regisseurs.size())));
    regisseurs.push_back(row);
  }
  ctx.set("regisseurs", regisseurs);
  ctx.set("regisseur_count", std::to_string(config.regisseurs.size()));
  TemplateData m;
  m.set("number", module ? std::to_string(module->number) : std::string());
  m.set("key", module ? module->key : std::string());
  m.set("total", std::to_string(training_modules().size()));
  ctx.set("module", m);
  return ctx;
}

Result<Document> render_blank_plan_form(const Config& config, Language language, const DateTime& now,
                                        DiagnosticSink& sink) {
  const Audience* audience = config.find_audience(kPlanDefaultAudience);
  if (!audience) return Status::error(std::string("unknown audience '") + kPlanDefaultAudience + "'");
  PlanOptions options;
  options.language = language;
  options.as_of = now.date;
  options.data_as_of = now.date;
  options.generated_at = now;
  auto context = build_blank_plan_context(config, *audience, plan_schema(config), options);
  if (!context) return context.status();
  auto tmpl = MustacheTemplate::load(templates_root(config) / "plan" / "plan.mustache", sink);
  if (!tmpl) return tmpl.status();
  return render_built_context(*tmpl, *context, sink);
}

Result<Document> render_training_document(const Config& config, const std::string& folder, const std::string& name,
                                          Language language, const DateTime& now, const TrainingModule* module,
                                          DiagnosticSink& sink) {
  auto ctx = training_context(config, language, now, module);
  if (!ctx) return ctx.status();
  return render_document(localized_template(config, folder, language, name), *ctx, sink);
}

}  // namespace casus
