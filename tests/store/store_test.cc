#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/file_io.h"
#include "store/case_rows.h"
#include "store/key_file.h"
#include "store/record_codec.h"
#include "store/store.h"

using namespace casus;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    static int n = 0;
    path = fs::temp_directory_path() / ("casus-store-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

const FixedClock kClock(DateTime{{2026, 11, 28}, 9, 0, 0});

CaseRecord make_case(const std::string& id, const std::string& bsn, Date registered,
                     std::optional<Date> closed = std::nullopt) {
  CaseRecord c;
  c.case_id = id;
  c.bsn = bsn;
  c.surname = "Vermeulen-" + id;
  c.given_names = "Zwaantje";
  c.birth_date = Date{1999, 4, 5};
  c.district = "F";
  c.risk_group = 2;
  c.registered_on = registered;
  c.closed_on = closed;
  if (closed) c.closure_reason = ClosureReason::verhuisd;
  return c;
}

EventRecord make_event(const std::string& id, const std::string& case_id, const std::string& bsn, Date when) {
  EventRecord e;
  e.partner = "politie";
  e.event_id = id;
  e.case_id = case_id;
  e.bsn = bsn;
  e.occurred_on = DateTime{when, 0, 0, 0};
  e.kind = EventKind::aanhouding;
  return e;
}

std::unique_ptr<Store> fresh(const TempDir& dir) {
  const fs::path db = dir.path / "casus.db";
  REQUIRE(Store::create(db, dir.path / "casus.db.key", kClock).is_ok());
  auto store = Store::open(db, dir.path / "casus.db.key", kClock);
  REQUIRE(store.is_ok());
  return std::move(store.value());
}

template <typename R>
void import(Store& store, const std::string& file, const std::vector<R>& records, RecordKind kind,
            const std::string& partner = "gemeente") {
  REQUIRE(store.begin_batch(file, sha256_hex(file), partner, kind).is_ok());
  std::size_t line = 2;
  for (const auto& r : records) REQUIRE(store.upsert(r, line++).is_ok());
  StoredBatch counts;
  counts.read = static_cast<std::int64_t>(records.size());
  REQUIRE(store.commit_batch(counts).is_ok());
}

}  // namespace

TEST_CASE("key file: created 0600, never overwritten, refused when others can read it") {
  TempDir dir;
  const fs::path key = dir.path / "k.key";
  REQUIRE(create_key_file(key).is_ok());
  struct stat st {};
  ::stat(key.c_str(), &st);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(fs::file_size(key) == 32);
  CHECK(create_key_file(key).message() == key.string() + ": key file exists already; not overwriting it");
  REQUIRE(read_key_file(key).is_ok());
  ::chmod(key.c_str(), 0644);
  CHECK(read_key_file(key).message() == key.string() + ": key file is accessible to others (mode 0644); refusing to use it. Restrict it with: chmod 600 " + key.string());
  CHECK(read_key_file(dir.path / "none.key").message() ==
        (dir.path / "none.key").string() + ": key file not found (create a store and key with 'casus init')");
}

TEST_CASE("store: create refuses to overwrite, open checks the key belongs to the store") {
  TempDir dir;
  const fs::path db = dir.path / "casus.db";
  REQUIRE(Store::create(db, dir.path / "casus.db.key", kClock).is_ok());
  CHECK(Store::create(db, dir.path / "other.key", kClock).message() == db.string() + ": store exists already; not overwriting it");
  CHECK(Store::create(dir.path / "b.db", dir.path / "casus.db.key", kClock).message() ==
        (dir.path / "casus.db.key").string() + ": key file exists already; not overwriting it");
  REQUIRE(create_key_file(dir.path / "wrong.key").is_ok());
  CHECK(Store::open(db, dir.path / "wrong.key", kClock).message() ==
        (dir.path / "wrong.key").string() + ": this key does not belong to store " + db.string());
  CHECK(Store::open(dir.path / "none.db", dir.path / "casus.db.key", kClock).message() ==
        (dir.path / "none.db").string() + ": store not found (create it with 'casus init')");
  auto store = Store::open(db, dir.path / "casus.db.key", kClock);
  REQUIRE(store.is_ok());
  CHECK((*store)->schema_version() == kStoreSchemaVersion);
}

namespace {

// The rows of a query on the store file, read through a connection of its
// own, each as its columns' text joined by '|'.
std::vector<std::string> store_rows(const fs::path& db_path, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK);
  std::vector<std::string> rows;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      const auto* text = sqlite3_column_text(stmt, i);
      row += (i ? "|" : "") + std::string(text ? reinterpret_cast<const char*>(text) : "");
    }
    rows.push_back(row);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

// One number from the store file, read through a connection of its own.
std::int64_t store_number(const fs::path& db_path, const char* sql) {
  const auto rows = store_rows(db_path, sql);
  REQUIRE_FALSE(rows.empty());
  return std::stoll(rows.front());
}

}  // namespace

TEST_CASE("store: a new store has 8 KB pages; a store made with 4 KB pages keeps them and takes imports") {
  TempDir dir;
  {
    auto store = fresh(dir);
    CHECK(store_number(dir.path / "casus.db", "PRAGMA page_size") == 8192);
  }
  // Rebuild the store with 4 KB pages, as casus made stores before.
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path / "casus.db").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "PRAGMA journal_mode=DELETE; PRAGMA page_size=4096; VACUUM; PRAGMA journal_mode=WAL;",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = Store::open(dir.path / "casus.db", dir.path / "casus.db.key", kClock);
  REQUIRE(store.is_ok());
  CHECK(store_number(dir.path / "casus.db", "PRAGMA page_size") == 4096);
  import(**store, "cases.csv", std::vector<CaseRecord>{make_case("CAS-1", "", Date{2026, 1, 5})}, RecordKind::cases);
  CHECK(store_number(dir.path / "casus.db", "SELECT count(*) FROM record WHERE kind = 0") == 1);
  CHECK(store_number(dir.path / "casus.db", "PRAGMA page_size") == 4096);
}

