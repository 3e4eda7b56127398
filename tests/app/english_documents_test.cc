// `casus --lang en training|handbook|covenant`: the English templates in
// templates/<doc>/en/ are used (English body text, not the Dutch fallback),
// every Dutch template has an English counterpart with the same keys, and the
// English covenant's change list names the English article titles.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

#include "app_test_support.h"
#include "config/config_loader.h"
#include "core/diagnostic.h"
#include "core/file_io.h"

using namespace casus::testing;
namespace fs = std::filesystem;

namespace {

std::string text_of(const fs::path& pdf) { return squash(run("pdftotext '" + pdf.string() + "' -", false).output); }

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

casus::Config load(const Scratch& s) {
  casus::CollectingSink sink;
  auto config = casus::load_config(s.root / "config", sink);
  REQUIRE(config.is_ok());
  return *config;
}

// The Mustache tags of a template (comments left out), counted.
std::map<std::string, int> tags_of(const fs::path& path) {
  auto text = casus::read_file(path);
  REQUIRE(text.is_ok());
  std::map<std::string, int> tags;
  const std::regex tag(R"(\{\{([^}]*)\}\})");
  for (auto it = std::sregex_iterator(text->begin(), text->end(), tag); it != std::sregex_iterator(); ++it) {
    const std::string t = (*it)[1];
    if (!t.empty() && t[0] != '!') ++tags[t];
  }
  return tags;
}

// The article numbers of the headings "Article N. …" in order.
std::vector<int> article_numbers(const std::string& layout_text) {
  std::vector<int> numbers;
  const std::regex heading(R"(^\s*Article (\d+)\. [A-Z])");
  std::istringstream in(layout_text);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_search(line, m, heading)) numbers.push_back(std::stoi(m[1]));
  }
  return numbers;
}

}  // namespace

TEST_CASE("english: every Dutch template of covenant, training, forms and handbook has an English one with the same keys") {
  const fs::path root = fs::path(CASUS_SOURCE_DIR) / "templates";
  int compared = 0;
  for (const char* doc : {"covenant", "training", "forms", "handbook"}) {
    for (const auto& entry : fs::directory_iterator(root / doc / "nl")) {
      const fs::path en = root / doc / "en" / entry.path().filename();
      INFO(en.string());
      REQUIRE(fs::exists(en));
      CHECK(tags_of(entry.path()) == tags_of(en));
      ++compared;
    }
  }
  CHECK(compared == 13);
}

TEST_CASE("english: training handouts, attendance list, certificates and blank forms") {
  Scratch s("english-training");
  auto r = run_casus(s, "--lang en training");
  INFO(r.output);
  REQUIRE(r.status == 0);
  const casus::Config config = load(s);

  const std::string role = text_of(s.out() / "training/1-regisseur.pdf");
  CHECK(contains(role, "Module 1 — The role of the case director"));
  CHECK(contains(role, "Learning goals"));
  CHECK(contains(role, "You know the tasks and powers of the case director (regisseur) within the "
                       "Persoonsgerichte Aanpak Radicalisering programme."));
  CHECK(contains(role, "The case director owns the case. You keep the overview, bring the partners together and "
                       "make sure that agreements are kept."));
  CHECK(contains(role, "Reassessment after no more than 91 days (high), 182 days (medium) or 365 days (low)."));
  CHECK(contains(role, "Fictional example. This case has been invented for the training. Any resemblance to an "
                       "existing person is coincidental."));
  CHECK(contains(role, "Exercises"));
  CHECK(contains(role, "INTERNAL — training material for case directors"));
  CHECK(contains(role, "page 1 of"));
  // Not the Dutch fallback.
  CHECK_FALSE(contains(role, "Leerdoelen"));
  CHECK_FALSE(contains(role, "De regisseur is eigenaar van de casus."));
  CHECK_FALSE(contains(role, "Fictief voorbeeld"));
  CHECK_FALSE(contains(role, "Oefeningen"));
  CHECK_FALSE(contains(role, "pagina 1 van"));

  const std::string conversation = text_of(s.out() / "training/5-gesprek.pdf");
  CHECK(contains(conversation, "Module 5 — Talking with ‘the case’"));
  CHECK(contains(conversation, "Do not debate: ideological discussion often strengthens the conviction."));
  CHECK_FALSE(contains(conversation, "Het persoonlijke gesprek is vaak het eerste instrument dat werkt."));

  const std::string framework = text_of(s.out() / "training/3-beoordelingskader.pdf");
  CHECK(contains(framework, "Each item is scored 0 (absent), 1 (partly present), 2 (clearly present) or unknown."));
  for (const auto& item : config.framework.items) {
    INFO(item.code);
    CHECK(contains(framework, item.code + " " + item.label.en));
  }
  const std::string toolkit = text_of(s.out() / "training/4-instrumentenkoffer.pdf");
  for (const auto& instrument : config.toolkit.instruments) {
    INFO(instrument.code);
    CHECK(contains(toolkit, instrument.name.en + " — owner:"));
  }
  CHECK_FALSE(contains(toolkit, "— eigenaar:"));

  const std::string attendance = text_of(s.out() / "training/presentielijst.pdf");
  CHECK(contains(attendance, "Attendance list, case director training"));
  CHECK(contains(attendance, "After the session this list is kept by the training coordinator"));
  const std::string certificates = text_of(s.out() / "training/certificaten.pdf");
  for (const auto& regisseur : config.regisseurs) {
    INFO(regisseur.name);
    CHECK(contains(certificates, "Certificate — " + regisseur.name));
  }
  CHECK(contains(certificates, "has successfully completed the training for case directors (regisseurs)"));
  CHECK_FALSE(contains(certificates, "met goed gevolg heeft deelgenomen"));
  CHECK(contains(certificates, "page 20 of 20"));

  const std::string form = text_of(s.out() / "formulieren/beoordelingskader-blanco.pdf");
  CHECK(contains(form, "Assessment form (blank)"));
  CHECK(contains(form, "CONFIDENTIAL — once completed, case meeting participants only"));
  CHECK(contains(form, "Reasons (required for a judgement below the floor)"));
  CHECK_FALSE(contains(form, "VERTROUWELIJK"));
  const std::string plan = text_of(s.out() / "formulieren/plan-van-aanpak-blanco.pdf");
  CHECK(contains(plan, "Plan of action (blank format) For training and manual use"));
  CHECK(contains(plan, "Once completed: CONFIDENTIAL — case meeting participants only"));
  CHECK(contains(plan, "Decision of the case meeting"));
  CHECK(contains(plan, "Life domain Score Band Goal Deadline"));
  CHECK(contains(plan, "No later than 91 days (high), 182 days (medium) or 365 days (low) after the latest assessment."));
  CHECK_FALSE(contains(plan, "Besluit casusoverleg"));
}

