// Store: the SQLite store (Poco::Data; WAL) of every imported record. Owns
// the schema and its forward migrations, import batches (file, SHA-256,
// partner, kind, counts, time from the clock), natural-key upserts that keep
// every replaced version in history, encryption of direct identifiers
// (AES-256-GCM) with a keyed bsn hash for linking, and load_dataset(), which
// every report reads. One import file is one transaction.
//
// The bulk paths (upsert, load) use prepared sqlite3 statements on the
// Poco::Data session's handle: Poco's per-statement overhead is too high for
// a million rows. Everything else goes through the Poco session.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "store/audit_log.h"
#include "model/dataset.h"
#include "model/records.h"

struct sqlite3;

namespace casus {

inline constexpr int kStoreSchemaVersion = 5;

struct StoredBatch {
  std::int64_t id = 0;
  std::string file;
  std::string sha256;
  std::string partner;
  std::string kind;
  std::string imported_at;  // ISO date-time from the clock
  std::int64_t read = 0, stored = 0, updated = 0, unchanged = 0, quarantined = 0, unlinked = 0;
};

// One covenant draft kept in the archive (schema version 2): `casus covenant`
// numbers drafts 1, 2, … and compares each with the previous one's snapshot.
struct CovenantVersion {
  int version = 0;
  std::string created_at;   // ISO date-time from the clock
  std::string note;         // --note
  std::string snapshot;     // canonical text (logic/covenant_changes.h)
  std::string docx_sha256;
  std::string pdf_sha256;
};

// What a command reads from the store. The default is everything; documents
// that show only figures read less, so they need less memory and never
// decrypt what they do not print.
struct LoadScope {
  // Surnames, given names and birth dates. Off: left empty, never decrypted.
  // (The bsn is always read: event linking and re-entries need it.)
  bool personal_details = true;
  // Free texts: event descriptions, life-domain goals, intervention rationales
  // and item evidence. Off: left empty. Assessment rationales are always read
  // (the unexplained-deviation flag depends on them).
  bool free_texts = true;
  // Only these cases' assessments, interventions, life-domain observations and
  // events (looked up through the store's indexes). Every case row is still
  // read, for event linking and family links, but only these cases get their
  // personal details. Empty = all cases.
  std::vector<std::string> only_cases;
  // Events. Off: none is read (Dataset::events stays empty, so no case has
  // any); their rows are skipped unread.
  bool events = true;
  // The cases' bsn. Off: left empty, never decrypted — but only when events
  // are off too: event linking needs it, so with events on it is always read.
  // (Re-entries need it as well: leave it on for the indicators.)
  bool bsn = true;
  // Assessment items (scores, evidence, source) and the assessment rationale.
  // Off: left empty; the judgement, its date and assessor are always read.
  bool assessment_details = true;

  // Indicators and the monthly report: no names, no free texts.
  static LoadScope figures_only() { return LoadScope{false, false, {}}; }
  // The case list: figures_only(), and no events, no bsn, no assessment items
  // or rationales — only what its rows show (stage, judgement, review due,
  // life-domain scores, instruments running).
  static LoadScope case_list() {
    LoadScope scope = figures_only();
    scope.events = false;
    scope.bsn = false;
    scope.assessment_details = false;
    return scope;
  }
};

enum class UpsertResult { inserted, updated, unchanged };
struct Upsert {
  UpsertResult result = UpsertResult::inserted;
  bool linked = true;  // its case (by case_id, or by bsn for events) is stored
};

class Store {
 public:
  // Creates a new, empty store and its key file (mode 0600). Refuses when the
  // key file or the database exists already.
  static Status create(const std::filesystem::path& db_path, const std::filesystem::path& key_path,
                       const Clock& clock);
  // Opens an existing store with its key; migrates an older schema forward;
  // refuses a newer schema, a key that does not belong to it, or a key file
  // that others can read.
  static Result<std::unique_ptr<Store>> open(const std::filesystem::path& db_path,
                                             const std::filesystem::path& key_path, const Clock& clock);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  int schema_version() const;

  // The batch that imported a file with this SHA-256, if any.
  Result<std::optional<StoredBatch>> find_batch(const std::string& sha256);
  Result<std::vector<StoredBatch>> batches();

  // One file = one transaction: begin, upsert each record, commit (or rollback).
  Status begin_batch(const std::string& file, const std::string& sha256, const std::string& partner,
                     RecordKind kind);
  Result<Upsert> upsert(const CaseRecord& record, std::size_t line);
  Result<Upsert> upsert(const AssessmentRecord& record, std::size_t line);
  Result<Upsert> upsert(const InterventionRecord& record, std::size_t line);
  Result<Upsert> upsert(const LifeDomainObservation& record, std::size_t line);
  Result<Upsert> upsert(const EventRecord& record, std::size_t line);
  // Records the counts on the batch and commits.
  Status commit_batch(const StoredBatch& counts);
  void rollback_batch();
  bool in_batch() const;

  // The records `scope` asks for (default: everything), decrypted, events
  // linked; only assessments, interventions and life-domain records whose
  // case is stored, in the order they were first stored.
  Result<Dataset> load_dataset(const LoadScope& scope = {});

  // For tests and maintenance: number of current / historical rows of a kind.
  Result<std::int64_t> count_records(RecordKind kind);
  Result<std::int64_t> count_history(RecordKind kind);

  // --- Covenant archive (schema version 2) ---------------------------------
  // Every draft, oldest first; the latest (nullopt when there is none).
  Result<std::vector<CovenantVersion>> covenant_versions();
  Result<std::optional<CovenantVersion>> latest_covenant_version();
  // Stores a draft; its number must be the next one (latest + 1) and the
  // created_at is taken from the clock.
  Status add_covenant_version(const CovenantVersion& version);

  // --- Audit log (store/audit_log.h; implemented in store/audit_log.cc) ----
  // Appends one entry (its id, prev_hash and hash are set here; `at` from the
  // clock when empty) in its own transaction and returns it as stored.
  Result<AuditEntry> append_audit(AuditEntry entry);
  Result<std::vector<AuditEntry>> audit_entries();
  // Recomputes the chain and the keyed head; names the first broken entry.
  Result<AuditVerdict> verify_audit();

  // --- Retention (store/retention_delete.cc) --------------------------------
  // Deletes, in one transaction, every record of these cases (any kind,
  // current and history), the events linked to them and their history, then
  // checkpoints the WAL so the deleted rows do not linger in it (secure_delete
  // zeroes freed pages). Returns the number of rows deleted.
  Result<std::int64_t> delete_cases(const std::vector<std::string>& case_ids);

 private:
  // For the store's own other translation units (audit log, retention).
  sqlite3* handle() const;
  const Clock& clock() const;
  const std::string& audit_key() const;  // keys the audit head (from the store key)

  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The event-linking rule of spec/exchange-format.md, on a loaded dataset:
// sets every event's linked_case_id (case_id if stored, else by bsn: the
// case whose period contains occurred_on — the later-registered when two do —
// else the case registered next after, else the latest case; else empty).
void link_events(Dataset& dataset);

}  // namespace casus
