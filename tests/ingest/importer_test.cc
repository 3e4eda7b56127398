#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/file_io.h"
#include "ingest/import_report.h"
#include "ingest/importer.h"
#include "test_config.h"

using namespace casus;
namespace fs = std::filesystem;

namespace {

// An in-memory target: natural key -> record text; SHA-256s of committed files.
class FakeTarget : public ImportTarget {
 public:
  std::map<std::string, std::string> records;
  std::map<std::string, PreviousImport> files;
  std::vector<std::string> cases;
  int commits = 0, rollbacks = 0;

  Result<std::optional<PreviousImport>> previous_import(const std::string& sha) override {
    auto it = files.find(sha);
    if (it == files.end()) return std::optional<PreviousImport>();
    return std::optional<PreviousImport>(it->second);
  }
  Status begin(const BatchStart& b) override {
    pending_ = records;
    batch_ = b;
    return Status::ok();
  }
  Result<PutOutcome> put(const ValidRecord& r) override {
    std::string key, text;
    bool linked = true;
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, CaseRecord>) {
            key = "case|" + x.case_id;
            text = x.district + std::to_string(x.risk_group) + x.surname;
            cases.push_back(x.case_id);
          } else if constexpr (std::is_same_v<T, EventRecord>) {
            key = "event|" + x.partner + "|" + x.event_id;
            text = x.bsn + x.occurred_on.iso() + code(x.kind);
            linked = false;
          } else {
            key = "other|" + x.case_id + std::to_string(x.provenance.line);
          }
        },
        r);
    auto it = pending_.find(key);
    PutOutcome out;
    out.linked = linked;
    if (it == pending_.end()) out.result = PutResult::inserted;
    else if (it->second == text) out.result = PutResult::unchanged;
    else out.result = PutResult::updated;
    pending_[key] = text;
    return out;
  }
  Status commit(const BatchCounts&) override {
    records = pending_;
    files[batch_.sha256] = {batch_.file, "2026-11-28T09:00:00", code(batch_.kind), batch_.partner};
    ++commits;
    return Status::ok();
  }
  void rollback() override { ++rollbacks; }

 private:
  std::map<std::string, std::string> pending_;
  BatchStart batch_;
};

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("casus-ingest-test-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(counter()++));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  static int& counter() {
    static int n = 0;
    return n;
  }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

std::vector<std::string> messages(const FileReport& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.to_string());
  return out;
}

const char* kCases =
    "case_id;district;risk_group;registered_on;surname\n"
    "C1;F;2;01-03-2026;Jansen\n"
    "C2;Q;2;01-03-2026;Pietersen\n"
    "C3;A;9;31-02-2026;Klaassen\n";

}  // namespace

TEST_CASE("import: valid records stored, invalid ones quarantined with original text and reasons") {
  TempDir dir;
  const Config config = testing::test_config();
  FakeTarget target;
  const fs::path file = dir.write("cases.csv", kCases);
  Quarantine quarantine(dir.path / "q");
  FileReport r = import_file(file, {}, config, target, quarantine);
  CHECK(r.status == FileStatus::stored);
  CHECK(r.kind == "cases");
  CHECK(r.partner == "gemeente");
  CHECK(r.read == 3);
  CHECK(r.stored == 1);
  CHECK(r.quarantined == 2);
  CHECK(messages(r) == std::vector<std::string>{
                           file.string() + ":3: field 'district': unknown district; expected one of A, E, F, K, M, N, T, B, S, buiten (got 'Q')",
                           file.string() + ":4: field 'risk_group': expected a whole number from 1 to 5 (got '9')",
                           file.string() + ":4: field 'registered_on': not a valid date (got '31-02-2026')"});
  CHECK(import_exit_status({r}) == 3);
  quarantine.end_file();
  REQUIRE(quarantine.files().size() == 2);
  CHECK(read_file(quarantine.files()[0]).value() ==
        "case_id;district;risk_group;registered_on;surname\nC2;Q;2;01-03-2026;Pietersen\nC3;A;9;31-02-2026;Klaassen\n");
  CHECK(read_file(quarantine.files()[1]).value().find(file.string() + ":3: field 'district'") == 0);

  // The same bytes again: skipped whole.
  FileReport again = import_file(file, {}, config, target, quarantine);
  CHECK(again.status == FileStatus::skipped);
  CHECK(again.read == 0);
  CHECK(messages(again) == std::vector<std::string>{file.string() +
                                                    ": already imported (same SHA-256) as '" + file.string() +
                                                    "' at 2026-11-28T09:00:00; skipped"});
  CHECK(import_exit_status({again}) == 0);
}

