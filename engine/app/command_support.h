// What most subcommands do first: load and validate the config (printing its
// diagnostics), pick the clock, open the store with its key and load the
// dataset. One place, so every command reports these failures the same way.
#pragma once

#include <memory>
#include <optional>

#include "app/global_options.h"
#include "config/config.h"
#include "core/clock.h"
#include "model/dataset.h"
#include "store/store.h"

namespace casus {

// Loads --config; prints every diagnostic as "casus: FILE:LINE: message".
// nullopt (after printing) when the config has errors.
std::optional<Config> load_config_or_report(const GlobalOptions& options);

// The process clock (CASUS_NOW pins it); prints and returns nullptr when CASUS_NOW is bad.
std::unique_ptr<Clock> clock_or_report();

// Opens --store with its key file; a missing store gets a message that names
// `casus init`.
Result<std::unique_ptr<Store>> open_store(const GlobalOptions& options, const Clock& clock);

// open_store(), printing the failure; nullptr when the store cannot be opened.
std::unique_ptr<Store> open_store_or_report(const GlobalOptions& options, const Clock& clock);

// open_store() + load_dataset(scope).
Result<Dataset> load_dataset(const GlobalOptions& options, const Clock& clock, const LoadScope& scope = {});

}  // namespace casus
