#include "app/commands.h"
#include "app/console.h"
namespace casus {
int run_training(const GlobalOptions&, const std::string&, OutputRun*) { print_error("nog niet beschikbaar"); return kExitFailure; }
void register_training_command(CLI::App&, const GlobalOptions&, CommandOutcome&) {}
}  // namespace casus