TEST_CASE("import: --strict rejects the whole file") {
  TempDir dir;
  FakeTarget target;
  Quarantine quarantine(dir.path / "q");
  ImportOptions strict;
  strict.strict = true;
  FileReport r = import_file(dir.write("c.csv", kCases), strict, testing::test_config(), target, quarantine);
  CHECK(r.status == FileStatus::rejected);
  CHECK(r.stored == 0);
  CHECK(r.quarantined == 2);
  CHECK(target.commits == 0);
  CHECK(target.rollbacks == 1);
  CHECK(r.diagnostics.back().message == "2 invalid record(s); --strict rejects the whole file, nothing stored");
  CHECK(import_exit_status({r}) == 1);
}

TEST_CASE("import: replaced and unchanged records by natural key") {
  TempDir dir;
  FakeTarget target;
  Quarantine quarantine(dir.path / "q");
  const Config config = testing::test_config();
  import_file(dir.write("a.csv", "case_id,district,risk_group,registered_on\nC1,F,2,2026-03-01\nC2,F,2,2026-03-01\n"), {},
              config, target, quarantine);
  FileReport r = import_file(
      dir.write("b.csv", "case_id,district,risk_group,registered_on\nC1,F,3,2026-03-01\nC2,F,2,2026-03-01\nC3,A,1,2026-03-02\n"),
      {}, config, target, quarantine);
  CHECK(r.stored == 1);
  CHECK(r.updated == 1);
  CHECK(r.unchanged == 1);
  CHECK(import_exit_status({r}) == 0);
}

TEST_CASE("import: partner mapping inferred from headers, Windows-1252 declared, value maps") {
  TempDir dir;
  FakeTarget target;
  Quarantine quarantine(dir.path / "q");
  const fs::path file = dir.write("politie.csv",
                                  "Registratienummer;BSN-nummer;Pleegdatum;Soort registratie;Extra\n"
                                  "R1;123456782;14-10-2026;AANH;\xe9\n"
                                  "R2;123456782;15-10-2026;VERD;x\n");
  FileReport r = import_file(file, {}, testing::test_config(), target, quarantine);
  CHECK(r.status == FileStatus::stored);
  CHECK(r.partner == "politie");
  CHECK(r.kind == "events");
  CHECK(r.encoding == "windows-1252");
  CHECK(r.stored == 2);
  CHECK(r.unlinked == 2);
  CHECK(messages(r) == std::vector<std::string>{file.string() + ":1: field 'Extra': unknown column, ignored"});
  CHECK(target.records.at("event|politie|R1") == "1234567822026-10-14T00:00:00aanhouding");
}

TEST_CASE("import: a file that is not UTF-8 is read as Windows-1252 and the report says so") {
  TempDir dir;
  FakeTarget target;
  Quarantine quarantine(dir.path / "q");
  const fs::path file = dir.write("c.csv", "case_id;district;risk_group;registered_on;surname\nC1;F;2;01-03-2026;Caf\xe9\n");
  FileReport r = import_file(file, {}, testing::test_config(), target, quarantine);
  CHECK(r.status == FileStatus::stored);
  CHECK(r.encoding == "windows-1252");
  CHECK(messages(r) == std::vector<std::string>{file.string() + ": not valid UTF-8; read as Windows-1252"});
  CHECK(target.records.at("case|C1") == "F2Caf\xC3\xA9");
}

