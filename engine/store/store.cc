#include "store/store.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>
#include <Poco/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "core/crypto.h"
#include "model/enums.h"
#include "store/case_rows.h"
#include "store/key_file.h"
#include "store/record_codec.h"
#include "store/record_scan.h"

namespace casus {
namespace fs = std::filesystem;

namespace {

// Forward migrations: entry i brings the schema from version i to i + 1.
const std::vector<const char*>& migrations() {
  static const std::vector<const char*> steps = {
      // 0 -> 1: the initial schema.
      "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
      "CREATE TABLE batch (id INTEGER PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,"
      " partner TEXT NOT NULL, kind TEXT NOT NULL, imported_at TEXT NOT NULL,"
      " read INTEGER NOT NULL DEFAULT 0, stored INTEGER NOT NULL DEFAULT 0,"
      " updated INTEGER NOT NULL DEFAULT 0, unchanged INTEGER NOT NULL DEFAULT 0,"
      " quarantined INTEGER NOT NULL DEFAULT 0, unlinked INTEGER NOT NULL DEFAULT 0);"
      "CREATE TABLE record (id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, natural_key TEXT NOT NULL,"
      " case_id TEXT NOT NULL, bsn_hmac BLOB, payload BLOB NOT NULL, digest BLOB NOT NULL,"
      " batch_id INTEGER NOT NULL REFERENCES batch(id), line INTEGER NOT NULL,"
      " UNIQUE (kind, natural_key));"
      "CREATE TABLE record_history (id INTEGER PRIMARY KEY, kind INTEGER NOT NULL,"
      " natural_key TEXT NOT NULL, case_id TEXT NOT NULL, bsn_hmac BLOB, payload BLOB NOT NULL,"
      " digest BLOB NOT NULL, batch_id INTEGER NOT NULL, line INTEGER NOT NULL,"
      " replaced_by INTEGER NOT NULL REFERENCES batch(id));"
      "CREATE INDEX record_history_key ON record_history (kind, natural_key);",
      // 1 -> 2: the covenant archive (every draft of `casus covenant`).
      "CREATE TABLE covenant_versions (version INTEGER PRIMARY KEY, created_at TEXT NOT NULL,"
      " note TEXT NOT NULL, snapshot TEXT NOT NULL, docx_sha256 TEXT NOT NULL, pdf_sha256 TEXT NOT NULL);",
      // 2 -> 3: the audit log (store/audit_log.h). Self-contained step; renumber freely.
      kAuditLogMigration,
      // 3 -> 4: lookups by case and by bsn hash, so a plan reads only its own records.
      "CREATE INDEX record_case ON record (case_id);"
      "CREATE INDEX record_bsn ON record (bsn_hmac) WHERE bsn_hmac IS NOT NULL;",
      // 4 -> 5: a case's rows other than events are found by natural key
      // (store/case_rows.h), so the case index keeps events (kind 4) only.
      "DROP INDEX record_case;"
      "CREATE INDEX record_case_events ON record (case_id) WHERE kind = 4;"};
  return steps;
}

// Binds a value without copying it (Stmt::bind_text, bind_blob).
const sqlite3_destructor_type kNoCopy = SQLITE_STATIC;

// A prepared statement on the raw handle.
class Stmt {
 public:
  Stmt() = default;
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool prepare(sqlite3* db, const char* sql) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    return sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) == SQLITE_OK;
  }
  sqlite3_stmt* get() const { return stmt_; }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  void bind(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  // A copy of column `column` of the row `row` stands at, type and all.
  void bind_column(int i, const Stmt& row, int column) {
    sqlite3_bind_value(stmt_, i, sqlite3_column_value(row.stmt_, column));
  }
  // Values are copied, unless bound with kNoCopy: then the caller keeps
  // them alive until reset().
  void bind_text(int i, std::string_view v, sqlite3_destructor_type copy = SQLITE_TRANSIENT) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), copy);
  }
  void bind_blob(int i, std::string_view v, sqlite3_destructor_type copy = SQLITE_TRANSIENT) {
    if (v.empty())
      sqlite3_bind_null(stmt_, i);
    else
      sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), copy);
  }
  int step() { return sqlite3_step(stmt_); }
  std::string_view column_blob(int i) const {
    const void* p = sqlite3_column_blob(stmt_, i);
    return p ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)))
             : std::string_view();
  }
  std::string column_text(int i) const {
    const auto* p = sqlite3_column_text(stmt_, i);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)))
             : std::string();
  }
  std::int64_t column_int(int i) const { return sqlite3_column_int64(stmt_, i); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

Status sql_error(sqlite3* db, const std::string& what) {
  return Status::error(what + ": " + sqlite3_errmsg(db));
}

Status exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    return Status::error("store: " + message);
  }
  return Status::ok();
}

int user_version(sqlite3* db) {
  Stmt s;
  if (!s.prepare(db, "PRAGMA user_version")) return -1;
  return s.step() == SQLITE_ROW ? static_cast<int>(s.column_int(0)) : -1;
}

void register_sqlite() {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
}

std::string derive(std::string_view master, const char* label) { return hmac_sha256(master, label); }

}  // namespace

