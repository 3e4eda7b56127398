// Store::delete_cases: the deletion half of the retention rule (the selection
// is logic/retention.h). Every row of every kind whose case_id is one of the
// cases goes, current and history, and so do the events the linking rule
// assigns to those cases (by bsn) with their history.
#include <sqlite3.h>

#include <set>
#include <unordered_set>

#include "store/case_rows.h"
#include "store/record_codec.h"
#include "store/store.h"

namespace casus {
namespace {

Status exec_sql(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
    return Status::error(std::string("store: ") + sql + ": " + sqlite3_errmsg(db));
  return Status::ok();
}

// Runs the DELETE `sql` with the parameters `bind` sets; adds the rows it changed to `deleted`.
template <typename Bind>
Status delete_rows(sqlite3* db, const std::string& sql, Bind bind, std::int64_t& deleted) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    return Status::error(std::string("store: cannot delete: ") + sqlite3_errmsg(db));
  bind(stmt);
  const int rc = sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (rc != SQLITE_DONE) return Status::error(std::string("store: cannot delete: ") + sqlite3_errmsg(db));
  deleted += sqlite3_changes(db);
  return Status::ok();
}

// `sql` with one or two parameters: the kind (when >= 0), then a text.
Status delete_where(sqlite3* db, const char* sql, std::int64_t kind, const std::string& value, std::int64_t& deleted) {
  return delete_rows(
      db, sql,
      [&](sqlite3_stmt* stmt) {
        int index = 1;
        if (kind >= 0) sqlite3_bind_int64(stmt, index++, kind);
        sqlite3_bind_text(stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
      },
      deleted);
}

// The rows of `record` that one condition of store/case_rows.h selects for `case_id`.
Status delete_case_rows(sqlite3* db, const char* condition, const std::string& case_id, std::int64_t& deleted) {
  return delete_rows(
      db, std::string("DELETE FROM record WHERE ") + condition,
      [&](sqlite3_stmt* stmt) { bind_case(stmt, case_id); }, deleted);
}

}  // namespace

Result<std::int64_t> Store::delete_cases(const std::vector<std::string>& case_ids) {
  if (in_batch()) return Status::error("store: cannot delete cases inside an import batch");
  if (case_ids.empty()) return std::int64_t{0};
  auto data = load_dataset();
  if (!data) return data.status();
  const std::unordered_set<std::string> doomed(case_ids.begin(), case_ids.end());
  std::set<std::string> event_keys;
  for (const EventRecord& e : data->events)
    if (doomed.count(e.linked_case_id) || doomed.count(e.case_id)) event_keys.insert(encode_record(e).natural_key);

  sqlite3* db = handle();
  if (Status s = exec_sql(db, "PRAGMA secure_delete = ON"); !s) return s;
  if (Status s = exec_sql(db, "BEGIN IMMEDIATE"); !s) return s;
  std::int64_t deleted = 0;
  Status status = Status::ok();
  for (const std::string& id : case_ids) {
    for (const char* condition : kCaseConditions)
      if (status) status = delete_case_rows(db, condition, id, deleted);
    if (status) status = delete_where(db, "DELETE FROM record_history WHERE case_id = ?", -1, id, deleted);
  }
  const auto events = static_cast<std::int64_t>(RecordKind::events);
  for (const std::string& key : event_keys) {
    if (status) status = delete_where(db, "DELETE FROM record WHERE kind = ? AND natural_key = ?", events, key, deleted);
    if (status)
      status = delete_where(db, "DELETE FROM record_history WHERE kind = ? AND natural_key = ?", events, key, deleted);
  }
  if (status) status = exec_sql(db, "COMMIT");
  if (!status) {
    (void)exec_sql(db, "ROLLBACK");
    return status;
  }
  // Move the change out of the WAL into the (securely overwritten) database.
  if (Status s = exec_sql(db, "PRAGMA wal_checkpoint(TRUNCATE)"); !s) return s;
  return deleted;
}

}  // namespace casus
