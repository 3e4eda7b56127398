#include "render/case_document_parts.h"

#include "render/report_meta.h"

namespace casus {

void declare_frame(DocumentSchema& schema, std::span<const LabelText> labels) {
  for (const char* key : kDocumentMetaKeys) schema.structural(std::string("meta.") + key);
  for (const LabelText& label : labels) schema.structural(std::string("l.") + label.key);
}

void put_labels(ContextBuilder::Object& root, std::span<const LabelText> labels, Language language) {
  auto object = root.object("l");
  for (const LabelText& label : labels) object.set(label.key, label_in(label, language));
  root.put("l", std::move(object));
}

void put_meta(ContextBuilder::Object& root, const Config& config, const Audience& audience, const FrameMeta& input) {
  const Language language = input.language;
  DocumentMeta meta;
  meta.title = input.title;
  meta.subtitle = input.subtitle;
  meta.audience = audience.name.get(language);
  meta.marking = input.marking.empty() ? audience.marking.get(language) : input.marking;
  meta.data_as_of = format_date_long(input.data_as_of, language);
  meta.generated_at = format_date_time_long(input.generated_at, language);
  meta.created = input.generated_at;
  meta.language = language;
  meta.author = config.settings.municipality;
  put_document_meta(root, meta);
}

void put_document_meta(ContextBuilder::Object& root, const DocumentMeta& meta) {
  auto object = root.object("meta");
  auto values = document_meta_values(meta);
  for (std::size_t i = 0; i < kDocumentMetaKeys.size(); ++i) object.set(kDocumentMetaKeys[i], std::move(values[i]));
  root.put("meta", std::move(object));
}

Status refuse_non_case_audience(const Audience& audience) {
  if (audience.aggregates_only)
    return Status::error("audience '" + audience.code + "' receives aggregates only, never a per-case document");
  if (!audience.receives_case_data())
    return Status::error("audience '" + audience.code + "' receives no case data, never a per-case document");
  return Status::ok();
}

}  // namespace casus