struct Store::Impl {
  explicit Impl(const Clock& c, const std::string& master)
      : clock(c),
        cipher(derive(master, "casus/field-encryption/v1")),
        link(derive(master, "casus/bsn-link/v1")),
        digest(derive(master, "casus/record-digest/v1")),
        key_check(to_hex(derive(master, "casus/key-check/v1"))),
        audit_key(derive(master, "casus/audit-head/v1")) {}

  std::unique_ptr<Poco::Data::Session> session;
  sqlite3* db = nullptr;
  const Clock& clock;
  FieldCipher cipher;
  Hmac256 link;
  Hmac256 digest;
  std::string key_check;
  std::string audit_key;
  std::unique_ptr<Poco::Data::Transaction> tx;
  std::int64_t batch_id = 0;
  std::int64_t import_cache_kib = 0;   // the page cache while importing (scale_to_store)
  std::int64_t checkpoint_pages = 0;   // the WAL size, in pages, that triggers a checkpoint
  // The cases in the store, for linking records to them: loaded by the first
  // batch, kept up to date by case upserts, reloaded when another connection
  // has committed since (PRAGMA data_version) or a batch rolled back.
  std::unordered_map<std::string, std::string> known_cases;  // case id -> bsn hash (may be empty)
  std::unordered_map<std::string, int> known_bsn;            // bsn hash -> cases with it
  bool known_loaded = false;
  std::int64_t known_data_version = -1;
  Stmt insert, find, history, update, update_payload;

  Status migrate();
  Status refresh_known_cases();
  Status scale_to_store();
  void know_case(const std::string& case_id, std::string bsn_hash);
  // Stores the record; a case is then known for linking (know_case).
  Result<Upsert> upsert(const EncodedRecord& record, std::size_t line);
  Result<Upsert> upsert_row(const EncodedRecord& record, std::size_t line, const std::string& bsn_hash);
};

