// `casus sample`: writes a deterministic synthetic set of partner exports
// (see sample/sample_generator.h) for the configuration in --config: monthly
// CSV and XML deliveries, README.txt, manifest.json and, with --faults,
// faults.json. The same options and configuration give byte-identical files;
// the wall clock is never read (the last month defaults to 2026-10).
#include <iostream>
#include <memory>

#include "app/commands.h"
#include "app/console.h"
#include "config/config_loader.h"
#include "sample/sample_generator.h"

namespace casus {

namespace {

struct SampleCommandOptions {
  int cases = 150;
  int months = 18;
  std::uint64_t seed = 7;
  std::string until = "2026-10";
  std::filesystem::path out;
  bool faults = false;
};

int run_sample(const GlobalOptions& global, const SampleCommandOptions& command) {
  CollectingSink sink;
  auto config = load_config(global.config_dir, sink);
  for (const auto& d : sink.diagnostics()) print_diagnostic(d);
  if (!config || sink.has_errors()) {
    print_error("configuratie in " + global.config_dir.string() + " bevat fouten; geen voorbeelddata gemaakt");
    return kExitFailure;
  }
  SampleOptions options;
  options.cases = command.cases;
  options.months = command.months;
  options.seed = command.seed;
  options.until = *YearMonth::parse(command.until);
  options.faults = command.faults;
  const std::filesystem::path out = command.out.empty() ? global.out_dir : command.out;
  // Each file is written as soon as it is made, so a large set is never held whole.
  SampleFolderWriter writer(out);
  auto set = build_sample(*config, options,
                          [&writer](const SampleFile& file) { return writer.write_file(file); });
  if (!set) {
    print_error(writer.failed() ? set.message() : "voorbeelddata: " + set.message());
    return kExitFailure;
  }
  if (Status written = writer.finish(*set); !written) {
    print_error(written.message());
    return kExitFailure;
  }
  std::size_t records = 0;
  for (const auto& file : set->files) records += file.records;
  std::cout << "voorbeelddata geschreven naar " << out.string() << ": " << set->files.size()
            << " bestanden, " << records << " records, " << options.cases << " zaken, "
            << options.months << " maanden (" << set->months.front().month.iso() << " t/m "
            << set->months.back().month.iso() << ")";
  if (options.faults) std::cout << ", " << set->faults.size() << " geplante fouten (faults.json)";
  std::cout << "\n";
  return kExitOk;
}

}  // namespace

void register_sample_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome) {
  auto command = std::make_shared<SampleCommandOptions>();
  CLI::App* sub = app.add_subcommand(
      "sample",
      "Maak synthetische partnerexports (CSV en XML, per maand) met README.txt en manifest.json; "
      "alle namen zijn verzonnen en alle bsn's beginnen met 9999");
  sub->add_option("--cases", command->cases,
                  "Aantal zaken: lopend bij de eerste maand plus de instroom daarna")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  sub->add_option("--months", command->months, "Aantal maandleveringen")
      ->check(CLI::Range(1, 240))
      ->capture_default_str();
  sub->add_option("--seed", command->seed,
                  "Startwaarde van de toevalsgenerator; dezelfde waarde geeft dezelfde bestanden")
      ->capture_default_str();
  sub->add_option("--until", command->until, "Laatste geleverde maand (JJJJ-MM); de klok wordt niet gelezen")
      ->check([](const std::string& text) {
        return YearMonth::parse(text) ? std::string() : std::string("verwacht JJJJ-MM, bijvoorbeeld 2026-10");
      })
      ->capture_default_str();
  sub->add_option("--out", command->out,
                  "Map voor de set (standaard de globale --out); een map met een eerdere set wordt "
                  "eerst leeggemaakt, een andere niet-lege map geweigerd");
  sub->add_flag("--faults", command->faults,
                "Plant bekende fouten in de laatste maand: ongeldige records en kapotte bestanden, "
                "elk beschreven in faults.json");
  sub->callback([&options, &outcome, command]() { outcome.status = run_sample(options, *command); });
}

}  // namespace casus
