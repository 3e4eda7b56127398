// The meeting agenda rendered to PDF and read back with `pdftotext -layout`:
// a hand-made dataset with one case for each reason (new registration,
// overdue review, proposed escalation, proposed afschaling, plan due, hold
// past its review date) and cases with no reason. Each forum's agenda must
// list exactly its cases, most urgent first, each with its reason text.
#include <catch2/catch.hpp>

#include "logic/agenda_selection.h"
#include "logic/logic_fixture.h"
#include "render/agenda_context.h"
#include "render/agenda_table_text.h"
#include "render/pdf_writer.h"
#include "render/test_support.h"

using namespace casus;
using namespace casus::testing;

namespace {

const Date kMeeting{2026, 12, 2};  // a Wednesday

CaseRecord named(CaseRecord c, const std::string& given, const std::string& surname, const std::string& regisseur,
                 int level, const char* plan_approved = nullptr) {
  c.given_names = given;
  c.surname = surname;
  c.regisseur = regisseur;
  c.escalation_level = level;
  if (plan_approved) c.plan_approved_on = d(plan_approved);
  return c;
}

Dataset agenda_dataset() {
  Dataset ds;
  ds.data_as_of = Date{2026, 11, 30};
  // Level 1, registered a week before the meeting: a new registration for the intake forum.
  ds.cases.push_back(named(make_case("A-NIEUW", "2026-11-25"), "Nina", "Nieuw", "Eva Fictief", 1));
  // Level 1, registered 48 days before: the plan was due on 26 November (42 days).
  ds.cases.push_back(named(make_case("A-PLAN", "2026-10-15"), "Piet", "Plan", "Bram Fictief", 1));
  // Level 2, last assessed midden on 1 May: the review was due on 30 October (182 days).
  ds.cases.push_back(named(make_case("A-HERZ", "2025-01-10"), "Rik", "Herzien", "Eva Fictief", 2, "2025-02-01"));
  ds.assessments.push_back(make_assessment("A-HERZ", "2026-05-01", Judgement::midden));
  // Level 2, on hold; its review date passed 30 days before the meeting.
  ds.cases.push_back(named(make_case("A-PAUZE", "2025-01-10"), "Hanna", "Pauze", "Bram Fictief", 2, "2025-02-01"));
  ds.cases.back().on_hold_since = d("2026-06-01");
  ds.cases.back().on_hold_review_on = d("2026-11-02");
  ds.assessments.push_back(make_assessment("A-PAUZE", "2026-10-01", Judgement::laag));
  // Level 2, an arrest since the latest assessment: a proposal to escalate to level 3.
  ds.cases.push_back(named(make_case("A-OP", "2025-01-10"), "Olaf", "Op", "Eva Fictief", 2, "2025-02-01"));
  ds.assessments.push_back(make_assessment("A-OP", "2026-11-01", Judgement::midden));
  ds.events.push_back(make_event("A-OP", "2026-11-20", EventKind::aanhouding));
  // Level 3, two assessments at laag and every life domain orange or green: a proposal to scale down to 2.
  ds.cases.push_back(named(make_case("A-AF", "2025-01-10"), "Anouk", "Af", "Bram Fictief", 3, "2025-02-01"));
  ds.assessments.push_back(make_assessment("A-AF", "2026-06-01", Judgement::laag));
  ds.assessments.push_back(make_assessment("A-AF", "2026-11-01", Judgement::laag));
  ds.life_domains.push_back(make_observation("A-AF", "2026-11-01", "huisvesting", 4));
  ds.life_domains.push_back(make_observation("A-AF", "2026-11-01", "werk_opleiding", 3));
  // Level 3, last assessed midden on 15 May: review due 13 November, for the woensdagochtendoverleg only.
  ds.cases.push_back(named(make_case("W-HERZ", "2025-01-10"), "Wim", "Herzien", "Eva Fictief", 3, "2025-02-01"));
  ds.assessments.push_back(make_assessment("W-HERZ", "2026-05-15", Judgement::midden));
  // No reason at all (level 2 and level 3), and a closed case: never on an agenda.
  ds.cases.push_back(named(make_case("A-STIL", "2025-01-10"), "Stijn", "Stil", "Eva Fictief", 2, "2025-02-01"));
  ds.assessments.push_back(make_assessment("A-STIL", "2026-11-01", Judgement::midden));
  ds.cases.push_back(named(make_case("W-STIL", "2025-01-10"), "Wendy", "Stil", "Bram Fictief", 3, "2025-02-01"));
  ds.assessments.push_back(make_assessment("W-STIL", "2026-11-01", Judgement::midden));
  ds.cases.push_back(closed(named(make_case("A-DICHT", "2026-11-25"), "Dirk", "Dicht", "Eva Fictief", 1),
                            "2026-11-27", ClosureReason::verhuisd));
  return ds;
}

struct RenderedAgenda {
  std::vector<AgendaItem> items;
  std::string layout;  // pdftotext -layout
};

RenderedAgenda render_agenda(const std::string& forum, Language language = Language::nl) {
  const Config& config = shipped_config();
  static const Dataset dataset = agenda_dataset();
  static const DatasetIndex index(dataset);
  AgendaOptions agenda;
  agenda.forum = forum;
  agenda.date = kMeeting;
  auto items = select_agenda(config, index, agenda);
  REQUIRE(items.is_ok());
  const Audience* audience = config.find_audience(forum);
  REQUIRE(audience);
  const DocumentSchema schema = agenda_schema(config);
  AgendaContextOptions options;
  options.language = language;
  options.data_as_of = dataset.data_as_of;
  options.generated_at = DateTime{Date{2026, 11, 30}, 9, 0, 0};
  auto context = build_agenda_context(config, *items, agenda, *audience, schema, options);
  REQUIRE(context.is_ok());
  CollectingSink sink;
  auto tmpl = MustacheTemplate::load(std::filesystem::path(CASUS_SOURCE_DIR) / kAgendaTemplate, sink);
  REQUIRE(tmpl.is_ok());
  auto document = render_built_context(*tmpl, *context, sink);
  if (!document) FAIL(document.message());
  const auto path = output_folder() / ("agenda-" + forum + "-" + language_code(language) + ".pdf");
  REQUIRE(write_pdf(*document, path).is_ok());
  RenderedAgenda out;
  out.items = std::move(items.value());
  out.layout = run_command("pdftotext -layout " + quoted(path) + " - 2>/dev/null").output;
  return out;
}

const std::vector<std::string> kHeadersNl = {"Nr.", "Casus", "Regisseur", "Niveau", "Waarom op de agenda"};
const std::vector<std::string> kHeadersEn = {"No.", "Case", "Case director", "Level", "Why on the agenda"};

using Rows = std::vector<std::vector<std::string>>;

// The cells left of the reasons: number, case (id and name), regisseur, level.
std::vector<std::vector<std::string>> cases_of(const Rows& rows) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : rows) out.push_back({row[0], row[1], row[2], row[3]});
  return out;
}

