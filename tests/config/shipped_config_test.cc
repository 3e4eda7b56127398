// The shipped default configuration loads cleanly and holds what the specs say.
#include <catch2/catch.hpp>

#include <algorithm>

#include "config/config_loader.h"
#include "config/exchange_fields.h"
#include "config/indicator_codes.h"

using namespace casus;

namespace {

const Config& shipped() {
  static Config config = [] {
    CollectingSink sink;
    auto result = load_config(std::filesystem::path(CASUS_SOURCE_DIR) / "config", sink);
    for (const auto& d : sink.diagnostics()) UNSCOPED_INFO(d.to_string());
    REQUIRE(result.is_ok());
    REQUIRE(sink.diagnostics().empty());  // no warnings either
    return std::move(result).value();
  }();
  return config;
}

}  // namespace

TEST_CASE("shipped framework: four domains, 25 items, spec codes") {
  const auto& f = shipped().framework;
  REQUIRE(f.domains.size() == 4);
  CHECK(f.domains[0].code == "V");
  CHECK(f.domains[1].code == "I");
  CHECK(f.domains[2].code == "K");
  CHECK(f.domains[3].code == "B");
  CHECK(f.domains[3].protective);
  CHECK_FALSE(f.domains[0].protective);
  CHECK(f.domains[0].item_codes == std::vector<std::string>{"V1", "V2", "V3", "V4", "V5", "V6"});
  CHECK(f.domains[1].item_codes.size() == 5);
  CHECK(f.domains[2].item_codes.size() == 8);
  CHECK(f.domains[3].item_codes.size() == 6);
  REQUIRE(f.items.size() == 25);
  CHECK(f.items.front().code == "V1");
  CHECK(f.items.back().code == "B6");
  for (const auto& item : f.items) {
    INFO(item.code);
    CHECK_FALSE(item.label.nl.empty());
    CHECK_FALSE(item.label.en.empty());
    CHECK(item.questions.size() >= 2);
    CHECK(item.questions.size() <= 4);
    for (const auto& q : item.questions) {
      CHECK_FALSE(q.nl.empty());
      CHECK_FALSE(q.en.empty());
    }
  }
  const FrameworkItem* v3 = f.find_item("V3");
  REQUIRE(v3);
  CHECK(v3->domain == "V");
  CHECK(v3->label.en == "Travel intention or attempt to a conflict zone");
  CHECK(f.find_item("X9") == nullptr);
  CHECK(f.incomplete_unknown_share == 0.5);
}

TEST_CASE("shipped attention rules are the two defaults") {
  const auto& rules = shipped().framework.attention_rules;
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].minimum == Judgement::hoog);
  REQUIRE(rules[0].any_of.size() == 3);
  CHECK(rules[0].any_of[0].kind == AttentionCondition::Kind::item_equals);
  CHECK(rules[0].any_of[0].target == "V1");
  CHECK(rules[0].any_of[0].value == 2);
  CHECK(rules[0].any_of[1].target == "V2");
  CHECK(rules[0].any_of[2].kind == AttentionCondition::Kind::domain_share_at_least);
  CHECK(rules[0].any_of[2].target == "V");
  CHECK(rules[0].any_of[2].value == 0.5);
  CHECK(rules[1].minimum == Judgement::midden);
  REQUIRE(rules[1].any_of.size() == 2);
  CHECK(rules[1].any_of[0].target == "V");
  CHECK(rules[1].any_of[0].value == 0.25);
  CHECK(rules[1].any_of[1].target == "I");
  CHECK(rules[1].any_of[1].value == 0.5);
}