TEST_CASE("import: rejected files — empty, binary, missing column, unknown kind/partner, broken quoting") {
  TempDir dir;
  FakeTarget target;
  Quarantine quarantine(dir.path / "q");
  const Config config = testing::test_config();
  auto one = [&](const std::string& name, const std::string& text, ImportOptions options = {}) {
    const fs::path file = dir.write(name, text);
    FileReport r = import_file(file, options, config, target, quarantine);
    CHECK(r.status == FileStatus::rejected);
    REQUIRE(r.diagnostics.size() >= 1);
    return r.diagnostics.back().to_string().substr(file.string().size());
  };
  CHECK(one("empty.csv", "") == ": empty file");
  CHECK(one("blank.csv", "\n  \n") == ": empty file");
  CHECK(one("binary.csv", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11)) ==
        ": not a text file (contains NUL bytes); expected a CSV or XML export");
  CHECK(one("missing.csv", "case_id;district;risk_group\nC1;F;2\n", {"", RecordKind::cases, "cases", false}) ==
        ":1: field 'registered_on': required column missing");
  CHECK(one("unknown.csv", "x;y\n1;2\n") == ": cannot tell the record kind from the header; use --kind");
  CHECK(one("partner.csv", "case_id\n", {"bakker", std::nullopt, "", false}) == ": unknown partner 'bakker'");
  CHECK(one("kind.csv", "case_id\n", {"", std::nullopt, "dossiers", false}) ==
        ": unknown kind 'dossiers'; expected one of cases, assessments, interventions, life_domains, events");
  CHECK(one("quote.csv", "case_id;district;risk_group;registered_on\nC1;F;2;\"2026-03-01\n") ==
        ":2: quoted field opened on line 2 is never closed");
  CHECK(one("dup.csv", "case_id;CASE_ID;district;risk_group;registered_on\n") ==
        ":1: field 'case_id': columns 'case_id' and 'CASE_ID' both give this field");
  CHECK(one("doctype.xml", "<!DOCTYPE x [<!ENTITY a SYSTEM \"file:///etc/hostname\">]><export kind=\"cases\"/>") ==
        ":1:1: document has a DOCTYPE; DTDs and entities are not accepted in partner exports");
  CHECK(one("trunc.xml", "<export kind=\"cases\"><record><case_id>C1</case") .find(":1:") == 0);
  CHECK(target.commits == 0);
}

TEST_CASE("import: a header-only CSV is valid with a warning") {
  TempDir dir;
  FakeTarget target;
  Quarantine quarantine(dir.path / "q");
  const fs::path file = dir.write("h.csv", "case_id;district;risk_group;registered_on\r\n");
  FileReport r = import_file(file, {}, testing::test_config(), target, quarantine);
  CHECK(r.status == FileStatus::stored);
  CHECK(messages(r) == std::vector<std::string>{file.string() + ": no records (header only)"});
  CHECK(import_exit_status({r}) == 0);
  CHECK_FALSE(quarantine.used());
}

TEST_CASE("import: a 10 MB single field is rejected with one message") {
  TempDir dir;
  FakeTarget target;
  Quarantine quarantine(dir.path / "q");
  const fs::path file = dir.write("big.csv", "case_id;district;risk_group;registered_on;surname\nC1;F;2;2026-03-01;" +
                                                 std::string(10 << 20, 'x') + "\n");
  FileReport r = import_file(file, {}, testing::test_config(), target, quarantine);
  CHECK(r.status == FileStatus::rejected);
  CHECK(messages(r) == std::vector<std::string>{
                           file.string() + ":2: field longer than 1048576 bytes; this does not look like a partner export"});
  CHECK(target.commits == 0);
}