Status Store::Impl::migrate() {
  const int version = user_version(db);
  if (version < 0) return sql_error(db, "store: cannot read the schema version");
  const int latest = static_cast<int>(migrations().size());
  if (version > latest)
    return Status::error("store has schema version " + std::to_string(version) + "; this casus knows up to " +
                         std::to_string(latest) + " (use a newer casus)");
  for (int v = version; v < latest; ++v) {
    if (auto s = exec(db, "BEGIN IMMEDIATE"); !s) return s;
    auto s = exec(db, migrations()[static_cast<std::size_t>(v)]);
    if (s) s = exec(db, "PRAGMA user_version = " + std::to_string(v + 1));
    if (!s) {
      (void)exec(db, "ROLLBACK");
      return Status::error("store: migration to schema version " + std::to_string(v + 1) + " failed: " + s.message());
    }
    if (auto c = exec(db, "COMMIT"); !c) return c;
  }
  return Status::ok();
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() { rollback_batch(); }

namespace {

// The page size of a new store. Twice SQLite's default: an import's cost
// lies in walking and rewriting index pages, and with 8 KB pages the indexes
// of 100k cases are a level shallower and there are half as many pages to
// write to the WAL and copy back (measured in bench/: imports 3% faster at
// 10k cases, 5% at 100k; the reports no slower). A store keeps the size it
// was created with.
constexpr int kNewStorePageSize = 8192;

enum class Opening { existing, new_store };

Result<std::unique_ptr<Poco::Data::Session>> connect(const fs::path& db_path, Opening opening) {
  register_sqlite();
  try {
    auto session = std::make_unique<Poco::Data::Session>("SQLite", db_path.string());
    sqlite3* db = Poco::Data::SQLite::Utility::dbHandle(*session);
    sqlite3_busy_timeout(db, 5000);
    // Only before the first write: switching to the WAL writes the header.
    if (opening == Opening::new_store)
      if (auto s = exec(db, "PRAGMA page_size=" + std::to_string(kNewStorePageSize)); !s) return s;
    // A small page cache for reading (a report scans the table once); imports
    // raise it in begin_batch().
    if (auto s = exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-8192;"); !s)
      return s;
    return session;
  } catch (const Poco::Exception& e) {
    return Status::error(db_path.string() + ": cannot open store: " + e.displayText());
  }
}

}  // namespace

Status Store::create(const fs::path& db_path, const fs::path& key_path, const Clock& clock) {
  std::error_code ec;
  if (fs::exists(db_path, ec)) return Status::error(db_path.string() + ": store exists already; not overwriting it");
  if (fs::exists(key_path, ec))
    return Status::error(key_path.string() + ": key file exists already; not overwriting it");
  if (db_path.has_parent_path()) fs::create_directories(db_path.parent_path(), ec);
  if (auto s = create_key_file(key_path); !s) return s;
  auto fail = [&](Status s) {
    fs::remove(db_path, ec);
    fs::remove(fs::path(db_path.string() + "-wal"), ec);
    fs::remove(fs::path(db_path.string() + "-shm"), ec);
    fs::remove(key_path, ec);
    return s;
  };
  auto key = read_key_file(key_path);
  if (!key) return fail(key.status());
  auto session = connect(db_path, Opening::new_store);
  if (!session) return fail(session.status());
  fs::permissions(db_path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
  auto impl = std::make_unique<Impl>(clock, *key);
  impl->session = std::move(session.value());
  impl->db = Poco::Data::SQLite::Utility::dbHandle(*impl->session);
  if (auto s = impl->migrate(); !s) return fail(s);
  Stmt meta;
  meta.prepare(impl->db, "INSERT INTO meta (key, value) VALUES (?, ?)");
  for (const auto& [k, v] : std::vector<std::pair<std::string, std::string>>{
           {"key_check", impl->key_check}, {"created_at", clock.now().iso()}}) {
    meta.reset();
    meta.bind_text(1, k);
    meta.bind_text(2, v);
    if (meta.step() != SQLITE_DONE) return fail(sql_error(impl->db, "store: cannot write metadata"));
  }
  return Status::ok();
}

Result<std::unique_ptr<Store>> Store::open(const fs::path& db_path, const fs::path& key_path, const Clock& clock) {
  std::error_code ec;
  if (!fs::exists(db_path, ec))
    return Status::error(db_path.string() + ": store not found (create it with 'casus init')");
  auto key = read_key_file(key_path);
  if (!key) return key.status();
  auto session = connect(db_path, Opening::existing);
  if (!session) return session.status();
  auto impl = std::make_unique<Impl>(clock, *key);
  impl->session = std::move(session.value());
  impl->db = Poco::Data::SQLite::Utility::dbHandle(*impl->session);
  if (auto s = impl->migrate(); !s) return s;
  Stmt check;
  if (!check.prepare(impl->db, "SELECT value FROM meta WHERE key = 'key_check'"))
    return sql_error(impl->db, db_path.string() + ": not a casus store");
  if (check.step() != SQLITE_ROW || !constant_time_equal(check.column_text(0), impl->key_check))
    return Status::error(key_path.string() + ": this key does not belong to store " + db_path.string());
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

int Store::schema_version() const { return user_version(impl_->db); }
sqlite3* Store::handle() const { return impl_->db; }
const Clock& Store::clock() const { return impl_->clock; }
const std::string& Store::audit_key() const { return impl_->audit_key; }

namespace {

const char* kBatchColumns =
    "id, file, sha256, partner, kind, imported_at, read, stored, updated, unchanged, quarantined, unlinked";

StoredBatch read_batch(const Stmt& s) {
  StoredBatch b;
  b.id = s.column_int(0);
  b.file = s.column_text(1);
  b.sha256 = s.column_text(2);
  b.partner = s.column_text(3);
  b.kind = s.column_text(4);
  b.imported_at = s.column_text(5);
  b.read = s.column_int(6);
  b.stored = s.column_int(7);
  b.updated = s.column_int(8);
  b.unchanged = s.column_int(9);
  b.quarantined = s.column_int(10);
  b.unlinked = s.column_int(11);
  return b;
}

}  // namespace

Result<std::optional<StoredBatch>> Store::find_batch(const std::string& sha256) {
  Stmt s;
  if (!s.prepare(impl_->db, (std::string("SELECT ") + kBatchColumns + " FROM batch WHERE sha256 = ?").c_str()))
    return sql_error(impl_->db, "store");
  s.bind_text(1, sha256);
  const int rc = s.step();
  if (rc == SQLITE_ROW) return std::optional<StoredBatch>(read_batch(s));
  if (rc != SQLITE_DONE) return sql_error(impl_->db, "store");
  return std::optional<StoredBatch>();
}

Result<std::vector<StoredBatch>> Store::batches() {
  Stmt s;
  if (!s.prepare(impl_->db, (std::string("SELECT ") + kBatchColumns + " FROM batch ORDER BY id").c_str()))
    return sql_error(impl_->db, "store");
  std::vector<StoredBatch> out;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) out.push_back(read_batch(s));
  if (rc != SQLITE_DONE) return sql_error(impl_->db, "store");
  return out;
}

bool Store::in_batch() const { return impl_->tx != nullptr; }

Status Store::begin_batch(const std::string& file, const std::string& sha256, const std::string& partner,
                          RecordKind kind) {
  if (impl_->tx) return Status::error("store: an import batch is already open");
  sqlite3* db = impl_->db;
  if (auto s = impl_->scale_to_store(); !s) return s;
  try {
    impl_->tx = std::make_unique<Poco::Data::Transaction>(*impl_->session);
  } catch (const Poco::Exception& e) {
    return Status::error("store: cannot start a transaction: " + e.displayText());
  }
  Stmt s;
  s.prepare(db, "INSERT INTO batch (file, sha256, partner, kind, imported_at) VALUES (?, ?, ?, ?, ?)");
  s.bind_text(1, file);
  s.bind_text(2, sha256);
  s.bind_text(3, partner);
  s.bind_text(4, code(kind));
  s.bind_text(5, impl_->clock.now().iso());
  if (s.step() != SQLITE_DONE) {
    auto status = sql_error(db, "store: cannot record the import batch");
    rollback_batch();
    return status;
  }
  impl_->batch_id = sqlite3_last_insert_rowid(db);
  if (auto status = impl_->refresh_known_cases(); !status) {
    rollback_batch();
    return status;
  }
  const bool ok =
      impl_->insert.prepare(db,
                            "INSERT INTO record (kind, natural_key, case_id, bsn_hmac, payload, digest, batch_id, line)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, natural_key) DO NOTHING") &&
      // After the id, the columns that go into the history, in its order.
      impl_->find.prepare(db,
                          "SELECT id, case_id, bsn_hmac, payload, digest, batch_id, line FROM record"
                          " WHERE kind = ? AND natural_key = ?") &&
      impl_->history.prepare(db,
                             "INSERT INTO record_history (kind, natural_key, case_id, bsn_hmac, payload, digest,"
                             " batch_id, line, replaced_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)") &&
      impl_->update.prepare(db,
                            "UPDATE record SET case_id = ?, bsn_hmac = ?, payload = ?, digest = ?, batch_id = ?,"
                            " line = ? WHERE id = ?") &&
      impl_->update_payload.prepare(db,
                                    "UPDATE record SET payload = ?, digest = ?, batch_id = ?, line = ? WHERE id = ?");
  if (!ok) {
    auto status = sql_error(db, "store: cannot prepare statements");
    rollback_batch();
    return status;
  }
  return Status::ok();
}

Status Store::Impl::scale_to_store() {
  // Each commit appends the pages it changed to the WAL; a checkpoint copies
  // them back into the database. Batches touch index pages all over the
  // store, so the rarer the checkpoints, the more often a page that several
  // batches changed is copied once; and the larger the page cache, the fewer
  // of those pages are read back. With fixed sizes (SQLite's 4 MB WAL, a
  // 64 MB cache) both costs grow faster than the store. So the WAL is
  // checkpointed at half the store's size, and at 64 MB at the least, and
  // the cache holds a quarter of the store, within 64 to 256 MB. SQLite
  // removes the WAL when the store closes.
  Stmt pages, size;
  if (!pages.prepare(db, "PRAGMA page_count") || pages.step() != SQLITE_ROW || !size.prepare(db, "PRAGMA page_size") ||
      size.step() != SQLITE_ROW)
    return sql_error(db, "store: cannot read the store's size");
  const std::int64_t page_count = pages.column_int(0);
  const std::int64_t page_size = size.column_int(0);
  const std::int64_t store_kib = page_count * page_size / 1024;
  const std::int64_t checkpoint = std::max<std::int64_t>((std::int64_t{64} << 20) / page_size, page_count / 2);
  const std::int64_t cache_kib = std::clamp<std::int64_t>(store_kib / 4, 65536, 262144);
  if (checkpoint == checkpoint_pages && cache_kib == import_cache_kib) return Status::ok();
  if (auto s = exec(db, "PRAGMA wal_autocheckpoint=" + std::to_string(checkpoint) + "; PRAGMA cache_size=-" +
                            std::to_string(cache_kib) + ";");
      !s)
    return s;
  checkpoint_pages = checkpoint;
  import_cache_kib = cache_kib;
  return Status::ok();
}

Status Store::Impl::refresh_known_cases() {
  // The batch row is written, so this connection holds the write lock: no
  // other connection can commit until the batch ends.
  Stmt version;
  if (!version.prepare(db, "PRAGMA data_version") || version.step() != SQLITE_ROW)
    return sql_error(db, "store: cannot read the data version");
  const std::int64_t now = version.column_int(0);
  if (known_loaded && now == known_data_version) return Status::ok();
  known_cases.clear();
  known_bsn.clear();
  Stmt cases;
  if (!cases.prepare(db, "SELECT case_id, bsn_hmac FROM record WHERE kind = 0"))
    return sql_error(db, "store: cannot read the cases");
  int rc;
  while ((rc = cases.step()) == SQLITE_ROW) know_case(cases.column_text(0), std::string(cases.column_blob(1)));
  if (rc != SQLITE_DONE) return sql_error(db, "store: cannot read the cases");
  known_loaded = true;
  known_data_version = now;
  return Status::ok();
}

void Store::Impl::know_case(const std::string& case_id, std::string bsn_hash) {
  auto [it, added] = known_cases.try_emplace(case_id);
  if (!added && it->second == bsn_hash) return;
  if (!added && !it->second.empty()) {
    if (auto old = known_bsn.find(it->second); old != known_bsn.end() && --old->second == 0) known_bsn.erase(old);
  }
  if (!bsn_hash.empty()) ++known_bsn[bsn_hash];
  it->second = std::move(bsn_hash);
}

Result<Upsert> Store::Impl::upsert(const EncodedRecord& r, std::size_t line) {
  const std::string bsn_hash = r.bsn.empty() ? std::string() : link.digest(r.bsn);
  auto result = upsert_row(r, line, bsn_hash);
  if (result && r.kind == RecordKind::cases) know_case(r.case_id, bsn_hash);
  return result;
}

Result<Upsert> Store::Impl::upsert_row(const EncodedRecord& r, std::size_t line, const std::string& bsn_hash) {
  if (!tx) return Status::error("store: no import batch open");
  const auto kind = static_cast<std::int64_t>(r.kind);
  std::string plain = std::string(1, static_cast<char>('0' + kind)) + pack_fields(r.fields);
  const std::string record_digest = digest.digest(plain).substr(0, 16);
  std::vector<std::string> sealed = r.fields;
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    if (sealed[i].empty() || !is_identifier_field(r.kind, i)) continue;
    auto s = cipher.seal(sealed[i], field_label(r.kind, i));
    if (!s) return s.status();
    sealed[i] = std::move(s.value());
  }
  const std::string payload = pack_fields(sealed);

  Upsert outcome;
  if (r.kind == RecordKind::cases) {
    outcome.linked = true;
  } else {
    outcome.linked = (!r.case_id.empty() && known_cases.count(r.case_id) > 0) ||
                     (r.kind == RecordKind::events && !bsn_hash.empty() && known_bsn.count(bsn_hash) > 0);
  }

  // Values are bound without copies; every statement is reset before they go.
  insert.bind(1, kind);
  insert.bind_text(2, r.natural_key, kNoCopy);
  insert.bind_text(3, r.case_id, kNoCopy);
  insert.bind_blob(4, bsn_hash, kNoCopy);
  insert.bind_blob(5, payload, kNoCopy);
  insert.bind_blob(6, record_digest, kNoCopy);
  insert.bind(7, batch_id);
  insert.bind(8, static_cast<std::int64_t>(line));
  const int inserted = insert.step();
  insert.reset();
  if (inserted != SQLITE_DONE) return sql_error(db, "store: insert failed");
  if (sqlite3_changes(db) == 1) {
    outcome.result = UpsertResult::inserted;
    return outcome;
  }
  find.bind(1, kind);
  find.bind_text(2, r.natural_key, kNoCopy);
  if (find.step() != SQLITE_ROW) {
    find.reset();
    return sql_error(db, "store: lookup failed");
  }
  const std::int64_t id = find.column_int(0);
  if (find.column_blob(4) == record_digest) {
    find.reset();
    outcome.result = UpsertResult::unchanged;
    return outcome;
  }
  // The stored row goes into the history as it is, from the row just read:
  // a one-row INSERT, so SQLite needs no statement journal for it.
  history.bind(1, kind);
  history.bind_text(2, r.natural_key, kNoCopy);
  for (int column = 1; column <= 6; ++column) history.bind_column(column + 2, find, column);
  history.bind(9, batch_id);
  const bool same_links = find.column_blob(1) == r.case_id && find.column_blob(2) == bsn_hash;
  find.reset();
  const int saved = history.step();
  history.reset();
  if (saved != SQLITE_DONE) return sql_error(db, "store: history insert failed");
  // An update that keeps the case id and bsn hash leaves their indexes alone.
  Stmt& rewrite = same_links ? update_payload : update;
  int column = 1;
  if (!same_links) {
    rewrite.bind_text(column++, r.case_id, kNoCopy);
    rewrite.bind_blob(column++, bsn_hash, kNoCopy);
  }
  rewrite.bind_blob(column++, payload, kNoCopy);
  rewrite.bind_blob(column++, record_digest, kNoCopy);
  rewrite.bind(column++, batch_id);
  rewrite.bind(column++, static_cast<std::int64_t>(line));
  rewrite.bind(column, id);
  const int updated = rewrite.step();
  rewrite.reset();
  if (updated != SQLITE_DONE) return sql_error(db, "store: update failed");
  outcome.result = UpsertResult::updated;
  return outcome;
}

Result<Upsert> Store::upsert(const CaseRecord& r, std::size_t line) { return impl_->upsert(encode_record(r), line); }
Result<Upsert> Store::upsert(const AssessmentRecord& r, std::size_t line) { return impl_->upsert(encode_record(r), line); }
Result<Upsert> Store::upsert(const InterventionRecord& r, std::size_t line) { return impl_->upsert(encode_record(r), line); }
Result<Upsert> Store::upsert(const LifeDomainObservation& r, std::size_t line) {
  return impl_->upsert(encode_record(r), line);
}
Result<Upsert> Store::upsert(const EventRecord& r, std::size_t line) { return impl_->upsert(encode_record(r), line); }

Status Store::commit_batch(const StoredBatch& c) {
  if (!impl_->tx) return Status::error("store: no import batch open");
  Stmt s;
  s.prepare(impl_->db,
            "UPDATE batch SET read = ?, stored = ?, updated = ?, unchanged = ?, quarantined = ?, unlinked = ?"
            " WHERE id = ?");
  s.bind(1, c.read);
  s.bind(2, c.stored);
  s.bind(3, c.updated);
  s.bind(4, c.unchanged);
  s.bind(5, c.quarantined);
  s.bind(6, c.unlinked);
  s.bind(7, impl_->batch_id);
  if (s.step() != SQLITE_DONE) {
    auto status = sql_error(impl_->db, "store: cannot update the batch");
    rollback_batch();
    return status;
  }
  impl_->insert.prepare(impl_->db, "SELECT 1");  // release statements before COMMIT
  impl_->find.prepare(impl_->db, "SELECT 1");
  impl_->history.prepare(impl_->db, "SELECT 1");
  impl_->update.prepare(impl_->db, "SELECT 1");
  impl_->update_payload.prepare(impl_->db, "SELECT 1");
  try {
    impl_->tx->commit();
  } catch (const Poco::Exception& e) {
    rollback_batch();
    return Status::error("store: commit failed: " + e.displayText());
  }
  impl_->tx.reset();
  impl_->batch_id = 0;
  return Status::ok();
}

void Store::rollback_batch() {
  if (!impl_ || !impl_->tx) return;
  impl_->known_loaded = false;  // the batch's cases are gone again
  try {
    impl_->tx->rollback();
  } catch (const Poco::Exception&) {
  }
  impl_->tx.reset();
  impl_->batch_id = 0;
}

Result<std::int64_t> Store::count_records(RecordKind kind) {
  Stmt s;
  s.prepare(impl_->db, "SELECT count(*) FROM record WHERE kind = ?");
  s.bind(1, static_cast<std::int64_t>(kind));
  if (s.step() != SQLITE_ROW) return sql_error(impl_->db, "store");
  return s.column_int(0);
}

Result<std::int64_t> Store::count_history(RecordKind kind) {
  Stmt s;
  s.prepare(impl_->db, "SELECT count(*) FROM record_history WHERE kind = ?");
  s.bind(1, static_cast<std::int64_t>(kind));
  if (s.step() != SQLITE_ROW) return sql_error(impl_->db, "store");
  return s.column_int(0);
}

namespace {

// One stored row as the loader reads it.
struct StoredRow {
  std::int64_t id = 0;
  RecordKind kind = RecordKind::cases;
  std::string payload;
  std::int64_t batch_id = 0;
  std::int64_t line = 0;
};

bool is_personal_detail(RecordKind kind, std::size_t index) {
  return kind == RecordKind::cases && index >= 2 && index <= 4;  // surname, given names, birth date
}

bool is_case_bsn(RecordKind kind, std::size_t index) { return kind == RecordKind::cases && index == 1; }

// An assessment without its details (LoadScope::assessment_details) is
// unpacked up to its rationale (the items follow), which is then cleared:
// case, date, assessor and judgement remain.
constexpr std::size_t kAssessmentFieldsWithoutItems = 5;
void drop_assessment_details(RecordKind kind, std::vector<std::string>& fields) {
  if (kind != RecordKind::assessments) return;
  if (fields.size() > kAssessmentFieldsWithoutItems) fields.resize(kAssessmentFieldsWithoutItems);
  if (fields.size() > 4) fields[4].clear();  // rationale
}

// Clears the free-text fields of a stored record (see LoadScope::free_texts).
void drop_free_texts(RecordKind kind, std::vector<std::string>& fields) {
  switch (kind) {
    case RecordKind::events:
      if (fields.size() > 5) fields[5].clear();  // description
      break;
    case RecordKind::life_domains:
      if (fields.size() > 4) fields[4].clear();  // goal
      break;
    case RecordKind::interventions:
      if (fields.size() > 6) fields[6].clear();  // rationale
      break;
    case RecordKind::assessments:
      for (std::size_t i = 7; i < fields.size(); i += 4) fields[i].clear();  // item evidence
      break;
    default: break;
  }
}

}  // namespace

Result<Dataset> Store::load_dataset(const LoadScope& scope) {
  Dataset data;
  auto batch_list = batches();
  if (!batch_list) return batch_list.status();
  std::string latest;
  for (const StoredBatch& b : *batch_list) {
    data.batch_files.emplace(static_cast<std::int32_t>(b.id), b.file);
    latest = std::max(latest, b.imported_at);
    data.import_batches.push_back(b.file + " (" + b.sha256.substr(0, 12) + ", " + b.imported_at.substr(0, 10) + ")");
  }
  if (auto d = parse_date(latest.substr(0, 10))) data.data_as_of = *d;

  const std::unordered_set<std::string> wanted(scope.only_cases.begin(), scope.only_cases.end());
  const bool all_cases = wanted.empty();

  if (all_cases) {  // sized up front: no vector doubling at the peak
    Stmt counts;
    if (!counts.prepare(impl_->db, "SELECT kind, count(*) FROM record GROUP BY kind"))
      return sql_error(impl_->db, "store");
    while (counts.step() == SQLITE_ROW) {
      const auto n = static_cast<std::size_t>(counts.column_int(1));
      switch (static_cast<RecordKind>(counts.column_int(0))) {
        case RecordKind::cases: data.cases.reserve(n); break;
        case RecordKind::assessments: data.assessments.reserve(n); break;
        case RecordKind::interventions: data.interventions.reserve(n); break;
        case RecordKind::life_domains: data.life_domains.reserve(n); break;
        case RecordKind::events:
          if (scope.events) data.events.reserve(n);
          break;
        default: break;
      }
    }
  }

  // The bsn links events: read whenever events are.
  const bool read_bsn = scope.bsn || scope.events;
  const auto skipped = [&](std::int64_t kind_code) {
    return !scope.events && static_cast<RecordKind>(kind_code) == RecordKind::events;
  };
  std::vector<std::string> fields;
  // Case ids are interned through a memo per kind of record (each kind comes
  // in files of its own), which finds them in the store's case ids, sorted.
  std::vector<KnownCaseId> known_case_ids;
  if (all_cases) {
    Stmt ids;
    if (!ids.prepare(impl_->db, "SELECT natural_key FROM record WHERE kind = ?")) return sql_error(impl_->db, "store");
    ids.bind(1, static_cast<std::int64_t>(RecordKind::cases));
    std::vector<std::string> texts;
    int rc;
    while ((rc = ids.step()) == SQLITE_ROW) texts.push_back(ids.column_text(0));
    if (rc != SQLITE_DONE) return sql_error(impl_->db, "store");
    known_case_ids = sorted_case_ids(std::move(texts));
  }
  std::array<CaseIdMemo, kAllRecordKinds.size()> case_id_memos;
  case_id_memos.fill(CaseIdMemo(known_case_ids));
  auto add = [&](std::int64_t kind_code, std::string_view payload, std::int64_t batch_id,
                 std::int64_t line) -> Status {
    const auto kind = static_cast<RecordKind>(kind_code);
    const std::size_t limit = !scope.assessment_details && kind == RecordKind::assessments
                                  ? kAssessmentFieldsWithoutItems
                                  : static_cast<std::size_t>(-1);
    if (!unpack_fields(payload, fields, limit)) return Status::error("store: a stored record is damaged");
    const bool details = scope.personal_details && (all_cases || (kind == RecordKind::cases && !fields.empty() &&
                                                                  wanted.count(fields[0]) > 0));
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].empty() || !is_identifier_field(kind, i)) continue;
      if ((!details && is_personal_detail(kind, i)) || (!read_bsn && is_case_bsn(kind, i))) {
        fields[i].clear();
        continue;
      }
      auto plain = impl_->cipher.open(fields[i], field_label(kind, i));
      if (!plain) return Status::error("store: " + plain.message());
      fields[i] = std::move(plain.value());
    }
    if (!scope.free_texts) drop_free_texts(kind, fields);
    if (!scope.assessment_details) drop_assessment_details(kind, fields);
    Provenance provenance;
    provenance.batch_id = static_cast<std::int32_t>(batch_id);
    provenance.line = static_cast<std::uint32_t>(line);
    Status status;
    auto decode_into = [&](auto& list) {
      list.emplace_back();
      status = decode_record(fields, list.back(), &case_id_memos[static_cast<std::size_t>(kind)]);
      list.back().provenance = std::move(provenance);
    };
    switch (kind) {
      case RecordKind::cases: decode_into(data.cases); break;
      case RecordKind::assessments: decode_into(data.assessments); break;
      case RecordKind::interventions: decode_into(data.interventions); break;
      case RecordKind::life_domains: decode_into(data.life_domains); break;
      case RecordKind::events: decode_into(data.events); break;
      default: return Status::error("store: record of unknown kind");
    }
    return status;
  };

  if (all_cases) {
    // SQLite steps in a thread of its own while the rows are decoded here.
    RecordScan scan(impl_->db, !scope.events);
    for (auto* rows = &scan.next(); !rows->empty(); rows = &scan.next())
      for (const ScannedRecord& row : *rows)
        if (auto status = add(static_cast<std::int64_t>(row.kind), row.payload, row.batch_id, row.line); !status)
          return status;  // the scan stops as it goes out of scope
    if (!scan.status()) return scan.status();
  } else {
    const HeldConnection held(impl_->db);
    Stmt s;
    int rc;
    // Every case row; then the wanted cases' own records and the events that
    // carry a wanted case's bsn, read through the indexes and put back in
    // storage order.
    std::vector<StoredRow> rows;
    std::vector<std::string> wanted_bsn_hashes;
    if (!s.prepare(impl_->db, "SELECT id, kind, payload, batch_id, line, case_id, bsn_hmac FROM record"
                              " WHERE kind = ? ORDER BY id"))
      return sql_error(impl_->db, "store");
    s.bind(1, static_cast<std::int64_t>(RecordKind::cases));
    while ((rc = s.step()) == SQLITE_ROW) {
      if (auto status = add(s.column_int(1), s.column_blob(2), s.column_int(3), s.column_int(4)); !status)
        return status;
      if (scope.events && wanted.count(s.column_text(5)) > 0 && !s.column_blob(6).empty())
        wanted_bsn_hashes.emplace_back(s.column_blob(6));
    }
    if (rc != SQLITE_DONE) return sql_error(impl_->db, "store");
    auto collect = [&](Stmt& query) -> Status {
      int step;
      while ((step = query.step()) == SQLITE_ROW) {
        if (skipped(query.column_int(1))) continue;
        rows.push_back(StoredRow{query.column_int(0), static_cast<RecordKind>(query.column_int(1)),
                                 std::string(query.column_blob(2)), query.column_int(3), query.column_int(4)});
      }
      return step == SQLITE_DONE ? Status::ok() : sql_error(impl_->db, "store");
    };
    // The case rows are read above; the rest of each case's rows through
    // the indexes that hold them (store/case_rows.h).
    for (const char* condition : {kCaseRecordsCondition, kCaseEventsCondition}) {
      Stmt by_case;
      if (!by_case.prepare(impl_->db,
                           (std::string("SELECT id, kind, payload, batch_id, line FROM record WHERE ") + condition).c_str()))
        return sql_error(impl_->db, "store");
      for (const std::string& id : scope.only_cases) {
        by_case.reset();
        bind_case(by_case.get(), id);
        if (auto status = collect(by_case); !status) return status;
      }
    }
    Stmt by_bsn;
    if (!by_bsn.prepare(impl_->db, "SELECT id, kind, payload, batch_id, line FROM record"
                                   " WHERE bsn_hmac = ? AND kind = ?"))
      return sql_error(impl_->db, "store");
    for (const std::string& hash : wanted_bsn_hashes) {
      by_bsn.reset();
      by_bsn.bind_blob(1, hash);
      by_bsn.bind(2, static_cast<std::int64_t>(RecordKind::events));
      if (auto status = collect(by_bsn); !status) return status;
    }
    std::sort(rows.begin(), rows.end(), [](const StoredRow& a, const StoredRow& b) { return a.id < b.id; });
    rows.erase(std::unique(rows.begin(), rows.end(), [](const StoredRow& a, const StoredRow& b) { return a.id == b.id; }),
               rows.end());
    for (const StoredRow& row : rows)
      if (auto status = add(static_cast<std::int64_t>(row.kind), row.payload, row.batch_id, row.line); !status)
        return status;
  }

  // Case ids are interned: equal ids are one pool entry, so the set holds
  // their addresses (no string hashing or comparing per record).
  std::unordered_set<const std::string*> case_ids;
  case_ids.reserve(data.cases.size());
  for (const auto& c : data.cases) case_ids.insert(&c.case_id.str());
  // Only records linked to a stored case; filtered in place, keeping the order.
  auto unlinked = [&](const auto& r) { return case_ids.count(&r.case_id.str()) == 0; };
  std::erase_if(data.assessments, unlinked);
  std::erase_if(data.interventions, unlinked);
  std::erase_if(data.life_domains, unlinked);
  if (!data.events.empty()) link_events(data);
  // A scoped load keeps only the events that link to a wanted case (a bsn
  // shared with another case can bring in events that belong elsewhere).
  if (!all_cases)
    std::erase_if(data.events, [&](const EventRecord& e) { return wanted.count(e.linked_case_id) == 0; });
  return data;
}

