// Helpers for the command tests: a scratch project (config, templates and
// data copied from the source tree, so a test may change its config), a
// store in it, and running the built `casus` with a pinned clock.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

#include "core/clock.h"
#include "render/test_support.h"  // run_command, squash, have_tool
#include "store/store.h"

namespace casus::testing {

struct Scratch {
  std::filesystem::path root;
  explicit Scratch(const std::string& name) {
    namespace fs = std::filesystem;
    root = fs::temp_directory_path() / ("casus-app-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    const fs::path src(CASUS_SOURCE_DIR);
    fs::copy(src / "config", root / "config", fs::copy_options::recursive);
    fs::copy(src / "templates", root / "templates", fs::copy_options::recursive);
    fs::copy(src / "data", root / "data", fs::copy_options::recursive);
  }
  ~Scratch() { std::filesystem::remove_all(root); }
  std::filesystem::path store() const { return root / "data" / "casus.db"; }
  std::filesystem::path out() const { return root / "out"; }
  bool create_store() const {
    const FixedClock clock(DateTime{{2026, 11, 28}, 9, 0, 0});
    return Store::create(store(), store().string() + ".key", clock).is_ok();
  }
};

using Run = CommandResult;

// Runs a shell command; stderr goes into `output` too unless `with_stderr` is false.
inline Run run(const std::string& command, bool with_stderr = true) {
  return run_command(command + (with_stderr ? " 2>&1" : " 2>/dev/null"));
}

// `casus` in the scratch project with CASUS_NOW pinned.
inline Run run_casus(const Scratch& s, const std::string& args, const std::string& now = "2026-11-28T09:00:00") {
  return run("CASUS_NOW=" + now + " '" + std::string(CASUS_BINARY) + "' --config '" + (s.root / "config").string() +
             "' --store '" + s.store().string() + "' --out '" + s.out().string() + "' " + args);
}

inline std::string pdf_text(const std::filesystem::path& pdf) {
  return run("pdftotext -layout '" + pdf.string() + "' -", false).output;
}

}  // namespace casus::testing
