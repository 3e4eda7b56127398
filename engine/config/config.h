// Config: the typed form of everything under config/ (and data/districts.csv):
// the assessment framework, toolkit, escalation ladder, monitoring settings,
// life domains and colour bands, audiences and data categories, partners with
// their export mappings, districts and the registered regisseurs. Loaded and
// validated by load_config() (config_loader.h); logic, ingest, the sample
// generator and every document read the same structs, so printed material and
// engine behaviour never diverge.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/language.h"
#include "model/enums.h"

namespace casus {

// Text in both document languages; `en` falls back to `nl` when absent.
struct LocalizedText {
  std::string nl;
  std::string en;
  const std::string& get(Language language) const {
    return language == Language::en && !en.empty() ? en : nl;
  }
};

// Where a config element was defined, for located errors.
struct ConfigSource {
  std::string file;
  std::size_t line = 0;
};

// --- Assessment framework (spec/assessment-framework.md) -------------------

struct FrameworkItem {
  std::string code;    // "V1"
  std::string domain;  // "V"
  LocalizedText label;
  std::vector<LocalizedText> questions;  // 2–4 guiding questions
  ConfigSource source;
};

struct FrameworkDomain {
  std::string code;  // "V"
  LocalizedText name;
  bool protective = false;  // "B": higher is better
  std::vector<std::string> item_codes;
};

// One condition of an attention rule; a rule fires when any condition holds.
struct AttentionCondition {
  enum class Kind { item_equals, domain_share_at_least };
  Kind kind = Kind::item_equals;
  std::string target;  // item code or domain code
  double value = 0;    // item score, or share 0..1
};

struct AttentionRule {
  std::string id;
  LocalizedText description;
  Judgement minimum = Judgement::laag;
  std::vector<AttentionCondition> any_of;
  ConfigSource source;
};

struct Framework {
  std::vector<FrameworkDomain> domains;
  std::vector<FrameworkItem> items;  // in print order
  std::vector<AttentionRule> attention_rules;
  // A domain's profile is incomplete when more than this share of items is unknown.
  double incomplete_unknown_share = 0.5;

  const FrameworkItem* find_item(const std::string& code) const;
  const FrameworkDomain* find_domain(const std::string& code) const;
};

// --- Toolkit (instrumentenkoffer) ------------------------------------------

struct ToolkitCategory {
  std::string code;  // begrenzen, beinvloeden, zorg
  LocalizedText name;
  bool requires_legal_basis = false;  // begrenzen
};

// When an instrument is relevant for a case; the suggestion names the indication.
struct Indication {
  enum class Kind {
    item_at_least,          // target = item code, value = minimum score
    domain_share_at_least,  // target = domain code, value = share 0..1
    event_kind,             // target = event kind code (in the last 12 months)
    life_domain_at_most,    // target = life-domain code, value = maximum score
    risk_group              // value = risk group
  };
  Kind kind = Kind::item_at_least;
  std::string target;
  double value = 0;
};

struct Instrument {
  std::string code;
  LocalizedText name;
  std::string category;  // ToolkitCategory code
  std::string owner;     // partner code
  LocalizedText description;
  LocalizedText legal_basis;    // required for begrenzen
  LocalizedText preconditions;
  std::vector<int> risk_groups;  // empty = all
  std::vector<Indication> indications;
  ConfigSource source;
};

struct Toolkit {
  std::vector<ToolkitCategory> categories;
  std::vector<Instrument> instruments;

  const Instrument* find(const std::string& code) const;
  const ToolkitCategory* find_category(const std::string& code) const;
};

// --- Escalation ladder -------------------------------------------------------

struct EscalationLevel {
  int level = 1;
  std::string forum;  // code: regie, casusoverleg, woensdagochtendoverleg, driehoek
  LocalizedText name;
  LocalizedText description;
};

struct EscalationRule {
  enum class Direction { up, down };
  enum class Trigger {
    judgement_reaches,      // `judgement`: latest judgement is at least this and the previous was lower
    event_kind,             // `event_kind`: such an event since the latest assessment
    consecutive_judgements  // `count` latest assessments all at `judgement`, no `up` events
                            // between them, all life domains not below `min_band`
  };
  std::string id;
  Direction direction = Direction::up;
  Trigger trigger = Trigger::judgement_reaches;
  Judgement judgement = Judgement::hoog;
  std::string event_kind;
  int count = 2;
  std::string min_band;  // colour band code, e.g. "oranje"
  LocalizedText reason;
  ConfigSource source;
};

struct Escalation {
  std::vector<EscalationLevel> levels;  // 1..4
  std::vector<EscalationRule> rules;
  const EscalationLevel* find(int level) const;
};

// --- Monitoring ---------------------------------------------------------------

struct ColourBand {
  std::string code;  // rood, oranje, groen
  int min_score = 1;
  int max_score = 5;
  LocalizedText label;
  std::string colour;  // "#C0392B"
};

struct LifeDomain {
  std::string code;
  LocalizedText name;
};

struct IndicatorDefinition {
  std::string code;  // "active", "outflow_reason" (prefix of a breakdown)
  LocalizedText label;
  LocalizedText definition;
};

struct Monitoring {
  int review_days_hoog = 91;
  int review_days_midden = 182;
  int review_days_laag = 365;
  int first_assessment_days = 28;  // no assessment while registered_on <= E - 28
  int plan_deadline_days = 42;
  int plan_window_days = 365;
  int disclosure_threshold = 5;  // T
  int trend_months = 12;
  std::vector<ColourBand> bands;         // ordered from worst to best
  std::vector<LifeDomain> life_domains;  // print order
  std::vector<IndicatorDefinition> indicators;

