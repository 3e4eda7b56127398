// `casus training` and `casus handbook`: every framework item (with its
// guiding questions) and every instrument in config appears in the handouts
// and the handbook; the files, attendance list and certificates are written.
#include <catch2/catch.hpp>
#include <filesystem>

#include "app_test_support.h"
#include "config/config_loader.h"
#include "core/diagnostic.h"

using namespace casus::testing;
namespace fs = std::filesystem;

namespace {

std::string text_of(const fs::path& pdf) {
  return squash(run("pdftotext '" + pdf.string() + "' -", false).output);
}

casus::Config load(const Scratch& s) {
  casus::CollectingSink sink;
  auto config = casus::load_config(s.root / "config", sink);
  REQUIRE(config.is_ok());
  return *config;
}

}  // namespace

TEST_CASE("training: handouts, attendance list, certificates and blank forms") {
  Scratch s("training");
  auto r = run_casus(s, "training");
  INFO(r.output);
  REQUIRE(r.status == 0);
  for (const char* f : {"training/1-regisseur.pdf", "training/2-plan-van-aanpak.pdf", "training/3-beoordelingskader.pdf",
                        "training/4-instrumentenkoffer.pdf", "training/5-gesprek.pdf", "training/6-radicalisering.pdf",
                        "training/7-casusoverleg.pdf", "training/presentielijst.pdf", "training/certificaten.pdf",
                        "formulieren/beoordelingskader-blanco.pdf", "formulieren/plan-van-aanpak-blanco.pdf"}) {
    INFO(f);
    CHECK(fs::exists(s.out() / f));
    CHECK(r.output.find(f) != std::string::npos);
  }
  CHECK(fs::exists(s.out() / "manifest.json"));
  const casus::Config config = load(s);

  const std::string framework = text_of(s.out() / "training/3-beoordelingskader.pdf");
  const std::string form = text_of(s.out() / "formulieren/beoordelingskader-blanco.pdf");
  for (const auto& item : config.framework.items) {
    INFO(item.code);
    CHECK(framework.find(item.code + " " + item.label.nl) != std::string::npos);
    CHECK(form.find(item.label.nl) != std::string::npos);
    for (const auto& q : item.questions) CHECK(framework.find(squash(q.nl)) != std::string::npos);
  }
  const std::string toolkit = text_of(s.out() / "training/4-instrumentenkoffer.pdf");
  for (const auto& instrument : config.toolkit.instruments) {
    INFO(instrument.code);
    CHECK(toolkit.find(instrument.name.nl + " — eigenaar:") != std::string::npos);
    if (!instrument.legal_basis.nl.empty()) CHECK(toolkit.find(squash(instrument.legal_basis.nl)) != std::string::npos);
  }
  // Worked examples are marked as fictional.
  CHECK(toolkit.find("Fictief voorbeeld. Deze casus is verzonnen voor de opleiding.") != std::string::npos);

  const std::string attendance = text_of(s.out() / "training/presentielijst.pdf");
  const std::string certificates = text_of(s.out() / "training/certificaten.pdf");
  for (const auto& regisseur : config.regisseurs) {
    INFO(regisseur.name);
    CHECK(attendance.find(regisseur.name) != std::string::npos);
    CHECK(certificates.find("Certificaat — " + regisseur.name) != std::string::npos);
  }
  CHECK(certificates.find("pagina 20 van 20") != std::string::npos);

  // The blank plan in the training folder is the one `casus plan --blank` makes: same template, same context.
  const std::string blank_plan = text_of(s.out() / "formulieren/plan-van-aanpak-blanco.pdf");
  auto plan = run_casus(s, "plan --blank --format pdf --template '" + (s.root / "templates/plan/plan.mustache").string() + "'");
  INFO(plan.output);
  REQUIRE(plan.status == 0);
  CHECK(blank_plan == text_of(s.out() / "plannen/plan-blanco.pdf"));
  CHECK(blank_plan.find("Plan van aanpak (blanco format)") != std::string::npos);
  CHECK(blank_plan.find("Ingevuld: VERTROUWELIJK — alleen voor deelnemers casusoverleg") != std::string::npos);
  for (const auto& domain : config.monitoring.life_domains) CHECK(blank_plan.find(domain.name.nl) != std::string::npos);

  auto one = run_casus(s, "training --module gesprek");
  CHECK(one.status == 0);
  auto bad = run_casus(s, "training --module onbekend");
  CHECK(bad.status == 2);
  CHECK(bad.output ==
        "casus: --module: onbekende module 'onbekend' (bekend: regisseur, plan-van-aanpak, beoordelingskader, "
        "instrumentenkoffer, gesprek, radicalisering, casusoverleg)\n");
}

TEST_CASE("handbook: framework, toolkit, ladder and monitoring definitions all from config") {
  Scratch s("handbook");
  auto r = run_casus(s, "handbook");
  INFO(r.output);
  REQUIRE(r.status == 0);
  const std::string text = text_of(s.out() / "handboek/uitvoeringskader.pdf");
  const casus::Config config = load(s);
  for (const auto& item : config.framework.items) {
    INFO(item.code);
    CHECK(text.find(item.code + " " + item.label.nl) != std::string::npos);
  }
  for (const auto& instrument : config.toolkit.instruments) {
    INFO(instrument.code);
    CHECK(text.find(instrument.name.nl) != std::string::npos);
  }
  for (const auto& level : config.escalation.levels) CHECK(text.find(level.name.nl) != std::string::npos);
  for (const auto& indicator : config.monitoring.indicators) {
    INFO(indicator.code);
    // Long codes may wrap inside their table cell; compare without white space.
    std::string compact;
    for (char c : text)
      if (c != ' ') compact += c;
    CHECK(compact.find(indicator.code) != std::string::npos);
  }
  CHECK(text.find("INTERN — alleen voor partners van het convenant") != std::string::npos);
  CHECK(text.find("pagina 1 van") != std::string::npos);
}
