#include "store/record_scan.h"

#include <sqlite3.h>

#include <algorithm>
#include <system_error>
#include <utility>

namespace casus {

namespace {

constexpr std::size_t kRowsPerBatch = 4096;

}  // namespace

HeldConnection::HeldConnection(sqlite3* db) : mutex_(sqlite3_db_mutex(db)) { sqlite3_mutex_enter(mutex_); }
HeldConnection::~HeldConnection() { sqlite3_mutex_leave(mutex_); }

RecordScan::RecordScan(sqlite3* db, bool skip_events, std::size_t bytes_in_flight)
    : db_(db), skip_events_(skip_events), budget_(bytes_in_flight) {
  try {
    thread_ = std::thread([this] { run(); });
  } catch (const std::system_error&) {
    bounded_ = false;  // no thread to be had: scan everything now, in this one
    run();
  }
}

RecordScan::~RecordScan() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool RecordScan::push(Batch&& batch) {
  const std::size_t bytes = batch.bytes();
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] { return stopped_ || !bounded_ || ready_.empty() || bytes_in_flight_ + bytes <= budget_; });
  if (stopped_) return false;
  bytes_in_flight_ += bytes;
  peak_bytes_in_flight_ = std::max(peak_bytes_in_flight_, bytes_in_flight_);
  ready_.push_back(std::move(batch));
  lock.unlock();
  changed_.notify_all();
  return true;
}

void RecordScan::finish(Status status) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    status_ = std::move(status);
    finished_ = true;
  }
  changed_.notify_all();
}

void RecordScan::run() {
  const HeldConnection held(db_);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT kind, payload, batch_id, line FROM record ORDER BY id", -1, &stmt, nullptr) !=
      SQLITE_OK) {
    finish(Status::error(std::string("store: ") + sqlite3_errmsg(db_)));
    return;
  }
  Batch batch;
  bool stopped = false;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    const auto kind = static_cast<RecordKind>(sqlite3_column_int64(stmt, 0));
    if (skip_events_ && kind == RecordKind::events) continue;  // its payload is never fetched
    const void* blob = sqlite3_column_blob(stmt, 1);
    const auto size = blob ? static_cast<std::size_t>(sqlite3_column_bytes(stmt, 1)) : 0;
    batch.rows.push_back(
        Row{kind, sqlite3_column_int64(stmt, 2), sqlite3_column_int64(stmt, 3), batch.payloads.size(), size});
    if (size > 0) batch.payloads.append(static_cast<const char*>(blob), size);
    if (batch.rows.size() == kRowsPerBatch) {
      if (!push(std::move(batch))) {
        stopped = true;
        break;
      }
      batch = Batch{};
    }
  }
  Status status = Status::ok();
  if (!stopped && rc != SQLITE_ROW && rc != SQLITE_DONE)
    status = Status::error(std::string("store: ") + sqlite3_errmsg(db_));
  if (!stopped && status && !batch.rows.empty()) push(std::move(batch));
  sqlite3_finalize(stmt);
  finish(std::move(status));
}

std::size_t RecordScan::peak_bytes_in_flight() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return peak_bytes_in_flight_;
}

const std::vector<ScannedRecord>& RecordScan::next() {
  current_ = Batch{};
  {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !ready_.empty() || finished_; });
    if (!ready_.empty()) {
      current_ = std::move(ready_.front());
      ready_.pop_front();
      bytes_in_flight_ -= current_.bytes();
    }
  }
  changed_.notify_all();
  handed_.clear();
  const std::string_view payloads(current_.payloads);
  for (const Row& row : current_.rows)
    handed_.push_back(ScannedRecord{row.kind, row.batch_id, row.line, payloads.substr(row.offset, row.size)});
  return handed_;
}

}  // namespace casus
