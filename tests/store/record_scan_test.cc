#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "store/record_scan.h"

using namespace casus;

namespace {

constexpr int kRows = 40000;  // ten batches of at most 4096 rows
constexpr std::size_t kPayloadSize = 100;

// An in-memory database with a record table of kRows rows: kind cycling
// through 0..4, a payload of kPayloadSize bytes naming the row, batch_id and
// line derived from the id.
class ScanDatabase {
 public:
  ScanDatabase() {
    REQUIRE(sqlite3_open(":memory:", &db_) == SQLITE_OK);
    exec("CREATE TABLE record (id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, payload BLOB NOT NULL,"
         " batch_id INTEGER NOT NULL, line INTEGER NOT NULL)");
    exec("BEGIN");
    sqlite3_stmt* insert = nullptr;
    REQUIRE(sqlite3_prepare_v2(db_, "INSERT INTO record VALUES (?, ?, ?, ?, ?)", -1, &insert, nullptr) == SQLITE_OK);
    for (int id = 1; id <= kRows; ++id) {
      const std::string payload = payload_of(id);
      sqlite3_bind_int(insert, 1, id);
      sqlite3_bind_int(insert, 2, id % 5);
      sqlite3_bind_blob(insert, 3, payload.data(), static_cast<int>(payload.size()), SQLITE_TRANSIENT);
      sqlite3_bind_int(insert, 4, id / 1000);
      sqlite3_bind_int(insert, 5, id * 2);
      REQUIRE(sqlite3_step(insert) == SQLITE_DONE);
      sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    exec("COMMIT");
  }
  ~ScanDatabase() { sqlite3_close(db_); }
  sqlite3* db() const { return db_; }

  static std::string payload_of(int id) {
    std::string text = "row " + std::to_string(id) + " ";
    text.resize(kPayloadSize, '.');
    return text;
  }

 private:
  void exec(const char* sql) { REQUIRE(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK); }
  sqlite3* db_ = nullptr;
};

// Takes every row, checking each against the table; returns how many came.
int drain(RecordScan& scan, bool skip_events) {
  int expected_id = 0;
  int count = 0;
  for (auto* rows = &scan.next(); !rows->empty(); rows = &scan.next()) {
    for (const ScannedRecord& row : *rows) {
      do {
        ++expected_id;
      } while (skip_events && expected_id % 5 == static_cast<int>(RecordKind::events));
      REQUIRE(row.line == expected_id * 2);
      CHECK(static_cast<int>(row.kind) == expected_id % 5);
      CHECK(row.batch_id == expected_id / 1000);
      CHECK(row.payload == ScanDatabase::payload_of(expected_id));
      ++count;
    }
  }
  return count;
}

// Polls until the scanning thread has had `bytes` waiting at once, for at most 10 s.
bool ran_ahead_by(const RecordScan& scan, std::size_t bytes) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (scan.peak_bytes_in_flight() < bytes && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  return scan.peak_bytes_in_flight() >= bytes;
}

// One batch: 4096 payloads in a string grown by doubling (at most twice their
// size) and 4096 row entries of a few words each.
constexpr std::size_t kOneBatchAtMost = 4096 * (2 * kPayloadSize + 64);

}  // namespace

TEST_CASE("record scan: every row comes back once, in storage order, with its kind, batch, line and payload") {
  ScanDatabase database;
  RecordScan scan(database.db(), false);
  CHECK(drain(scan, false) == kRows);
  CHECK(scan.status().is_ok());
  RecordScan without_events(database.db(), true);
  CHECK(drain(without_events, true) == kRows - kRows / 5);
}

TEST_CASE("record scan: the scanning thread runs ahead of a slow caller by up to its budget, no further") {
  ScanDatabase database;
  SECTION("the default budget lets the whole table (about 5 MB) wait for a caller who is not taking") {
    RecordScan scan(database.db(), false);
    CHECK(ran_ahead_by(scan, 4 * kOneBatchAtMost));
    CHECK(drain(scan, false) == kRows);
  }
  SECTION("a budget of one byte lets one batch wait at a time") {
    RecordScan scan(database.db(), false, 1);
    CHECK(ran_ahead_by(scan, 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // time to queue more, were it let
    CHECK(scan.peak_bytes_in_flight() <= kOneBatchAtMost);
    CHECK(drain(scan, false) == kRows);
    CHECK(scan.peak_bytes_in_flight() <= kOneBatchAtMost);
  }
  SECTION("a budget of two megabytes holds the lead to two megabytes") {
    RecordScan scan(database.db(), false, std::size_t{2} << 20);
    CHECK(ran_ahead_by(scan, std::size_t{2} << 20 >> 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(scan.peak_bytes_in_flight() <= (std::size_t{2} << 20));
    CHECK(drain(scan, false) == kRows);
  }
}