TEST_CASE("english: handbook") {
  Scratch s("english-handbook");
  auto r = run_casus(s, "--lang en handbook");
  INFO(r.output);
  REQUIRE(r.status == 0);
  const std::string text = text_of(s.out() / "handboek/uitvoeringskader.pdf");
  CHECK(contains(text, "Implementation framework"));
  CHECK(contains(text, "This implementation framework (uitvoeringskader) describes how the partners of the "
                       "Persoonsgerichte Aanpak Radicalisering programme work together"));
  CHECK(contains(text, "Roles and responsibilities"));
  CHECK(contains(text, "From referral to de-escalation"));
  CHECK(contains(text, "The case meeting (casusoverleg), the multi-agency meeting of the partners, discusses new "
                       "referrals"));
  CHECK(contains(text, "The data are destroyed no later than 5 years after closure."));
  CHECK(contains(text, "A proposal is placed on the agenda of the forum; the forum decides."));
  CHECK(contains(text, "INTERNAL — covenant partners only"));
  CHECK(contains(text, "page 1 of"));
  CHECK_FALSE(contains(text, "Dit uitvoeringskader beschrijft hoe de partners"));
  CHECK_FALSE(contains(text, "Van aanmelding tot afschaling"));
  CHECK_FALSE(contains(text, "Een voorstel komt op de agenda van het forum; het forum besluit."));
}

TEST_CASE("english: covenant draft, numbering and an English change list") {
  Scratch s("english-covenant");
  auto init = run_casus(s, "init");
  INFO(init.output);
  REQUIRE(init.status == 0);
  auto first = run_casus(s, "--lang en covenant");
  INFO(first.output);
  REQUIRE(first.status == 0);
  const std::string v1 = text_of(s.out() / "convenant/convenant-v1.pdf");
  CHECK(contains(v1, "Information-sharing covenant Persoonsgerichte Aanpak Radicalisering"));
  CHECK(contains(v1, "This is the first version; there is no earlier version to compare it with."));
  CHECK(contains(v1, "hereinafter jointly referred to as “the parties” and individually as “a party”;"));
  CHECK(contains(v1, "have agreed as follows."));
  CHECK(contains(v1, "Article 1. Definitions"));
  CHECK(contains(v1, "case director (regisseur): the municipal officer who coordinates the case"));
  CHECK(contains(v1, "Article 8. Minors and family members"));
  CHECK(contains(v1, "No later than 5 years after a case is closed, the data in the joint register are destroyed"));
  CHECK(contains(v1, "Information-exchange matrix"));
  CHECK(contains(v1, "Thus agreed and signed in 9 counterparts."));
  CHECK(contains(v1, "page 1 of"));
  CHECK_FALSE(contains(v1, "Dit is de eerste versie"));
  CHECK_FALSE(contains(v1, "komen het volgende overeen"));
  CHECK_FALSE(contains(v1, "Begripsbepalingen"));
  CHECK_FALSE(contains(v1, "Aldus overeengekomen"));
  CHECK_FALSE(contains(v1, "pagina 1 van"));
  // Numbered 1..14, in the table of contents and in the body.
  std::vector<int> expected(14);
  for (int i = 0; i < 14; ++i) expected[i] = i + 1;
  const std::vector<int> numbers = article_numbers(pdf_text(s.out() / "convenant/convenant-v1.pdf"));
  REQUIRE(numbers.size() == 28);
  CHECK(std::vector<int>(numbers.begin() + 14, numbers.end()) == expected);

  // A second draft after a change of the retention period names the changed
  // article by its English title.
  auto settings = casus::read_file(s.root / "config/settings.xml");
  REQUIRE(settings.is_ok());
  const auto at = settings->find("years-after-closure=\"5\"");
  REQUIRE(at != std::string::npos);
  settings->replace(at, 23, "years-after-closure=\"7\"");
  REQUIRE(casus::write_file_atomic(s.root / "config/settings.xml", *settings).is_ok());
  auto second = run_casus(s, "--lang en covenant", "2026-12-03T14:30:00");
  INFO(second.output);
  REQUIRE(second.status == 0);
  const std::string v2 = text_of(s.out() / "convenant/convenant-v2.pdf");
  CHECK(contains(v2, "Changes since version 1 Version 1 was drawn up on 28 November 2026. The following has changed "
                     "since then. Articles Article 9 (Retention and destruction) has been changed."));
  CHECK(contains(v2, "No later than 7 years after a case is closed"));
  CHECK_FALSE(contains(v2, "Wijzigingen ten opzichte van versie"));
}
