#include "app/command_support.h"

#include <filesystem>

#include "app/console.h"
#include "config/config_loader.h"

namespace casus {

std::optional<Config> load_config_or_report(const GlobalOptions& options) {
  CollectingSink sink;
  auto config = load_config(options.config_dir, sink);
  for (const auto& d : sink.diagnostics()) print_diagnostic(d);
  if (!config) {
    if (!sink.has_errors()) print_error(config.message());
    print_error("configuratie in " + options.config_dir.string() + " bevat " +
                std::to_string(sink.count(Severity::error)) + " fout(en)");
    return std::nullopt;
  }
  return std::move(*config);
}

std::unique_ptr<Clock> clock_or_report() {
  auto clock = clock_from_environment();
  if (!clock) {
    print_error(clock.message());
    return nullptr;
  }
  return std::move(*clock);
}

Result<std::unique_ptr<Store>> open_store(const GlobalOptions& options, const Clock& clock) {
  const auto db = options.effective_store_path();
  std::error_code ec;
  if (!std::filesystem::exists(db, ec)) {
    return Status::error("opslag " + db.string() +
                         " bestaat niet; maak hem aan met 'casus init' (of geef --store)");
  }
  return Store::open(db, options.key_path(), clock);
}

std::unique_ptr<Store> open_store_or_report(const GlobalOptions& options, const Clock& clock) {
  auto store = open_store(options, clock);
  if (!store) {
    print_error(store.message());
    return nullptr;
  }
  return std::move(store.value());
}

Result<Dataset> load_dataset(const GlobalOptions& options, const Clock& clock, const LoadScope& scope) {
  auto store = open_store(options, clock);
  if (!store) return store.status();
  return (*store)->load_dataset(scope);
}

}  // namespace casus
