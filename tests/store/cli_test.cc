// End-to-end tests of `casus init` and `casus import` through the built binary,
// with the shipped config/ and a pinned clock.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/file_io.h"
#include "store/store.h"

using namespace casus;
namespace fs = std::filesystem;

namespace {

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

struct Workspace {
  fs::path dir;
  Workspace() {
    static int n = 0;
    dir = fs::temp_directory_path() / ("casus-cli-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    ::setenv("CASUS_NOW", "2026-11-28T09:00:00", 1);
  }
  ~Workspace() { fs::remove_all(dir); }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
  }
  std::string base() const {
    return std::string("cd '") + dir.string() + "' && '" + CASUS_BINARY + "' --config '" + CASUS_SOURCE_DIR +
           "/config' --store s.db --out out ";
  }
  Run run(const std::string& args) const {
    const std::string cmd = base() + args + " > stdout.txt 2> stderr.txt";
    const int raw = std::system(cmd.c_str());
    Run r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_file(dir / "stdout.txt").value();
    r.err = read_file(dir / "stderr.txt").value();
    return r;
  }
  std::unique_ptr<Store> store() const {
    static FixedClock clock(DateTime{{2026, 11, 28}, 9, 0, 0});
    auto s = Store::open(dir / "s.db", dir / "s.db.key", clock);
    REQUIRE(s.is_ok());
    return std::move(s.value());
  }
};

const char* kCases =
    "case_id;district;risk_group;registered_on;bsn;surname;given_names\n"
    "C1;F;2;01-03-2026;123456782;Oosterveldtestnaam;Jozefientje\n"
    "C2;Q;2;01-03-2026;;X;Y\n";

}  // namespace

TEST_CASE("cli: init creates store and key, refuses to overwrite") {
  Workspace w;
  Run r = w.run("init");
  CHECK(r.status == 0);
  CHECK(r.out.rfind("opslag aangemaakt: s.db\nsleutel aangemaakt: s.db.key", 0) == 0);
  CHECK((fs::status(w.dir / "s.db.key").permissions() & fs::perms::mask) ==
        (fs::perms::owner_read | fs::perms::owner_write));
  Run again = w.run("init");
  CHECK(again.status == 1);
  CHECK(again.err == "casus: s.db: store exists already; not overwriting it\n");
  fs::permissions(w.dir / "s.db.key", fs::perms::group_read | fs::perms::others_read, fs::perm_options::add);
  w.write("c.csv", kCases);
  Run open = w.run("import c.csv");
  CHECK(open.status == 1);
  CHECK(open.err ==
        "casus: s.db.key: key file is accessible to others (mode 0644); refusing to use it. Restrict it with: chmod 600 s.db.key\n");
}

TEST_CASE("cli: import exit statuses, located messages, JSON, skip on re-import") {
  Workspace w;
  REQUIRE(w.run("init").status == 0);
  w.write("c.csv", kCases);
  Run r = w.run("import c.csv");
  CHECK(r.status == 3);
  CHECK(r.err ==
        "casus: c.csv:3: field 'district': unknown district; expected one of A, E, F, K, M, N, T, B, S, buiten (got 'Q')\n");
  CHECK(r.out ==
        "c.csv: stored (cases, gemeente): 2 read, 1 new, 0 updated, 0 unchanged, 1 quarantined, 0 unlinked\n"
        "quarantaine: out/quarantaine/20261128-090000\n"
        "verslag: out/importverslag-20261128-090000.html\n");
  CHECK(read_file(w.dir / "out/quarantaine/20261128-090000/c.csv").value() ==
        "case_id;district;risk_group;registered_on;bsn;surname;given_names\nC2;Q;2;01-03-2026;;X;Y\n");
  CHECK(fs::exists(w.dir / "out/importverslag-20261128-090000.html"));

  Run skip = w.run("import --json c.csv");
  CHECK(skip.status == 0);
  CHECK(skip.out ==
        "[\n  {\"file\": \"c.csv\", \"kind\": \"cases\", \"partner\": \"gemeente\", \"status\": \"skipped\", \"read\": 0, "
        "\"stored\": 0, \"updated\": 0, \"unchanged\": 0, \"quarantined\": 0, \"unlinked\": 0, \"diagnostics\": [\n"
        "    {\"line\": null, \"field\": null, \"code\": \"import.skipped\", \"message\": \"already imported (same "
        "SHA-256) as 'c.csv' at 2026-11-28T09:00:00; skipped\"}\n  ]}\n]\n");

  w.write("e.csv", "event_id;bsn;occurred_on;kind\nE1;123456782;2026-03-05;melding\nE2;;2026-03-05;melding\n");
  Run strict = w.run("import --strict --partner politie e.csv");
  CHECK(strict.status == 1);
  CHECK(strict.err ==
        "casus: e.csv:3: field 'case_id': one of case_id and bsn is required, both missing\n"
        "casus: e.csv: 1 invalid record(s); --strict rejects the whole file, nothing stored\n");
  CHECK(w.store()->count_records(RecordKind::events).value() == 0);

  w.write("ok.csv", "event_id;bsn;occurred_on;kind\nE1;123456782;2026-03-05;melding\nE3;111222333;2026-03-05;melding\n");
  Run ok = w.run("import --partner politie ok.csv");
  CHECK(ok.status == 0);
  CHECK(ok.out.rfind("ok.csv: stored (events, politie): 2 read, 2 new, 0 updated, 0 unchanged, 0 quarantined, 1 unlinked; read as Windows-1252\n", 0) == 0);

  CHECK(w.run("import").status == 2);
  CHECK(w.run("import --bogus c.csv").status == 2);
  Run missing = w.run("import nope.csv");
  CHECK(missing.status == 1);
  CHECK(missing.err == "casus: nope.csv: cannot open: No such file or directory\n");
}

