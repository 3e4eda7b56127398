// `casus demo [--sample DIR] [--month YYYY-MM]`: everything the engine can do,
// on the committed synthetic sample: a fresh demo store (data/demo.db unless
// --store is given), every sample file imported in delivery order, then every
// output for the sample's last month written under --out, ending with the
// list of what was written (and manifest.json).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <iostream>

#include "app/audit_trail.h"
#include "app/command_support.h"
#include "app/commands.h"
#include "app/console.h"
#include "app/demo_steps.h"
#include "app/import_run.h"
#include "app/output_run.h"
#include "core/file_io.h"

namespace casus {
namespace {
namespace fs = std::filesystem;

struct DemoArgs {
  std::string sample = "samples/default";
  std::string month;  // default: the sample's last month
};

struct SampleManifest {
  std::vector<std::string> files;  // in import order, as paths
  std::string until;               // last month, YYYY-MM
};

Result<SampleManifest> read_sample_manifest(const fs::path& folder) {
  const fs::path path = folder / "manifest.json";
  auto text = read_file(path);
  if (!text) return Status::error(text.message() + " (is dit een map van 'casus sample'?)");
  try {
    Poco::JSON::Parser parser;
    auto root = parser.parse(*text).extract<Poco::JSON::Object::Ptr>();
    SampleManifest manifest;
    manifest.until = root->optValue<std::string>("until", "");
    auto files = root->getArray("files");
    if (!files) return Status::error(path.string() + ": geen lijst 'files'");
    for (std::size_t i = 0; i < files->size(); ++i) {
      auto entry = files->getObject(static_cast<unsigned>(i));
      manifest.files.push_back((folder / entry->getValue<std::string>("path")).string());
    }
    return manifest;
  } catch (const Poco::Exception& e) {
    return Status::error(path.string() + ": geen geldige JSON: " + e.displayText());
  }
}

// The default demo store is recreated on every run; a store named with --store
// is never removed.
Status prepare_store(const GlobalOptions& options, bool default_store, const Clock& clock) {
  const fs::path db = options.effective_store_path();
  const fs::path key = options.key_path();
  std::error_code ec;
  if (default_store) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      fs::path p = db;
      p += suffix;
      fs::remove(p, ec);
    }
    fs::remove(key, ec);
  } else if (fs::exists(db, ec)) {
    return Status::error("opslag " + db.string() +
                         " bestaat al; de demo gebruikt alleen een nieuwe opslag");
  }
  return Store::create(db, key, clock);
}

int run_demo(GlobalOptions options, const DemoArgs& args) {
  const bool default_store = options.store_path.empty();
  if (default_store) options.store_path = fs::path("data") / "demo.db";
  auto config = load_config_or_report(options);
  if (!config) return kExitFailure;
  auto clock = clock_or_report();
  if (!clock) return kExitFailure;
  auto manifest = read_sample_manifest(args.sample);
  if (!manifest) {
    print_error(manifest.message());
    return kExitFailure;
  }
  const std::string month_text = args.month.empty() ? manifest->until : args.month;
  auto month = YearMonth::parse(month_text);
  if (!month) {
    print_error("--month: '" + month_text + "' is geen maand van de vorm JJJJ-MM");
    return kExitUsage;
  }

  if (Status created = prepare_store(options, default_store, *clock); !created) {
    print_error(created.message());
    return kExitFailure;
  }
  auto store = Store::open(options.effective_store_path(), options.key_path(), *clock);
  if (!store) {
    print_error(store.message());
    return kExitFailure;
  }
  std::cout << "demo: opslag " << options.effective_store_path().string() << " aangemaakt\n";
  auto imported = import_files(manifest->files, ImportOptions{}, *config, **store, clock->now(),
                               options.out_dir, /*print_diagnostics=*/false);
  std::size_t stored = 0, updated = 0, quarantined = 0, rejected = 0;
  for (const auto& r : imported.reports) {
    stored += r.stored;
    updated += r.updated;
    quarantined += r.quarantined;
    rejected += r.status == FileStatus::rejected ? 1 : 0;
  }
  std::cout << "demo: " << imported.reports.size() << " bestanden ingelezen: " << stored
            << " records opgeslagen, " << updated << " bijgewerkt, " << quarantined
            << " in quarantaine, " << rejected << " geweigerd\n";
  if (rejected > 0) {
    print_error("de voorbeelddata kon niet volledig worden ingelezen; zie " +
                imported.html_report.string());
    return kExitFailure;
  }

  auto dataset = (*store)->load_dataset();
  if (!dataset) {
    print_error(dataset.message());
    return kExitFailure;
  }
  OutputRun run(options.out_dir);
  if (!imported.html_report.empty()) {
    const auto relative = fs::relative(imported.html_report, options.out_dir);
    if (Status recorded = run.record(relative, "staff", {"regulier"}, dataset->data_as_of.iso(),
                                     "importverslag");
        !recorded)
      print_error(recorded.message());
  }
  DemoInput input{options, *config, *dataset, *month, *clock, **store};
  int status = kExitOk;
  for (const auto& step : demo_steps()) {
    std::cout << "demo: " << step.description << "\n";
    if (Status done = step.run(input, run); !done) {
      print_error(step.description + ": " + done.message());
      status = kExitFailure;
    }
  }
  if (Status manifest_written = run.write_manifest(clock->now().iso()); !manifest_written) {
    print_error(manifest_written.message());
    return kExitFailure;
  }
  if (Status audited = record_run_in_audit(**store, options, "demo", run); !audited) {
    print_error(audited.message());
    return kExitFailure;
  }
  std::cout << "\nGeschreven (" << run.files().size() << " bestanden, lijst in "
            << (options.out_dir / "manifest.json").string() << "):\n"
            << run.summary();
  return status;
}

}  // namespace

void register_demo_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome) {
  auto args = std::make_shared<DemoArgs>();
  CLI::App* sub = app.add_subcommand(
      "demo",
      "Alles op de synthetische voorbeelddata: nieuwe opslag (data/demo.db), import, en elk "
      "document dat de engine kan maken, naar --out");
  sub->add_option("--sample", args->sample, "Map met voorbeelddata van 'casus sample'")
      ->capture_default_str();
  sub->add_option("--month", args->month,
                  "Rapportagemaand JJJJ-MM (standaard de laatste maand van de voorbeelddata)");
  sub->callback([&options, &outcome, args]() { outcome.status = run_demo(options, *args); });
}

}  // namespace casus
