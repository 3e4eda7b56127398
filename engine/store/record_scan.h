// RecordScan: the loader's full scan of the record table, in storage order,
// stepped by a thread of its own. That thread copies the rows into batches
// while the caller decodes the batches before them, so SQLite's half of a
// load (stepping, reading pages, extracting columns) overlaps the decoding
// half. Owns the thread and the batches in flight (of 4096 rows each, up to
// a memory budget).
// Also HeldConnection, which the store's other scans use.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/status.h"
#include "model/enums.h"

struct sqlite3;
struct sqlite3_mutex;

namespace casus {

// Holds the connection's mutex while a scan steps through its rows: in
// SQLite's serialized mode every sqlite3_column_* call takes that (recursive)
// mutex, which is then already this thread's — a counter, not a lock, for
// each of the millions of calls of a full load.
class HeldConnection {
 public:
  explicit HeldConnection(sqlite3* db);
  ~HeldConnection();
  HeldConnection(const HeldConnection&) = delete;
  HeldConnection& operator=(const HeldConnection&) = delete;

 private:
  sqlite3_mutex* mutex_;  // null (a no-op) when SQLite is not in serialized mode
};

struct ScannedRecord {
  RecordKind kind = RecordKind::cases;
  std::int64_t batch_id = 0;
  std::int64_t line = 0;
  std::string_view payload;
};

class RecordScan {
 public:
  // How far the scanning thread may run ahead of the caller, in bytes of
  // batches waiting to be taken. The two halves are not equally fast on
  // every kind of record (SQLite is the slower one on a long run of small
  // life-domain rows, the decoder on assessments and cases), so the lead
  // built up on one stretch is spent on the next. Measured on a store of
  // 100k cases, where one month's life-domain rows are 34 batches: with 4
  // batches in flight the caller waited 0.5 s of a 3 s load; with 32 MB,
  // 0.05–0.07 s, and the load took 6–20% less time. The peak memory of a
  // load grows by less than the budget, since most of the lead is spent
  // before the end of the load, where the peak is (9–31 MB more at 100k).
  static constexpr std::size_t kDefaultBytesInFlight = std::size_t{32} << 20;

  // Starts scanning (kind, payload, batch_id, line of every row of `record`,
  // by id). `skip_events`: event rows are passed over unread. The connection
  // must not be used by anyone else until the scan is over or destroyed.
  // At least one batch is always let through, whatever the budget.
  RecordScan(sqlite3* db, bool skip_events, std::size_t bytes_in_flight = kDefaultBytesInFlight);
  // Stops the scan if it is still running, and waits for its thread.
  ~RecordScan();
  RecordScan(const RecordScan&) = delete;
  RecordScan& operator=(const RecordScan&) = delete;

  // The next rows, in storage order; empty when the scan is over. The views
  // are valid until the next call.
  const std::vector<ScannedRecord>& next();
  // After next() came back empty: ok, or what went wrong in SQLite.
  const Status& status() const { return status_; }
  // The most bytes of batches that were waiting at any one time.
  std::size_t peak_bytes_in_flight() const;

 private:
  struct Row {
    RecordKind kind;
    std::int64_t batch_id;
    std::int64_t line;
    std::size_t offset;  // of its payload in Batch::payloads
    std::size_t size;
  };
  struct Batch {
    std::string payloads;
    std::vector<Row> rows;
    std::size_t bytes() const { return payloads.capacity() + rows.capacity() * sizeof(Row); }
  };
  void run();                 // the scanning thread
  bool push(Batch&& batch);   // false when the scan was stopped
  void finish(Status status);

  sqlite3* db_;
  bool skip_events_;
  std::size_t budget_;  // bytes in flight (kDefaultBytesInFlight)
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> ready_;
  std::size_t bytes_in_flight_ = 0;  // of the batches in ready_
  std::size_t peak_bytes_in_flight_ = 0;
  bool finished_ = false;  // the scanning thread is done (status_ is set)
  bool stopped_ = false;   // the caller wants no more rows
  bool bounded_ = true;    // false when the scan runs in the caller's thread
  Status status_;
  Batch current_;                     // the batch last handed out
  std::vector<ScannedRecord> handed_;  // its rows, viewing its payloads
  std::thread thread_;
};

}  // namespace casus
