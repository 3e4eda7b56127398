// Importer: one partner file in, one FileReport out. Sniffs CSV or XML,
// decides the record kind and partner (XML root, --kind/--partner, the
// partner's mapping, the headers), maps and validates every record, sends the
// valid ones to an ImportTarget (the store, through a small adapter) inside
// one transaction per file, and quarantines the invalid ones. The target is
// an interface so ingest does not depend on the store.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/diagnostic.h"
#include "core/status.h"
#include "ingest/quarantine.h"
#include "ingest/record_validator.h"

namespace casus {

enum class FileStatus { stored, skipped, rejected };
const char* code(FileStatus status);

struct FileReport {
  std::string file;     // as given on the command line
  std::string kind;     // record kind code; "" when it could not be determined
  std::string partner;  // delivering partner code; "" when unknown
  FileStatus status = FileStatus::rejected;
  std::size_t read = 0;         // records read (blank lines not counted)
  std::size_t stored = 0;       // new natural keys stored
  std::size_t updated = 0;      // replaced a stored record (the earlier version kept as history)
  std::size_t unchanged = 0;    // identical to the stored record
  std::size_t quarantined = 0;  // invalid records
  std::size_t unlinked = 0;     // stored records that link to no case (yet)
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in file order
  std::string encoding;  // "utf-8", "windows-1252", "utf-16"
  std::string sha256;
};

struct BatchStart {
  std::string file;
  std::string sha256;
  std::string partner;
  RecordKind kind = RecordKind::cases;
};

struct BatchCounts {
  std::size_t read = 0, stored = 0, updated = 0, unchanged = 0, quarantined = 0, unlinked = 0;
};

struct PreviousImport {
  std::string file;
  std::string imported_at;  // ISO date-time
  std::string kind;
  std::string partner;
};

enum class PutResult { inserted, updated, unchanged };
struct PutOutcome {
  PutResult result = PutResult::inserted;
  bool linked = true;  // the record's case is known (always true for cases)
};

// Where valid records go. begin() opens one transaction; commit() or rollback() ends it.
class ImportTarget {
 public:
  virtual ~ImportTarget() = default;
  virtual Result<std::optional<PreviousImport>> previous_import(const std::string& sha256) = 0;
  virtual Status begin(const BatchStart& batch) = 0;
  virtual Result<PutOutcome> put(const ValidRecord& record) = 0;
  virtual Status commit(const BatchCounts& counts) = 0;
  virtual void rollback() = 0;
};

struct ImportOptions {
  std::string partner;              // --partner; "" = from the file or inferred
  std::optional<RecordKind> kind;   // --kind
  std::string kind_text;            // --kind as typed (for the message when unknown)
  bool strict = false;              // any invalid record rejects the file
};

FileReport import_file(const std::filesystem::path& path, const ImportOptions& options,
                       const Config& config, ImportTarget& target, Quarantine& quarantine);

}  // namespace casus
