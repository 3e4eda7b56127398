#include "store/audit_log.h"

#include "core/json_text.h"

#include <sqlite3.h>

#include <cstdio>

#include "core/crypto.h"
#include "core/file_io.h"
#include "store/store.h"

namespace casus {

std::string audit_entries_json(const std::vector<AuditDocument>& documents, const std::string& detail) {
  std::string out = "{\"documents\":[";
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const AuditDocument& d = documents[i];
    if (i > 0) out += ",";
    out += "{\"path\":" + json_quote(d.path) + ",\"audience\":" + json_quote(d.audience) + ",\"categories\":[";
    for (std::size_t c = 0; c < d.categories.size(); ++c) out += (c > 0 ? "," : "") + json_quote(d.categories[c]);
    out += "],\"sha256\":" + json_quote(d.sha256) + "}";
  }
  return out + "],\"detail\":" + json_quote(detail) + "}";
}

std::string audit_hash(const AuditEntry& e) {
  std::string message;
  for (const std::string* field : {&e.prev_hash, &e.at, &e.user, &e.command, &e.entries}) {
    if (field == &e.at) message += std::to_string(std::to_string(e.id).size()) + ":" + std::to_string(e.id);
    message += std::to_string(field->size()) + ":" + *field;
  }
  return sha256_hex(message);
}

namespace {

// A prepared statement that finalizes itself.
struct Query {
  sqlite3_stmt* stmt = nullptr;
  Query(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr); }
  ~Query() { sqlite3_finalize(stmt); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  explicit operator bool() const { return stmt != nullptr; }
  void text(int i, const std::string& v) { sqlite3_bind_text(stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
  std::string column(int i) const {
    const auto* p = sqlite3_column_text(stmt, i);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)))
             : std::string();
  }
};

Status sql_failure(sqlite3* db, const std::string& what) { return Status::error("store: " + what + ": " + sqlite3_errmsg(db)); }

Status run(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return sql_failure(db, sql);
  return Status::ok();
}

// The head value kept in meta: "<count>:<last hash>:<hmac>".
std::string head_value(const std::string& key, std::int64_t count, const std::string& last_hash) {
  const std::string body = std::to_string(count) + ":" + last_hash;
  return body + ":" + to_hex(hmac_sha256(key, "audit-head:" + body));
}

}  // namespace

