// `casus agenda` end to end through the binary on the committed sample
// (samples/default imported into a fresh store): the files it writes, the
// manifest, and the PDF's case table checked against the selection that
// logic/agenda_selection computes on the same store; and the usage errors,
// which write nothing.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>

#include "app_test_support.h"
#include "config/config_loader.h"
#include "core/file_io.h"
#include "logic/agenda_selection.h"
#include "render/agenda_table_text.h"
#include "render/audience_context.h"
#include "render/case_labels.h"

using namespace casus;
using namespace casus::testing;
namespace fs = std::filesystem;

namespace {

const char* const kNow = "2026-11-28T09:00:00";
const Date kMeeting{2026, 12, 2};

// The committed sample imported once into a scratch project, shared by the tests below.
struct SampleProject {
  Scratch scratch{"agenda"};
  Config config;
  Dataset dataset;
  std::string import_output;
  bool ready = false;

  SampleProject() {
    if (!scratch.create_store()) return;
    const fs::path samples = fs::path(CASUS_SOURCE_DIR) / "samples" / "default";
    auto manifest_text = read_file(samples / "manifest.json");
    if (!manifest_text) return;
    Poco::JSON::Parser parser;
    auto files = parser.parse(*manifest_text).extract<Poco::JSON::Object::Ptr>()->getArray("files");
    std::string args;
    for (std::size_t i = 0; i < files->size(); ++i)
      args += " '" + (samples / files->getObject(static_cast<unsigned>(i))->getValue<std::string>("path")).string() + "'";
    Run imported = casus_in("import-out", "import" + args);
    import_output = imported.output;
    if (imported.status != 0) return;
    CollectingSink sink;
    auto loaded = load_config(scratch.root / "config", sink);
    if (!loaded) return;
    config = std::move(loaded.value());
    const FixedClock clock(DateTime{{2026, 11, 28}, 9, 0, 0});
    auto store = Store::open(scratch.store(), scratch.store().string() + ".key", clock);
    if (!store) return;
    auto data = (*store)->load_dataset();
    if (!data) return;
    dataset = std::move(data.value());
    ready = true;
  }

  // `casus` run from the scratch project's root (templates/ is found there) with --out root/<out>.
  Run casus_in(const std::string& out, const std::string& args) const {
    return run("cd '" + scratch.root.string() + "' && CASUS_NOW=" + kNow + " '" + std::string(CASUS_BINARY) +
               "' --config config --store '" + scratch.store().string() + "' --out '" +
               (scratch.root / out).string() + "' " + args);
  }
};

const SampleProject& sample() {
  static SampleProject project;
  INFO(project.import_output);
  REQUIRE(project.ready);
  return project;
}

std::set<std::string> files_under(const fs::path& dir) {
  std::set<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) out.insert(fs::relative(entry.path(), dir).generic_string());
  return out;
}

// The heading the agenda prints before each reason's text (nl).
const std::map<AgendaReasonKind, std::string>& headings() {
  static const std::map<AgendaReasonKind, std::string> h = {
      {AgendaReasonKind::escalation_up, "Voorstel tot opschaling"},
      {AgendaReasonKind::hold_review_past, "Pauze: heroverweging verstreken"},
      {AgendaReasonKind::review_overdue, "Beoordeling te laat"},
      {AgendaReasonKind::judgement_unexplained, "Afwijking zonder motivering"},
      {AgendaReasonKind::plan_due, "Plan van aanpak nodig"},
      {AgendaReasonKind::new_registration, "Nieuwe aanmelding"},
      {AgendaReasonKind::afschaling, "Voorstel tot afschaling"},
  };
  return h;
}