  int review_days(Judgement judgement) const;
  const ColourBand* band_for_score(int score) const;
  const IndicatorDefinition* find_indicator(const std::string& code) const;
};

// --- Audiences and data categories -------------------------------------------

struct DataCategory {
  std::string code;  // identificatie, bijzonder, strafrechtelijk, politie, regulier
  LocalizedText name;
};

struct Audience {
  std::string code;  // board, staff, casusoverleg, woensdagochtendoverleg, ...
  LocalizedText name;
  LocalizedText marking;  // "VERTROUWELIJK — alleen voor deelnemers casusoverleg"
  std::set<std::string> categories;  // data categories this audience may receive
  bool aggregates_only = false;      // board: protected aggregates only
  bool pseudonymised = false;        // staff: per-case lists under pseudonyms

  // Per-case documents (plans, agendas, case lists) can be made for it: it is
  // not aggregates-only and may receive at least one data category.
  bool receives_case_data() const { return !aggregates_only && !categories.empty(); }
};

// The data category of one model field: ("cases", "bsn") -> "identificatie".
struct FieldClassification {
  std::string kind;   // record kind code
  std::string field;  // field name as in the exchange format
  std::string category;
};

// --- Partners and their export mappings ------------------------------------

struct ValueMapping {
  std::string from;
  std::string to;
};

struct ColumnMapping {
  std::string field;   // exchange-format field name
  std::string header;  // the partner's header / element name
  std::vector<ValueMapping> values;
  ConfigSource source;
};

struct PartnerExport {
  RecordKind kind = RecordKind::cases;
  std::string format;                    // "csv" or "xml"
  std::optional<char> delimiter;         // CSV: declared delimiter; nullopt = detect
  std::string encoding;                  // "" = detect; "utf-8", "windows-1252", ...
  DateOrder date_order = DateOrder::dmy;
  std::vector<ColumnMapping> columns;
  ConfigSource source;
};

// What a partner supplies to and receives from the exchange, and on which ground.
struct DataExchange {
  std::string category;  // data category code
  bool supplies = false;
  bool receives = false;
  LocalizedText legal_ground;
};

struct Partner {
  std::string code;
  std::string name;
  std::string role;  // veiligheid, zorg, regie, justitie, jeugd
  std::string representative;        // who signs the covenant (fictional)
  std::string representative_title;
  std::vector<std::string> audiences;  // audiences this partner's people belong to
  std::vector<DataExchange> exchanges;
  std::vector<PartnerExport> exports;
  ConfigSource source;

  const PartnerExport* find_export(RecordKind kind) const;
};

struct District {
  std::string code;
  LocalizedText name;
};

struct Regisseur {
  std::string name;  // fictional
  std::string organisation;
  std::string email;
};

struct Settings {
  std::string municipality = "Gemeente Amsterdam";
  std::string program_name = "Persoonsgerichte Aanpak Radicalisering";
  std::string font_regular;  // path; empty = Liberation Sans
  std::string font_bold;
  int retention_years_after_closure = 5;
};

struct Config {
  std::filesystem::path root;  // the config folder
  Settings settings;
  Framework framework;
  Toolkit toolkit;
  Escalation escalation;
  Monitoring monitoring;
  std::vector<DataCategory> data_categories;
  std::vector<Audience> audiences;
  std::vector<FieldClassification> fields;
  std::vector<Partner> partners;
  std::vector<District> districts;
  std::vector<Regisseur> regisseurs;

  const Partner* find_partner(const std::string& code) const;
  const Audience* find_audience(const std::string& code) const;
  const District* find_district(const std::string& code) const;
  const LifeDomain* find_life_domain(const std::string& code) const;
  const DataCategory* find_data_category(const std::string& code) const;
  // The data category of a field, or "" when unclassified. For assessments,
  // every framework item code (V1, ...) has the category of the pseudo-field
  // kItemsField.
  std::string category_of(const std::string& kind, const std::string& field) const;

  // config/fields.xml classifies all item columns of assessments at once under this name.
  static constexpr const char* kItemsField = "items";
};

}  // namespace casus