TEST_CASE("store: a newer schema is refused") {
  TempDir dir;
  { auto s = fresh(dir); }
  {
    // Bump the version behind the store's back.
    auto s = Store::open(dir.path / "casus.db", dir.path / "casus.db.key", kClock);
    REQUIRE(s.is_ok());
  }
  std::system(("sqlite3 " + (dir.path / "casus.db").string() + " 'PRAGMA user_version=7' 2>/dev/null").c_str());
  if (std::system("command -v sqlite3 >/dev/null 2>&1") == 0)
    CHECK(Store::open(dir.path / "casus.db", dir.path / "casus.db.key", kClock).message() ==
          "store has schema version 7; this casus knows up to 5 (use a newer casus)");
}

TEST_CASE("store: upsert by natural key keeps history, unchanged detected, batches recorded") {
  TempDir dir;
  auto store = fresh(dir);
  REQUIRE(store->begin_batch("a.csv", "sha-a", "gemeente", RecordKind::cases).is_ok());
  CHECK(store->upsert(make_case("C1", "123456782", {2026, 3, 1}), 2).value().result == UpsertResult::inserted);
  CHECK(store->upsert(make_case("C2", "", {2026, 3, 1}), 3).value().result == UpsertResult::inserted);
  REQUIRE(store->commit_batch(StoredBatch{}).is_ok());

  REQUIRE(store->begin_batch("b.csv", "sha-b", "gemeente", RecordKind::cases).is_ok());
  CaseRecord changed = make_case("C1", "123456782", {2026, 3, 1});
  changed.surname = "";  // an empty field empties it
  changed.risk_group = 4;
  CHECK(store->upsert(changed, 5).value().result == UpsertResult::updated);
  CHECK(store->upsert(make_case("C2", "", {2026, 3, 1}), 6).value().result == UpsertResult::unchanged);
  REQUIRE(store->commit_batch(StoredBatch{}).is_ok());

  CHECK(store->count_records(RecordKind::cases).value() == 2);
  CHECK(store->count_history(RecordKind::cases).value() == 1);
  auto data = store->load_dataset();
  REQUIRE(data.is_ok());
  REQUIRE(data->cases.size() == 2);
  const CaseRecord& c1 = data->cases[0];
  CHECK(c1.case_id == "C1");
  CHECK(c1.surname.empty());
  CHECK(c1.risk_group == 4);
  CHECK(c1.bsn == "123456782");
  CHECK(c1.given_names == "Zwaantje");
  CHECK(c1.birth_date == Date{1999, 4, 5});
  CHECK(data->batch_files.at(c1.provenance.batch_id) == "b.csv");
  CHECK(c1.provenance.line == 5);
  CHECK(c1.provenance.batch_id == 2);
  CHECK(data->cases[1].provenance.batch_id == 1);  // unchanged keeps its batch
  CHECK(data->data_as_of == Date{2026, 11, 28});
  CHECK(data->import_batches == std::vector<std::string>{"a.csv (sha-a, 2026-11-28)", "b.csv (sha-b, 2026-11-28)"});
  auto found = store->find_batch("sha-b");
  REQUIRE(found.is_ok());
  REQUIRE(found->has_value());
  CHECK((*found)->file == "b.csv");
  CHECK((*found)->imported_at == "2026-11-28T09:00:00");
  CHECK_FALSE(store->find_batch("nope").value().has_value());
}

