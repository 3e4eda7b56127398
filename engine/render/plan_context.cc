#include "render/plan_context.h"

#include <algorithm>
#include <cstdio>

#include "core/number_format.h"
#include "logic/assessment_profile.h"
#include "logic/escalation_proposals.h"
#include "logic/toolkit_suggestions.h"
#include "render/case_document_parts.h"
#include "render/case_labels.h"
#include "render/markup_parser.h"

namespace casus {

namespace {

// Every fixed word of the plan template, in both languages (structural keys `l.*`).
constexpr LabelText kLabels[] = {
    {"title", "Plan van aanpak", "Plan of action"},
    {"sec_case", "Casusgegevens", "Case details"},
    {"case_id", "Casusnummer", "Case number"},
    {"name", "Naam", "Name"},
    {"birth_date", "Geboortedatum", "Date of birth"},
    {"gender", "Geslacht", "Gender"},
    {"district", "Stadsdeel", "District"},
    {"risk_group", "Risicogroep", "Risk group"},
    {"registered_on", "Aangemeld op", "Registered on"},
    {"regisseur", "Regisseur", "Case director"},
    {"plan_approved_on", "Plan vastgesteld op", "Plan adopted on"},
    {"escalation_level", "Escalatieniveau", "Escalation level"},
    {"related_case", "Gekoppelde casus", "Linked case"},
    {"linked_cases", "Gekoppelde gezinscasussen", "Linked family cases"},
    {"field_and_value", "Gegeven", "Item"},
    {"value", "Waarde", "Value"},
    {"sec_assessment", "Beoordeling", "Assessment"},
    {"assessed_on", "Datum beoordeling", "Date of assessment"},
    {"assessor", "Beoordelaar", "Assessor"},
    {"judgement", "Oordeel (professionele inschatting)", "Judgement (professional judgement)"},
    {"floor", "Consistentievloer", "Consistency floor"},
    {"rationale", "Motivering", "Rationale"},
    {"domain", "Domein", "Domain"},
    {"score", "Score", "Score"},
    {"share", "Aandeel", "Share"},
    {"unknown", "Onbekend", "Unknown"},
    {"profile", "Domeinprofiel", "Domain profile"},
    {"profile_chart", "Aandeel van de maximale score per domein", "Share of the maximum score per domain"},
    {"profile_y", "aandeel van de maximale score (%)", "share of the maximum score (%)"},
    {"findings", "Aandachtsregels die afgaan", "Attention rules that fire"},
    {"no_findings", "Geen aandachtsregel gaat af; de consistentievloer is laag.",
     "No attention rule fires; the consistency floor is low."},
    {"review_due", "Volgende beoordeling uiterlijk", "Next assessment due by"},
    {"sec_life_domains", "Leefgebieden", "Life domains"},
    {"life_domain", "Leefgebied", "Life domain"},
    {"band", "Kleur", "Band"},
    {"goal", "Doel", "Goal"},
    {"observed_on", "Vastgesteld op", "Observed on"},
    {"no_life_domains", "De leefgebieden zijn nog niet in kaart gebracht.", "The life domains have not been mapped yet."},
    {"sec_instruments", "Ingezette instrumenten", "Chosen instruments"},
    {"instrument", "Instrument", "Instrument"},
    {"category", "Categorie", "Category"},
    {"owner", "Eigenaar", "Owner"},
    {"start", "Start", "Start"},
    {"end", "Einde", "End"},
    {"status", "Status", "Status"},
    {"no_instruments", "Er zijn nog geen instrumenten gekozen.", "No instruments have been chosen yet."},
    {"sec_restrictive", "Begrenzende instrumenten: grondslag en afweging", "Restricting instruments: legal basis and balancing"},
    {"legal_basis", "Wettelijke grondslag", "Legal basis"},
    {"proportionality", "Proportionaliteit en subsidiariteit", "Proportionality and subsidiarity"},
    {"sec_suggestions", "Voorgestelde instrumenten", "Suggested instruments"},
    {"suggestions_intro", "Suggesties uit de instrumentenkoffer op grond van de indicaties; het casusoverleg kiest.",
     "Suggestions from the toolkit based on its indications; the case meeting chooses."},
    {"reason", "Reden", "Reason"},
    {"no_suggestions", "De instrumentenkoffer stelt geen (nieuwe) instrumenten voor.", "The toolkit suggests no (new) instruments."},
    {"sec_escalation", "Escalatie", "Escalation"},
    {"current_level", "Huidig niveau", "Current level"},
    {"proposal", "Voorstel", "Proposal"},
    {"no_proposal", "Er is geen voorstel tot op- of afschaling.", "There is no proposal to escalate or scale down."},
    {"proposal_note", "Alleen het overleg besluit over een wijziging van het niveau.",
     "Only the meeting decides on a change of level."},
    {"sec_police", "Politiegegevens (afgelopen twaalf maanden)", "Police data (last twelve months)"},
    {"date", "Datum", "Date"},
    {"kind", "Soort", "Kind"},
    {"description", "Omschrijving", "Description"},
    {"no_events", "Er zijn geen gebeurtenissen geregistreerd in de afgelopen twaalf maanden.",
     "No events were registered in the last twelve months."},
    {"sec_status", "Status en evaluatie", "Status and review"},
    {"on_hold_since", "Gepauzeerd sinds", "On hold since"},
    {"hold_review_on", "Heroverweging pauze op", "Hold review on"},
    {"hold_reason", "Reden pauze", "Reason for hold"},
    {"not_on_hold", "De casus is niet gepauzeerd.", "The case is not on hold."},
    {"sec_approval", "Vaststelling", "Approval"},
    {"approval_text", "Dit plan van aanpak is besproken en vastgesteld in het casusoverleg.",
     "This plan of action was discussed and adopted in the case meeting."},
    {"decision", "Besluit casusoverleg", "Decision of the case meeting"},
    {"decision_hint", "Vermeld het besluit en eventuele voorwaarden.", "State the decision and any conditions."},
    {"next_review", "Datum volgende evaluatie", "Date of next review"},
    {"chair", "Voorzitter casusoverleg", "Chair of the case meeting"},
    {"blank_name", "Naam of casusnummer (pseudoniem)", "Name or case number (pseudonym)"},
    {"blank_summary", "Korte schets van de casus en de aanleiding", "Short outline of the case and the reason for registration"},
    {"blank_profile", "Domeinprofiel: score en aandeel van de maximale score per domein",
     "Domain profile: score and share of the maximum score per domain"},
    {"explanation", "Toelichting", "Explanation"},
    {"blank_floor", "Consistentievloer en motivering bij afwijking", "Consistency floor and rationale for any deviation"},
    {"blank_life_domains", "Leefgebieden met score (1–5), kleur en doel", "Life domains with score (1–5), band and goal"},
    {"term", "Termijn", "Deadline"},
    {"blank_instruments", "Instrumenten met eigenaar, start- en einddatum", "Instruments with owner, start and end date"},
    {"evaluation", "Evaluatie", "Review"},
    {"blank_restrictive",
     "Bij een begrenzend instrument: wettelijke grondslag en afweging van proportionaliteit en subsidiariteit",
     "For a restricting instrument: legal basis and the proportionality and subsidiarity rationale"},
    {"blank_suggestions", "Voorstellen uit de instrumentenkoffer, met de reden", "Suggestions from the toolkit, with the reason"},
    {"blank_levels", "Treden van de escalatieladder", "Levels of the escalation ladder"},
    {"blank_escalation", "Escalatieniveau en eventueel voorstel met reden", "Escalation level and any proposal with its reason"},
    {"blank_status", "Pauze (sinds, reden, heroverweging)", "Hold (since, reason, review)"},
};

constexpr int kPoliceEventWindowDays = 365;

// "rood: acute problemen …" -> "Rood" (the band's name before the colon).
std::string short_band_label(const std::string& label) {
  std::string out = label.substr(0, label.find(':'));
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string long_date(const Date& date, Language language) { return format_date_long(date, language); }

std::string category_name(const Config& config, const std::string& code, Language language) {
  const ToolkitCategory* category = config.toolkit.find_category(code);
  return category ? category->name.get(language) : code;
}

std::string domain_name(const Config& config, const std::string& code, Language language) {
  const FrameworkDomain* domain = config.framework.find_domain(code);
  return domain ? domain->name.get(language) : code;
}

// "V1 Uitgesproken intentie tot geweld = 2" / "aandeel Veiligheidsrisico 58% (vanaf 50%)".
std::string describe_condition(const Config& config, const AttentionCondition& condition,
                               const AssessmentProfile& profile, const AssessmentRecord& record,
                               Language language) {
  if (condition.kind == AttentionCondition::Kind::item_equals) {
    const FrameworkItem* item = config.framework.find_item(condition.target);
    const auto score = item_score(record, condition.target);
    return condition.target + (item ? " " + item->label.get(language) : "") + " = " +
           (score ? std::to_string(*score) : "?");
  }
  const DomainProfile* domain = profile.find(condition.target);
  const std::string share = domain ? percent_label(domain->share, language) : "?";
  return (language == Language::en ? "share " : "aandeel ") + domain_name(config, condition.target, language) + " " +
         share + (language == Language::en ? " (from " : " (vanaf ") + percent_label(condition.value, language) + ")";
}

std::string chart_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

void put_assessment(ContextBuilder::Object& root, const Config& config, const CaseHistory& history,
                    const PlanOptions& options) {
  const Language language = options.language;
  const CaseRecord& record = *history.record;
  const AssessmentRecord* latest = history.latest_assessment(options.as_of);
  root.flag("has_assessment", latest != nullptr);
  const int first_days = config.monitoring.first_assessment_days;
  if (!latest) {
    const Date due = record.registered_on.plus_days(first_days);
    auto none = root.object("no_assessment");
    none.set("text", language == Language::en
                         ? "No assessment has been recorded yet. The first assessment is due by " +
                               long_date(due, language) + " (" + std::to_string(first_days) +
                               " days after registration)" + (due < options.as_of ? " and is overdue." : ".")
                         : "Er is nog geen beoordeling vastgelegd. De eerste beoordeling moet uiterlijk " +
                               long_date(due, language) + " plaatsvinden (" + std::to_string(first_days) +
                               " dagen na aanmelding)" + (due < options.as_of ? " en is te laat." : "."));
    root.put("no_assessment", std::move(none));
    return;
  }
  const AssessmentProfile profile = profile_assessment(config.framework, *latest);
  auto a = root.object("assessment");
  a.set("date", long_date(latest->assessed_on, language));
  a.set("assessor", latest->assessor.empty() ? "—" : latest->assessor);
  a.set("judgement", judgement_label(latest->judgement, language));
  a.set("floor", judgement_label(profile.floor, language));

  std::string alt = language == Language::en ? "Bar chart of the domain shares: " : "Staafdiagram van de domeinaandelen: ";
  for (std::size_t i = 0; i < profile.domains.size(); ++i) {
    const DomainProfile& d = profile.domains[i];
    const FrameworkDomain* fd = config.framework.find_domain(d.domain);
    auto row = a.object("domains");
    const std::string name = domain_name(config, d.domain, language);
    row.set("name", d.domain + " " + name + (fd && fd->protective ? (language == Language::en ? " (protective)" : " (beschermend)") : ""));
    row.set("short_name", name);
    row.set("score", std::to_string(d.score) + " / " + std::to_string(d.max_score));
    row.set("share", percent_label(d.share, language));
    row.set("share_value", chart_number(round_half_away_from_zero(d.share * 100.0, 1)));
    row.set("unknown", d.unknown == 0 ? "—" : std::to_string(d.unknown) + (d.incomplete ? (language == Language::en ? " (incomplete)" : " (onvolledig)") : ""));
    a.append("domains", std::move(row));
    alt += (i ? ", " : "") + name + " " + percent_label(d.share, language);
  }
  a.set("chart_alt", alt);

  if (profile.fired_rules.empty()) a.empty_list("findings");
  for (const std::string& id : profile.fired_rules) {
    const AttentionRule* rule = nullptr;
    for (const auto& r : config.framework.attention_rules)
      if (r.id == id) rule = &r;
    if (!rule) continue;
    std::string conditions;
    for (const AttentionCondition& condition : rule->any_of) {
      AttentionRule single;
      single.any_of = {condition};
      if (!rule_fires(single, profile.domains, *latest)) continue;
      conditions += (conditions.empty() ? "" : "; ") + describe_condition(config, condition, profile, *latest, language);
    }
    auto finding = a.object("findings");
    finding.set("text", conditions + (language == Language::en ? " — at least " : " — ten minste ") +
                            judgement_label(rule->minimum, language));
    a.append("findings", std::move(finding));
  }

  a.presence("findings_any", !profile.fired_rules.empty());

  // The rationale, or the deviation flag: optional blocks are lists of 0 or 1.
  a.empty_list("rationale");
  if (!latest->rationale.empty()) {
    auto r = a.object("rationale");
    r.set("text", latest->rationale);
    a.append("rationale", std::move(r));
  }
  a.empty_list("deviation");
  if (profile.unexplained) {
    auto dv = a.object("deviation");
    dv.set("text", language == Language::en
                       ? "Deviation without rationale: the judgement (" + judgement_label(latest->judgement, language) +
                             ") is below the consistency floor (" + judgement_label(profile.floor, language) +
                             ") and no rationale has been recorded."
                       : "Afwijking zonder motivering: het oordeel (" + judgement_label(latest->judgement, language) +
                             ") ligt onder de consistentievloer (" + judgement_label(profile.floor, language) +
                             ") en er is geen motivering vastgelegd.");
    a.append("deviation", std::move(dv));
  }
  a.empty_list("below_floor_explained");
  if (profile.below_floor && !profile.unexplained) {
    auto b = a.object("below_floor_explained");
    b.set("text", language == Language::en ? "The judgement is below the consistency floor; the rationale is recorded above."
                                           : "Het oordeel ligt onder de consistentievloer; de motivering staat hierboven.");
    a.append("below_floor_explained", std::move(b));
  }
  const Date due = latest->assessed_on.plus_days(config.monitoring.review_days(latest->judgement));
  a.set("review_due", long_date(due, language) +
                          (due < options.as_of ? (language == Language::en ? " (overdue)" : " (te laat)") : ""));
  root.put("assessment", std::move(a));
}

void put_life_domains(ContextBuilder::Object& root, const Config& config, const CaseHistory& history,
                      const PlanOptions& options) {
  const Language language = options.language;
  bool any = false;
  root.empty_list("life_domains");
  for (const LifeDomain& domain : config.monitoring.life_domains) {
    const LifeDomainObservation* o = history.latest_observation(domain.code, options.as_of);
    if (!o) continue;
    any = true;
    auto row = root.object("life_domains");
    row.set("name", domain.name.get(language));
    row.set("score", std::to_string(o->score));
    const ColourBand* band = config.monitoring.band_for_score(o->score);
    row.set("band", band ? short_band_label(band->label.get(language)) : "");
    row.set("status", band ? band->code : "grijs");
    row.set("observed_on", format_date_short(o->observed_on));
    row.set("goal", o->goal.empty() ? "—" : o->goal);
    root.append("life_domains", std::move(row));
  }
  root.flag("has_life_domains", any);
}

void put_instruments(ContextBuilder::Object& root, const Config& config, const CaseHistory& history,
                     const PlanOptions& options) {
  const Language language = options.language;
  root.empty_list("instruments");
  root.empty_list("restrictive");
  bool any = false;
  int restrictive_count = 0;
  for (const InterventionRecord* i : history.interventions) {
    if (i->started_on > options.as_of && i->status != InterventionStatus::gepland) continue;
    any = true;
    const Instrument* instrument = config.toolkit.find(i->code);
    auto row = root.object("instruments");
    row.set("name", instrument ? instrument->name.get(language) : i->code.str());
    row.set("category", instrument ? category_name(config, instrument->category, language) : "");
    row.set("owner", partner_name(config, i->partner));
    row.set("start", format_date_short(i->started_on));
    row.set("end", i->ended_on ? format_date_short(*i->ended_on) : "—");
    row.set("status", intervention_status_label(i->status, language));
    root.append("instruments", std::move(row));
    const ToolkitCategory* category = instrument ? config.toolkit.find_category(instrument->category) : nullptr;
    if (category && category->requires_legal_basis) {
      ++restrictive_count;
      auto r = root.object("restrictive");
      r.set("name", instrument->name.get(language) + " (" + format_date_short(i->started_on) + ")");
      r.set("legal_basis", instrument->legal_basis.get(language));
      r.set("rationale", !i->rationale.empty()
                             ? i->rationale
                             : (language == Language::en ? "MISSING: no proportionality and subsidiarity rationale recorded."
                                                         : "ONTBREEKT: er is geen afweging van proportionaliteit en subsidiariteit vastgelegd."));
      root.append("restrictive", std::move(r));
    }
  }
  root.flag("has_instruments", any);
  root.presence("restrictive_any", restrictive_count > 0);
}

// Joins the parts the audience may receive (each part with its own category).
struct Part {
  std::string category;
  std::string text;
};

std::string join_permitted(const ContextBuilder& builder, const std::vector<Part>& parts, const std::string& sep) {
  std::string out;
  for (const Part& part : parts) {
    if (!builder.permits_category(part.category) || part.text.empty()) continue;
    out += (out.empty() ? "" : sep) + part.text;
  }
  return out;
}

void put_suggestions(ContextBuilder::Object& root, const ContextBuilder& builder, const Config& config,
                     const CaseHistory& history, const PlanOptions& options) {
  const Language language = options.language;
  const std::string items_category = config.category_of("assessments", Config::kItemsField);
  const std::string event_category = config.category_of("events", "kind");
  const std::string life_category = config.category_of("life_domains", "score");
  const std::string case_category = config.category_of("cases", "risk_group");
  root.empty_list("suggestions");
  const std::vector<Suggestion> suggestions = suggest_instruments(config, history, options.as_of);
  root.presence("suggestions_any", !suggestions.empty());
  for (const Suggestion& s : suggestions) {
    std::vector<Part> parts;
    for (const IndicationMatch& m : s.matches) {
      std::string category;
      switch (m.indication.kind) {
        case Indication::Kind::item_at_least:
        case Indication::Kind::domain_share_at_least: category = items_category; break;
        case Indication::Kind::event_kind: category = event_category; break;
        case Indication::Kind::life_domain_at_most: category = life_category; break;
        case Indication::Kind::risk_group: category = case_category; break;
      }
      parts.push_back({category, m.reason.get(language)});
    }
    std::string reason = join_permitted(builder, parts, "; ");
    if (reason.empty())
      reason = language == Language::en ? "indications in data this audience does not receive"
                                        : "indicaties in gegevens die deze doelgroep niet ontvangt";
    auto row = root.object("suggestions");
    row.set("name", s.instrument->name.get(language));
    row.set("category", category_name(config, s.instrument->category, language));
    row.set("owner", partner_name(config, s.instrument->owner));
    row.set("reason", reason);
    root.append("suggestions", std::move(row));
  }
}

void put_escalation(ContextBuilder::Object& root, const ContextBuilder& builder, const Config& config,
                    const CaseHistory& history, const PlanOptions& options) {
  const Language language = options.language;
  auto e = root.object("escalation");
  e.set("level", escalation_level_label(config, history.record->escalation_level, language));
  e.empty_list("proposal");
  if (auto proposal = propose_escalation(config, history, options.as_of)) {
    auto p = e.object("proposal");
    const bool up = proposal->direction == EscalationRule::Direction::up;
    p.set("text", (up ? (language == Language::en ? "Escalate from level " : "Opschalen van niveau ")
                      : (language == Language::en ? "Scale down from level " : "Afschalen van niveau ")) +
                      escalation_level_label(config, proposal->from_level, language) +
                      (language == Language::en ? " to level " : " naar niveau ") +
                      escalation_level_label(config, proposal->to_level, language));
    const std::string event_category = config.category_of("events", "kind");
    for (const ProposalReason& reason : proposal->reasons) {
      const EscalationRule* rule = nullptr;
      for (const auto& r : config.escalation.rules)
        if (r.id == reason.rule_id) rule = &r;
      const bool about_event = rule && rule->trigger == EscalationRule::Trigger::event_kind;
      auto r = p.object("reasons");
      r.set("text", join_permitted(builder,
                                   {{"", reason.reason.get(language)},
                                    {about_event ? event_category : "", reason.detail.get(language)}},
                                   " — "));
      p.append("reasons", std::move(r));
    }
    e.append("proposal", std::move(p));
  }
  root.put("escalation", std::move(e));
}

void put_police_events(ContextBuilder::Object& root, const CaseHistory& history, const PlanOptions& options) {
  if (!root.guard("show_police_events")) return;
  root.empty_list("police_events");
  const Date from = options.as_of.plus_days(-kPoliceEventWindowDays);
  bool any = false;
  for (const EventRecord* ev : history.events) {
    if (ev->occurred_on.date <= from || ev->occurred_on.date > options.as_of) continue;
    any = true;
    auto row = root.object("police_events");
    row.set("date", format_date_short(ev->occurred_on.date));
    row.set("kind", event_kind_label(ev->kind, options.language));
    row.set("description", ev->description.empty() ? "—" : ev->description);
    root.append("police_events", std::move(row));
  }
  root.presence("police_events_any", any);
}

void put_status(ContextBuilder::Object& root, const CaseHistory& history, const PlanOptions& options) {
  const Language language = options.language;
  const CaseRecord& c = *history.record;
  root.empty_list("hold");
  if (c.on_hold_since && *c.on_hold_since <= options.as_of) {
    auto h = root.object("hold");
    h.set("since", long_date(*c.on_hold_since, language));
    std::string review = c.on_hold_review_on ? long_date(*c.on_hold_review_on, language)
                                             : (language == Language::en ? "not set" : "niet vastgelegd");
    if (c.on_hold_review_on && *c.on_hold_review_on < options.as_of)
      review += language == Language::en ? " — PAST: the hold must be reviewed" : " — VERSTREKEN: de pauze moet worden heroverwogen";
    h.set("review_on", review);
    h.set("reason", c.on_hold_reason.empty() ? "—" : c.on_hold_reason);
    root.append("hold", std::move(h));
  }
}

void put_case(ContextBuilder::Object& root, const Config& config, const DatasetIndex& index,
              const CaseHistory& history, const PlanOptions& options) {
  const Language language = options.language;
  const CaseRecord& c = *history.record;
  auto k = root.object("case");
  k.set("case_id", c.case_id);
  k.set("name", person_name(c.given_names, c.surname));
  k.set("birth_date", c.birth_date ? long_date(*c.birth_date, language) : "—");
  k.set("gender", c.gender ? gender_label(*c.gender, language) : "—");
  k.set("district", district_name(config, c.district, language));
  k.set("risk_group", risk_group_label(c.risk_group, language));
  k.set("registered_on", long_date(c.registered_on, language));
  k.set("regisseur", c.regisseur.empty() ? "—" : c.regisseur);
  k.set("plan_approved_on", c.plan_approved_on && *c.plan_approved_on <= options.as_of
                                ? long_date(*c.plan_approved_on, language)
                                : (language == Language::en ? "not yet adopted (due by " : "nog niet vastgesteld (uiterlijk ") +
                                      long_date(c.registered_on.plus_days(config.monitoring.plan_deadline_days), language) + ")");
  root.put("case", std::move(k));

  // The family link: this case's related case, and the cases that name this one.
  root.empty_list("related");
  if (!c.related_case_id.empty()) {
    auto r = root.object("related");
    r.set("case_id", c.related_case_id);
    const CaseHistory* other = index.find(c.related_case_id);
    r.set("description", other ? risk_group_label(other->record->risk_group, language) + ", " +
                                     (language == Language::en ? "level " : "niveau ") +
                                     std::to_string(other->record->escalation_level)
                               : (language == Language::en ? "not in the data" : "niet in de gegevens"));
    root.append("related", std::move(r));
  }
  root.empty_list("linked_cases");
  std::vector<const CaseHistory*> linked;
  if (options.family) {
    if (auto it = options.family->find(c.case_id); it != options.family->end()) linked = it->second;
  } else {
    for (const CaseHistory& other : index.cases())
      if (other.record->related_case_id == c.case_id) linked.push_back(&other);
  }
  for (const CaseHistory* other : linked) {
    if (other->record->case_id == c.case_id) continue;
    auto r = root.object("linked_cases");
    r.set("case_id", other->record->case_id);
    r.set("description", risk_group_label(other->record->risk_group, language));
    root.append("linked_cases", std::move(r));
  }
}

void put_approval(ContextBuilder::Object& root, const CaseHistory* history, Language language) {
  auto chair = root.object("signers");
  chair.set("role", language == Language::en ? "Chair of the case meeting" : "Voorzitter casusoverleg");
  chair.set("name", "");
  root.append("signers", std::move(chair));
  auto regisseur = root.object("signers");
  regisseur.set("role", language == Language::en ? "Case director" : "Regisseur");
  regisseur.set("name", history ? history->record->regisseur : "");
  root.append("signers", std::move(regisseur));
}

// The config the blank format prints as rows to fill in: the framework's
// domains, the life domains, the ladder's levels, the size of the toolkit
// and the review intervals (all structural: no case data).
void put_blank_form(ContextBuilder::Object& root, const Config& config, Language language) {
  const bool en = language == Language::en;
  auto form = root.object("form");
  form.empty_list("domains");
  for (const FrameworkDomain& domain : config.framework.domains) {
    auto row = form.object("domains");
    row.set("name", domain.code + " — " + domain.name.get(language));
    form.append("domains", std::move(row));
  }
  form.empty_list("life_domains");
  for (const LifeDomain& domain : config.monitoring.life_domains) {
    auto row = form.object("life_domains");
    row.set("name", domain.name.get(language));
    form.append("life_domains", std::move(row));
  }
  form.empty_list("levels");
  for (const EscalationLevel& level : config.escalation.levels) {
    auto row = form.object("levels");
    row.set("text", escalation_level_label(config, level.level, language));
    form.append("levels", std::move(row));
  }
  const std::string count = std::to_string(config.toolkit.instruments.size());
  form.set("instruments_note", en ? "Choose from the toolkit (" + count + " instruments)."
                                  : "Kies uit de instrumentenkoffer (" + count + " instrumenten).");
  const Monitoring& m = config.monitoring;
  form.set("review_hint",
           en ? "No later than " + std::to_string(m.review_days_hoog) + " days (high), " +
                    std::to_string(m.review_days_midden) + " days (medium) or " + std::to_string(m.review_days_laag) +
                    " days (low) after the latest assessment."
              : "Uiterlijk " + std::to_string(m.review_days_hoog) + " dagen (hoog), " +
                    std::to_string(m.review_days_midden) + " dagen (midden) of " + std::to_string(m.review_days_laag) +
                    " dagen (laag) na de laatste beoordeling.");
  root.put("form", std::move(form));
}

}  // namespace

FamilyLinks family_links(const DatasetIndex& index) {
  FamilyLinks links;
  for (const CaseHistory& h : index.cases())
    if (!h.record->related_case_id.empty()) links[h.record->related_case_id].push_back(&h);
  return links;
}

DocumentSchema plan_schema(const Config& config) {
  DocumentSchema s("plan");
  declare_frame(s, kLabels);
  s.structural("blank");
  for (const char* key : {"form.domains.name", "form.life_domains.name", "form.levels.text", "form.instruments_note",
                          "form.review_hint"})
    s.structural(key);
  s.guard("show_identity", config.category_of("cases", "surname"));
  s.guard("show_assessment_detail", config.category_of("assessments", Config::kItemsField));
  s.guard("show_rationale", config.category_of("assessments", "rationale"));
  s.guard("show_goals", config.category_of("life_domains", "goal"));
  s.guard("show_police_events", config.category_of("events", "description"));
  s.guard("show_hold_reason", config.category_of("cases", "on_hold_reason"));
  s.guard("show_restrictive_rationale", config.category_of("interventions", "rationale"));

  s.field("case.case_id", config, "cases", "case_id");
  s.field("case.bsn", config, "cases", "bsn");
  s.field("case.name", config, "cases", "surname");
  s.field("case.birth_date", config, "cases", "birth_date");
  s.field("case.gender", config, "cases", "gender");
  s.field("case.district", config, "cases", "district");
  s.field("case.risk_group", config, "cases", "risk_group");
  s.field("case.registered_on", config, "cases", "registered_on");
  s.field("case.regisseur", config, "cases", "regisseur");
  s.field("case.plan_approved_on", config, "cases", "plan_approved_on");
  s.field("related.case_id", config, "cases", "related_case_id");
  s.field("related.description", config, "cases", "risk_group");
  s.field("linked_cases.case_id", config, "cases", "related_case_id");
  s.field("linked_cases.description", config, "cases", "risk_group");

  s.structural("has_assessment");
  s.field("no_assessment.text", config, "cases", "registered_on");
  s.field("assessment.date", config, "assessments", "assessed_on");
  s.field("assessment.assessor", config, "assessments", "assessor");
  s.field("assessment.judgement", config, "assessments", "judgement");
  s.field("assessment.review_due", config, "assessments", "assessed_on");
  // Everything derived from the item scores has the items' category.
  for (const char* key : {"assessment.floor", "assessment.chart_alt", "assessment.domains", "assessment.findings",
                          "assessment.deviation", "assessment.below_floor_explained"})
    s.field(key, config, "assessments", Config::kItemsField);
  for (const char* key : {"name", "short_name", "score", "share", "share_value", "unknown"})
    s.field(std::string("assessment.domains.") + key, config, "assessments", Config::kItemsField);
  s.field("assessment.findings_any", config, "assessments", Config::kItemsField);
  s.field("assessment.findings.text", config, "assessments", Config::kItemsField);
  s.field("assessment.deviation.text", config, "assessments", Config::kItemsField);
  s.field("assessment.below_floor_explained.text", config, "assessments", Config::kItemsField);
  s.field("assessment.rationale", config, "assessments", "rationale");
  s.field("assessment.rationale.text", config, "assessments", "rationale");

  s.structural("has_life_domains");
  s.field("life_domains.name", config, "life_domains", "domain");
  s.field("life_domains.score", config, "life_domains", "score");
  s.field("life_domains.band", config, "life_domains", "score");
  s.field("life_domains.status", config, "life_domains", "score");
  s.field("life_domains.observed_on", config, "life_domains", "observed_on");
  s.field("life_domains.goal", config, "life_domains", "goal");

  s.structural("has_instruments");
  s.field("instruments.name", config, "interventions", "code");
  s.field("instruments.category", config, "interventions", "code");
  s.field("instruments.owner", config, "interventions", "partner");
  s.field("instruments.start", config, "interventions", "started_on");
  s.field("instruments.end", config, "interventions", "ended_on");
  s.field("instruments.status", config, "interventions", "status");
  s.field("restrictive_any", config, "interventions", "code");
  s.field("restrictive.name", config, "interventions", "code");
  s.field("restrictive.legal_basis", config, "interventions", "code");
  s.field("restrictive.rationale", config, "interventions", "rationale");

  // Composite reasons: each part is filtered by its own category (join_permitted).
  s.field("suggestions_any", config, "interventions", "code");
  s.field("suggestions.name", config, "interventions", "code");
  s.field("suggestions.category", config, "interventions", "code");
  s.field("suggestions.owner", config, "interventions", "partner");
  s.field("suggestions.reason", config, "cases", "risk_group");

  s.field("escalation.level", config, "cases", "escalation_level");
  s.field("escalation.proposal.text", config, "cases", "escalation_level");
  s.field("escalation.proposal.reasons.text", config, "cases", "escalation_level");

  s.field("police_events", config, "events", "kind");
  s.field("police_events_any", config, "events", "kind");
  s.field("police_events.date", config, "events", "occurred_on");
  s.field("police_events.kind", config, "events", "kind");
  s.field("police_events.description", config, "events", "description");

  s.field("hold.since", config, "cases", "on_hold_since");
  s.field("hold.review_on", config, "cases", "on_hold_review_on");
  s.field("hold.reason", config, "cases", "on_hold_reason");

  s.structural("signers.role");
  s.field("signers.name", config, "cases", "regisseur");
  return s;
}

Result<BuiltContext> build_plan_context(const Config& config, const DatasetIndex& index,
                                        const CaseHistory& history, const Audience& audience,
                                        const DocumentSchema& schema, const PlanOptions& options) {
  if (Status s = refuse_non_case_audience(audience); !s) return s;
  ContextBuilder builder(schema, audience);
  auto root = builder.root();
  const Language language = options.language;
  const bool identity = root.guard("show_identity");
  const CaseRecord& c = *history.record;
  std::string subtitle = identity ? person_name(c.given_names, c.surname) + " — " + c.case_id : c.case_id.str();
  if (!c.regisseur.empty()) subtitle += (language == Language::en ? " — case director " : " — regisseur ") + c.regisseur;
  put_meta(root, config, audience,
           FrameMeta{std::string(language == Language::en ? "Plan of action " : "Plan van aanpak ") + c.case_id,
                     subtitle, "", language, options.data_as_of, options.generated_at});
  put_labels(root, kLabels, language);
  root.flag("blank", false);
  root.guard("show_assessment_detail");
  root.guard("show_rationale");
  root.guard("show_goals");
  root.guard("show_hold_reason");
  root.guard("show_restrictive_rationale");
  put_case(root, config, index, history, options);
  put_assessment(root, config, history, options);
  put_life_domains(root, config, history, options);
  put_instruments(root, config, history, options);
  put_suggestions(root, builder, config, history, options);
  put_escalation(root, builder, config, history, options);
  put_police_events(root, history, options);
  put_status(root, history, options);
  put_approval(root, &history, language);
  std::vector<std::string> categories = builder.categories_used();
  auto data = builder.build(std::move(root));
  if (!data) return data.status();
  return BuiltContext{std::move(data.value()), std::move(categories)};
}

Result<BuiltContext> build_blank_plan_context(const Config& config, const Audience& audience,
                                              const DocumentSchema& schema, const PlanOptions& options) {
  if (Status s = refuse_non_case_audience(audience); !s) return s;
  ContextBuilder builder(schema, audience);
  auto root = builder.root();
  const Language language = options.language;
  const bool en = language == Language::en;
  // A blank form holds no data; its marking says what the completed plan will be.
  put_meta(root, config, audience,
           FrameMeta{en ? "Plan of action (blank format)" : "Plan van aanpak (blanco format)",
                     (en ? "For training and manual use — " : "Voor training en handmatig gebruik — ") +
                         config.settings.program_name,
                     (en ? "Once completed: " : "Ingevuld: ") + audience.marking.get(language), language,
                     options.data_as_of, options.generated_at});
  put_labels(root, kLabels, language);
  root.flag("blank", true);
  put_blank_form(root, config, language);
  for (const char* guard : {"show_identity", "show_assessment_detail", "show_rationale", "show_goals", "show_police_events",
                            "show_hold_reason", "show_restrictive_rationale"})
    root.guard(guard);
  put_approval(root, nullptr, language);
  auto data = builder.build(std::move(root));
  if (!data) return data.status();
  return BuiltContext{std::move(data.value()), {}};
}

Result<Document> render_built_context(const MustacheTemplate& tmpl, const BuiltContext& context,
                                      DiagnosticSink& sink) {
  Result<std::string> markup = tmpl.render(context.data, sink);
  if (!markup) return markup.status();
  return parse_markup(markup.value(), tmpl.name() + " (rendered)", sink);
}

}  // namespace casus
