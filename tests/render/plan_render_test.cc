// Plans of action: one per special situation, rendered to PDF and read back
// with pdftotext; the headings of the document tree must be exactly the
// expected sections, and an audience without police data gets no police
// event description.
#include <catch2/catch.hpp>

#include <algorithm>

#include "render/pdf_writer.h"
#include "render/plan_test_fixture.h"
#include "render/test_support.h"

using namespace casus;
using namespace casus::testing;

namespace {

struct RenderedPlan {
  Document document;
  std::string text;  // pdftotext -layout of the PDF, squashed
  std::vector<std::string> categories;
};

RenderedPlan render_plan(const std::string& case_id, const std::string& audience_code,
                         Language language = Language::nl) {
  const Config& config = shipped_config();
  static Dataset dataset = plan_dataset();
  static DatasetIndex index(dataset);
  const CaseHistory* history = index.find(case_id);
  REQUIRE(history);
  const Audience* audience = config.find_audience(audience_code);
  REQUIRE(audience);
  const DocumentSchema schema = plan_schema(config);
  auto context = build_plan_context(config, index, *history, *audience, schema, plan_options(language));
  REQUIRE(context.is_ok());
  CollectingSink sink;
  auto tmpl = MustacheTemplate::load(plan_template_path(), sink);
  REQUIRE(tmpl.is_ok());
  auto document = render_built_context(*tmpl, *context, sink);
  if (!document) FAIL(document.message());
  const auto path = output_folder() / ("plan-" + case_id + "-" + audience_code + ".pdf");
  REQUIRE(write_pdf(*document, path).is_ok());
  RenderedPlan out;
  out.document = std::move(document.value());
  out.categories = context->categories;
  if (have_tool("pdftotext")) out.text = squash(run_command("pdftotext " + quoted(path) + " -").output);
  return out;
}

std::vector<std::string> headings(const Document& document) {
  std::vector<std::string> out;
  for (const auto& block : document.blocks)
    if (const auto* h = std::get_if<doc::Heading>(&block)) out.push_back(h->text);
  return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Every heading appears in the extracted text, in order.
void require_in_order(const std::string& text, const std::vector<std::string>& parts) {
  std::size_t at = 0;
  for (const std::string& part : parts) {
    INFO("looking for '" << part << "' after offset " << at);
    const std::size_t found = text.find(part, at);
    REQUIRE(found != std::string::npos);
    at = found + part.size();
  }
}

}  // namespace

TEST_CASE("plan: a case without an assessment says when the first one is due", "[plan]") {
  REQUIRE(have_tool("pdftotext"));
  auto plan = render_plan("C-NEW", "casusoverleg");
  const std::vector<std::string> expected{"Casusgegevens", "Beoordeling",  "Leefgebieden",
                                          "Ingezette instrumenten", "Voorgestelde instrumenten",
                                          "Escalatie", "Politiegegevens (afgelopen twaalf maanden)",
                                          "Status en evaluatie", "Vaststelling"};
  CHECK(headings(plan.document) == expected);
  require_in_order(plan.text, expected);
  CHECK(contains(plan.text, "Er is nog geen beoordeling vastgelegd. De eerste beoordeling moet uiterlijk 8 december 2026 "
                            "plaatsvinden (28 dagen na aanmelding)."));
  CHECK(contains(plan.text, "Noor Nieuwkomer"));
  CHECK_FALSE(contains(plan.text, "Consistentievloer"));
  CHECK(contains(plan.text, "De leefgebieden zijn nog niet in kaart gebracht."));
  CHECK(contains(plan.text, "Er zijn geen gebeurtenissen geregistreerd in de afgelopen twaalf maanden."));
}

TEST_CASE("plan: a judgement below the floor without rationale is flagged, with the rules that fired", "[plan]") {
  REQUIRE(have_tool("pdftotext"));
  auto plan = render_plan("C-FLOOR", "casusoverleg");
  const std::vector<std::string> expected{"Casusgegevens", "Beoordeling", "Domeinprofiel", "Aandachtsregels die afgaan",
                                          "Leefgebieden", "Ingezette instrumenten", "Voorgestelde instrumenten",
                                          "Escalatie", "Politiegegevens (afgelopen twaalf maanden)",
                                          "Status en evaluatie", "Vaststelling"};
  CHECK(headings(plan.document) == expected);
  require_in_order(plan.text, expected);
  CHECK(contains(plan.text, "Afwijking zonder motivering: het oordeel (midden) ligt onder de consistentievloer (hoog) "
                            "en er is geen motivering vastgelegd."));
  CHECK(contains(plan.text, "V1 Geuite intentie om geweld te gebruiken = 2 — ten minste hoog"));
  CHECK(contains(plan.text, "Aangehouden na bedreiging van een docent via sociale media"));
  CHECK(contains(plan.text, "Terug naar de mbo-opleiding voor de zomer"));
  CHECK(contains(plan.text, "Er is een aanhouding geregistreerd."));
  CHECK(plan.categories == std::vector<std::string>{"bijzonder", "identificatie", "politie", "regulier"});
}

TEST_CASE("plan: an audience without police data gets no police event description", "[plan][privacy]") {
  REQUIRE(have_tool("pdftotext"));
  for (const char* audience : {"staff"}) {
    auto plan = render_plan("C-FLOOR", audience);
    INFO(audience);
    CHECK_FALSE(contains(plan.text, "Aangehouden na bedreiging"));
    CHECK_FALSE(contains(plan.text, "Politiegegevens"));
    CHECK_FALSE(contains(plan.text, "Frank"));               // no identificatie for staff
    CHECK_FALSE(contains(plan.text, "Vloermans"));
    CHECK_FALSE(contains(plan.text, "Afwijking zonder motivering"));  // derived from item scores (bijzonder)
    CHECK_FALSE(contains(plan.text, "Terug naar de mbo-opleiding"));  // goals are bijzonder
    CHECK(contains(plan.text, "C-FLOOR"));
    CHECK(contains(plan.text, "Er is een aanhouding geregistreerd."));  // the rule's reason, without the event detail
    CHECK_FALSE(contains(plan.text, "aanhouding op"));
    CHECK(plan.categories == std::vector<std::string>{"regulier"});
    const std::vector<std::string> expected{"Casusgegevens", "Beoordeling", "Leefgebieden", "Ingezette instrumenten",
                                            "Voorgestelde instrumenten", "Escalatie", "Status en evaluatie",
                                            "Vaststelling"};
    CHECK(headings(plan.document) == expected);
  }
}

TEST_CASE("plan: a begrenzen instrument prints its legal basis and the proportionality rationale", "[plan]") {
  REQUIRE(have_tool("pdftotext"));
  auto plan = render_plan("C-BEGR", "casusoverleg");
  const std::vector<std::string> expected{"Casusgegevens", "Beoordeling", "Domeinprofiel", "Aandachtsregels die afgaan",
                                          "Leefgebieden", "Ingezette instrumenten",
                                          "Begrenzende instrumenten: grondslag en afweging",
                                          "Voorgestelde instrumenten", "Escalatie",
                                          "Politiegegevens (afgelopen twaalf maanden)", "Status en evaluatie",
                                          "Vaststelling"};
  CHECK(headings(plan.document) == expected);
  require_in_order(plan.text, expected);
  CHECK(contains(plan.text, "Wettelijke grondslag: Wet tijdelijke bestuurlijke maatregelen terrorismebestrijding, art. 2"));
  CHECK(contains(plan.text, "Proportionaliteit en subsidiariteit: Gesprekken en mentoraat hebben onvoldoende effect gehad"));
  CHECK(contains(plan.text, "Motivering: Ronselactiviteit bevestigd door meerdere partners."));
}

TEST_CASE("plan: a case on hold past its review date says the hold must be reviewed", "[plan]") {
  REQUIRE(have_tool("pdftotext"));
  auto plan = render_plan("C-HOLD", "casusoverleg");
  CHECK(contains(plan.text, "Gepauzeerd sinds 1 juni 2026"));
  CHECK(contains(plan.text, "Heroverweging pauze op 1 oktober 2026 — VERSTREKEN: de pauze moet worden heroverwogen"));
  CHECK(contains(plan.text, "Reden pauze Detentie in afwachting van strafzaak"));
  auto staff = render_plan("C-HOLD", "staff");
  CHECK(contains(staff.text, "VERSTREKEN"));
  CHECK_FALSE(contains(staff.text, "Detentie in afwachting"));  // strafrechtelijk
}

TEST_CASE("plan: a family case shows its traveller's case and the traveller shows the family", "[plan]") {
  REQUIRE(have_tool("pdftotext"));
  auto family = render_plan("C-FAM", "casusoverleg");
  CHECK(contains(family.text, "Gekoppelde casus C-TRAV (3 — (verhinderde) uitreizigers, niveau 3)"));
  auto traveller = render_plan("C-TRAV", "casusoverleg");
  CHECK(contains(traveller.text, "Gekoppelde gezinscasussen C-FAM (5 — familie van uitreizigers, onder wie broers en zussen)"));
  CHECK_FALSE(contains(traveller.text, "Fatma"));  // the family member's name is not in the traveller's plan
}

TEST_CASE("plan: English labels and dates with --lang en", "[plan]") {
  REQUIRE(have_tool("pdftotext"));
  auto plan = render_plan("C-FLOOR", "casusoverleg", Language::en);
  CHECK(contains(plan.text, "Deviation without rationale: the judgement (medium) is below the consistency floor (high)"));
  CHECK(contains(plan.text, "Case details"));
  CHECK(contains(plan.text, "20 October 2026"));
}
