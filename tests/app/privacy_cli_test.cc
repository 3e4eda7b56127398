// Privacy and security end to end, through the built `casus`: the audit log
// of a demo run (list, verify, tampering with sqlite3), retention, kill -9 at
// many points of a demo run, and every output searched for the sample's
// bsns, names and birth dates wherever its audience may not see them.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "config/config_loader.h"
#include "core/file_io.h"
#include "store/store.h"

using namespace casus;
namespace fs = std::filesystem;

namespace {

struct Output {
  int status = -1;
  std::string out;
  std::string err;
};

struct Sandbox {
  fs::path dir;
  Sandbox() {
    static int n = 0;
    dir = fs::temp_directory_path() / ("casus-privacy-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    ::setenv("CASUS_NOW", "2026-11-28T09:00:00", 1);
  }
  ~Sandbox() { fs::remove_all(dir); }
  // Runs casus from the source tree (the demo reads samples/default) with a store and out under dir.
  Output casus(const std::string& args, const std::string& store = "s.db") const {
    const std::string cmd = std::string("cd '") + CASUS_SOURCE_DIR + "' && '" + CASUS_BINARY + "' --config config --store '" +
                            (dir / store).string() + "' --out '" + (dir / "out").string() + "' " + args + " > '" +
                            (dir / "stdout.txt").string() + "' 2> '" + (dir / "stderr.txt").string() + "'";
    const int raw = std::system(cmd.c_str());
    Output r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_file(dir / "stdout.txt").value();
    r.err = read_file(dir / "stderr.txt").value();
    return r;
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
  }
  void sql(const std::string& store, const std::string& statement) const {
    REQUIRE(std::system(("sqlite3 '" + (dir / store).string() + "' \"" + statement + "\"").c_str()) == 0);
  }
};

std::string run_capture(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

// What a person's tools show of a file: text and metadata.
std::string extracted_text(const fs::path& file) {
  const std::string q = "'" + file.string() + "'";
  const std::string ext = file.extension().string();
  if (ext == ".pdf") return run_capture("pdftotext " + q + " - 2>/dev/null; pdfinfo " + q + " 2>/dev/null");
  if (ext == ".docx" || ext == ".xlsx") return run_capture("unzip -p " + q + " 2>/dev/null");
  return read_file(file).value();
}

std::string xml_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '\'') out += "&apos;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

// The demo once, shared by the tests that only read its results.
struct DemoRun {
  Sandbox box;
  Output output;
  DemoRun() { output = box.casus("--user testgebruiker demo", "demo.db"); }
};
const DemoRun& demo() {
  static DemoRun run;
  return run;
}

const char* kMonths[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                         "september", "oktober", "november", "december"};

}  // namespace

TEST_CASE("privacy: the demo's run is in the audit log, and verify finds tampering done with sqlite3") {
  const DemoRun& run = demo();
  INFO(run.output.out + run.output.err);
  REQUIRE(run.output.status == 0);
  Output verify = run.box.casus("audit verify", "demo.db");
  CHECK(verify.status == 0);
  CHECK(verify.out == "auditlog in orde: 1 regel(s), keten en kop kloppen\n");
  Output list = run.box.casus("audit list", "demo.db");
  CHECK(list.status == 0);
  CHECK(list.out.rfind("1  2026-11-28T09:00:00  testgebruiker  casus demo\n", 0) == 0);
  CHECK(list.out.find("    indicatoren/indicatoren-2026-10-board.json  doelgroep board  categorieën -  sha256 ") !=
        std::string::npos);
  CHECK(list.out.find("    importverslag-20261128-090000.html  doelgroep staff  categorieën regulier  sha256 ") !=
        std::string::npos);
  Output json = run.box.casus("audit list --json", "demo.db");
  CHECK(json.status == 0);
  Poco::JSON::Parser parser;
  auto entries = parser.parse(json.out).extract<Poco::JSON::Array::Ptr>();
  REQUIRE(entries->size() == 1);
  auto entry = entries->getObject(0);
  CHECK(entry->getValue<std::string>("user") == "testgebruiker");
  CHECK(entry->getValue<std::string>("command") == "demo");
  // The hashes in the log are the hashes of the files written.
  auto documents = entry->getObject("entries")->getArray("documents");
  // One entry per file of the run: exactly the files manifest.json lists.
  auto manifest = parser.parse(read_file(run.box.dir / "out" / "manifest.json").value())
                      .extract<Poco::JSON::Object::Ptr>();
  REQUIRE(documents->size() == manifest->getArray("files")->size());
  REQUIRE(documents->size() > 100);
  for (std::size_t i = 0; i < documents->size(); ++i) {
    auto d = documents->getObject(static_cast<unsigned>(i));
    CHECK(sha256_file_hex(run.box.dir / "out" / d->getValue<std::string>("path")).value() ==
          d->getValue<std::string>("sha256"));
  }

  // Tampering on a copy, so the shared demo store stays intact.
  for (const auto& [statement, message] : std::vector<std::pair<std::string, std::string>>{
           {"UPDATE audit_log SET user = 'iemand' WHERE id = 1", "entry 1: contents changed (hash mismatch)"},
           {"DELETE FROM audit_log", "entry 1: missing; the log ends at entry 0 but had 1 entries (the newest were deleted)"}}) {
    for (const char* suffix : {".db", ".db.key"})
      fs::copy_file(run.box.dir / (std::string("demo") + suffix), run.box.dir / (std::string("copy") + suffix),
                    fs::copy_options::overwrite_existing);
    fs::permissions(run.box.dir / "copy.db.key", fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    run.box.sql("copy.db", statement);
    Output broken = run.box.casus("audit verify", "copy.db");
    INFO(statement);
    CHECK(broken.status == 1);
    CHECK(broken.err == "casus: auditlog is aangetast: " + message + "\n");
    CHECK(broken.out.empty());
  }
}

TEST_CASE("privacy: no output carries a bsn, name or birth date its audience may not see") {
  const DemoRun& run = demo();
  REQUIRE(run.output.status == 0);
  CollectingSink sink;
  auto config = load_config(fs::path(CASUS_SOURCE_DIR) / "config", sink);
  REQUIRE(config.is_ok());
  const FixedClock clock(DateTime{{2026, 11, 28}, 9, 0, 0});
  auto store = Store::open(run.box.dir / "demo.db", run.box.dir / "demo.db.key", clock);
  REQUIRE(store.is_ok());
  auto data = (*store)->load_dataset();
  REQUIRE(data.is_ok());
  REQUIRE(data->cases.size() > 50);

  std::set<std::string> regisseur_words;  // regisseur names are not case data
  for (const auto& c : data->cases) {
    std::size_t start = 0;
    for (std::size_t end; (end = c.regisseur.str().find(' ', start)) != std::string::npos; start = end + 1)
      regisseur_words.insert(c.regisseur.str().substr(start, end - start));
    regisseur_words.insert(c.regisseur.str().substr(start));
  }
  // Per identifying field, the values to search for.
  struct Needle {
    std::string field;
    std::string value;
  };
  std::vector<Needle> needles;
  for (const auto& c : data->cases) {
    if (!c.bsn.empty()) needles.push_back({"bsn", c.bsn});
    if (c.surname.size() >= 6 && !regisseur_words.count(c.surname)) needles.push_back({"surname", c.surname});
    if (!c.given_names.empty() && !c.surname.empty())
      needles.push_back({"given_names", c.given_names + " " + c.surname});
    if (c.birth_date) {
      const Date& b = *c.birth_date;
      char dmy[24];
      std::snprintf(dmy, sizeof dmy, "%02d-%02d-%04d", b.day, b.month, b.year);
      needles.push_back({"birth_date", b.iso()});
      needles.push_back({"birth_date", dmy});
      needles.push_back({"birth_date", std::to_string(b.day) + " " + kMonths[b.month - 1] + " " + std::to_string(b.year)});
    }
  }
  REQUIRE(needles.size() > 200);

  auto manifest = Poco::JSON::Parser()
                      .parse(read_file(run.box.dir / "out" / "manifest.json").value())
                      .extract<Poco::JSON::Object::Ptr>();
  auto files = manifest->getArray("files");
  REQUIRE(files->size() >= 3);
  std::size_t searched = 0;
  for (std::size_t i = 0; i < files->size(); ++i) {
    auto entry = files->getObject(static_cast<unsigned>(i));
    const std::string path = entry->getValue<std::string>("path");
    const std::string audience_code = entry->getValue<std::string>("audience");
    const Audience* audience = config->find_audience(audience_code);
    INFO(path << " for " << audience_code);
    REQUIRE(audience != nullptr);  // every output names a configured audience
    const std::string text = extracted_text(run.box.dir / "out" / path);
    REQUIRE_FALSE(text.empty());
    for (const auto& needle : needles) {
      if (audience->categories.count(config->category_of("cases", needle.field))) continue;
      INFO("field " << needle.field);
      CHECK(text.find(needle.value) == std::string::npos);
      CHECK(text.find(xml_escaped(needle.value)) == std::string::npos);
    }
    ++searched;
  }
  CHECK(searched == files->size());
  // The search can fail: a planted value is found.
  CHECK(std::string("... " + needles.front().value + " ...").find(needles.front().value) != std::string::npos);
}

TEST_CASE("privacy: retention lists the cases due, --apply deletes them and logs it") {
  Sandbox box;
  REQUIRE(box.casus("init").status == 0);
  box.write("c.csv",
            "case_id;district;risk_group;registered_on;closed_on;closure_reason;bsn\n"
            "OUD1;F;2;01-03-2015;15-06-2020;verhuisd;123456782\n"
            "RAND;F;2;01-03-2015;28-11-2021;verhuisd;\n"
            "NIEUW;F;2;01-03-2026;;;\n");
  box.write("e.csv", "event_id;bsn;occurred_on;kind\nE1;123456782;2019-01-01;melding\n");
  REQUIRE(box.casus("import '" + (box.dir / "c.csv").string() + "'").status == 0);
  REQUIRE(box.casus("import --partner politie '" + (box.dir / "e.csv").string() + "'").status == 0);

  Output list = box.casus("retention");
  CHECK(list.status == 0);
  CHECK(list.out ==
        "bewaartermijn: 5 jaar na afsluiting; 1 casus(sen) te verwijderen op 2026-11-28\n"
        "  OUD1  afgesloten 2020-06-15  te verwijderen na 2025-06-15\n"
        "(niets verwijderd; gebruik --apply om te verwijderen)\n");
  Output apply = box.casus("--user beheerder retention --apply");
  CHECK(apply.status == 0);
  CHECK(apply.out ==
        "bewaartermijn: 5 jaar na afsluiting; 1 casus(sen) te verwijderen op 2026-11-28\n"
        "  OUD1  afgesloten 2020-06-15  te verwijderen na 2025-06-15\n"
        "verwijderd: 1 casus(sen), 2 rij(en) met geschiedenis en gekoppelde gebeurtenissen; vastgelegd in het auditlog\n");
  Output again = box.casus("retention");
  CHECK(again.out == "bewaartermijn: 5 jaar na afsluiting; 0 casus(sen) te verwijderen op 2026-11-28\n");
  Output audit = box.casus("audit list");
  CHECK(audit.out ==
        "1  2026-11-28T09:00:00  beheerder  casus retention --apply\n"
        "    retention 5 years after closure: deleted 1 case(s), 2 row(s): OUD1\n");
  CHECK(box.casus("audit verify").status == 0);
  const FixedClock clock(DateTime{{2026, 11, 28}, 9, 0, 0});
  auto store = Store::open(box.dir / "s.db", box.dir / "s.db.key", clock);
  REQUIRE(store.is_ok());
  CHECK((*store)->count_records(RecordKind::cases).value() == 2);
  CHECK((*store)->count_records(RecordKind::events).value() == 0);
}

TEST_CASE("privacy: kill -9 at many points of a demo run leaves no partial file under outputs") {
  Sandbox box;
  const fs::path out = box.dir / "out";
  auto check_outputs = [&](bool after_complete_run) {
    std::size_t temporaries = 0;
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
      if (!entry.is_regular_file()) continue;
      const std::string name = entry.path().filename().string();
      INFO(entry.path().string());
      if (name.rfind(".casus-tmp-", 0) == 0) {
        ++temporaries;
        continue;
      }
      const std::string bytes = read_file(entry.path()).value();
      const std::string ext = entry.path().extension().string();
      if (ext == ".json") {
        CHECK_NOTHROW(Poco::JSON::Parser().parse(bytes));
      } else if (ext == ".html") {
        CHECK(bytes.size() > 15);
        CHECK(bytes.substr(bytes.size() - 15) == "</body></html>\n");
      } else if (ext == ".pdf") {
        CHECK(bytes.find("%%EOF", bytes.size() > 8 ? bytes.size() - 8 : 0) != std::string::npos);
        CHECK(std::system(("qpdf --check '" + entry.path().string() + "' >/dev/null 2>&1").c_str()) == 0);
      } else if (ext == ".docx" || ext == ".xlsx") {
        CHECK(std::system(("unzip -tq '" + entry.path().string() + "' >/dev/null 2>&1").c_str()) == 0);
      }
    }
    if (after_complete_run) CHECK(temporaries == 0);
    // Whatever the manifest lists is there, with its hash.
    if (fs::exists(out / "manifest.json")) {
      auto manifest = Poco::JSON::Parser().parse(read_file(out / "manifest.json").value()).extract<Poco::JSON::Object::Ptr>();
      auto files = manifest->getArray("files");
      for (std::size_t i = 0; i < files->size(); ++i) {
        auto f = files->getObject(static_cast<unsigned>(i));
        CHECK(sha256_file_hex(out / f->getValue<std::string>("path")).value() == f->getValue<std::string>("sha256"));
      }
    }
  };

  int killed_running = 0;
  for (int step = 0; step < 14; ++step) {
    const std::string store = (box.dir / ("kill" + std::to_string(step) + ".db")).string();
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      if (::chdir(CASUS_SOURCE_DIR) != 0) ::_exit(127);
      std::FILE* null = std::fopen("/dev/null", "w");
      ::dup2(::fileno(null), 1);
      ::dup2(::fileno(null), 2);
      ::execl(CASUS_BINARY, CASUS_BINARY, "--config", "config", "--store", store.c_str(), "--out", out.c_str(), "demo",
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::usleep(static_cast<useconds_t>(step * 20000));  // 0, 20, …, 260 ms into the run
    if (::kill(pid, SIGKILL) == 0) ++killed_running;
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) INFO("killed at " << step * 20 << " ms");
    if (fs::exists(out)) check_outputs(false);
  }
  CHECK(killed_running > 0);
  // A complete run afterwards removes what the killed runs left behind.
  Output complete = box.casus("demo", "final.db");
  REQUIRE(complete.status == 0);
  check_outputs(true);
}