TEST_CASE("shipped toolkit: three categories, 25 instruments") {
  const auto& t = shipped().toolkit;
  REQUIRE(t.categories.size() == 3);
  CHECK(t.categories[0].code == "begrenzen");
  CHECK(t.categories[0].requires_legal_basis);
  CHECK(t.categories[1].code == "beinvloeden");
  CHECK(t.categories[2].code == "zorg");
  CHECK_FALSE(t.categories[2].requires_legal_basis);
  REQUIRE(t.instruments.size() == 25);
  std::map<std::string, int> per_category;
  for (const auto& i : t.instruments) {
    INFO(i.code);
    ++per_category[i.category];
    CHECK(shipped().find_partner(i.owner) != nullptr);
    CHECK_FALSE(i.indications.empty());
    CHECK_FALSE(i.preconditions.nl.empty());
    if (i.category == "begrenzen") CHECK_FALSE(i.legal_basis.nl.empty());
  }
  CHECK(per_category["begrenzen"] == 9);
  CHECK(per_category["beinvloeden"] == 7);
  CHECK(per_category["zorg"] == 9);
  const Instrument* ban = t.find("uitreisverbod");
  REQUIRE(ban);
  CHECK(ban->owner == "om");
  CHECK(ban->legal_basis.nl == "Wet tijdelijke bestuurlijke maatregelen terrorismebestrijding, art. 3");
  CHECK(ban->risk_groups == std::vector<int>{1, 3});
  REQUIRE(ban->indications.size() == 2);
  CHECK(ban->indications[1].kind == Indication::Kind::event_kind);
  CHECK(ban->indications[1].target == "uitreispoging");
}

TEST_CASE("shipped escalation ladder and rules") {
  const auto& e = shipped().escalation;
  REQUIRE(e.levels.size() == 4);
  CHECK(e.find(3)->forum == "woensdagochtendoverleg");
  CHECK(e.find(4)->forum == "driehoek");
  CHECK(e.find(5) == nullptr);
  REQUIRE(e.rules.size() == 4);
  CHECK(e.rules[0].trigger == EscalationRule::Trigger::judgement_reaches);
  CHECK(e.rules[0].judgement == Judgement::hoog);
  CHECK(e.rules[1].event_kind == "uitreispoging");
  CHECK(e.rules[2].event_kind == "aanhouding");
  CHECK(e.rules[3].direction == EscalationRule::Direction::down);
  CHECK(e.rules[3].trigger == EscalationRule::Trigger::consecutive_judgements);
  CHECK(e.rules[3].judgement == Judgement::laag);
  CHECK(e.rules[3].count == 2);
  CHECK(e.rules[3].min_band == "oranje");
}

TEST_CASE("shipped monitoring settings") {
  const auto& m = shipped().monitoring;
  CHECK(m.review_days(Judgement::hoog) == 91);
  CHECK(m.review_days(Judgement::midden) == 182);
  CHECK(m.review_days(Judgement::laag) == 365);
  CHECK(m.first_assessment_days == 28);
  CHECK(m.plan_deadline_days == 42);
  CHECK(m.plan_window_days == 365);
  CHECK(m.disclosure_threshold == 5);
  CHECK(m.trend_months == 12);
  REQUIRE(m.bands.size() == 3);
  CHECK(m.band_for_score(1)->code == "rood");
  CHECK(m.band_for_score(2)->code == "rood");
  CHECK(m.band_for_score(3)->code == "oranje");
  CHECK(m.band_for_score(4)->code == "groen");
  CHECK(m.band_for_score(5)->code == "groen");
  CHECK(m.band_for_score(0) == nullptr);
  CHECK(m.band_for_score(6) == nullptr);
  CHECK(m.bands[1].colour == "#E67E22");
  REQUIRE(m.life_domains.size() == 13);
  CHECK(m.life_domains.front().code == "financien");
  CHECK(m.life_domains.front().name.nl == "Financiën");
  CHECK(m.life_domains.back().code == "justitie");
  REQUIRE(m.indicators.size() == indicator_base_codes().size());
  CHECK(m.indicators.size() == 28);
  for (std::size_t i = 0; i < m.indicators.size(); ++i) {
    CHECK(m.indicators[i].code == indicator_base_codes()[i]);
    CHECK_FALSE(m.indicators[i].definition.en.empty());
  }
  CHECK(m.find_indicator("plan_on_time_pct")->label.nl == "Plan van aanpak op tijd (%)");
}

