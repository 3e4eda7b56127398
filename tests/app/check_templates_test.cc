#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/file_io.h"

namespace fs = std::filesystem;

namespace {

struct Output {
  int status = -1;
  std::string text;
};

// A copy of the shipped config, districts and templates in a scratch folder,
// where `casus check` runs with its defaults.
class CheckBox {
 public:
  CheckBox() : dir_(fs::temp_directory_path() / ("casus-check-" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "data");
    const fs::path source = CASUS_SOURCE_DIR;
    fs::copy(source / "config", dir_ / "config", fs::copy_options::recursive);
    fs::copy(source / "templates", dir_ / "templates", fs::copy_options::recursive);
    fs::copy_file(source / "data" / "districts.csv", dir_ / "data" / "districts.csv");
  }
  ~CheckBox() { fs::remove_all(dir_); }

  void prepend(const std::string& relative, const std::string& text) {
    auto original = casus::read_file(dir_ / relative);
    REQUIRE(original.is_ok());
    std::ofstream(dir_ / relative, std::ios::binary | std::ios::trunc) << text << *original;
  }

  Output check() const {
    Output out;
    const std::string command = "cd '" + dir_.string() + "' && '" + CASUS_BINARY + "' check 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.text.append(buffer, n);
    const int raw = ::pclose(pipe);
    out.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return out;
  }

 private:
  fs::path dir_;
};

}  // namespace

TEST_CASE("casus check passes the shipped config and templates", "[check]") {
  CheckBox box;
  Output out = box.check();
  CHECK(out.status == 0);
  CHECK(out.text ==
        "configuratie in orde: 25 items, 25 instrumenten, 9 partners, 7 doelgroepen; 35 sjablonen "
        "gecontroleerd\n");
}

TEST_CASE("casus check names every template field an audience may not receive", "[check]") {
  CheckBox box;
  box.prepend("templates/plan/plan.mustache", "{{case.name}}");
  box.prepend("templates/agenda/agenda.mustache", "\n  {{case.name}}");
  Output out = box.check();
  CHECK(out.status == 1);
  CHECK(out.text ==
        "casus: templates/plan/plan.mustache:1:1: key 'case.name' has data category "
        "'identificatie', which audience 'staff' may not receive\n"
        "casus: templates/agenda/agenda.mustache:2:3: key 'case.name' is not declared in the "
        "schema of document 'agenda'\n"
        "casus: configuratie bevat 2 fout(en)\n");
}

TEST_CASE("casus check refuses a case list that asks for a name or a case id", "[check]") {
  CheckBox box;
  box.prepend("templates/caselist/caselist.mustache", "{{#rows}}{{name}}{{case_id}}{{/rows}}\n{{rows.bsn}}\n");
  Output out = box.check();
  CHECK(out.status == 1);
  CHECK(out.text ==
        "casus: templates/caselist/caselist.mustache:1:10: key 'rows.name' has data category "
        "'identificatie', which audience 'staff' may not receive\n"
        "casus: templates/caselist/caselist.mustache:1:18: key 'case_id' is not declared in the "
        "schema of document 'casuslijst'\n"
        "casus: templates/caselist/caselist.mustache:2:1: key 'rows.bsn' has data category "
        "'identificatie', which audience 'staff' may not receive\n"
        "casus: configuratie bevat 3 fout(en)\n");
}

TEST_CASE("casus check reports a broken template with its line and column", "[check]") {
  CheckBox box;
  box.prepend("templates/handbook/nl/uitvoeringskader.mustache", "{{#open}}\n");
  Output out = box.check();
  CHECK(out.status == 1);
  CHECK(out.text.find("casus: templates/handbook/nl/uitvoeringskader.mustache:1:1: Unclosed section \"open\"") !=
        std::string::npos);
}
