#include "render/document_meta_context.h"

namespace casus {

Result<TemplateData> document_meta_context(const Config& config, const DocumentMetaInput& input) {
  const Audience* audience = config.find_audience(input.audience);
  if (!audience) return Status::error("document '" + input.title + "': unknown audience '" + input.audience + "'");
  const Language lang = input.language;
  const Date as_of = input.data_as_of.value_or(input.now.date);
  TemplateData meta;
  meta.set("title", input.title);
  meta.set("subtitle", input.subtitle);
  meta.set("audience", audience->name.get(lang));
  meta.set("audience_code", audience->code);
  meta.set("marking", audience->marking.get(lang));
  meta.set("data_as_of", format_date_long(as_of, lang));
  meta.set("data_as_of_iso", as_of.iso());
  meta.set("generated_at", format_date_time_long(input.now, lang));
  meta.set("generated_on", format_date_long(input.now.date, lang));
  meta.set("created", input.now.iso());
  meta.set("language", language_code(lang));
  meta.set("author", input.author.empty() ? config.settings.municipality : input.author);
  meta.set("municipality", config.settings.municipality);
  meta.set("program", config.settings.program_name);
  return meta;
}

TemplateData text_list(const std::vector<std::string>& items) {
  TemplateData list{TemplateData::type::list};
  for (const auto& item : items) list.push_back(TemplateData(item));
  return list;
}

TemplateData empty_list() { return TemplateData{TemplateData::type::list}; }

TemplateData flag(bool value) { return value ? TemplateData{TemplateData::type::bool_true} : TemplateData{TemplateData::type::bool_false}; }

std::filesystem::path templates_root(const Config& config) {
  auto root = config.root;
  if (root.empty()) root = "config";
  auto parent = root.lexically_normal().parent_path();
  if (root.lexically_normal().filename().empty()) parent = parent.parent_path();
  return parent / "templates";
}

std::filesystem::path localized_template(const Config& config, const std::string& document, Language language,
                                         const std::string& name) {
  const auto base = templates_root(config) / document;
  auto path = base / language_code(language) / (name + ".mustache");
  std::error_code ec;
  if (language != Language::nl && !std::filesystem::exists(path, ec)) path = base / "nl" / (name + ".mustache");
  return path;
}

}  // namespace casus
