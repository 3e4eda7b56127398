// ReportMeta: the document meta (title, audience marking, data-as-of,
// generation time) of the monthly report and the case list, and its
// TemplateData form for the monthly report. The case documents and the case
// list write the same keys through put_document_meta (case_document_parts.h).
#pragma once

#include <array>
#include <string>

#include "config/config.h"
#include "core/date.h"
#include "render/document.h"
#include "render/template_renderer.h"

namespace casus {

// Title and subtitle as given; audience name and marking from config in the
// language; data-as-of as a long date, generation time as a long date-time.
DocumentMeta report_document_meta(const Audience& audience, Language language, std::string title,
                                  std::string subtitle, const Date& data_as_of, const DateTime& now,
                                  const std::string& author);

// The keys of the meta block every document's template reads, and their
// values for `meta` in the same order (created as ISO, language as its code).
inline constexpr std::array<const char*, 9> kDocumentMetaKeys = {
    "title", "subtitle", "audience", "marking", "data_as_of", "generated_at", "created", "language", "author"};
std::array<std::string, kDocumentMetaKeys.size()> document_meta_values(const DocumentMeta& meta);

// The meta block as TemplateData (the monthly report).
TemplateData document_meta_data(const DocumentMeta& meta);

}  // namespace casus
