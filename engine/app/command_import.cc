// `casus import [--partner CODE] [--kind KIND] [--strict] [--json] FILE...`:
// imports partner exports into the store, one transaction per file. Located
// diagnostics go to stderr ("casus: FILE:LINE: field 'x': message"); the
// summary (or, with --json, the JSON report) to stdout; invalid records to
// <out>/quarantaine/<timestamp>/; an HTML report to
// <out>/importverslag-<timestamp>.html. Exit 0 all stored, 3 stored with
// records quarantined, 1 a file rejected or another error, 2 usage.
#include <cstdio>
#include <iostream>

#include "app/command_support.h"
#include "app/commands.h"
#include "app/console.h"
#include "app/import_run.h"
#include "config/config_loader.h"
#include "core/clock.h"
#include "core/file_io.h"
#include "ingest/import_report.h"
#include "ingest/importer.h"
#include "store/store.h"

namespace casus {
namespace {

struct ImportArgs {
  std::string partner;
  std::string kind;
  bool strict = false;
  bool json = false;
  std::vector<std::string> files;
};

int run_import(const GlobalOptions& options, const ImportArgs& args) {
  auto clock = clock_from_environment();
  if (!clock) {
    print_error(clock.message());
    return kExitFailure;
  }
  // Reported as every other command reports it; the store is not opened.
  auto config = load_config_or_report(options);
  if (!config) return kExitFailure;
  auto store = Store::open(options.effective_store_path(), options.key_path(), **clock);
  if (!store) {
    print_error(store.message());
    return kExitFailure;
  }
  ImportOptions import_options;
  import_options.partner = args.partner;
  import_options.kind_text = args.kind;
  if (!args.kind.empty()) import_options.kind = parse_record_kind(args.kind);
  import_options.strict = args.strict;

  auto run = import_files(args.files, import_options, *config, **store, (*clock)->now(), options.out_dir,
                          /*print_diagnostics=*/true);
  if (args.json) {
    std::cout << import_report_json(run.reports);
  } else {
    std::cout << import_report_summary(run.reports);
    if (!run.quarantine_folder.empty()) std::cout << "quarantaine: " << run.quarantine_folder.string() << "\n";
    if (!run.html_report.empty()) std::cout << "verslag: " << run.html_report.string() << "\n";
  }
  return run.exit_status;
}

}  // namespace

void register_import_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* sub = app.add_subcommand("import", "Lees exportbestanden van partners in (CSV of XML)");
  sub->add_option("--partner", args->partner, "Aanleverende partner (code uit config/partners)");
  sub->add_option("--kind", args->kind, "Soort records: cases, assessments, interventions, life_domains, events");
  sub->add_flag("--strict", args->strict, "Een bestand met een ongeldig record wordt helemaal geweigerd");
  sub->add_flag("--json", args->json, "Schrijf het importverslag als JSON naar stdout");
  sub->add_option("files", args->files, "Bestanden")->required();
  sub->callback([&options, &outcome, args]() { outcome.status = run_import(options, *args); });
}

}  // namespace casus