TEST_CASE("shipped audiences, categories and field classification") {
  const Config& c = shipped();
  REQUIRE(c.data_categories.size() == 5);
  REQUIRE(c.audiences.size() == 7);
  // Audiences of documents without personal data (covenant, handbook, training).
  CHECK(c.find_audience("partners")->categories.empty());
  CHECK(c.find_audience("regisseurs")->marking.nl == "INTERN — opleidingsmateriaal voor regisseurs");
  CHECK(c.find_audience("board")->aggregates_only);
  CHECK(c.find_audience("board")->categories.empty());
  CHECK(c.find_audience("staff")->pseudonymised);
  CHECK(c.find_audience("staff")->categories == std::set<std::string>{"regulier"});
  CHECK(c.find_audience("casusoverleg")->marking.nl ==
        "VERTROUWELIJK — alleen voor deelnemers casusoverleg");
  CHECK(c.find_audience("casusoverleg")->categories.size() == 5);
  CHECK(c.category_of("cases", "bsn") == "identificatie");
  CHECK(c.category_of("cases", "risk_group") == "regulier");
  CHECK(c.category_of("events", "kind") == "politie");
  CHECK(c.category_of("assessments", "V1") == "bijzonder");
  CHECK(c.category_of("assessments", "X1") == "");
  CHECK(c.category_of("cases", "nonsense") == "");
  for (RecordKind kind : kAllRecordKinds) {
    for (const auto& field : exchange_fields(kind)) {
      INFO(code(kind) << "." << field);
      CHECK_FALSE(c.category_of(code(kind), field).empty());
    }
  }
}

TEST_CASE("shipped partners and mappings") {
  const Config& c = shipped();
  REQUIRE(c.partners.size() == 9);
  for (const char* code : {"gemeente", "politie", "om", "reclassering", "rvdk", "jeugdzorg",
                           "ggz", "ggd", "zorg"}) {
    INFO(code);
    const Partner* p = c.find_partner(code);
    REQUIRE(p);
    CHECK_FALSE(p->representative.empty());
    CHECK_FALSE(p->representative_title.empty());
    CHECK_FALSE(p->audiences.empty());
    CHECK_FALSE(p->exchanges.empty());
  }
  const Partner* politie = c.find_partner("politie");
  CHECK(politie->name == "Politie Eenheid Amsterdam");
  CHECK(politie->role == "veiligheid");
  const PartnerExport* events = politie->find_export(RecordKind::events);
  REQUIRE(events);
  CHECK(events->format == "csv");
  CHECK(events->delimiter == ';');
  CHECK(events->encoding == "windows-1252");
  CHECK(events->date_order == DateOrder::dmy);
  REQUIRE(events->columns.size() == 6);
  CHECK(events->columns[0].field == "event_id");
  CHECK(events->columns[0].header == "Registratienummer");
  CHECK(events->columns[3].header == "Soort registratie");
  REQUIRE(events->columns[3].values.size() == 5);
  CHECK(events->columns[3].values[0].from == "AANH");
  CHECK(events->columns[3].values[0].to == "aanhouding");
  CHECK(events->columns[3].values[1].from == "VERD");
  CHECK(events->columns[3].values[1].to == "verdachte");
  CHECK(events->columns[3].values[4].from == "TERUG");
  CHECK(events->columns[3].values[4].to == "terugkeer");
  CHECK(politie->find_export(RecordKind::cases) == nullptr);
  CHECK(politie->exchanges[0].category == "politie");
  CHECK(politie->exchanges[0].supplies);
  CHECK(politie->exchanges[0].receives);  // its people sit at the table (casusoverleg)
  CHECK(politie->exchanges[0].legal_ground.nl ==
        "Wet politiegegevens (Wpg) art. 20; Besluit politiegegevens art. 4:3");

  const Partner* gemeente = c.find_partner("gemeente");
  REQUIRE(gemeente->exports.size() == 3);
  CHECK(gemeente->find_export(RecordKind::cases)->columns.empty());
  CHECK(gemeente->find_export(RecordKind::life_domains) != nullptr);
  CHECK(gemeente->find_export(RecordKind::assessments)->format == "csv");
}

TEST_CASE("shipped districts and regisseurs") {
  const Config& c = shipped();
  REQUIRE(c.districts.size() == 10);
  CHECK(c.districts[0].code == "A");
  CHECK(c.districts[0].name.nl == "Centrum");
  CHECK(c.find_district("F")->name.nl == "Nieuw-West");
  CHECK(c.find_district("buiten")->name.en == "Outside the city");
  CHECK(c.find_district("Z") == nullptr);
  CHECK(c.regisseurs.size() == 20);
  CHECK(c.settings.municipality == "Gemeente Amsterdam");
  CHECK(c.settings.retention_years_after_closure == 5);
}

TEST_CASE("districts_path prefers config/districts.csv") {
  const auto dir = std::filesystem::path(CASUS_SOURCE_DIR) / "config";
  CHECK(districts_path(dir) == dir / ".." / "data" / "districts.csv");
}