void link_events(Dataset& data) {
  std::unordered_map<std::string, std::size_t> by_id = data.index_cases();
  std::unordered_map<std::string, std::vector<std::size_t>> by_bsn;
  for (std::size_t i = 0; i < data.cases.size(); ++i)
    if (!data.cases[i].bsn.empty()) by_bsn[data.cases[i].bsn].push_back(i);
  // Later registered first; ties by later import, then by case_id.
  auto later = [&](std::size_t a, std::size_t b) {
    const CaseRecord& x = data.cases[a];
    const CaseRecord& y = data.cases[b];
    if (x.registered_on != y.registered_on) return x.registered_on > y.registered_on;
    if (x.provenance.batch_id != y.provenance.batch_id) return x.provenance.batch_id > y.provenance.batch_id;
    return x.case_id > y.case_id;
  };
  for (auto& [bsn, list] : by_bsn) std::sort(list.begin(), list.end(), later);

  for (EventRecord& e : data.events) {
    e.linked_case_id.clear();
    if (!e.case_id.empty() && by_id.count(e.case_id)) {
      e.linked_case_id = e.case_id;
      continue;
    }
    if (e.bsn.empty()) continue;
    auto it = by_bsn.find(e.bsn);
    if (it == by_bsn.end()) continue;
    const Date day = e.occurred_on.date;
    const std::vector<std::size_t>& list = it->second;  // latest registered first
    const CaseRecord* chosen = nullptr;
    for (std::size_t i : list) {
      const CaseRecord& c = data.cases[i];
      if (c.registered_on <= day && (!c.closed_on || day <= *c.closed_on)) {
        chosen = &c;
        break;
      }
    }
    if (chosen == nullptr) {
      // The case registered next after occurred_on: the earliest of those after it.
      for (auto r = list.rbegin(); r != list.rend(); ++r)
        if (data.cases[*r].registered_on > day) {
          chosen = &data.cases[*r];
          break;
        }
    }
    if (chosen == nullptr) chosen = &data.cases[list.front()];
    e.linked_case_id = chosen->case_id;
  }
}

