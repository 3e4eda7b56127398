// `casus check`: loads and validates the configuration (and, later, the
// templates against the audiences' data categories), prints every
// diagnostic as "casus: FILE:LINE: message" on stderr, and a one-line Dutch
// summary on stdout when all is well. Exit 1 on any error.
#include <iostream>

#include "app/commands.h"
#include "app/console.h"
#include "config/config_loader.h"

namespace casus {

namespace {

// Extension point: further checks that need a loaded configuration. The
// template check (every field a template asks for is one its audience may
// see) is added here by the render module, e.g.
//   check_templates(config, options.config_dir / ".." / "templates", sink);
// Each check reports to `sink`; any error makes `casus check` exit 1.
void run_further_checks(const Config& config, const GlobalOptions& options,
                        DiagnosticSink& sink) {
  (void)config;
  (void)options;
  (void)sink;
}

int run_check(const GlobalOptions& options) {
  CollectingSink sink;
  auto config = load_config(options.config_dir, sink);
  if (config) run_further_checks(*config, options, sink);
  for (const auto& d : sink.diagnostics()) print_diagnostic(d);
  if (!config || sink.has_errors()) {
    print_error("configuratie bevat " + std::to_string(sink.count(Severity::error)) +
                " fout(en)");
    return kExitFailure;
  }
  std::cout << "configuratie in orde: " << config->framework.items.size() << " items, "
            << config->toolkit.instruments.size() << " instrumenten, "
            << config->partners.size() << " partners, " << config->audiences.size()
            << " doelgroepen\n";
  return kExitOk;
}

}  // namespace

void register_check_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome) {
  CLI::App* sub = app.add_subcommand("check", "Controleer de configuratie (en sjablonen)");
  sub->callback([&options, &outcome]() { outcome.status = run_check(options); });
}

}  // namespace casus