std::vector<std::string> reasons(const Rows& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row[4]);
  return out;
}

const std::string kEscalation =
    "Voorstel tot opschaling: van niveau 2 naar 3. Er is een aanhouding geregistreerd. — aanhouding op 20-11-2026";
const std::string kAfschaling =
    "Voorstel tot afschaling: van niveau 3 naar 2. Twee opeenvolgende beoordelingen op laag, zonder uitreispoging of "
    "aanhouding daartussen, en alle leefgebieden groen of oranje. — 2 beoordelingen op laag, laatste 01-11-2026";

}  // namespace

TEST_CASE("agenda PDF: the casusoverleg gets one case per reason, most urgent first, and no case without one",
          "[agenda]") {
  REQUIRE(have_tool("pdftotext"));
  const RenderedAgenda agenda = render_agenda("casusoverleg");
  const Rows rows = agenda_rows(agenda.layout, kHeadersNl, "Rondvraag en afspraken");
  CHECK(cases_of(rows) == std::vector<std::vector<std::string>>{
                              {"1", "A-OP Olaf Op", "Eva Fictief", "2"},
                              {"2", "A-PAUZE Hanna Pauze", "Bram Fictief", "2"},
                              {"3", "A-HERZ Rik Herzien", "Eva Fictief", "2"},
                              {"4", "A-PLAN Piet Plan", "Bram Fictief", "1"},
                              {"5", "A-NIEUW Nina Nieuw", "Eva Fictief", "1"},
                              {"6", "A-AF Anouk Af", "Bram Fictief", "3"},
                          });
  CHECK(reasons(rows) == std::vector<std::string>{
                             kEscalation,
                             "Pauze: heroverweging verstreken: heroverweging was gepland op 2 november 2026 "
                             "(30 dagen geleden)",
                             "Beoordeling te laat: uiterlijk 30 oktober 2026 (laatste oordeel midden), 33 dagen over tijd",
                             "Plan van aanpak nodig: uiterlijk 26 november 2026, 6 dagen over tijd",
                             "Nieuwe aanmelding: aangemeld op 25 november 2026",
                             kAfschaling,
                         });
  const std::string text = squash(agenda.layout);
  CHECK(text.find("Agenda Casusoverleg woensdag 2 december 2026") != std::string::npos);
  CHECK(text.find("6 casussen op de agenda van het Casusoverleg van 2 december 2026.") != std::string::npos);
  for (const char* absent : {"A-STIL", "W-STIL", "W-HERZ", "A-DICHT", "Stijn", "Dirk"}) {
    INFO(absent);
    CHECK(text.find(absent) == std::string::npos);
  }
  // The overview counts each reason once, in urgency order.
  CHECK(text.find("Reden Casussen Voorstel tot opschaling 1 Pauze: heroverweging verstreken 1 Beoordeling te laat 1 "
                  "Plan van aanpak nodig 1 Nieuwe aanmelding 1 Voorstel tot afschaling 1") != std::string::npos);
}