TEST_CASE("cli: hostile and broken inputs get one message each and leave the store unchanged") {
  Workspace w;
  REQUIRE(w.run("init").status == 0);
  w.write("c.csv", kCases);
  REQUIRE(w.run("import c.csv").status == 3);
  const std::string secret = "TOPSECRET-local-file-content-4711";
  const fs::path secret_file = w.write("secret.txt", secret);
  w.write("empty.csv", "");
  w.write("binary.csv", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12));
  w.write("truncated.xml", "<?xml version=\"1.0\"?>\n<export kind=\"cases\">\n<record><case_id>C9</case_id>\n<district>F</dis");
  w.write("laughs.xml",
          "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
          "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
          "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
          "<!ENTITY lol9 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n"
          "<export kind=\"cases\"><record><case_id>C9</case_id><surname>&lol9;</surname></record></export>\n");
  w.write("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE export [<!ENTITY x SYSTEM \"file://" + secret_file.string() +
                         "\">]>\n<export kind=\"cases\"><record><case_id>C9</case_id><surname>&x;</surname></record></export>\n");
  w.write("big.csv", "case_id;district;risk_group;registered_on;surname\nC9;F;2;2026-03-01;" + std::string(10 << 20, 'x') + "\n");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"empty.csv", "casus: empty.csv: empty file\n"},
      {"binary.csv", "casus: binary.csv: not a text file (contains NUL bytes); expected a CSV or XML export\n"},
      {"truncated.xml", "casus: truncated.xml:4:14: malformed XML: Start-end tags mismatch\n"},
      {"laughs.xml", "casus: laughs.xml:2:1: document has a DOCTYPE; DTDs and entities are not accepted in partner exports\n"},
      {"xxe.xml", "casus: xxe.xml:2:1: document has a DOCTYPE; DTDs and entities are not accepted in partner exports\n"},
      {"big.csv", "casus: big.csv:2: field longer than 1048576 bytes; this does not look like a partner export\n"},
  };
  for (const auto& [file, message] : cases) {
    Run r = w.run("import " + file);
    INFO(file);
    CHECK(r.status == 1);
    CHECK(r.err == message);
    CHECK(r.out.find(secret) == std::string::npos);
  }
  auto store = w.store();
  CHECK(store->batches().value().size() == 1);
  CHECK(store->count_records(RecordKind::cases).value() == 1);
  for (const auto& entry : fs::recursive_directory_iterator(w.dir)) {
    if (!entry.is_regular_file() || entry.path() == secret_file) continue;
    INFO(entry.path().string());
    CHECK(read_file(entry.path()).value().find(secret) == std::string::npos);
  }
}

TEST_CASE("cli: no plaintext bsn or name of the test data in db, -wal or -shm") {
  Workspace w;
  REQUIRE(w.run("init").status == 0);
  w.write("c.csv", kCases);
  REQUIRE(w.run("import c.csv").status == 3);
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const fs::path file = w.dir / (std::string("s.db") + suffix);
    if (!fs::exists(file)) continue;
    const std::string bytes = read_file(file).value();
    CHECK(bytes.find("123456782") == std::string::npos);
    CHECK(bytes.find("Oosterveldtestnaam") == std::string::npos);
    CHECK(bytes.find("Jozefientje") == std::string::npos);
  }
}

TEST_CASE("cli: kill -9 in the middle of a large import leaves the store as before that file") {
  Workspace w;
  REQUIRE(w.run("init").status == 0);
  w.write("c.csv", kCases);
  REQUIRE(w.run("import c.csv").status == 3);
  {
    std::ofstream big(w.dir / "events.csv", std::ios::binary);
    big << "event_id;case_id;occurred_on;kind;description\n";
    for (int i = 0; i < 600000; ++i) big << "E" << i << ";C1;2026-03-05;melding;een omschrijving van het voorval\n";
  }
  const std::string cmd = "cd '" + w.dir.string() + "' && { '" + CASUS_BINARY + "' --config '" + CASUS_SOURCE_DIR +
                          "/config' --store s.db --out out import --partner politie events.csv > /dev/null 2>&1 & echo $! > pid.txt; }";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const pid_t pid = std::stoi(read_file(w.dir / "pid.txt").value());
  // Wait until the import is writing (the WAL grows), at most 5 s.
  const auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(5)) {
    if (fs::file_size(w.dir / "s.db-wal", ec) > 4u << 20) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  REQUIRE(::kill(pid, SIGKILL) == 0);  // still running: killed mid-file
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto store = w.store();
  CHECK(store->batches().value().size() == 1);
  CHECK(store->count_records(RecordKind::events).value() == 0);
  CHECK(store->count_records(RecordKind::cases).value() == 1);
}