TEST_CASE("store: an update keeps the row it replaces in the history as it was, and its indexes right") {
  TempDir dir;
  auto store = fresh(dir);
  const fs::path db = dir.path / "casus.db";
  const char* const columns =
      "SELECT kind, natural_key, case_id, typeof(bsn_hmac), hex(bsn_hmac), hex(payload), hex(digest), batch_id, line";
  REQUIRE(store->begin_batch("a.csv", "sha-a", "gemeente", RecordKind::cases).is_ok());
  REQUIRE(store->upsert(make_case("C1", "123456782", {2026, 3, 1}), 2).is_ok());  // keeps its bsn
  REQUIRE(store->upsert(make_case("C2", "", {2026, 3, 1}), 3).is_ok());           // gets one
  REQUIRE(store->upsert(make_case("C3", "111222333", {2026, 3, 1}), 4).is_ok());  // loses it
  REQUIRE(store->commit_batch(StoredBatch{}).is_ok());
  const auto before = store_rows(db, (std::string(columns) + " FROM record ORDER BY natural_key").c_str());
  REQUIRE(before.size() == 3);
  CHECK(before[0].starts_with("0|C1|C1|blob|"));
  CHECK(before[1].starts_with("0|C2|C2|null||"));
  const auto c1_hash = store_rows(db, "SELECT hex(bsn_hmac) FROM record WHERE natural_key = 'C1'");
  REQUIRE(c1_hash.size() == 1);

  REQUIRE(store->begin_batch("b.csv", "sha-b", "gemeente", RecordKind::cases).is_ok());
  CaseRecord c1 = make_case("C1", "123456782", {2026, 3, 1});
  c1.risk_group = 4;
  CHECK(store->upsert(c1, 7).value().result == UpsertResult::updated);
  CHECK(store->upsert(make_case("C2", "123456782", {2026, 3, 1}), 8).value().result == UpsertResult::updated);
  CHECK(store->upsert(make_case("C3", "", {2026, 3, 1}), 9).value().result == UpsertResult::updated);
  REQUIRE(store->commit_batch(StoredBatch{}).is_ok());

  const auto history =
      store_rows(db, (std::string(columns) + " FROM record_history ORDER BY natural_key").c_str());
  const auto replaced_by = store_rows(db, "SELECT replaced_by FROM record_history ORDER BY natural_key");
  CHECK(history == before);
  CHECK(replaced_by == std::vector<std::string>{"2", "2", "2"});
  const auto after = store_rows(db, (std::string(columns) + " FROM record ORDER BY natural_key").c_str());
  REQUIRE(after.size() == 3);
  CHECK(after[0].starts_with("0|C1|C1|blob|" + c1_hash[0] + "|"));  // the same bsn hash
  CHECK(after[0].ends_with("|2|7"));
  CHECK(after[1].starts_with("0|C2|C2|blob|" + c1_hash[0] + "|"));  // C1's bsn, so its hash
  CHECK(after[2].starts_with("0|C3|C3|null||"));
  // The bsn index holds the new hashes only, and agrees with the table.
  CHECK(store_rows(db, "SELECT natural_key FROM record INDEXED BY record_bsn WHERE bsn_hmac IS NOT NULL"
                       " ORDER BY natural_key") == std::vector<std::string>{"C1", "C2"});
  CHECK(store_rows(db, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
}

TEST_CASE("store: a rolled-back batch leaves nothing") {
  TempDir dir;
  auto store = fresh(dir);
  REQUIRE(store->begin_batch("a.csv", "sha-a", "gemeente", RecordKind::cases).is_ok());
  REQUIRE(store->upsert(make_case("C1", "", {2026, 3, 1}), 2).is_ok());
  store->rollback_batch();
  CHECK(store->count_records(RecordKind::cases).value() == 0);
  CHECK(store->batches().value().empty());
  CHECK_FALSE(store->find_batch("sha-a").value().has_value());
}

TEST_CASE("store: linking — by case_id, by bsn period, next registered, latest, late arrival links") {
  TempDir dir;
  auto store = fresh(dir);
  const std::string bsn = "123456782";
  // Events and assessments arrive before any case: stored, unlinked.
  REQUIRE(store->begin_batch("e.csv", "sha-e", "politie", RecordKind::events).is_ok());
  auto e1 = store->upsert(make_event("E1", "", bsn, {2026, 2, 10}), 2);  // within C-old (closed 2026-03-01)
  CHECK_FALSE(e1.value().linked);
  REQUIRE(store->upsert(make_event("E2", "", bsn, {2026, 3, 1}), 3).is_ok());   // closing day of old, opening of new
  REQUIRE(store->upsert(make_event("E3", "", bsn, {2025, 1, 1}), 4).is_ok());   // before both: next registered
  REQUIRE(store->upsert(make_event("E4", "", bsn, {2026, 3, 15}), 5).is_ok());  // within new
  REQUIRE(store->upsert(make_event("E5", "", "111222333", {2026, 3, 15}), 6).is_ok());  // nobody
  REQUIRE(store->upsert(make_event("E6", "C-new", "", {2020, 1, 1}), 7).is_ok());       // by case_id
  REQUIRE(store->commit_batch(StoredBatch{}).is_ok());
  {
    auto data = store->load_dataset();
    REQUIRE(data.is_ok());
    REQUIRE(data->events.size() == 6);
    for (const auto& e : data->events) CHECK(e.linked_case_id.empty());
  }
  import(*store, "c.csv",
         std::vector<CaseRecord>{make_case("C-old", bsn, {2025, 6, 1}, Date{2026, 3, 1}),
                                 make_case("C-new", bsn, {2026, 3, 1})},
         RecordKind::cases);
  auto data = store->load_dataset();
  REQUIRE(data.is_ok());
  std::map<std::string, std::string> linked;
  for (const auto& e : data->events) linked[e.event_id] = e.linked_case_id;
  CHECK(linked["E1"] == "C-old");
  CHECK(linked["E2"] == "C-new");  // both periods contain it: the later-registered
  CHECK(linked["E3"] == "C-old");  // no period: the case registered next after
  CHECK(linked["E4"] == "C-new");
  CHECK(linked["E5"].empty());
  CHECK(linked["E6"] == "C-new");

  // After every case: the latest case.
  Dataset d;
  d.cases = {make_case("A", bsn, {2020, 1, 1}, Date{2020, 2, 1}), make_case("B", bsn, {2021, 1, 1}, Date{2021, 2, 1})};
  d.events = {make_event("X", "", bsn, {2024, 1, 1})};
  link_events(d);
  CHECK(d.events[0].linked_case_id == "B");
}

TEST_CASE("store: only linked assessments, interventions and life domains are loaded") {
  TempDir dir;
  auto store = fresh(dir);
  AssessmentRecord a;
  a.case_id = "C1";
  a.assessed_on = {2026, 4, 1};
  a.judgement = Judgement::hoog;
  a.items["V1"] = ItemScore{2, "gezien", "politie"};
  a.items["K2"] = ItemScore{std::nullopt, "", ""};
  AssessmentRecord orphan = a;
  orphan.case_id = "C9";
  REQUIRE(store->begin_batch("a.csv", "sha-a", "gemeente", RecordKind::assessments).is_ok());
  CHECK_FALSE(store->upsert(a, 2).value().linked);
  REQUIRE(store->upsert(orphan, 3).is_ok());
  REQUIRE(store->commit_batch(StoredBatch{}).is_ok());
  import(*store, "c.csv", std::vector<CaseRecord>{make_case("C1", "", {2026, 3, 1})}, RecordKind::cases);
  REQUIRE(store->begin_batch("a2.csv", "sha-a2", "gemeente", RecordKind::assessments).is_ok());
  CHECK(store->upsert(a, 2).value().linked);
  CHECK(store->upsert(a, 2).value().result == UpsertResult::unchanged);
  REQUIRE(store->commit_batch(StoredBatch{}).is_ok());
  auto data = store->load_dataset();
  REQUIRE(data.is_ok());
  REQUIRE(data->assessments.size() == 1);
  CHECK(data->assessments[0].case_id == "C1");
  CHECK(data->assessments[0].judgement == Judgement::hoog);
  CHECK(data->assessments[0].items.at("V1").score == 2);
  CHECK(data->assessments[0].items.at("V1").evidence == "gezien");
  CHECK_FALSE(data->assessments[0].items.at("K2").score.has_value());
}

TEST_CASE("store: a batch links against the cases as they stand, after rollbacks, new bsns and other writers") {
  TempDir dir;
  auto store = fresh(dir);
  const auto event_linked = [&](const std::string& sha, const std::string& case_id, const std::string& bsn) {
    REQUIRE(store->begin_batch(sha + ".csv", sha, "politie", RecordKind::events).is_ok());
    auto outcome = store->upsert(make_event(sha, case_id, bsn, {2026, 4, 1}), 2);
    REQUIRE(outcome.is_ok());
    REQUIRE(store->commit_batch(StoredBatch{}).is_ok());
    return outcome->linked;
  };
  import(*store, "c1.csv", std::vector<CaseRecord>{make_case("C1", "123456782", {2026, 3, 1})}, RecordKind::cases);
  CHECK(event_linked("e1", "C1", ""));
  CHECK(event_linked("e2", "", "123456782"));
  CHECK_FALSE(event_linked("e3", "C2", ""));

  // A case in a batch that rolls back links nothing afterwards.
  REQUIRE(store->begin_batch("c2.csv", "sha-c2", "gemeente", RecordKind::cases).is_ok());
  REQUIRE(store->upsert(make_case("C2", "111222333", {2026, 3, 1}), 2).is_ok());
  store->rollback_batch();
  CHECK_FALSE(event_linked("e4", "C2", ""));
  CHECK_FALSE(event_linked("e5", "", "111222333"));

  // A case whose bsn changes no longer links events by the old one.
  import(*store, "c3.csv", std::vector<CaseRecord>{make_case("C1", "999888777", {2026, 3, 1})}, RecordKind::cases);
  CHECK_FALSE(event_linked("e6", "", "123456782"));
  CHECK(event_linked("e7", "", "999888777"));

  // A case another connection stored links the next batch.
  {
    auto other = Store::open(dir.path / "casus.db", dir.path / "casus.db.key", kClock);
    REQUIRE(other.is_ok());
    REQUIRE(other.value()->begin_batch("c4.csv", "sha-c4", "gemeente", RecordKind::cases).is_ok());
    REQUIRE(other.value()->upsert(make_case("C3", "", {2026, 3, 1}), 2).is_ok());
    REQUIRE(other.value()->commit_batch(StoredBatch{}).is_ok());
  }
  CHECK(event_linked("e8", "C3", ""));
}

TEST_CASE("store: no plaintext bsn or name in the database files") {
  TempDir dir;
  auto store = fresh(dir);
  std::vector<CaseRecord> cases;
  for (int i = 0; i < 50; ++i) {
    CaseRecord c = make_case("C" + std::to_string(i), "123456782", {2026, 3, 1});
    c.surname = "Oosterhuisplaintext";
    c.given_names = "Wilhelminaplaintext";
    cases.push_back(c);
  }
  import(*store, "c.csv", cases, RecordKind::cases);
  import(*store, "e.csv", std::vector<EventRecord>{make_event("E1", "", "123456782", {2026, 4, 1})},
         RecordKind::events, "politie");
  bool checked_wal = false;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const fs::path file = dir.path / (std::string("casus.db") + suffix);
    if (!fs::exists(file)) continue;
    checked_wal = checked_wal || std::string(suffix) == "-wal";
    const std::string bytes = read_file(file).value();
    CHECK(bytes.find("123456782") == std::string::npos);
    CHECK(bytes.find("Oosterhuisplaintext") == std::string::npos);
    CHECK(bytes.find("Wilhelminaplaintext") == std::string::npos);
    CHECK(bytes.find("1999-04-05") == std::string::npos);
  }
  CHECK(checked_wal);
  auto data = store->load_dataset();
  CHECK(data->cases[0].surname == "Oosterhuisplaintext");
}

TEST_CASE("codec: pack/unpack is binary-safe and rejects damage") {
  std::vector<std::string> fields = {"", std::string("a\0b", 3), std::string(300, 'x')};
  std::vector<std::string> back;
  REQUIRE(unpack_fields(pack_fields(fields), back));
  CHECK(back == fields);
  std::string damaged = pack_fields(fields);
  damaged.resize(damaged.size() - 1);
  CHECK_FALSE(unpack_fields(damaged, back));
}

TEST_CASE("codec: a case-id memo gives the previous record's id back, and a new id when the text changes") {
  CaseIdMemo memo;  // no table of known ids: every new id is the pool's
  const InternedString first = memo.get("CAS-2026-0001");
  CHECK(first == "CAS-2026-0001");
  CHECK(memo.get("CAS-2026-0001") == first);
  CHECK(memo.get("CAS-2026-0002") == "CAS-2026-0002");
  CHECK(memo.get("CAS-2026-0001") == first);
  CHECK(memo.get("").empty());
  CHECK(memo.get("CAS-2026-0001") == first);
  CHECK(memo.pool_lookups() == 3);
  CHECK(memo.searches() == 0);

  LifeDomainObservation o;
  o.case_id = "CAS-2026-0003";
  o.observed_on = {2026, 3, 1};
  o.domain = "wonen";
  o.score = 3;
  const EncodedRecord encoded = encode_record(o);
  LifeDomainObservation plain, remembered, again;
  REQUIRE(decode_record(encoded.fields, plain).is_ok());
  REQUIRE(decode_record(encoded.fields, remembered, &memo).is_ok());
  REQUIRE(decode_record(encoded.fields, again, &memo).is_ok());
  CHECK(remembered.case_id == plain.case_id);
  CHECK(again.case_id == plain.case_id);
  CHECK(again.domain == "wonen");
  CHECK(again.score == 3);
  EventRecord e;
  e.partner = "politie";
  e.event_id = "E1";
  e.case_id = "CAS-2026-0004";
  e.occurred_on = DateTime{{2026, 3, 2}, 10, 0, 0};
  EventRecord event;
  REQUIRE(decode_record(encode_record(e).fields, event, &memo).is_ok());
  CHECK(event.case_id == "CAS-2026-0004");
  CHECK(memo.get("CAS-2026-0004") == event.case_id);
}

TEST_CASE("codec: a case-id memo finds ids in the sorted table, forward from its last place") {
  const std::vector<KnownCaseId> known = sorted_case_ids({"CAS-5", "CAS-1", "CAS-3", "", "CAS-2", "CAS-1"});
  std::vector<std::string> texts;
  for (const KnownCaseId& k : known) {
    texts.push_back(k.text);
    CHECK(k.id == k.text);
  }
  CHECK(texts == std::vector<std::string>{"CAS-1", "CAS-2", "CAS-3", "CAS-5"});

  CaseIdMemo memo(known);
  CHECK(memo.get("CAS-1") == known[0].id);
  CHECK(memo.searches() == 1);  // the first id: no place yet
  CHECK(memo.get("CAS-3") == known[2].id);
  CHECK(memo.get("CAS-5") == known[3].id);
  CHECK(memo.searches() == 1);  // forward
  CHECK(memo.get("CAS-2") == known[1].id);
  CHECK(memo.searches() == 2);  // behind: a new file
  CHECK(memo.get("CAS-4") == InternedString("CAS-4"));
  CHECK(memo.pool_lookups() == 1);  // not a stored case
  CHECK(memo.get("CAS-5") == known[3].id);
  CHECK(memo.searches() == 2);
  CHECK(memo.pool_lookups() == 1);

  // Far forward in doubling steps, across a table of 1,000 ids.
  std::vector<std::string> many;
  for (int i = 999; i >= 0; --i) many.push_back("C" + std::to_string(1000 + i));
  const std::vector<KnownCaseId> table = sorted_case_ids(many);
  REQUIRE(table.size() == 1000);
  CaseIdMemo far(table);
  for (const char* id : {"C1000", "C1001", "C1999", "C1500", "C1998", "C1998", "C1999"}) CHECK(far.get(id) == id);
  CHECK(far.searches() == 2);  // C1000 (the first) and C1500 (behind)
  CHECK(far.pool_lookups() == 0);
  CHECK(far.get("C2000") == "C2000");  // past the end
  CHECK(far.get("C0999") == "C0999");  // before the start
  CHECK(far.pool_lookups() == 2);
}

TEST_CASE("codec: unpack reuses the vector it is given and stops at a limit") {
  const std::vector<std::string> fields = {"C1", "2026-02-01", std::string(40, 'y'), "hoog", "", "V1"};
  std::vector<std::string> back = {std::string(100, 'z'), "old", "old", "old", "old", "old", "old", "old", "old"};
  REQUIRE(unpack_fields(pack_fields(fields), back));
  CHECK(back == fields);  // longer and more strings before: exactly the fields after
  REQUIRE(unpack_fields(pack_fields(fields), back, 2));
  CHECK(back == std::vector<std::string>{"C1", "2026-02-01"});
  REQUIRE(unpack_fields(pack_fields(fields), back, 5));
  CHECK(back == std::vector<std::string>{"C1", "2026-02-01", std::string(40, 'y'), "hoog", ""});
  REQUIRE(unpack_fields(pack_fields(fields), back, 99));
  CHECK(back == fields);
  REQUIRE(unpack_fields("", back));
  CHECK(back.empty());
  // Damage after the limit is not read; damage before it is refused.
  std::string damaged = pack_fields(fields);
  damaged.resize(damaged.size() - 1);
  CHECK(unpack_fields(damaged, back, 5));
  CHECK(back.size() == 5);
  damaged = pack_fields({"C1", std::string(300, 'x')});
  damaged.resize(100);
  CHECK_FALSE(unpack_fields(damaged, back, 2));
}

TEST_CASE("store: delete_cases removes the cases, their records and history, and the events linked to them") {
  TempDir dir;
  auto store = fresh(dir);
  import(*store, "c.csv",
         std::vector<CaseRecord>{make_case("OUDEZAAK77", "123456782", {2018, 3, 1}, Date{2020, 6, 1}),
                                 make_case("C2", "111222333", {2026, 3, 1})},
         RecordKind::cases);
  CaseRecord renamed = make_case("OUDEZAAK77", "123456782", {2018, 3, 1}, Date{2020, 6, 1});
  renamed.risk_group = 3;  // a second version: one history row
  import(*store, "c2.csv", std::vector<CaseRecord>{renamed}, RecordKind::cases);
  AssessmentRecord a;
  a.case_id = "OUDEZAAK77";
  a.assessed_on = {2019, 1, 1};
  a.judgement = Judgement::midden;
  import(*store, "a.csv", std::vector<AssessmentRecord>{a}, RecordKind::assessments);
  import(*store, "e.csv",
         std::vector<EventRecord>{make_event("GEBEURTENIS91", "OUDEZAAK77", "", {2019, 2, 1}),
                                  make_event("GEBEURTENIS92", "", "123456782", {2019, 5, 1}),  // by bsn, in its period
                                  make_event("E3", "", "111222333", {2026, 4, 1})},
         RecordKind::events, "politie");
  REQUIRE(store->count_history(RecordKind::cases).value() == 1);

  auto deleted = store->delete_cases({"OUDEZAAK77"});
  REQUIRE(deleted.is_ok());
  CHECK(*deleted == 5);  // case + its history row + assessment + two linked events
  CHECK(store->count_records(RecordKind::cases).value() == 1);
  CHECK(store->count_history(RecordKind::cases).value() == 0);
  CHECK(store->count_records(RecordKind::assessments).value() == 0);
  CHECK(store->count_records(RecordKind::events).value() == 1);
  auto data = store->load_dataset();
  REQUIRE(data.is_ok());
  CHECK(data->cases[0].case_id == "C2");
  CHECK(data->events[0].event_id == "E3");
  CHECK(store->delete_cases({}).value() == 0);
  store.reset();
  // secure_delete and the WAL checkpoint leave no trace of the plaintext keys.
  for (const char* suffix : {"", "-wal"}) {
    const fs::path file = dir.path / (std::string("casus.db") + suffix);
    if (!fs::exists(file)) continue;
    const std::string bytes = read_file(file).value();
    INFO(file.string());
    CHECK(bytes.find("OUDEZAAK77") == std::string::npos);
    CHECK(bytes.find("GEBEURTENIS9") == std::string::npos);
  }
}

TEST_CASE("store: a scoped load reads only the named cases' records, and figures_only leaves names and texts out") {
  TempDir dir;
  auto store = fresh(dir);
  const std::string shared_bsn = "123456782";
  import(*store, "c.csv",
         std::vector<CaseRecord>{make_case("C1", shared_bsn, {2025, 1, 1}, Date{2025, 6, 1}),
                                 make_case("C2", shared_bsn, {2026, 1, 1}), make_case("C3", "", {2026, 2, 1})},
         RecordKind::cases);
  auto described = [](EventRecord e) {
    e.description = "Melding bij de buren";
    return e;
  };
  import(*store, "e.csv",
         std::vector<EventRecord>{described(make_event("E1", "", shared_bsn, {2025, 3, 1})),   // bsn: C1's period
                                  described(make_event("E2", "", shared_bsn, {2026, 3, 1})),   // bsn: C2's period
                                  described(make_event("E3", "C3", "", {2026, 3, 2})),         // case id: C3
                                  described(make_event("E4", "C1", "", {2025, 4, 1}))},        // case id: C1
         RecordKind::events, "politie");
  LifeDomainObservation goal;
  goal.case_id = "C1";
  goal.observed_on = {2025, 2, 1};
  goal.domain = "wonen";
  goal.score = 2;
  goal.goal = "Eigen kamer";
  LifeDomainObservation other = goal;
  other.case_id = "C3";
  import(*store, "l.csv", std::vector<LifeDomainObservation>{goal, other}, RecordKind::life_domains);
  AssessmentRecord a;
  a.case_id = "C1";
  a.assessed_on = {2025, 2, 2};
  a.rationale = "Zie verslag";
  a.items["V1"] = ItemScore{2, "gezien", "politie"};
  import(*store, "a.csv", std::vector<AssessmentRecord>{a}, RecordKind::assessments);

  auto full = store->load_dataset();
  REQUIRE(full.is_ok());
  REQUIRE(full->events.size() == 4);

  LoadScope scope;
  scope.only_cases = {"C1"};
  auto one = store->load_dataset(scope);
  REQUIRE(one.is_ok());
  REQUIRE(one->cases.size() == 3);  // every case row, for linking and family links
  std::map<std::string, std::string> names;
  for (const auto& c : one->cases) names[c.case_id] = c.surname;
  CHECK(names == std::map<std::string, std::string>{{"C1", "Vermeulen-C1"}, {"C2", ""}, {"C3", ""}});
  std::vector<std::string> events;
  for (const auto& e : one->events) events.push_back(e.event_id + ">" + e.linked_case_id + ":" + e.description);
  CHECK(events == std::vector<std::string>{"E1>C1:Melding bij de buren", "E4>C1:Melding bij de buren"});
  REQUIRE(one->life_domains.size() == 1);
  CHECK(one->life_domains[0].goal == "Eigen kamer");
  REQUIRE(one->assessments.size() == 1);
  CHECK(one->assessments[0].items.at("V1").evidence == "gezien");

  auto figures = store->load_dataset(LoadScope::figures_only());
  REQUIRE(figures.is_ok());
  REQUIRE(figures->cases.size() == 3);
  for (const auto& c : figures->cases) {
    CHECK(c.surname.empty());
    CHECK(c.given_names.empty());
    CHECK_FALSE(c.birth_date.has_value());
  }
  CHECK(figures->cases[0].bsn == shared_bsn);  // linking and re-entries need it
  REQUIRE(figures->events.size() == 4);
  for (const auto& e : figures->events) CHECK(e.description.empty());
  CHECK(figures->events[1].linked_case_id == "C2");
  CHECK(figures->life_domains[0].goal.empty());
  CHECK(figures->assessments[0].rationale == "Zie verslag");  // the unexplained-deviation flag reads it
  CHECK(figures->assessments[0].items.at("V1").evidence.empty());
  CHECK(figures->assessments[0].items.at("V1").score == 2);
}

TEST_CASE("store: the case list's scope reads no events, no bsn and no assessment items or rationales") {
  TempDir dir;
  auto store = fresh(dir);
  const std::string shared_bsn = "123456782";
  import(*store, "c.csv",
         std::vector<CaseRecord>{make_case("C1", shared_bsn, {2025, 1, 1}, Date{2025, 6, 1}),
                                 make_case("C2", shared_bsn, {2026, 1, 1}), make_case("C3", "", {2026, 2, 1})},
         RecordKind::cases);
  import(*store, "e.csv",
         std::vector<EventRecord>{make_event("E1", "", shared_bsn, {2025, 3, 1}),
                                  make_event("E2", "", shared_bsn, {2026, 3, 1}), make_event("E3", "C3", "", {2026, 3, 2})},
         RecordKind::events, "politie");
  AssessmentRecord a;
  a.case_id = "C1";
  a.assessor = "regisseur-3";
  a.assessed_on = {2025, 2, 2};
  a.judgement = Judgement::hoog;
  a.rationale = "Zie verslag";
  a.items["V1"] = ItemScore{2, "gezien", "politie"};
  a.items["K2"] = ItemScore{std::nullopt, "", ""};
  AssessmentRecord b = a;
  b.case_id = "C2";
  b.assessed_on = {2026, 2, 1};
  b.judgement = Judgement::midden;
  import(*store, "a.csv", std::vector<AssessmentRecord>{a, b}, RecordKind::assessments);
  InterventionRecord iv;
  iv.case_id = "C2";
  iv.code = "MENTOR";
  iv.partner = "gemeente";
  iv.started_on = {2026, 2, 10};
  iv.status = InterventionStatus::lopend;
  iv.rationale = "Vast aanspreekpunt";
  import(*store, "i.csv", std::vector<InterventionRecord>{iv}, RecordKind::interventions);
  LifeDomainObservation o;
  o.case_id = "C3";
  o.observed_on = {2026, 2, 5};
  o.domain = "wonen";
  o.score = 4;
  o.goal = "Eigen kamer";
  import(*store, "l.csv", std::vector<LifeDomainObservation>{o}, RecordKind::life_domains);

  const LoadScope scope = LoadScope::case_list();
  CHECK_FALSE(scope.personal_details);
  CHECK_FALSE(scope.free_texts);
  CHECK_FALSE(scope.events);
  CHECK_FALSE(scope.bsn);
  CHECK_FALSE(scope.assessment_details);
  CHECK(scope.only_cases.empty());
  auto data = store->load_dataset(scope);
  REQUIRE(data.is_ok());
  REQUIRE(data->cases.size() == 3);
  CHECK(data->assessments.size() == 2);
  CHECK(data->interventions.size() == 1);
  CHECK(data->life_domains.size() == 1);
  CHECK(data->events.size() == 0);
  for (const CaseRecord& c : data->cases) {
    INFO(c.case_id.str());
    CHECK(c.bsn.empty());
    CHECK(c.surname.empty());
    CHECK(c.given_names.empty());
    CHECK_FALSE(c.birth_date.has_value());
    CHECK(c.district == "F");
    CHECK(c.risk_group == 2);
  }
  CHECK(data->cases[0].closed_on == Date{2025, 6, 1});
  CHECK(data->cases[1].registered_on == Date{2026, 1, 1});
  const AssessmentRecord& first = data->assessments[0];
  CHECK(first.case_id == "C1");
  CHECK(first.assessor == "regisseur-3");
  CHECK(first.assessed_on == Date{2025, 2, 2});
  CHECK(first.judgement == Judgement::hoog);
  CHECK(first.rationale.empty());
  CHECK(first.items.empty());
  CHECK(data->assessments[1].judgement == Judgement::midden);
  CHECK(data->interventions[0].code == "MENTOR");
  CHECK(data->interventions[0].started_on == Date{2026, 2, 10});
  CHECK(data->interventions[0].status == InterventionStatus::lopend);
  CHECK(data->interventions[0].rationale.empty());
  CHECK(data->life_domains[0].score == 4);
  CHECK(data->life_domains[0].goal.empty());
  CHECK(data->data_as_of == Date{2026, 11, 28});
  CHECK(data->import_batches.size() == 5);

  // The other scopes are as they were: figures_only still reads the events,
  // the bsn and the assessment items and rationales.
  auto figures = store->load_dataset(LoadScope::figures_only());
  REQUIRE(figures.is_ok());
  CHECK(figures->events.size() == 3);
  CHECK(figures->cases[0].bsn == shared_bsn);
  CHECK(figures->assessments[0].rationale == "Zie verslag");
  REQUIRE(figures->assessments[0].items.size() == 2);
  CHECK(figures->assessments[0].items.at("V1").score == 2);

  // The bsn links events, so it is read whenever events are, even when bsn is off.
  LoadScope no_bsn;
  no_bsn.bsn = false;
  auto linked = store->load_dataset(no_bsn);
  REQUIRE(linked.is_ok());
  CHECK(linked->cases[1].bsn == shared_bsn);
  REQUIRE(linked->events.size() == 3);
  CHECK(linked->events[0].linked_case_id == "C1");
  CHECK(linked->events[1].linked_case_id == "C2");

  // Events off in a load scoped to one case: its own records, no events, and
  // its bsn (bsn still on) but no other case's details.
  LoadScope one;
  one.only_cases = {"C1"};
  one.events = false;
  auto own = store->load_dataset(one);
  REQUIRE(own.is_ok());
  CHECK(own->cases.size() == 3);
  CHECK(own->events.size() == 0);
  REQUIRE(own->assessments.size() == 1);
  CHECK(own->assessments[0].items.size() == 2);
  CHECK(own->assessments[0].rationale == "Zie verslag");
  CHECK(own->cases[0].bsn == shared_bsn);
  CHECK(own->cases[0].surname == "Vermeulen-C1");
  CHECK(own->cases[1].surname.empty());
}

TEST_CASE("store: a full load of more rows than one scan batch keeps storage order") {
  TempDir dir;
  auto store = fresh(dir);
  import(*store, "c.csv",
         std::vector<CaseRecord>{make_case("C1", "", {2020, 1, 1}), make_case("C2", "", {2020, 1, 1}),
                                 make_case("C3", "", {2020, 1, 1})},
         RecordKind::cases);
  const char* domains[] = {"wonen", "financien", "werk"};
  std::vector<LifeDomainObservation> observations;
  for (int i = 0; i < 9000; ++i) {  // a scan batch is 4096 rows
    LifeDomainObservation o;
    o.case_id = "C" + std::to_string(1 + i % 3);
    o.domain = domains[(i / 3) % 3];
    o.observed_on = Date{2020, 1, 1}.plus_days(i / 9);
    o.score = 1 + i % 5;
    observations.push_back(o);
  }
  import(*store, "l.csv", observations, RecordKind::life_domains);
  EventRecord e = make_event("E1", "C2", "", {2021, 1, 1});
  import(*store, "e.csv", std::vector<EventRecord>{e}, RecordKind::events, "politie");

  for (const LoadScope& scope : {LoadScope{}, LoadScope::case_list()}) {
    auto data = store->load_dataset(scope);
    REQUIRE(data.is_ok());
    REQUIRE(data->cases.size() == 3);
    REQUIRE(data->life_domains.size() == observations.size());
    std::size_t out_of_order = 0;
    for (std::size_t i = 0; i < observations.size(); ++i) {
      const LifeDomainObservation& o = data->life_domains[i];
      if (o.case_id != observations[i].case_id || o.domain != observations[i].domain ||
          o.observed_on != observations[i].observed_on || o.score != observations[i].score ||
          o.provenance.line != i + 2)
        ++out_of_order;
    }
    CHECK(out_of_order == 0);
    CHECK(data->events.size() == (scope.events ? 1u : 0u));
  }
}

TEST_CASE("store: a damaged record in the middle of a full load fails the load, and the store stays usable") {
  TempDir dir;
  auto store = fresh(dir);
  import(*store, "c.csv", std::vector<CaseRecord>{make_case("C1", "", {2020, 1, 1})}, RecordKind::cases);
  std::vector<LifeDomainObservation> observations;
  for (int i = 0; i < 10000; ++i) {
    LifeDomainObservation o;
    o.case_id = "C1";
    o.domain = "wonen";
    o.observed_on = Date{2000, 1, 1}.plus_days(i);
    o.score = 3;
    observations.push_back(o);
  }
  import(*store, "l.csv", observations, RecordKind::life_domains);
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path / "casus.db").c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "UPDATE record SET payload = x'ff' WHERE id = 6000", nullptr, nullptr, nullptr) ==
          SQLITE_OK);
    sqlite3_close(db);
  }
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto data = store->load_dataset();
    REQUIRE_FALSE(data.is_ok());
    CHECK(data.message() == "store: a stored record is damaged");
  }
  CHECK(store->count_records(RecordKind::life_domains).value() == 10000);
}

