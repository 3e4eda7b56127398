#include "app/import_run.h"

#include <cstdio>
#include <iostream>

#include "app/console.h"
#include "app/global_options.h"
#include "core/file_io.h"
#include "ingest/import_report.h"

namespace casus {
namespace {

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

// StoreTarget needs Store::upsert to accept each record type; keep the
// adapter honest at compile time.
static_assert(std::variant_size_v<ValidRecord> == 5);

}  // namespace

ImportRunResult import_files(const std::vector<std::string>& files, const ImportOptions& options,
                             const Config& config, Store& store, const DateTime& now,
                             const std::filesystem::path& out_dir, bool print_diagnostics) {
  ImportRunResult result;
  (void)remove_stale_temporaries(out_dir);  // left by a run killed mid-write
  Quarantine quarantine(quarantine_folder_for(out_dir, now));
  StoreTarget target(store);
  Progress progress("import", files.size());
  for (const auto& file : files) {
    FileReport report = import_file(file, options, config, target, quarantine);
    if (print_diagnostics) {
      for (const auto& d : report.diagnostics) {
        if (d.severity == Severity::info)
          std::cerr << "casus: " << d.to_string() << '\n';
        else
          print_diagnostic(d);
      }
    }
    result.reports.push_back(std::move(report));
    progress.update(result.reports.size());
  }
  progress.finish();
  quarantine.end_file();
  if (quarantine.used()) result.quarantine_folder = quarantine.folder();

  const auto html_path = out_dir / ("importverslag-" + stamp(now) + ".html");
  const Status written =
      write_file_atomic(html_path, import_report_html(result.reports, now, result.quarantine_folder));
  if (written) {
    result.html_report = html_path;
    result.exit_status = import_exit_status(result.reports);
  } else {
    print_error(written.message());
    result.exit_status = kExitFailure;
  }
  return result;
}

}  // namespace casus
