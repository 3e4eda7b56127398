// The subcommands of `casus`. Each lives in its own command_<name>.cc and adds
// itself to the CLI11 app with its options; its callback returns an exit status.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "app/global_options.h"
#include "app/output_run.h"

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
void register_covenant_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);
void register_training_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);
void register_handbook_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);

// The document commands, callable from `casus demo`: with `run` set they
// record into it and leave the manifest to the caller; otherwise they write
// their own manifest and print the list of written files. Return an exit status.
int run_covenant(const GlobalOptions& options, const std::string& note, OutputRun* run);
int run_training(const GlobalOptions& options, const std::string& module, OutputRun* run);
int run_handbook(const GlobalOptions& options, OutputRun* run);

void register_report_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);
void register_plan_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);
void register_agenda_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);
void register_demo_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);
// Privacy: the audit log and the retention rule.
void register_audit_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);
void register_retention_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome);

}  // namespace casus