TEST_CASE("store: a case's rows are read and deleted through the indexes, and only that case's") {
  TempDir dir;
  auto store = fresh(dir);
  // C10's natural keys share C1's first characters; "C1|X" would fall inside
  // C1's natural-key range ("C1|" to "C1}") if case_id were not checked too.
  const std::vector<std::string> ids = {"C1", "C10", "C1|X"};
  std::vector<CaseRecord> cases;
  std::vector<AssessmentRecord> assessments;
  std::vector<InterventionRecord> interventions;
  std::vector<LifeDomainObservation> observations;
  std::vector<EventRecord> events;
  for (const std::string& id : ids) {
    cases.push_back(make_case(id, "", {2025, 1, 1}));
    AssessmentRecord a;
    a.case_id = id;
    a.assessed_on = {2025, 2, 2};
    assessments.push_back(a);
    InterventionRecord i;
    i.case_id = id;
    i.code = "mentor";
    i.partner = "zorg";
    i.started_on = {2025, 3, 1};
    interventions.push_back(i);
    LifeDomainObservation o;
    o.case_id = id;
    o.domain = "wonen";
    o.observed_on = {2025, 2, 1};
    o.score = 3;
    observations.push_back(o);
    events.push_back(make_event("E-" + id, id, "", {2025, 4, 1}));
  }
  import(*store, "c.csv", cases, RecordKind::cases);
  import(*store, "a.csv", assessments, RecordKind::assessments);
  import(*store, "i.csv", interventions, RecordKind::interventions);
  import(*store, "l.csv", observations, RecordKind::life_domains);
  import(*store, "e.csv", events, RecordKind::events, "politie");

  // Every condition is answered by an index, none by scanning the table.
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path / "casus.db").c_str(), &db) == SQLITE_OK);
    std::vector<std::string> plans;
    for (const char* condition : kCaseConditions) {
      sqlite3_stmt* stmt = nullptr;
      REQUIRE(sqlite3_prepare_v2(db, (std::string("EXPLAIN QUERY PLAN SELECT payload FROM record WHERE ") + condition).c_str(),
                                 -1, &stmt, nullptr) == SQLITE_OK);
      while (sqlite3_step(stmt) == SQLITE_ROW) plans.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3)));
      sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    REQUIRE(plans.size() == 3);
    CHECK(plans[0] == "SEARCH record USING INDEX sqlite_autoindex_record_1 (kind=? AND natural_key=?)");
    CHECK(plans[1] == "SEARCH record USING INDEX sqlite_autoindex_record_1 (kind=? AND natural_key>? AND natural_key<?)");
    CHECK(plans[2] == "SEARCH record USING INDEX record_case_events (case_id=?)");
  }

  LoadScope scope;
  scope.only_cases = {"C1"};
  auto one = store->load_dataset(scope);
  REQUIRE(one.is_ok());
  auto case_ids = [](const auto& records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(r.case_id);
    return out;
  };
  const std::vector<std::string> only_c1 = {"C1"};
  CHECK(case_ids(one->assessments) == only_c1);
  CHECK(case_ids(one->interventions) == only_c1);
  CHECK(case_ids(one->life_domains) == only_c1);
  CHECK(case_ids(one->events) == only_c1);

  auto deleted = store->delete_cases({"C1"});
  REQUIRE(deleted.is_ok());
  CHECK(*deleted == 5);  // its case row, assessment, intervention, observation and event
  auto rest = store->load_dataset();
  REQUIRE(rest.is_ok());
  const std::vector<std::string> others = {"C10", "C1|X"};
  CHECK(case_ids(rest->cases) == others);
  CHECK(case_ids(rest->assessments) == others);
  CHECK(case_ids(rest->interventions) == others);
  CHECK(case_ids(rest->life_domains) == others);
  CHECK(case_ids(rest->events) == others);
}
