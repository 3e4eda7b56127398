// The subcommands of `casus`. Each lives in its own command_<name>.cc and adds
// itself to the CLI11 app with its options; its callback returns an exit status.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "app/global_options.h"

namespace casus {

// Set by a subcommand's callback; read by run_cli after parsing.
struct CommandOutcome {
  int status = kExitOk;
};

void register_sample_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);
void register_init_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);
void register_import_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);
void register_check_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);
void register_indicators_command(CLI::App& app, const GlobalOptions& options,
                                 CommandOutcome& outcome);
void register_demo_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);
// Privacy: the audit log and the retention rule.
void register_audit_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);
void register_retention_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);

}  // namespace casus
