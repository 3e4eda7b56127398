// AuditTrail: turns what a run wrote (OutputRun) into one entry of the
// store's hash-chained audit log — who (--user, else the OS user), when (the
// clock), the command, and per document its path, audience, data categories
// and SHA-256. Every command that writes documents calls
// record_run_in_audit() once, after its manifest.
#pragma once

#include <string>

#include "app/global_options.h"
#include "app/output_run.h"
#include "core/clock.h"
#include "core/status.h"
#include "store/store.h"

namespace casus {

// --user when given, else the OS user (login name of the effective uid, else $USER, else "onbekend").
std::string audit_user(const GlobalOptions& options);

// Appends one audit entry for `run`; `detail` is free text (e.g. what was deleted).
Status record_run_in_audit(Store& store, const GlobalOptions& options, const std::string& command,
                           const OutputRun& run, const std::string& detail = "");

// The same for commands that do not keep the store open: opens --store, appends, closes.
Status record_run_in_audit(const GlobalOptions& options, const Clock& clock, const std::string& command,
                           const OutputRun& run);

// For runs that write no documents but change the store (retention --apply).
Status record_action_in_audit(Store& store, const GlobalOptions& options, const std::string& command,
                              const std::string& detail);

}  // namespace casus
