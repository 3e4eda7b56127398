#include "core/diagnostic.h"

namespace casus {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::string Diagnostic::to_string() const {
  std::string out;
  if (!location.file.empty()) {
    out += location.file;
    if (location.line > 0) {
      out += ':' + std::to_string(location.line);
      if (location.column > 0) out += ':' + std::to_string(location.column);
    }
    out += ": ";
  }
  if (!field.empty()) out += "field '" + field + "': ";
  out += message;
  return out;
}

void CollectingSink::report(const Diagnostic& diagnostic) {
  std::lock_guard lock(mutex_);
  diagnostics_.push_back(diagnostic);
}

std::vector<Diagnostic> CollectingSink::diagnostics() const {
  std::lock_guard lock(mutex_);
  return diagnostics_;
}

std::size_t CollectingSink::count(Severity severity) const {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const auto& d : diagnostics_) n += d.severity == severity ? 1 : 0;
  return n;
}

void CollectingSink::clear() {
  std::lock_guard lock(mutex_);
  diagnostics_.clear();
}

}  // namespace casus
