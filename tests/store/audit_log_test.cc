// The audit log: chained hashes, the keyed head, and tampering with the
// database behind the store's back (edit, reorder, delete) through the
// sqlite3 C API.
#include <sqlite3.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "core/file_io.h"
#include "core/json_text.h"
#include "store/audit_log.h"
#include "store/store.h"

using namespace casus;
namespace fs = std::filesystem;

namespace {

const FixedClock kAuditClock(DateTime{{2026, 11, 28}, 9, 0, 0});

struct AuditStore {
  fs::path dir;
  AuditStore() {
    static int n = 0;
    dir = fs::temp_directory_path() / ("casus-audit-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    REQUIRE(Store::create(db(), key(), kAuditClock).is_ok());
    auto store = open();
    for (int i = 1; i <= 4; ++i) {
      AuditEntry e;
      e.user = "regisseur" + std::to_string(i);
      e.command = "demo";
      e.entries = audit_entries_json({{"plan/plan-C" + std::to_string(i) + ".pdf", "casusoverleg",
                                       {"identificatie", "regulier"}, sha256_hex(std::to_string(i))}},
                                     "");
      REQUIRE(store->append_audit(e).is_ok());
    }
  }
  ~AuditStore() { fs::remove_all(dir); }
  fs::path db() const { return dir / "s.db"; }
  fs::path key() const { return dir / "s.db.key"; }
  std::unique_ptr<Store> open() const {
    auto s = Store::open(db(), key(), kAuditClock);
    REQUIRE(s.is_ok());
    return std::move(s.value());
  }
  // Runs SQL on the database file directly, as someone with file access could.
  void tamper(const std::string& sql) const {
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open(db().c_str(), &handle) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    sqlite3_close(handle);
    REQUIRE(rc == SQLITE_OK);
  }
  AuditVerdict verdict() const {
    auto v = open()->verify_audit();
    REQUIRE(v.is_ok());
    return *v;
  }
};

}  // namespace

TEST_CASE("audit: canonical entry JSON and the chained hash") {
  CHECK(audit_entries_json({{"a/b.pdf", "board", {"regulier"}, "ab12"}}, "x\"y\n") ==
        R"({"documents":[{"path":"a/b.pdf","audience":"board","categories":["regulier"],"sha256":"ab12"}],"detail":"x\"y\n"})");
  CHECK(audit_entries_json({}, "") == R"({"documents":[],"detail":""})");
  CHECK(json_quote(std::string("a\x01", 2)) == "\"a\\u0001\"");
  AuditEntry e;
  e.id = 1;
  e.at = "2026-11-28T09:00:00";
  e.user = "u";
  e.command = "demo";
  e.entries = "{}";
  e.prev_hash = kAuditGenesisHash;
  // Length-prefixed fields: prev_hash, id, at, user, command, entries.
  CHECK(audit_hash(e) == sha256_hex(std::string("64:") + kAuditGenesisHash + "1:119:2026-11-28T09:00:001:u4:demo2:{}"));
}

TEST_CASE("audit: appended entries chain and verify") {
  AuditStore s;
  auto store = s.open();
  auto entries = store->audit_entries();
  REQUIRE(entries.is_ok());
  REQUIRE(entries->size() == 4);
  CHECK((*entries)[0].id == 1);
  CHECK((*entries)[0].at == "2026-11-28T09:00:00");
  CHECK((*entries)[0].user == "regisseur1");
  CHECK((*entries)[0].prev_hash == kAuditGenesisHash);
  for (std::size_t i = 1; i < entries->size(); ++i) CHECK((*entries)[i].prev_hash == (*entries)[i - 1].hash);
  for (const auto& e : *entries) CHECK(audit_hash(e) == e.hash);
  const AuditVerdict v = s.verdict();
  CHECK(v.intact);
  CHECK(v.entries == 4);
  CHECK(v.first_broken == 0);
  CHECK(v.problem.empty());
}

