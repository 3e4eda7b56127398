// bench/measure: the timer of bench/run.sh writes "WALL MAX_RSS_KB USER
// SYSTEM" to four decimals and passes the child's exit status through.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <unistd.h>

#include "render/test_support.h"

namespace {

using casus::testing::run_command;

// ctest runs the test cases in parallel, each in a process of its own: each
// gets a file of its own.
const std::filesystem::path& times_file() {
  static const std::filesystem::path file =
      std::filesystem::current_path() / ("measure_test_times_" + std::to_string(::getpid()) + ".txt");
  return file;
}

// Runs `measure FILE COMMAND`: its exit status and stdout, and the line it wrote.
struct Measured {
  int status;
  std::string output;
  std::string line;
};

Measured run_measure(const std::string& command) {
  std::filesystem::remove(times_file());
  const auto result = run_command(std::string(CASUS_MEASURE) + " '" + times_file().string() + "' " + command);
  std::ifstream in(times_file());
  std::stringstream text;
  text << in.rdbuf();
  in.close();
  std::filesystem::remove(times_file());
  return Measured{result.status, result.output, text.str()};
}

}  // namespace

TEST_CASE("measure writes wall time, peak RSS, user and system time to a tenth of a millisecond") {
  const Measured m = run_measure("sh -c 'exit 3'");
  INFO(m.line);
  // The exit status is the child's; every time has four decimals; the RSS is a whole number of KB.
  CHECK(m.status == 3);
  CHECK(std::regex_match(m.line, std::regex(R"(\d+\.\d{4} [1-9]\d* \d+\.\d{4} \d+\.\d{4}\n)")));
}

TEST_CASE("measure passes a success through and leaves the child's stdout untouched") {
  const Measured m = run_measure("printf 'uit het kind'");
  CHECK(m.status == 0);
  CHECK(m.output == "uit het kind");
}

TEST_CASE("measure reports a command ended by a signal as 128 + the signal") {
  const Measured m = run_measure("sh -c 'kill -9 $$'");
  CHECK(m.status == 137);
  CHECK_FALSE(m.line.empty());
}

TEST_CASE("measure names a command it cannot run, exits 127 and writes a line all the same") {
  const Measured m = run_measure("/nonexistent/command 2>&1");
  CHECK(m.status == 127);
  CHECK(m.output == "measure: cannot run /nonexistent/command: No such file or directory\n");
  CHECK_FALSE(m.line.empty());
}

TEST_CASE("measure without a command says how to use it") {
  const auto result = run_command(std::string(CASUS_MEASURE) + " 2>&1");
  CHECK(result.status == 2);
  CHECK(result.output == "usage: measure OUT_FILE COMMAND [ARG...]\n");
}
