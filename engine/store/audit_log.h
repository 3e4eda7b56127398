// AuditLog: the values of the store's append-only, hash-chained audit log
// (who, when, which command, which documents for which audience with which
// data categories and SHA-256), its schema migration and the pure functions
// that make an entry canonical and hash it. The Store methods append_audit(),
// audit_entries() and verify_audit() (store.h) do the I/O.
//
// Chain: hash(n) = SHA-256 over length-prefixed fields (prev_hash, id, at,
// user, command, entries); prev_hash(1) is 64 zeros. The store also keeps a
// head (entry count and last hash) in `meta`, keyed with an HMAC derived from
// the store key, so deleting the newest entries is detected too. Someone who
// holds the key can rewrite the whole log; the key lives outside the store.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace casus {

// Schema step that adds the audit_log table (see the migrations in store.cc).
inline constexpr const char* kAuditLogMigration =
    "CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, user TEXT NOT NULL,"
    " command TEXT NOT NULL, entries TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);";

inline constexpr const char* kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// One document a run wrote.
struct AuditDocument {
  std::string path;  // relative to the output folder
  std::string audience;
  std::vector<std::string> categories;
  std::string sha256;
};

struct AuditEntry {
  std::int64_t id = 0;   // 1, 2, … (set by append_audit)
  std::string at;        // ISO date-time (clock) — set by append_audit when empty
  std::string user;      // --user or the OS user
  std::string command;   // "demo", "retention --apply", …
  std::string entries;   // canonical JSON: audit_entries_json()
  std::string prev_hash;
  std::string hash;
};

struct AuditVerdict {
  bool intact = true;
  std::int64_t entries = 0;       // rows in the log
  std::int64_t first_broken = 0;  // id of the first entry that fails (0 when intact)
  std::string problem;            // "entry 3: contents changed (hash mismatch)"
};

// {"documents":[{"path":…,"audience":…,"categories":[…],"sha256":…},…],"detail":…}
// with a fixed key order and no whitespace: the same values give the same bytes.
std::string audit_entries_json(const std::vector<AuditDocument>& documents, const std::string& detail);


// The chained hash of an entry: lowercase hex SHA-256.
std::string audit_hash(const AuditEntry& entry);

}  // namespace casus