TEST_CASE("audit: verify names the first entry that was edited, reordered or deleted") {
  AuditStore s;
  std::string problem;
  std::int64_t first = 0;
  SECTION("an edited user") {
    s.tamper("UPDATE audit_log SET user = 'mallory' WHERE id = 2");
    first = 2;
    problem = "entry 2: contents changed (hash mismatch)";
  }
  SECTION("an edited document hash") {
    s.tamper("UPDATE audit_log SET entries = replace(entries, 'plan-C3', 'plan-C9') WHERE id = 3");
    first = 3;
    problem = "entry 3: contents changed (hash mismatch)";
  }
  SECTION("an edited time") {
    s.tamper("UPDATE audit_log SET at = '2026-01-01T00:00:00' WHERE id = 1");
    first = 1;
    problem = "entry 1: contents changed (hash mismatch)";
  }
  SECTION("two entries swapped") {
    s.tamper("UPDATE audit_log SET id = -2 WHERE id = 2; UPDATE audit_log SET id = 2 WHERE id = 3;"
             " UPDATE audit_log SET id = 3 WHERE id = -2");
    first = 2;
    problem = "entry 2: does not follow entry 1 (previous hash differs); entries were deleted, inserted or reordered";
  }
  SECTION("an entry in the middle deleted") {
    s.tamper("DELETE FROM audit_log WHERE id = 2");
    first = 2;
    problem = "entry 2: missing (the next entry is 3); an entry was deleted or renumbered";
  }
  SECTION("an entry deleted and the rest renumbered") {
    s.tamper("DELETE FROM audit_log WHERE id = 2; UPDATE audit_log SET id = id - 1 WHERE id > 2");
    first = 2;
    problem = "entry 2: does not follow entry 1 (previous hash differs); entries were deleted, inserted or reordered";
  }
  SECTION("the newest entry deleted") {
    s.tamper("DELETE FROM audit_log WHERE id = 4");
    first = 4;
    problem = "entry 4: missing; the log ends at entry 3 but had 4 entries (the newest were deleted)";
  }
  SECTION("every entry deleted, the head kept") {
    s.tamper("DELETE FROM audit_log");
    first = 1;
    problem = "entry 1: missing; the log ends at entry 0 but had 4 entries (the newest were deleted)";
  }
  SECTION("the head deleted") {
    s.tamper("DELETE FROM meta WHERE key = 'audit_head'");
    first = 1;
    problem = "audit head missing while the log has entries; the head was deleted";
  }
  SECTION("the head forged to match a shortened log") {
    s.tamper("DELETE FROM audit_log WHERE id = 4; UPDATE meta SET value = '3:' ||"
             " (SELECT hash FROM audit_log WHERE id = 3) || ':' || substr(value, length(value) - 63) WHERE key = 'audit_head'");
    first = 4;
    problem = "audit head altered (its key check fails)";
  }
  SECTION("the newest entry rewritten with a recomputed hash") {
    auto store = s.open();
    auto entries = store->audit_entries().value();
    AuditEntry forged = entries[3];
    forged.user = "mallory";
    forged.hash = audit_hash(forged);
    store.reset();
    s.tamper("UPDATE audit_log SET user = 'mallory', hash = '" + forged.hash + "' WHERE id = 4");
    first = 4;
    problem = "entry 4: not the entry the head recorded (the log was rewritten)";
  }
  SECTION("an entry appended without the key") {
    auto store = s.open();
    auto entries = store->audit_entries().value();
    AuditEntry forged = entries[3];
    forged.id = 5;
    forged.prev_hash = entries[3].hash;
    forged.hash = audit_hash(forged);
    store.reset();
    s.tamper("INSERT INTO audit_log (id, at, user, command, entries, prev_hash, hash) SELECT 5, at, user, command,"
             " entries, hash, '" + forged.hash + "' FROM audit_log WHERE id = 4");
    first = 5;
    problem = "entry 5: not recorded in the audit head (added without the store key)";
  }
  const AuditVerdict v = s.verdict();
  CHECK_FALSE(v.intact);
  CHECK(v.first_broken == first);
  CHECK(v.problem == problem);
}

TEST_CASE("audit: an empty log verifies, appending inside an import batch is refused") {
  const fs::path dir = fs::temp_directory_path() / ("casus-audit-empty-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  REQUIRE(Store::create(dir / "s.db", dir / "s.db.key", kAuditClock).is_ok());
  auto store = Store::open(dir / "s.db", dir / "s.db.key", kAuditClock).value();
  auto v = store->verify_audit();
  REQUIRE(v.is_ok());
  CHECK(v->intact);
  CHECK(v->entries == 0);
  REQUIRE(store->begin_batch("f.csv", "abc", "gemeente", RecordKind::cases).is_ok());
  CHECK(store->append_audit(AuditEntry{}).message() == "store: cannot write the audit log inside an import batch");
  store->rollback_batch();
  store.reset();
  fs::remove_all(dir);
}
