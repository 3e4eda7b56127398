// ImportRun: imports a list of partner files into an open store — the loop
// behind `casus import` and the demo. Owns the adapter from the store to the
// importer's target interface, the quarantine folder of the run and the HTML
// import report under --out. Diagnostics are printed as they come.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "ingest/importer.h"
#include "store/store.h"

namespace casus {

struct ImportRunResult {
  std::vector<FileReport> reports;
  std::filesystem::path quarantine_folder;  // empty when nothing was quarantined
  std::filesystem::path html_report;        // empty when it could not be written
  int exit_status = 0;                      // per the exchange format's import rules
};

// `print_diagnostics`: print each file's located diagnostics to stderr.
ImportRunResult import_files(const std::vector<std::string>& files, const ImportOptions& options,
                             const Config& config, Store& store, const DateTime& now,
                             const std::filesystem::path& out_dir, bool print_diagnostics);

}  // namespace casus
