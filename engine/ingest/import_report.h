// The import report in its three forms: the console summary, the JSON of
// `casus import --json` (exactly as spec/exchange-format.md lists), and the
// HTML report written under outputs/. Also the exit status of a run.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/date.h"
#include "ingest/importer.h"

namespace casus {

// 0 all stored (or skipped); 3 stored with records quarantined; 1 any file rejected.
int import_exit_status(const std::vector<FileReport>& files);

// A JSON list, one object per file: file, kind, partner, status, read, stored,
// updated, unchanged, quarantined, unlinked, diagnostics (line, field, code,
// message). Unknown kind/partner, line 0 and an empty field are null.
std::string import_report_json(const std::vector<FileReport>& files);

// One line per file, e.g.
// "events.csv: stored (events, politie): 10 read, 7 new, 1 updated, 0 unchanged, 2 quarantined, 1 unlinked".
std::string import_report_summary(const std::vector<FileReport>& files);

// A self-contained HTML page listing every file and every diagnostic.
std::string import_report_html(const std::vector<FileReport>& files, const DateTime& when,
                               const std::filesystem::path& quarantine_folder);

std::string html_escape(std::string_view text);

}  // namespace casus
