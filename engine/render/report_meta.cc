#include "render/report_meta.h"

namespace casus {

DocumentMeta report_document_meta(const Audience& audience, Language language, std::string title,
                                  std::string subtitle, const Date& data_as_of, const DateTime& now,
                                  const std::string& author) {
  DocumentMeta meta;
  meta.title = std::move(title);
  meta.subtitle = std::move(subtitle);
  meta.audience = audience.name.get(language);
  meta.marking = audience.marking.get(language);
  meta.data_as_of = format_date_long(data_as_of, language);
  meta.generated_at = format_date_time_long(now, language);
  meta.language = language;
  meta.author = author;
  meta.created = now;
  return meta;
}

TemplateData document_meta_data(const DocumentMeta& meta) {
  TemplateData d;
  d.set("title", meta.title);
  d.set("subtitle", meta.subtitle);
  d.set("audience", meta.audience);
  d.set("marking", meta.marking);
  d.set("data_as_of", meta.data_as_of);
  d.set("generated_at", meta.generated_at);
  d.set("created", meta.created.iso());
  d.set("language", language_code(meta.language));
  d.set("author", meta.author);
  return d;
}

}  // namespace casus
