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

std::array<std::string, kDocumentMetaKeys.size()> document_meta_values(const DocumentMeta& meta) {
  return {meta.title,        meta.subtitle,      meta.audience,
          meta.marking,      meta.data_as_of,    meta.generated_at,
          meta.created.iso(), language_code(meta.language), meta.author};
}

TemplateData document_meta_data(const DocumentMeta& meta) {
  TemplateData d;
  const auto values = document_meta_values(meta);
  for (std::size_t i = 0; i < kDocumentMetaKeys.size(); ++i) d.set(kDocumentMetaKeys[i], values[i]);
  return d;
}

}  // namespace casus
