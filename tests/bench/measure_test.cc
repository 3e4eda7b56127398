// bench/measure: the timer of bench/run.sh writes "WALL MAX_RSS_KB USER
// SYSTEM" to four decimals and passes the child's exit status through.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "render/test_support.h"

namespace {

using casus::testing::run_command;

const std::filesystem::path& times_file() {
  static const std::filesystem::path file = std::filesystem::current_path() / "measure_test_times.txt";
  return file;
}

std::string measured(const std::string& command) {
  std::filesystem::remove(times_file());
  const auto result = run_command(std::string(CASUS_MEASURE) + " '" + times_file().string() + "' " + command);
  std::ifstream in(times_file());
  std::stringstream text;
  text << in.rdbuf();
  return std::to_string(result.status) + ": " + text.str();
}

}  // namespace

TEST_CASE("measure writes wall time, peak RSS, user and system time to a tenth of a millisecond") {
  const std::string line = measured("sh -c 'exit 3'");
  INFO(line);
  // The exit status is the child's; every time has four decimals; the RSS is a whole number of KB.
  CHECK(std::regex_match(line, std::regex(R"(3: \d+\.\d{4} [1-9]\d* \d+\.\d{4} \d+\.\d{4}\n)")));
}

TEST_CASE("measure passes a success through and reports the child's stdout untouched") {
  const auto result =
      run_command(std::string(CASUS_MEASURE) + " '" + times_file().string() + "' printf 'uit het kind'");
  CHECK(result.status == 0);
  CHECK(result.output == "uit het kind");
}

TEST_CASE("measure reports a command ended by a signal as 128 + the signal") {
  CHECK(measured("sh -c 'kill -9 $$'").substr(0, 5) == "137: ");
}

TEST_CASE("measure names a command it cannot run, exits 127 and writes a line all the same") {
  const auto result = run_command(std::string(CASUS_MEASURE) + " '" + times_file().string() +
                                  "' /nonexistent/command 2>&1");
  CHECK(result.status == 127);
  CHECK(result.output == "measure: cannot run /nonexistent/command: No such file or directory\n");
  CHECK(measured("/nonexistent/command 2>/dev/null").substr(0, 5) == "127: ");
}

TEST_CASE("measure without a command says how to use it") {
  const auto result = run_command(std::string(CASUS_MEASURE) + " 2>&1");
  CHECK(result.status == 2);
  CHECK(result.output == "usage: measure OUT_FILE COMMAND [ARG...]\n");
}
