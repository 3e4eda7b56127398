// The covenant archive (schema version 2): numbering, order, and the forward
// migration of a version-1 store.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "store/store.h"

using namespace casus;
namespace fs = std::filesystem;

namespace {

struct ArchiveDir {
  fs::path path;
  ArchiveDir() {
    static int n = 0;
    path = fs::temp_directory_path() / ("casus-covenant-archive-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::create_directories(path);
  }
  ~ArchiveDir() { fs::remove_all(path); }
  fs::path db() const { return path / "casus.db"; }
  fs::path key() const { return path / "casus.db.key"; }
};

CovenantVersion draft(int number, const std::string& note) {
  return {number, "", note, "casus-covenant-snapshot 1\nparty\tx\tX\tY\n", "aa", "bb"};
}

}  // namespace

TEST_CASE("covenant archive: versions are numbered 1, 2, … and all are kept") {
  ArchiveDir dir;
  const FixedClock first(DateTime{{2026, 11, 28}, 9, 0, 0});
  REQUIRE(Store::create(dir.db(), dir.key(), first).is_ok());
  auto store = Store::open(dir.db(), dir.key(), first);
  REQUIRE(store.is_ok());
  auto none = (*store)->latest_covenant_version();
  REQUIRE(none.is_ok());
  CHECK_FALSE(none->has_value());
  CHECK((*store)->add_covenant_version(draft(2, "")).message() ==
        "store: covenant version 2 is not the next version (1)");
  REQUIRE((*store)->add_covenant_version(draft(1, "eerste concept")).is_ok());
  store->reset();
  const FixedClock second(DateTime{{2026, 12, 3}, 14, 30, 0});
  store = Store::open(dir.db(), dir.key(), second);
  REQUIRE(store.is_ok());
  REQUIRE((*store)->add_covenant_version(draft(2, "na overleg juristen")).is_ok());
  CHECK((*store)->add_covenant_version(draft(2, "dubbel")).message() ==
        "store: covenant version 2 is not the next version (3)");
  auto all = (*store)->covenant_versions();
  REQUIRE(all.is_ok());
  REQUIRE(all->size() == 2);
  CHECK((*all)[0].version == 1);
  CHECK((*all)[0].created_at == "2026-11-28T09:00:00");
  CHECK((*all)[0].note == "eerste concept");
  CHECK((*all)[1].version == 2);
  CHECK((*all)[1].created_at == "2026-12-03T14:30:00");
  CHECK((*all)[1].note == "na overleg juristen");
  CHECK((*all)[1].snapshot == "casus-covenant-snapshot 1\nparty\tx\tX\tY\n");
  CHECK((*all)[1].docx_sha256 == "aa");
  CHECK((*all)[1].pdf_sha256 == "bb");
  auto latest = (*store)->latest_covenant_version();
  REQUIRE(latest.is_ok());
  CHECK((*latest)->version == 2);
}

TEST_CASE("covenant archive: a schema-1 store migrates forward to the latest schema") {
  if (std::system("command -v sqlite3 >/dev/null 2>&1") != 0) return;
  ArchiveDir dir;
  const FixedClock clock(DateTime{{2026, 11, 28}, 9, 0, 0});
  REQUIRE(Store::create(dir.db(), dir.key(), clock).is_ok());
  // Make it a version-1 store as an older casus left it.
  REQUIRE(std::system(("sqlite3 " + dir.db().string() +
                       " 'DROP TABLE covenant_versions; DROP TABLE audit_log; DROP INDEX record_case_events; DROP INDEX record_bsn; PRAGMA user_version=1' 2>/dev/null").c_str()) == 0);
  auto store = Store::open(dir.db(), dir.key(), clock);
  REQUIRE(store.is_ok());
  CHECK((*store)->schema_version() == kStoreSchemaVersion);
  REQUIRE((*store)->add_covenant_version(draft(1, "")).is_ok());
  CHECK((*store)->covenant_versions()->size() == 1);
}
