// `casus plan` end to end through the binary: the blank plan (no store
// needed), usage errors, and a template that asks for data the audience may
// not receive (an error before anything is written).
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

#include "app_test_support.h"
#include "config/config_loader.h"

namespace {

struct Run {
  int status = -1;
  std::string output;
};

Run shell(const std::string& command) {
  Run r;
  FILE* pipe = ::popen(command.c_str(), "r");
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

Run run(const std::string& args) {
  return shell(std::string("cd '") + CASUS_SOURCE_DIR + "' && CASUS_NOW=2026-11-28T09:00:00 '" + CASUS_BINARY + "' " +
               args + " 2>&1");
}

std::filesystem::path out_dir(const std::string& name) {
  const auto dir = std::filesystem::current_path() / "plan_command_output" / name;
  std::filesystem::remove_all(dir);
  return dir;
}

}  // namespace

TEST_CASE("casus plan --blank writes the blank plan as PDF and DOCX with a manifest", "[plan]") {
  const auto out = out_dir("blank");
  Run r = run("--out '" + out.string() + "' plan --blank --audience staff");
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(std::filesystem::exists(out / "plannen" / "plan-blanco.pdf"));
  CHECK(std::filesystem::exists(out / "plannen" / "plan-blanco.docx"));
  CHECK(std::filesystem::exists(out / "manifest.json"));
  CHECK(r.output.find("plannen/plan-blanco.pdf") != std::string::npos);
  const std::string text =
      casus::testing::squash(shell("pdftotext '" + (out / "plannen" / "plan-blanco.pdf").string() + "' - 2>/dev/null").output);
  CHECK(text.find("Plan van aanpak (blanco format) Voor training en handmatig gebruik — Persoonsgerichte Aanpak "
                  "Radicalisering") != std::string::npos);
  // A blank form holds no data: its marking says what the completed plan will be.
  CHECK(text.find("Ingevuld: VERTROUWELIJK — alleen voor projectmedewerkers en regisseurs") != std::string::npos);
  CHECK(text.find("Bij een begrenzend instrument: wettelijke grondslag en afweging van proportionaliteit en "
                  "subsidiariteit") != std::string::npos);
  CHECK(text.find("Voorzitter casusoverleg") != std::string::npos);
  // The rows to fill in come from config: domains, life domains, the ladder, the toolkit and the review intervals.
  casus::CollectingSink sink;
  auto config = casus::load_config(std::filesystem::path(CASUS_SOURCE_DIR) / "config", sink);
  REQUIRE(config.is_ok());
  for (const auto& domain : config->framework.domains) {
    INFO(domain.code);
    CHECK(text.find(domain.code + " — " + domain.name.nl) != std::string::npos);
  }
  for (const auto& domain : config->monitoring.life_domains) {
    INFO(domain.code);
    CHECK(text.find(domain.name.nl) != std::string::npos);
  }
  for (const auto& level : config->escalation.levels) {
    INFO(level.level);
    CHECK(text.find(std::to_string(level.level) + " — " + level.name.nl) != std::string::npos);
  }
  CHECK(text.find("Kies uit de instrumentenkoffer (" + std::to_string(config->toolkit.instruments.size()) +
                  " instrumenten).") != std::string::npos);
  const auto& m = config->monitoring;
  CHECK(text.find("Uiterlijk " + std::to_string(m.review_days_hoog) + " dagen (hoog), " +
                  std::to_string(m.review_days_midden) + " dagen (midden) of " + std::to_string(m.review_days_laag) +
                  " dagen (laag) na de laatste beoordeling.") != std::string::npos);
  for (const char* label : {"Domein Score Aandeel Toelichting", "Leefgebied Score Kleur Doel Termijn",
                            "Einde", "Evaluatie", "Treden van de escalatieladder:",
                            "Volgende beoordeling uiterlijk", "Datum volgende evaluatie"}) {
    INFO(label);
    CHECK(text.find(label) != std::string::npos);
  }
}

TEST_CASE("casus plan: usage errors", "[plan]") {
  Run none = run("plan");
  CHECK(none.status == 2);
  CHECK(none.output == "casus: geef casusnummers, --all of --blank (precies één daarvan)\n");
  Run board = run("plan --blank --audience board");
  CHECK(board.status == 2);
  CHECK(board.output ==
        "casus: --audience: 'board' krijgt alleen geaggregeerde cijfers (plannen zijn er voor: staff, casusoverleg, "
        "woensdagochtendoverleg, driehoek)\n");
  Run format = run("plan --blank --format pdf,odt");
  CHECK(format.status == 2);
  CHECK(format.output == "casus: --format: 'odt' is geen formaat (pdf, docx)\n");
}

TEST_CASE("casus plan: a template asking for data the audience may not receive fails before rendering", "[plan]") {
  const auto dir = std::filesystem::current_path() / "plan_command_output" / "template";
  std::filesystem::create_directories(dir);
  const auto path = dir / "plan.mustache";
  std::ofstream(path) << "<document title=\"{{meta.title}}\" marking=\"{{meta.marking}}\" created=\"{{meta.created}}\">\n"
                         "<p>{{case.name}}</p>\n</document>\n";
  const auto out = out_dir("refused");
  Run r = run("--out '" + out.string() + "' plan --blank --audience staff --template '" + path.string() + "'");
  CHECK(r.status == 1);
  CHECK(r.output == "casus: " + path.string() +
                        ":2:4: key 'case.name' has data category 'identificatie', which audience 'staff' may not receive\n"
                        "casus: sjabloon " + path.string() +
                        " vraagt gegevens die doelgroep 'staff' niet mag ontvangen; er is niets gemaakt\n");
  CHECK_FALSE(std::filesystem::exists(out));
}
