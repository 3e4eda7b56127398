#include "app/audit_trail.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "app/command_support.h"

namespace casus {

std::string audit_user(const GlobalOptions& options) {
  if (!options.user.empty()) return options.user;
  if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr && pw->pw_name != nullptr && *pw->pw_name)
    return pw->pw_name;
  if (const char* user = std::getenv("USER"); user != nullptr && *user) return user;
  return "onbekend";
}

Status record_run_in_audit(Store& store, const GlobalOptions& options, const std::string& command,
                           const OutputRun& run, const std::string& detail) {
  std::vector<AuditDocument> documents;
  for (const WrittenFile& file : run.files())
    documents.push_back({file.path.generic_string(), file.audience, file.categories, file.sha256});
  AuditEntry entry;
  entry.user = audit_user(options);
  entry.command = command;
  entry.entries = audit_entries_json(documents, detail);
  auto appended = store.append_audit(std::move(entry));
  if (!appended) return Status::error("auditlog: " + appended.message());
  return Status::ok();
}

Status record_run_in_audit(const GlobalOptions& options, const Clock& clock, const std::string& command,
                           const OutputRun& run) {
  auto store = open_store(options, clock);
  if (!store) return Status::error("auditlog: " + store.message());
  return record_run_in_audit(**store, options, command, run);
}

Status record_action_in_audit(Store& store, const GlobalOptions& options, const std::string& command,
                              const std::string& detail) {
  AuditEntry entry;
  entry.user = audit_user(options);
  entry.command = command;
  entry.entries = audit_entries_json({}, detail);
  auto appended = store.append_audit(std::move(entry));
  if (!appended) return Status::error("auditlog: " + appended.message());
  return Status::ok();
}

}  // namespace casus
