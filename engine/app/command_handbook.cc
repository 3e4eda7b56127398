#include "app/commands.h"
#include "app/console.h"
namespace casus {
int run_handbook(const GlobalOptions&, OutputRun*) { print_error("nog niet beschikbaar"); return kExitFailure; }
void register_handbook_command(CLI::App&, const GlobalOptions&, CommandOutcome&) {}
}  // namespace casus
