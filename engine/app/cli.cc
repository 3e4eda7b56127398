#include "app/cli.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/commands.h"
#include "app/console.h"

namespace casus {

int run_cli(int argc, char** argv) {
  CLI::App app{
      "casus — documenten en rapportages voor de persoonsgerichte aanpak radicalisering.\n"
      "Exit status: 0 ok, 1 fout, 2 verkeerd gebruik, 3 klaar met records in quarantaine."};
  app.name("casus");
  GlobalOptions options;
  CommandOutcome outcome;
  app.option_defaults()->always_capture_default();
  app.add_option("--config", options.config_dir, "Map met de configuratie")->capture_default_str();
  app.add_option("--store", options.store_path,
                 "Pad van de opslag (standaard data/casus.db; de sleutel staat ernaast als .key)");
  app.add_option("--out", options.out_dir, "Map voor de uitvoer")->capture_default_str();
  app.add_option("--lang", options.lang, "Taal van documenten: nl of en")
      ->check(CLI::IsMember({"nl", "en"}))
      ->capture_default_str();
  app.add_option("--user", options.user, "Gebruiker voor het auditlog (standaard de OS-gebruiker)");
  app.require_subcommand(1);
  app.fallthrough();

  // Subcommands register themselves here (see app/commands.h).
  register_check_command(app, options, outcome);
  register_sample_command(app, options, outcome);
  register_init_command(app, options, outcome);
  register_import_command(app, options, outcome);
  register_indicators_command(app, options, outcome);
  register_covenant_command(app, options, outcome);
  register_training_command(app, options, outcome);
  register_handbook_command(app, options, outcome);
  register_plan_command(app, options, outcome);
  register_agenda_command(app, options, outcome);
  register_demo_command(app, options, outcome);
  register_report_command(app, options, outcome);
  register_audit_command(app, options, outcome);
  register_retention_command(app, options, outcome);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    print_error(e.what());
    std::cerr << "Zie 'casus --help'.\n";
    return kExitUsage;
  }
  return outcome.status;
}

}  // namespace casus
