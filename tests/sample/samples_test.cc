// The committed samples and the `casus sample` command, against the shipped
// configuration: samples/ must be regenerable byte for byte.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "config/config_loader.h"
#include "core/file_io.h"
#include "sample/sample_generator.h"

using namespace casus;
namespace fs = std::filesystem;

namespace {

const Config& shipped_config() {
  static const Config config = [] {
    CollectingSink sink;
    auto loaded = load_config(fs::path(CASUS_SOURCE_DIR) / "config", sink);
    REQUIRE(loaded.is_ok());
    return std::move(loaded.value());
  }();
  return config;
}

std::map<std::string, std::string> files_under(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    auto bytes = read_file(entry.path());
    REQUIRE(bytes.is_ok());
    out[fs::relative(entry.path(), root).generic_string()] = *bytes;
  }
  return out;
}

std::map<std::string, std::string> files_of(const SampleSet& set) {
  std::map<std::string, std::string> out;
  for (const auto& file : set.files) out[file.path] = file.bytes;
  out["README.txt"] = set.readme;
  out["manifest.json"] = set.manifest_json;
  if (!set.faults_json.empty()) out["faults.json"] = set.faults_json;
  return out;
}

void check_same(const std::map<std::string, std::string>& committed,
                const std::map<std::string, std::string>& generated) {
  std::set<std::string> a, b;
  for (const auto& [path, bytes] : committed) a.insert(path);
  for (const auto& [path, bytes] : generated) b.insert(path);
  CHECK(a == b);
  for (const auto& [path, bytes] : generated) {
    INFO(path);
    const auto found = committed.find(path);
    if (found != committed.end()) CHECK(found->second == bytes);
  }
}

struct Run {
  int status = 0;
  std::string out;
  std::string err;
};

Run run_casus(const std::string& arguments) {
  const fs::path dir = fs::temp_directory_path() / ("casus_sample_cli_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string command = std::string(CASUS_BINARY) + " --config " + CASUS_SOURCE_DIR + "/config " +
                              arguments + " > " + (dir / "out.txt").string() + " 2> " +
                              (dir / "err.txt").string();
  const int raw = std::system(command.c_str());
  Run run;
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.out = read_file(dir / "out.txt").value();
  run.err = read_file(dir / "err.txt").value();
  return run;
}

}  // namespace

TEST_CASE("samples/default is the generator's output for --cases 150 --months 18 --seed 7") {
  auto set = build_sample(shipped_config(), SampleOptions{});
  REQUIRE(set.is_ok());
  check_same(files_under(fs::path(CASUS_SOURCE_DIR) / "samples" / "default"), files_of(*set));
}

TEST_CASE("samples/faults is the generator's output for --cases 30 --months 4 --seed 11 --faults") {
  SampleOptions options;
  options.cases = 30;
  options.months = 4;
  options.seed = 11;
  options.faults = true;
  auto set = build_sample(shipped_config(), options);
  REQUIRE(set.is_ok());
  check_same(files_under(fs::path(CASUS_SOURCE_DIR) / "samples" / "faults"), files_of(*set));
}

TEST_CASE("the shipped config: mapped partners are written through their mapping") {
  auto set = build_sample(shipped_config(), SampleOptions{});
  REQUIRE(set.is_ok());
  std::set<std::string> kinds;
  bool police = false, om = false, probation = false;
  for (const auto& file : set->files) {
    kinds.insert(file.kind);
    if (file.path == "2026-10/politie_events.csv") {
      police = true;
      CHECK(file.mapped);
      CHECK(file.encoding == "windows-1252");
      CHECK(file.bytes.rfind("Registratienummer;BSN-nummer;Pleegdatum;Soort registratie;Omschrijving\r\n", 0) == 0);
    }
    if (file.path == "2026-10/om_events.xml") {
      om = true;
      CHECK(file.mapped);
      CHECK(file.bytes.find("<parketnummer>") != std::string::npos);
      CHECK(file.bytes.find("<soort>DAGV</soort>") != std::string::npos);
    }
    if (file.partner == "reclassering" && file.kind == "interventions") {
      probation = true;
      CHECK(file.bytes.rfind("Casusnummer,Instrument,Organisatie,Startdatum,Einddatum,Status,Motivering\n", 0) == 0);
    }
  }
  CHECK(police);
  CHECK(om);
  CHECK(probation);
  CHECK(kinds == std::set<std::string>{"cases", "assessments", "interventions", "life_domains", "events"});
}