TEST_CASE("import: XML export, kind and partner from the root, mapped element names, unknown item invalid") {
  TempDir dir;
  FakeTarget target;
  Quarantine quarantine(dir.path / "q");
  const Config config = testing::test_config();
  const fs::path events = dir.write("e.xml",
                                    "<?xml version=\"1.0\"?>\n<export kind=\"events\" partner=\"politie\">\n"
                                    "<record><RegNr>R9</RegNr><bsn>123456782</bsn><occurred_on>2026-10-14</occurred_on>"
                                    "<kind>verd</kind><colour>red</colour></record>\n</export>\n");
  FileReport r = import_file(events, {}, config, target, quarantine);
  CHECK(r.status == FileStatus::stored);
  CHECK(r.partner == "politie");
  CHECK(r.stored == 1);
  CHECK(messages(r) == std::vector<std::string>{events.string() + ":3: field 'colour': unknown element, ignored"});
  CHECK(target.records.count("event|politie|R9") == 1);

  const fs::path assessments = dir.write("a.xml",
                                         "<export kind=\"assessments\">\n<record><case_id>C1</case_id>"
                                         "<assessed_on>2026-10-01</assessed_on><judgement>midden</judgement>"
                                         "<V1>2</V1><item code=\"Q7\" score=\"1\"/></record>\n</export>");
  FileReport a = import_file(assessments, {}, config, target, quarantine);
  CHECK(a.status == FileStatus::stored);
  CHECK(a.quarantined == 1);
  CHECK(messages(a) == std::vector<std::string>{assessments.string() +
                                                ":2: field 'Q7': item code not in the assessment framework (got 'Q7')"});

  ImportOptions conflict;
  conflict.kind = RecordKind::cases;
  FileReport c = import_file(dir.write("k.xml", "<export kind=\"events\" partner=\"politie\"/>"), conflict, config,
                             target, quarantine);
  CHECK(c.status == FileStatus::rejected);
  CHECK(c.diagnostics[0].message == "<export kind=\"events\"> contradicts --kind cases");
}

TEST_CASE("import report: JSON exactly as specified") {
  FileReport r;
  r.file = "in/cases.csv";
  r.kind = "cases";
  r.partner = "gemeente";
  r.status = FileStatus::stored;
  r.read = 3;
  r.stored = 1;
  r.quarantined = 2;
  Diagnostic d;
  d.code = "record.invalid_date";
  d.location = {"in/cases.csv", 4, 0};
  d.field = "registered_on";
  d.message = "not a valid date (got '31-02-2026')";
  r.diagnostics.push_back(d);
  FileReport rejected;
  rejected.file = "x\"y.csv";
  rejected.diagnostics.push_back({Severity::error, "file.empty", {"x\"y.csv", 0, 0}, "", "empty file"});
  CHECK(import_report_json({r, rejected}) ==
        "[\n"
        "  {\"file\": \"in/cases.csv\", \"kind\": \"cases\", \"partner\": \"gemeente\", \"status\": \"stored\", "
        "\"read\": 3, \"stored\": 1, \"updated\": 0, \"unchanged\": 0, \"quarantined\": 2, \"unlinked\": 0, "
        "\"diagnostics\": [\n"
        "    {\"line\": 4, \"field\": \"registered_on\", \"code\": \"record.invalid_date\", \"message\": \"not a valid date (got '31-02-2026')\"}\n"
        "  ]},\n"
        "  {\"file\": \"x\\\"y.csv\", \"kind\": null, \"partner\": null, \"status\": \"rejected\", "
        "\"read\": 0, \"stored\": 0, \"updated\": 0, \"unchanged\": 0, \"quarantined\": 0, \"unlinked\": 0, "
        "\"diagnostics\": [\n"
        "    {\"line\": null, \"field\": null, \"code\": \"file.empty\", \"message\": \"empty file\"}\n"
        "  ]}\n"
        "]\n");
  CHECK(import_report_summary({r}) ==
        "in/cases.csv: stored (cases, gemeente): 3 read, 1 new, 0 updated, 0 unchanged, 2 quarantined, 0 unlinked\n");
  CHECK(import_exit_status({r, rejected}) == 1);
  CHECK(import_exit_status({}) == 0);
}

TEST_CASE("import: the report lists the first 1000 record problems, memory does not grow with bad records") {
  TempDir dir;
  FakeTarget target;
  Quarantine quarantine(dir.path / "q");
  std::string text = "case_id;district;risk_group;registered_on\n";
  for (int i = 0; i < 1005; ++i) text += "C" + std::to_string(i) + ";Q;2;2026-03-01\n";
  const fs::path file = dir.write("bad.csv", text);
  FileReport r = import_file(file, {}, testing::test_config(), target, quarantine);
  CHECK(r.quarantined == 1005);
  REQUIRE(r.diagnostics.size() == 1001);
  CHECK(r.diagnostics.back().to_string() ==
        file.string() + ": 5 more record problems not listed here; the quarantine reasons file has them all");
}
