// `casus indicators` argument handling (the data source is connected by the lead).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace {

int run(const std::string& args, std::string& err) {
  const std::string err_file = "indicators_command_test.err";
  const std::string command = std::string(CASUS_BINARY) + " --config " + CASUS_SOURCE_DIR +
                              "/config " + args + " >/dev/null 2>" + err_file;
  const int rc = std::system(command.c_str());
  std::ifstream in(err_file);
  std::ostringstream text;
  text << in.rdbuf();
  err = text.str();
  std::remove(err_file.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

}  // namespace

TEST_CASE("casus indicators rejects a bad month and an unknown audience with exit 2") {
  std::string err;
  CHECK(run("indicators --month 2026-13", err) == 2);
  CHECK(err == "casus: --month: '2026-13' is geen maand van de vorm JJJJ-MM\n");
  CHECK(run("indicators --month 2026-11 --audience pers", err) == 2);
  CHECK(err ==
        "casus: --audience: onbekende doelgroep 'pers' (bekend: board, staff, casusoverleg, "
        "woensdagochtendoverleg, driehoek, partners, regisseurs)\n");
  CHECK(run("indicators", err) == 2);  // --month is required
}
