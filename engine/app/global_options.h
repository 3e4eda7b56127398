// GlobalOptions: the options every subcommand shares (--config, --store,
// --out, --lang, --user) and the exit statuses of the `casus` command.
#pragma once

#include <filesystem>
#include <string>

#include "core/language.h"

namespace casus {

enum ExitStatus : int {
  kExitOk = 0,
  kExitFailure = 1,
  kExitUsage = 2,
  kExitQuarantined = 3,  // done, with records quarantined
};

struct GlobalOptions {
  std::filesystem::path config_dir = "config";
  std::filesystem::path store_path;  // empty = data/casus.db beside the config folder's parent
  std::filesystem::path out_dir = "outputs";
  std::string lang = "nl";
  std::string user;  // empty = the OS user
  bool quiet = false;

  Language language() const { return lang == "en" ? Language::en : Language::nl; }
  // The store path in force: --store, else ./data/casus.db.
  std::filesystem::path effective_store_path() const {
    return store_path.empty() ? std::filesystem::path("data") / "casus.db" : store_path;
  }
  // The key file: beside the store, named <store>.key.
  std::filesystem::path key_path() const {
    auto path = effective_store_path();
    path += ".key";
    return path;
  }
};

}  // namespace casus
