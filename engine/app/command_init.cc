// `casus init`: creates an empty store (--store, default data/casus.db) and
// its key file (<store>.key, mode 0600). Refuses to overwrite either; says
// what it created. Exit 0, or 1 with "casus: message" on stderr.
#include <iostream>

#include "app/commands.h"
#include "app/console.h"
#include "core/clock.h"
#include "store/store.h"

namespace casus {
namespace {

int run_init(const GlobalOptions& options) {
  auto clock = clock_from_environment();
  if (!clock) {
    print_error(clock.message());
    return kExitFailure;
  }
  const auto store = options.effective_store_path();
  const auto key = options.key_path();
  if (auto status = Store::create(store, key, **clock); !status) {
    print_error(status.message());
    return kExitFailure;
  }
  std::cout << "opslag aangemaakt: " << store.string() << "\n"
            << "sleutel aangemaakt: " << key.string()
            << " (alleen leesbaar voor de eigenaar; bewaar een kopie op een veilige plek: zonder "
               "sleutel zijn bsn, namen en geboortedatums niet meer te lezen)\n";
  return kExitOk;
}

}  // namespace

void register_init_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome) {
  CLI::App* sub = app.add_subcommand("init", "Maak een lege opslag en de sleutel ervoor aan");
  sub->callback([&options, &outcome]() { outcome.status = run_init(options); });
}

}  // namespace casus