// --- Covenant archive (schema version 2) -------------------------------------

Result<std::vector<CovenantVersion>> Store::covenant_versions() {
  Stmt s;
  if (!s.prepare(impl_->db,
                 "SELECT version, created_at, note, snapshot, docx_sha256, pdf_sha256 FROM covenant_versions"
                 " ORDER BY version"))
    return sql_error(impl_->db, "store");
  std::vector<CovenantVersion> out;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW)
    out.push_back({static_cast<int>(s.column_int(0)), s.column_text(1), s.column_text(2), s.column_text(3),
                   s.column_text(4), s.column_text(5)});
  if (rc != SQLITE_DONE) return sql_error(impl_->db, "store");
  return out;
}

Result<std::optional<CovenantVersion>> Store::latest_covenant_version() {
  auto all = covenant_versions();
  if (!all) return all.status();
  if (all->empty()) return std::optional<CovenantVersion>();
  return std::optional<CovenantVersion>(all->back());
}

Status Store::add_covenant_version(const CovenantVersion& v) {
  auto latest = latest_covenant_version();
  if (!latest) return latest.status();
  const int next = *latest ? (*latest)->version + 1 : 1;
  if (v.version != next)
    return Status::error("store: covenant version " + std::to_string(v.version) + " is not the next version (" +
                         std::to_string(next) + ")");
  Stmt s;
  if (!s.prepare(impl_->db,
                 "INSERT INTO covenant_versions (version, created_at, note, snapshot, docx_sha256, pdf_sha256)"
                 " VALUES (?, ?, ?, ?, ?, ?)"))
    return sql_error(impl_->db, "store");
  s.bind(1, v.version);
  s.bind_text(2, impl_->clock.now().iso());
  s.bind_text(3, v.note);
  s.bind_text(4, v.snapshot);
  s.bind_text(5, v.docx_sha256);
  s.bind_text(6, v.pdf_sha256);
  if (s.step() != SQLITE_DONE) return sql_error(impl_->db, "store: cannot record covenant version");
  return Status::ok();
}

}  // namespace casus
