#include "app/cli.h"

#include <CLI/CLI.hpp>

namespace casus {

int run_cli(int argc, char** argv) {
  CLI::App app{"casus — documenten en rapportages voor de persoonsgerichte aanpak"};
  app.require_subcommand(1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  return 0;
}

}  // namespace casus
