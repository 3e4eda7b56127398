// The monthly report as an XLSX workbook (libxlsxwriter): sheets Overzicht
// (indicator code, label, this month, previous month, change), Risicogroepen,
// Stadsdelen, Leefgebieden, Interventies, Trend (12 months with native line
// and column charts) and Toelichting (definitions, disclosure rule,
// data-as-of, import batches). Numbers are written as numbers; suppressed
// values as the text "<5" or "x", also in chart data. Only lays out a
// MonthlyReport; computes nothing.
#pragma once

#include <filesystem>

#include "core/status.h"
#include "render/monthly_context.h"

namespace casus {

// Writes the workbook to `path` atomically (temporary file, then rename).
Status write_monthly_workbook(const MonthlyReport& report, const std::filesystem::path& path);

}  // namespace casus
