#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <tuple>

#include "core/file_io.h"

namespace fs = std::filesystem;

namespace {

std::string run_capture(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  const int raw = ::pclose(pipe);
  status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return out;
}

Poco::Dynamic::Var parse_json(const std::string& text) {
  Poco::JSON::Parser parser;
  return parser.parse(text);
}

}  // namespace

// The committed fault sample (samples/faults) imported in delivery order:
// exactly the planted records are quarantined and exactly the planted files
// rejected, as faults.json lists them; everything else is stored.
TEST_CASE("importing the fault sample quarantines exactly the planted records", "[import][faults]") {
  const fs::path source = CASUS_SOURCE_DIR;
  const fs::path sample = source / "samples" / "faults";
  const fs::path work = fs::temp_directory_path() / ("casus-faults-" + std::to_string(::getpid()));
  fs::remove_all(work);
  fs::create_directories(work);

  auto manifest = parse_json(casus::read_file(sample / "manifest.json").value())
                      .extract<Poco::JSON::Object::Ptr>();
  std::string files;
  auto listed = manifest->getArray("files");
  for (std::size_t i = 0; i < listed->size(); ++i)
    files += " 'samples/faults/" + listed->getObject(static_cast<unsigned>(i))->getValue<std::string>("path") + "'";

  const std::string casus = std::string("cd '") + source.string() + "' && CASUS_NOW=2026-11-28T09:00:00 '" +
                            CASUS_BINARY + "' --store '" + (work / "s.db").string() + "' --out '" +
                            (work / "out").string() + "' ";
  int status = -1;
  run_capture(casus + "init 2>&1", status);
  REQUIRE(status == 0);
  const std::string report = run_capture(casus + "import --json" + files + " 2>/dev/null", status);
  CHECK(status == 1);  // rejected files make the import fail as a whole

  using Finding = std::tuple<std::string, int, std::string>;  // file, line, field
  std::set<Finding> expected_records, found_records;
  std::set<std::string> expected_rejected, found_rejected;
  auto faults = parse_json(casus::read_file(sample / "faults.json").value())
                    .extract<Poco::JSON::Object::Ptr>()
                    ->getArray("faults");
  for (std::size_t i = 0; i < faults->size(); ++i) {
    auto f = faults->getObject(static_cast<unsigned>(i));
    const std::string file = "samples/faults/" + f->getValue<std::string>("file");
    if (f->getValue<std::string>("expected") == "rejected")
      expected_rejected.insert(file);
    else
      expected_records.insert({file, f->getValue<int>("line"), f->getValue<std::string>("field")});
  }
  REQUIRE(expected_records.size() == 16);
  REQUIRE(expected_rejected.size() == 5);

  auto reports = parse_json(report).extract<Poco::JSON::Array::Ptr>();
  REQUIRE(reports->size() == listed->size());
  std::size_t quarantined = 0;
  for (std::size_t i = 0; i < reports->size(); ++i) {
    auto r = reports->getObject(static_cast<unsigned>(i));
    const std::string file = r->getValue<std::string>("file");
    const std::string file_status = r->getValue<std::string>("status");
    if (file_status == "rejected") {
      found_rejected.insert(file);
      continue;
    }
    CHECK(file_status == "stored");
    quarantined += r->getValue<std::size_t>("quarantined");
    auto diagnostics = r->getArray("diagnostics");
    for (std::size_t k = 0; k < diagnostics->size(); ++k) {
      auto d = diagnostics->getObject(static_cast<unsigned>(k));
      if (d->getValue<std::string>("code").rfind("record.", 0) != 0) continue;
      found_records.insert({file, d->getValue<int>("line"), d->getValue<std::string>("field")});
    }
  }
  CHECK(found_records == expected_records);
  CHECK(found_rejected == expected_rejected);
  CHECK(quarantined == expected_records.size());
  fs::remove_all(work);
}