Result<AuditEntry> Store::append_audit(AuditEntry entry) {
  if (in_batch()) return Status::error("store: cannot write the audit log inside an import batch");
  sqlite3* db = handle();
  if (Status s = run(db, "BEGIN IMMEDIATE"); !s) return s;
  auto fail = [&](Status s) {
    (void)run(db, "ROLLBACK");
    return s;
  };
  {
    Query last(db, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    if (!last) return fail(sql_failure(db, "cannot read the audit log"));
    const int rc = sqlite3_step(last.stmt);
    if (rc == SQLITE_ROW) {
      entry.id = sqlite3_column_int64(last.stmt, 0) + 1;
      entry.prev_hash = last.column(1);
    } else if (rc == SQLITE_DONE) {
      entry.id = 1;
      entry.prev_hash = kAuditGenesisHash;
    } else {
      return fail(sql_failure(db, "cannot read the audit log"));
    }
  }
  if (entry.at.empty()) entry.at = clock().now().iso();
  entry.hash = audit_hash(entry);
  {
    Query insert(db,
                 "INSERT INTO audit_log (id, at, user, command, entries, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return fail(sql_failure(db, "cannot write the audit log"));
    sqlite3_bind_int64(insert.stmt, 1, entry.id);
    insert.text(2, entry.at);
    insert.text(3, entry.user);
    insert.text(4, entry.command);
    insert.text(5, entry.entries);
    insert.text(6, entry.prev_hash);
    insert.text(7, entry.hash);
    if (sqlite3_step(insert.stmt) != SQLITE_DONE) return fail(sql_failure(db, "cannot write the audit log"));
  }
  {
    Query head(db, "INSERT INTO meta (key, value) VALUES ('audit_head', ?)"
                   " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!head) return fail(sql_failure(db, "cannot write the audit head"));
    head.text(1, head_value(audit_key(), entry.id, entry.hash));
    if (sqlite3_step(head.stmt) != SQLITE_DONE) return fail(sql_failure(db, "cannot write the audit head"));
  }
  if (Status s = run(db, "COMMIT"); !s) return fail(s);
  return entry;
}

Result<std::vector<AuditEntry>> Store::audit_entries() {
  sqlite3* db = handle();
  Query q(db, "SELECT id, at, user, command, entries, prev_hash, hash FROM audit_log ORDER BY id");
  if (!q) return sql_failure(db, "cannot read the audit log");
  std::vector<AuditEntry> out;
  int rc;
  while ((rc = sqlite3_step(q.stmt)) == SQLITE_ROW) {
    AuditEntry e;
    e.id = sqlite3_column_int64(q.stmt, 0);
    e.at = q.column(1);
    e.user = q.column(2);
    e.command = q.column(3);
    e.entries = q.column(4);
    e.prev_hash = q.column(5);
    e.hash = q.column(6);
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return sql_failure(db, "cannot read the audit log");
  return out;
}

Result<AuditVerdict> Store::verify_audit() {
  auto entries = audit_entries();
  if (!entries) return entries.status();
  AuditVerdict verdict;
  verdict.entries = static_cast<std::int64_t>(entries->size());
  auto broken = [&](std::int64_t id, std::string problem) {
    verdict.intact = false;
    verdict.first_broken = id;
    verdict.problem = std::move(problem);
    return verdict;
  };
  std::string previous = kAuditGenesisHash;
  std::int64_t expected_id = 1;
  for (const AuditEntry& e : *entries) {
    const std::string at = "entry " + std::to_string(e.id) + ": ";
    if (e.id != expected_id)
      return broken(expected_id, "entry " + std::to_string(expected_id) + ": missing (the next entry is " +
                                     std::to_string(e.id) + "); an entry was deleted or renumbered");
    if (e.prev_hash != previous)
      return broken(e.id, at + "does not follow entry " + std::to_string(e.id - 1) +
                              " (previous hash differs); entries were deleted, inserted or reordered");
    if (audit_hash(e) != e.hash) return broken(e.id, at + "contents changed (hash mismatch)");
    previous = e.hash;
    ++expected_id;
  }
  sqlite3* db = handle();
  Query q(db, "SELECT value FROM meta WHERE key = 'audit_head'");
  if (!q) return sql_failure(db, "cannot read the audit head");
  const int rc = sqlite3_step(q.stmt);
  if (rc == SQLITE_DONE) {
    if (entries->empty()) return verdict;
    return broken(1, "audit head missing while the log has entries; the head was deleted");
  }
  if (rc != SQLITE_ROW) return sql_failure(db, "cannot read the audit head");
  const std::string head = q.column(0);
  const auto first = head.find(':');
  const auto second = head.find(':', first == std::string::npos ? 0 : first + 1);
  if (first == std::string::npos || second == std::string::npos)
    return broken(verdict.entries + 1, "audit head damaged");
  std::int64_t count = 0;
  try {
    count = std::stoll(head.substr(0, first));
  } catch (const std::exception&) {
    return broken(verdict.entries + 1, "audit head damaged");
  }
  const std::string last = head.substr(first + 1, second - first - 1);
  if (!constant_time_equal(head, head_value(audit_key(), count, last)))
    return broken(verdict.entries + 1, "audit head altered (its key check fails)");
  if (count == verdict.entries && last != previous)
    return broken(count, "entry " + std::to_string(count) + ": not the entry the head recorded (the log was rewritten)");
  if (count < verdict.entries)
    return broken(count + 1, "entry " + std::to_string(count + 1) +
                                 ": not recorded in the audit head (added without the store key)");
  if (count > verdict.entries)
    return broken(verdict.entries + 1, "entry " + std::to_string(verdict.entries + 1) +
                                           ": missing; the log ends at entry " + std::to_string(verdict.entries) +
                                           " but had " + std::to_string(count) +
                                           " entries (the newest were deleted)");
  return verdict;
}

}  // namespace casus
