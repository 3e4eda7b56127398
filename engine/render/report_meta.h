// ReportMeta: the document meta (title, audience marking, data-as-of,
// generation time) of the monthly report and the case list, and its
// TemplateData form for the monthly report. The case documents and the case
// list write the same keys through put_document_meta (case_document_parts.h).
#pragma once

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

// {title, subtitle, audience, marking, data_as_of, generated_at, created, language, author}.
TemplateData document_meta_data(const DocumentMeta& meta);

}  // namespace casus
