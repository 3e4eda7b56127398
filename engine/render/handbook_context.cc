#include "render/handbook_context.h"

#include "render/config_context.h"
#include "render/document_meta_context.h"

namespace casus {

namespace {

std::string role_name(const std::string& role, Language lang) {
  const bool en = lang == Language::en;
  if (role == "regie") return en ? "case management and public order" : "regie en openbare orde";
  if (role == "veiligheid") return en ? "police and security" : "politie en veiligheid";
  if (role == "justitie") return en ? "justice" : "justitie en strafrechtketen";
  if (role == "zorg") return en ? "care and support" : "zorg en ondersteuning";
  if (role == "jeugd") return en ? "child protection and youth care" : "jeugdbescherming en jeugdhulp";
  return role;
}

}  // namespace

Result<TemplateData> handbook_context(const Config& config, Language lang, const DateTime& now) {
  DocumentMetaInput input;
  input.title = lang == Language::en ? "Implementation framework" : "Uitvoeringskader";
  input.subtitle = config.settings.program_name + " — " + config.settings.municipality;
  input.audience = "partners";
  input.language = lang;
  input.now = now;
  auto meta = document_meta_context(config, input);
  if (!meta) return meta.status();
  TemplateData ctx;
  ctx.set("meta", *meta);
  set_config_sections(ctx, config, lang);
  TemplateData partners{TemplateData::type::list};
  for (const auto& p : config.partners) {
    TemplateData row;
    row.set("name", p.name);
    row.set("role", role_name(p.role, lang));
    std::string audiences;
    for (const auto& code : p.audiences)
      if (const Audience* a = config.find_audience(code); a && !a->aggregates_only)
        audiences += (audiences.empty() ? "" : ", ") + a->name.get(lang);
    row.set("meetings", audiences.empty() ? std::string("—") : audiences);
    partners.push_back(row);
  }
  ctx.set("partners", partners);
  ctx.set("regisseur_count", std::to_string(config.regisseurs.size()));
  ctx.set("retention_years", std::to_string(config.settings.retention_years_after_closure));
  return ctx;
}

Result<Document> build_handbook(const Config& config, Language language, const DateTime& now, DiagnosticSink& sink) {
  auto ctx = handbook_context(config, language, now);
  if (!ctx) return ctx.status();
  return render_document(localized_template(config, "handbook", language, "uitvoeringskader"), *ctx, sink);
}

}  // namespace casus