// Runs the agenda for `forum` and checks it against select_agenda on the same data.
void check_agenda(const std::string& forum, const std::string& forum_name) {
  const SampleProject& p = sample();
  const std::string out_name = "out-" + forum;
  const fs::path out = p.scratch.root / out_name;
  Run r = p.casus_in(out_name, "agenda --date 2026-12-02 --forum " + forum);
  INFO(r.output);
  REQUIRE(r.status == 0);
  const std::string pdf = "agenda/agenda-" + forum + "-2026-12-02.pdf";
  CHECK(files_under(out) == std::set<std::string>{pdf, "manifest.json"});
  CHECK(r.output.find(pdf) != std::string::npos);

  const Audience* audience = p.config.find_audience(forum);
  REQUIRE(audience);
  auto manifest_text = read_file(out / "manifest.json");
  REQUIRE(manifest_text.is_ok());
  Poco::JSON::Parser parser;
  auto manifest = parser.parse(*manifest_text).extract<Poco::JSON::Object::Ptr>();
  CHECK(manifest->getValue<std::string>("generated_at") == kNow);
  auto files = manifest->getArray("files");
  REQUIRE(files->size() == 1);
  auto entry = files->getObject(0);
  CHECK(entry->getValue<std::string>("path") == pdf);
  CHECK(entry->getValue<std::string>("audience") == forum);
  CHECK(entry->getValue<std::string>("data_as_of") == p.dataset.data_as_of.iso());
  CHECK(entry->getValue<std::string>("sha256") == sha256_file_hex(out / pdf).value());
  CHECK(entry->getValue<std::uint64_t>("size") == fs::file_size(out / pdf));

  const DatasetIndex index(p.dataset);
  AgendaOptions options;
  options.forum = forum;
  options.date = kMeeting;
  auto items = select_agenda(p.config, index, options);
  REQUIRE(items.is_ok());
  // Reasons derived from item scores are left out for an audience without their category.
  const bool item_scores = audience_may_receive(*audience, p.config.category_of("assessments", Config::kItemsField));
  const bool identity = audience_may_receive(*audience, p.config.category_of("cases", "surname"));
  std::vector<const AgendaItem*> shown;
  for (const AgendaItem& item : *items) {
    const bool visible = std::any_of(item.reasons.begin(), item.reasons.end(), [&](const AgendaReason& r) {
      return item_scores || r.kind != AgendaReasonKind::judgement_unexplained;
    });
    if (visible) shown.push_back(&item);
  }
  REQUIRE(shown.size() >= 3);  // the sample gives the forum something to discuss

  const std::string layout = pdf_text(out / pdf);
  const std::string text = squash(layout);
  CHECK(text.find(std::to_string(shown.size()) + " casussen op de agenda van het " + forum_name +
                  " van 2 december 2026.") != std::string::npos);
  CHECK(text.find(audience->marking.nl) != std::string::npos);
  const auto rows =
      agenda_rows(layout, {"Nr.", "Casus", "Regisseur", "Niveau", "Waarom op de agenda"}, "Rondvraag en afspraken");
  REQUIRE(rows.size() == shown.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const CaseRecord& c = *shown[i]->history->record;
    const std::string& reasons = rows[i][4];
    INFO("row " << i + 1 << ": " << rows[i][1] << " | " << rows[i][2] << " | " << reasons);
    CHECK(rows[i][0] == std::to_string(i + 1));
    CHECK(rows[i][1] == c.case_id + (identity ? " " + person_name(c.given_names, c.surname) : ""));
    CHECK(rows[i][2] == (c.regisseur.empty() ? "—" : c.regisseur));
    CHECK(rows[i][3] == std::to_string(c.escalation_level));
    // Exactly the reasons the selection gives, in its order, each under its heading.
    std::size_t at = 0;
    int expected = 0;
    for (const AgendaReason& reason : shown[i]->reasons) {
      if (!item_scores && reason.kind == AgendaReasonKind::judgement_unexplained) continue;
      const std::string heading = headings().at(reason.kind) + ": ";
      const std::size_t found = reasons.find(heading, at);
      INFO(heading);
      REQUIRE(found != std::string::npos);
      CHECK((expected == 0 ? found == 0 : reasons.compare(found - 2, 2, "; ") == 0));
      at = found + heading.size();
      ++expected;
    }
    int printed = 0;
    for (const auto& [kind, heading] : headings())
      for (std::size_t pos = reasons.find(heading + ":"); pos != std::string::npos;
           pos = reasons.find(heading + ":", pos + 1))
        ++printed;
    CHECK(printed == expected);
  }
}

}  // namespace

TEST_CASE("casus agenda: the casusoverleg agenda on the sample lists the selection's cases and reasons",
          "[agenda]") {
  check_agenda("casusoverleg", "Casusoverleg");
}

TEST_CASE("casus agenda: the woensdagochtendoverleg agenda on the sample lists the selection's cases and reasons",
          "[agenda]") {
  check_agenda("woensdagochtendoverleg", "Woensdagochtendoverleg");
}

TEST_CASE("casus agenda: a bad date, an unknown forum or a board audience is refused and nothing is written",
          "[agenda]") {
  const SampleProject& p = sample();
  const fs::path out = p.scratch.root / "out-refused";
  struct Case {
    std::string args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"agenda --date 2026-02-30 --forum casusoverleg",
       "casus: --date: '2026-02-30' is geen datum van de vorm JJJJ-MM-DD\n"},
      {"agenda --date 4-11-2026 --forum casusoverleg",
       "casus: --date: '4-11-2026' is geen datum van de vorm JJJJ-MM-DD\n"},
      {"agenda --date 2026-12-02 --forum koffie",
       "casus: --forum: 'koffie' is geen overleg van de escalatieladder (bekend: regie, casusoverleg, "
       "woensdagochtendoverleg, driehoek)\n"},
      {"agenda --date 2026-12-02 --forum casusoverleg --audience board",
       "casus: --audience: 'board' krijgt alleen geaggregeerde cijfers (agenda's zijn er voor: staff, casusoverleg, "
       "woensdagochtendoverleg, driehoek)\n"},
  };
  for (const Case& c : cases) {
    INFO(c.args);
    Run r = p.casus_in("out-refused", c.args);
    CHECK(r.status == 2);
    CHECK(r.output == c.message);
    CHECK_FALSE(fs::exists(out));
  }
}