TEST_CASE("agenda PDF: the woensdagochtendoverleg gets its own level's cases and the proposals that reach it",
          "[agenda]") {
  REQUIRE(have_tool("pdftotext"));
  const RenderedAgenda agenda = render_agenda("woensdagochtendoverleg");
  const Rows rows = agenda_rows(agenda.layout, kHeadersNl, "Rondvraag en afspraken");
  CHECK(cases_of(rows) == std::vector<std::vector<std::string>>{
                              {"1", "A-OP Olaf Op", "Eva Fictief", "2"},
                              {"2", "W-HERZ Wim Herzien", "Eva Fictief", "3"},
                              {"3", "A-AF Anouk Af", "Bram Fictief", "3"},
                          });
  CHECK(reasons(rows) == std::vector<std::string>{
                             kEscalation,
                             "Beoordeling te laat: uiterlijk 13 november 2026 (laatste oordeel midden), 19 dagen over tijd",
                             kAfschaling,
                         });
  const std::string text = squash(agenda.layout);
  CHECK(text.find("Agenda Woensdagochtendoverleg woensdag 2 december 2026") != std::string::npos);
  CHECK(text.find("VERTROUWELIJK — alleen voor deelnemers woensdagochtendoverleg") != std::string::npos);
  for (const char* absent : {"A-NIEUW", "A-PLAN", "A-HERZ", "A-PAUZE", "A-STIL", "W-STIL", "A-DICHT"}) {
    INFO(absent);
    CHECK(text.find(absent) == std::string::npos);
  }
}

TEST_CASE("agenda PDF: the table's rows are the selection's cases in its order", "[agenda]") {
  REQUIRE(have_tool("pdftotext"));
  for (const char* forum : {"casusoverleg", "woensdagochtendoverleg"}) {
    INFO(forum);
    const RenderedAgenda agenda = render_agenda(forum);
    const Rows rows = agenda_rows(agenda.layout, kHeadersNl, "Rondvraag en afspraken");
    REQUIRE(rows.size() == agenda.items.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      CHECK(rows[i][0] == std::to_string(i + 1));
      CHECK(rows[i][1].rfind(agenda.items[i].history->record->case_id + " ", 0) == 0);
    }
  }
}

TEST_CASE("agenda PDF: English labels, dates and reasons with --lang en", "[agenda]") {
  REQUIRE(have_tool("pdftotext"));
  const RenderedAgenda agenda = render_agenda("casusoverleg", Language::en);
  const Rows rows = agenda_rows(agenda.layout, kHeadersEn, "Any other business and agreements");
  CHECK(reasons(rows) == std::vector<std::string>{
                             "Proposed escalation: from level 2 to 3. An arrest has been registered. — aanhouding on "
                             "20-11-2026",
                             "Hold past its review date: review was due 2 November 2026 (30 days ago)",
                             "Assessment overdue: due 30 October 2026 (latest judgement medium), 33 days overdue",
                             "Plan of action due: due by 26 November 2026, 6 days overdue",
                             "New registration: registered on 25 November 2026",
                             "Proposed scaling down: from level 3 to 2. Two consecutive assessments at laag, with no "
                             "travel attempt or arrest in between, and all life domains green or orange. — 2 "
                             "assessments at laag, latest 01-11-2026",
                         });
  const std::string text = squash(agenda.layout);
  CHECK(text.find("Agenda Case meeting Wednesday 2 December 2026") != std::string::npos);
  CHECK(text.find("6 cases on the agenda of the Case meeting of 2 December 2026.") != std::string::npos);
}
