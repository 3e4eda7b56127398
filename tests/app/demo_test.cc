#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "core/file_io.h"

namespace fs = std::filesystem;

namespace {

struct Run {
  int status = -1;
  std::string out;
};

Run run_command(const std::string& command) {
  Run result;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) result.out.append(buffer, n);
  const int raw = ::pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return result;
}

}  // namespace

TEST_CASE("the demo imports the committed sample and lists what it wrote", "[demo]") {
  const fs::path work =
      fs::temp_directory_path() / ("casus_demo_test_" + std::to_string(::getpid()));
  fs::remove_all(work);
  fs::create_directories(work);
  const std::string source = CASUS_SOURCE_DIR;
  const std::string command = "cd " + source + " && CASUS_NOW=2026-11-28T09:00:00 " +
                              CASUS_BINARY + " --store " + (work / "demo.db").string() +
                              " --out " + (work / "out").string() + " demo 2>&1";
  Run run = run_command(command);
  INFO(run.out);
  REQUIRE(run.status == 0);
  CHECK(run.out.find("demo: 203 bestanden ingelezen: ") != std::string::npos);
  CHECK(run.out.find("0 in quarantaine, 0 geweigerd") != std::string::npos);
  CHECK(run.out.find("indicatoren/indicatoren-2026-10-board.json") != std::string::npos);
  auto manifest = casus::read_file(work / "out" / "manifest.json");
  REQUIRE(manifest.is_ok());
  CHECK(manifest->find("\"generated_at\": \"2026-11-28T09:00:00\"") != std::string::npos);
  CHECK(manifest->find("\"path\": \"indicatoren/indicatoren-2026-10-staff.json\"") !=
        std::string::npos);
  CHECK(manifest->find("\"path\": \"importverslag-20261128-090000.html\"") != std::string::npos);

  // A store named with --store is never replaced.
  Run again = run_command(command);
  CHECK(again.status == 1);
  CHECK(again.out.find("casus: opslag " + (work / "demo.db").string() +
                       " bestaat al; de demo gebruikt alleen een nieuwe opslag") != std::string::npos);
  fs::remove_all(work);
}
