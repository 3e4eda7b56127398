// The part of every document's template context that is not about its
// content: `meta` (title, subtitle, audience name, classification marking,
// data-as-of, generation time, created, language, author — what the
// <document> element and the writers print on every page), plus the small
// helpers context builders share (text lists, booleans, where templates live
// and which language folder to use). Plan, agenda, report and the
// covenant/training/handbook builders all start from here.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "core/language.h"
#include "core/status.h"
#include "render/template_renderer.h"

namespace casus {

struct DocumentMetaInput {
  std::string title;
  std::string subtitle;
  std::string audience;  // audience code from config/audiences.xml
  Language language = Language::nl;
  DateTime now;                     // from the pinned clock
  std::optional<Date> data_as_of;   // empty: the date of `now`
  std::string author;               // empty: the municipality from settings
};

// The `meta` object: title, subtitle, audience (localised name), audience_code,
// marking, data_as_of ("28 november 2026"), data_as_of_iso, generated_at
// ("28 november 2026 09:00"), created (ISO), language ("nl"), author,
// municipality, program. An unknown audience is an error naming it.
Result<TemplateData> document_meta_context(const Config& config, const DocumentMetaInput& input);

// A list of strings as template data ({{#list}}{{.}}{{/list}}).
TemplateData text_list(const std::vector<std::string>& items);
// An empty list (for "no" in strict templates: sections over it do not render).
TemplateData empty_list();
// true/false as template data.
TemplateData flag(bool value);

// The templates folder: `templates/` beside the config folder
// (config.root/../templates).
std::filesystem::path templates_root(const Config& config);

// templates_root/<document>/<lang>/<name>.mustache, falling back to the
// Dutch folder when the language folder lacks the template.
std::filesystem::path localized_template(const Config& config, const std::string& document,
                                         Language language, const std::string& name);

}  // namespace casus