TEST_CASE("casus sample writes the set, replaces an earlier set and refuses a foreign folder") {
  const fs::path out = fs::temp_directory_path() / ("casus_sample_cli_" + std::to_string(::getpid())) / "set";
  fs::remove_all(out);
  Run run = run_casus("sample --cases 20 --months 3 --seed 5 --until 2026-06 --out " + out.string());
  CHECK(run.status == 0);
  CHECK(run.err.empty());
  SampleOptions options;
  options.cases = 20;
  options.months = 3;
  options.seed = 5;
  options.until = YearMonth{2026, 6};
  auto set = build_sample(shipped_config(), options);
  REQUIRE(set.is_ok());
  std::size_t records = 0;
  for (const auto& file : set->files) records += file.records;
  CHECK(run.out == "voorbeelddata geschreven naar " + out.string() + ": " + std::to_string(set->files.size()) +
                       " bestanden, " + std::to_string(records) +
                       " records, 20 zaken, 3 maanden (2026-04 t/m 2026-06)\n");
  check_same(files_under(out), files_of(*set));

  // A second run into the same folder replaces the earlier set entirely.
  run = run_casus("sample --cases 10 --months 2 --seed 5 --until 2026-06 --out " + out.string());
  CHECK(run.status == 0);
  CHECK_FALSE(fs::exists(out / "2026-04"));
  CHECK(fs::exists(out / "2026-05"));

  const fs::path foreign = fs::temp_directory_path() / ("casus_sample_cli_" + std::to_string(::getpid())) / "foreign";
  fs::remove_all(foreign);
  fs::create_directories(foreign);
  std::ofstream(foreign / "notes.txt") << "keep";
  run = run_casus("sample --out " + foreign.string());
  CHECK(run.status == 1);
  CHECK(run.err == "casus: " + foreign.string() +
                       " is not empty and holds no earlier sample (manifest.json); choose an empty folder\n");
  CHECK(fs::exists(foreign / "notes.txt"));

  run = run_casus("sample --until 2026-13 --out " + out.string());
  CHECK(run.status == 2);
  run = run_casus("sample --help");
  CHECK(run.status == 0);
  CHECK(run.out.find("--faults") != std::string::npos);
  CHECK(run.out.find("--until TEXT=2026-10") != std::string::npos);
}

TEST_CASE("the folder writer touches nothing before its first write") {
  const fs::path root =
      fs::temp_directory_path() / ("casus_sample_folder_" + std::to_string(::getpid()));
  fs::remove_all(root);
  SampleOptions options;
  options.cases = 10;
  options.months = 2;
  options.seed = 5;
  options.until = YearMonth{2026, 6};
  auto set = build_sample(shipped_config(), options);
  REQUIRE(set.is_ok());

  // An earlier sample stays until the first file is written, then goes.
  const fs::path earlier = root / "earlier";
  fs::create_directories(earlier / "2025-01");
  std::ofstream(earlier / "manifest.json") << "{\n  \"generator\": \"casus sample\"\n}\n";
  std::ofstream(earlier / "notes.txt") << "keep";
  SampleFolderWriter writer(earlier);
  CHECK(fs::exists(earlier / "2025-01"));
  REQUIRE(writer.write_file(set->files.front()).is_ok());
  CHECK_FALSE(fs::exists(earlier / "2025-01"));
  CHECK_FALSE(fs::exists(earlier / "manifest.json"));
  CHECK(fs::exists(earlier / "notes.txt"));
  CHECK(read_file(earlier / set->files.front().path).value() == set->files.front().bytes);
  REQUIRE(writer.finish(*set).is_ok());
  CHECK(read_file(earlier / "manifest.json").value() == set->manifest_json);
  CHECK_FALSE(writer.failed());

  // A foreign folder is refused at the first write, and the writer says so.
  const fs::path foreign = root / "foreign";
  fs::create_directories(foreign);
  std::ofstream(foreign / "notes.txt") << "keep";
  SampleFolderWriter refused(foreign);
  const Status status = refused.write_file(set->files.front());
  CHECK_FALSE(status.is_ok());
  CHECK(status.message() ==
        foreign.string() +
            " is not empty and holds no earlier sample (manifest.json); choose an empty folder");
  CHECK(refused.failed());
  CHECK(fs::exists(foreign / "notes.txt"));
  CHECK_FALSE(fs::exists(foreign / set->files.front().path));
  fs::remove_all(root);
}
