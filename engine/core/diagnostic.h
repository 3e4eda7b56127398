// Diagnostic: one located finding about input, config or templates
// (severity, stable code, file:line[:column], field, message), and the sinks
// every pipeline stage reports them to. Formatting follows the exchange
// format: "FILE:LINE: field 'x': message".
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

namespace casus {

enum class Severity { info, warning, error };

const char* severity_name(Severity severity);

struct SourceLocation {
  std::string file;   // as given by the user (not made absolute)
  std::size_t line = 0;    // 1-based; 0 = the file as a whole
  std::size_t column = 0;  // 1-based; 0 = not known
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;   // stable, dotted: "csv.invalid_date"
  SourceLocation location;
  std::string field;  // empty when not about one field
  std::string message;

  // "FILE:LINE[:COL]: field 'x': message" — the parts that are known.
  std::string to_string() const;
};

class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void report(const Diagnostic& diagnostic) = 0;
};

// Keeps every diagnostic in order; thread-safe.
class CollectingSink : public DiagnosticSink {
 public:
  void report(const Diagnostic& diagnostic) override;
  std::vector<Diagnostic> diagnostics() const;
  std::size_t count(Severity severity) const;
  bool has_errors() const { return count(Severity::error) > 0; }
  void clear();

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> diagnostics_;
};

// Discards everything (for callers that only want a yes/no).
class NullSink : public DiagnosticSink {
 public:
  void report(const Diagnostic&) override {}
};

}  // namespace casus
