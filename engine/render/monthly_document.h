// The monthly report as a document: the Mustache context of
// templates/monthly/report.mustache built from a MonthlyReport (all values
// already formatted there), and the rendering of that template into the
// document tree that write_pdf lays out.
#pragma once

#include <filesystem>

#include "core/diagnostic.h"
#include "core/status.h"
#include "render/document.h"
#include "render/monthly_context.h"
#include "render/template_renderer.h"

namespace casus {

TemplateData monthly_template_data(const MonthlyReport& report);

// Renders template_folder/report.mustache with monthly_template_data(report).
Result<Document> render_monthly_document(const MonthlyReport& report,
                                         const std::filesystem::path& template_folder,
                                         DiagnosticSink& sink);

}  // namespace casus
