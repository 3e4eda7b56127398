// `casus import [--partner CODE] [--kind KIND] [--strict] [--json] FILE...`:
// imports partner exports into the store, one transaction per file. Located
// diagnostics go to stderr ("casus: FILE:LINE: field 'x': message"); the
// summary (or, with --json, the JSON report) to stdout; invalid records to
// <out>/quarantaine/<timestamp>/; an HTML report to
// <out>/importverslag-<timestamp>.html. Exit 0 all stored, 3 stored with
// records quarantined, 1 a file rejected or another error, 2 usage.
#include <cstdio>
#include <iostream>

#include "app/commands.h"
#include "app/console.h"
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

// Adapts the store to the importer's target interface.
class StoreTarget : public ImportTarget {
 public:
  explicit StoreTarget(Store& store) : store_(store) {}

  Result<std::optional<PreviousImport>> previous_import(const std::string& sha256) override {
    auto batch = store_.find_batch(sha256);
    if (!batch) return batch.status();
    if (!*batch) return std::optional<PreviousImport>();
    const StoredBatch& b = **batch;
    return std::optional<PreviousImport>(PreviousImport{b.file, b.imported_at, b.kind, b.partner});
  }
  Status begin(const BatchStart& batch) override {
    return store_.begin_batch(batch.file, batch.sha256, batch.partner, batch.kind);
  }
  Result<PutOutcome> put(const ValidRecord& record) override {
    Result<Upsert> result = std::visit(
        [&](const auto& r) { return store_.upsert(r, r.provenance.line); }, record);
    if (!result) return result.status();
    PutOutcome out;
    out.linked = result->linked;
    out.result = result->result == UpsertResult::inserted  ? PutResult::inserted
                 : result->result == UpsertResult::updated ? PutResult::updated
                                                           : PutResult::unchanged;
    return out;
  }
  Status commit(const BatchCounts& c) override {
    StoredBatch counts;
    counts.read = static_cast<std::int64_t>(c.read);
    counts.stored = static_cast<std::int64_t>(c.stored);
    counts.updated = static_cast<std::int64_t>(c.updated);
    counts.unchanged = static_cast<std::int64_t>(c.unchanged);
    counts.quarantined = static_cast<std::int64_t>(c.quarantined);
    counts.unlinked = static_cast<std::int64_t>(c.unlinked);
    return store_.commit_batch(counts);
  }
  void rollback() override { store_.rollback_batch(); }

 private:
  Store& store_;
};

std::string stamp(const DateTime& now) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d-%02d%02d%02d", now.date.year, now.date.month, now.date.day,
                now.hour, now.minute, now.second);
  return buf;
}

int run_import(const GlobalOptions& options, const ImportArgs& args) {
  auto clock = clock_from_environment();
  if (!clock) {
    print_error(clock.message());
    return kExitFailure;
  }
  CollectingSink config_sink;
  auto config = load_config(options.config_dir, config_sink);
  if (!config) {
    for (const auto& d : config_sink.diagnostics()) print_diagnostic(d);
    print_error("configuratie niet geladen: " + config.message());
    return kExitFailure;
  }
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

  const DateTime now = (*clock)->now();
  Quarantine quarantine(quarantine_folder_for(options.out_dir, now));
  StoreTarget target(**store);
  std::vector<FileReport> reports;
  for (const auto& file : args.files) {
    FileReport report = import_file(file, import_options, *config, target, quarantine);
    for (const auto& d : report.diagnostics) {
      if (d.severity == Severity::info)
        std::cerr << "casus: " << d.to_string() << '\n';
      else
        print_diagnostic(d);
    }
    reports.push_back(std::move(report));
  }
  quarantine.end_file();

  const auto html_path = options.out_dir / ("importverslag-" + stamp(now) + ".html");
  const Status written = write_file_atomic(
      html_path, import_report_html(reports, now, quarantine.used() ? quarantine.folder() : std::filesystem::path()));
  if (!written) print_error(written.message());

  if (args.json) {
    std::cout << import_report_json(reports);
  } else {
    std::cout << import_report_summary(reports);
    if (quarantine.used()) std::cout << "quarantaine: " << quarantine.folder().string() << "\n";
    if (written) std::cout << "verslag: " << html_path.string() << "\n";
  }
  const int status = import_exit_status(reports);
  return written ? status : kExitFailure;
}

// StoreTarget needs Store::upsert to accept each record type; keep the
// adapter honest at compile time.
static_assert(std::variant_size_v<ValidRecord> == 5);

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
