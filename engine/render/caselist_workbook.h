// The case list as an XLSX workbook for staff, written in libxlsxwriter's
// constant-memory mode (rows stream out; widths, frozen panes, autofilter and
// conditional formats are set before the first row): a header with the
// marking, one row per case, life-domain cells coloured by band with their
// label, overdue reviews highlighted, and a notes sheet on the pseudonyms.
#pragma once

#include <filesystem>

#include "core/status.h"
#include "render/caselist_context.h"

namespace casus {

struct CaseListStats {
  std::size_t rows = 0;
  std::size_t cells = 0;
};

// Writes the list to `path` atomically.
Result<CaseListStats> write_caselist_workbook(const CaseList& list, const DocumentMeta& meta,
                                              const std::filesystem::path& path);

}  // namespace casus
