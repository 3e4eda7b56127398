#include "render/agenda_context.h"

#include <map>

#include "core/number_format.h"
#include "render/case_document_parts.h"
#include "render/case_labels.h"

namespace casus {

namespace {

constexpr LabelText kLabels[] = {
    {"sec_overview", "Overzicht", "Overview"},
    {"sec_cases", "Te bespreken casussen", "Cases to discuss"},
    {"sec_other", "Rondvraag en afspraken", "Any other business and agreements"},
    {"number", "Nr.", "No."},
    {"case", "Casus", "Case"},
    {"regisseur", "Regisseur", "Case director"},
    {"level", "Niveau", "Level"},
    {"reasons", "Waarom op de agenda", "Why on the agenda"},
    {"reason", "Reden", "Reason"},
    {"count", "Casussen", "Cases"},
    {"no_cases", "Er zijn voor deze datum geen casussen te bespreken.", "There are no cases to discuss on this date."},
    {"order_note",
     "Volgorde naar urgentie: voorstel tot opschaling, verstreken heroverweging van een pauze, te late beoordeling, "
     "afwijking zonder motivering, plan van aanpak nodig, nieuwe aanmelding, voorstel tot afschaling.",
     "Ordered by urgency: proposed escalation, hold past its review date, overdue assessment, deviation without "
     "rationale, plan of action due, new registration, proposed scaling down."},
    {"decisions", "Afspraken", "Agreements"},
};

constexpr LabelText kSigners[] = {
    {"chair", "Voorzitter", "Chair"},
    {"secretary", "Notulist", "Minutes"},
};

std::string reason_heading(AgendaReasonKind kind, Language language) {
  const bool en = language == Language::en;
  switch (kind) {
    case AgendaReasonKind::escalation_up: return en ? "Proposed escalation" : "Voorstel tot opschaling";
    case AgendaReasonKind::hold_review_past: return en ? "Hold past its review date" : "Pauze: heroverweging verstreken";
    case AgendaReasonKind::review_overdue: return en ? "Assessment overdue" : "Beoordeling te laat";
    case AgendaReasonKind::judgement_unexplained: return en ? "Deviation without rationale" : "Afwijking zonder motivering";
    case AgendaReasonKind::plan_due: return en ? "Plan of action due" : "Plan van aanpak nodig";
    case AgendaReasonKind::new_registration: return en ? "New registration" : "Nieuwe aanmelding";
    case AgendaReasonKind::afschaling: return en ? "Proposed scaling down" : "Voorstel tot afschaling";
  }
  return "";
}

std::string days(int n, Language language) {
  return std::to_string(n) + (language == Language::en ? (n == 1 ? " day" : " days") : (n == 1 ? " dag" : " dagen"));
}

}  // namespace

DocumentSchema agenda_schema(const Config& config) {
  DocumentSchema s("agenda");
  declare_frame(s, kLabels);
  s.structural("intro");
  s.guard("show_identity", config.category_of("cases", "surname"));
  s.field("overview.reason", config, "cases", "case_id");
  s.field("overview.count", config, "cases", "case_id");
  s.field("cases_any", config, "cases", "case_id");
  s.field("cases.number", config, "cases", "case_id");
  s.field("cases.case_id", config, "cases", "case_id");
  s.field("cases.name", config, "cases", "surname");
  s.field("cases.regisseur", config, "cases", "regisseur");
  s.field("cases.level", config, "cases", "escalation_level");
  // Each reason's text is made only of parts the audience may receive (see build_agenda_context).
  for (const char* key : {"cases.reasons", "cases.reasons.separator", "cases.reasons.heading", "cases.reasons.text"})
    s.field(key, config, "cases", "case_id");
  s.structural("signers.role");
  s.structural("signers.name");
  return s;
}

Result<BuiltContext> build_agenda_context(const Config& config, const std::vector<AgendaItem>& items,
                                          const AgendaOptions& agenda, const Audience& audience,
                                          const DocumentSchema& schema, const AgendaContextOptions& options) {
  if (Status s = refuse_non_case_audience(audience); !s) return s;
  const Language language = options.language;
  const bool en = language == Language::en;
  ContextBuilder builder(schema, audience);
  auto root = builder.root();
  const bool identity = root.guard("show_identity");

  std::string forum_name = agenda.forum;
  for (const auto& level : config.escalation.levels)
    if (level.forum == agenda.forum) forum_name = level.name.get(language);
  const std::string date_text = format_date_long(agenda.date, language);
  static const char* const weekdays_nl[] = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"};
  static const char* const weekdays_en[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  const std::string weekday = (en ? weekdays_en : weekdays_nl)[agenda.date.iso_weekday() - 1];

  put_meta(root, config, audience,
           FrameMeta{"Agenda " + forum_name, weekday + " " + date_text, "", language, options.data_as_of,
                     options.generated_at});
  put_labels(root, kLabels, language);

  const std::string items_category = config.category_of("assessments", Config::kItemsField);
  const std::string event_category = config.category_of("events", "kind");
  std::map<AgendaReasonKind, int> counts;
  int number = 0;
  root.empty_list("cases");
  for (const AgendaItem& item : items) {
    const CaseRecord& c = *item.history->record;
    auto row = root.object("cases");
    row.empty_list("reasons");
    int shown = 0;
    for (const AgendaReason& r : item.reasons) {
      std::string text;
      switch (r.kind) {
        case AgendaReasonKind::escalation_up:
        case AgendaReasonKind::afschaling: {
          // "van niveau 2 naar 3. Er is een aanhouding geregistreerd. — aanhouding op 20-11-2026"
          const EscalationProposal& p = *r.proposal;
          text = (en ? "from level " : "van niveau ") + std::to_string(p.from_level) + (en ? " to " : " naar ") +
                 std::to_string(p.to_level) + ".";
          for (std::size_t i = 0; i < p.reasons.size(); ++i) {
            const ProposalReason& pr = p.reasons[i];
            const EscalationRule* rule = nullptr;
            for (const auto& x : config.escalation.rules)
              if (x.id == pr.rule_id) rule = &x;
            text += (i == 0 ? " " : "; ") + pr.reason.get(language);
            const bool about_event = rule && rule->trigger == EscalationRule::Trigger::event_kind;
            if (!pr.detail.get(language).empty() && builder.permits_category(about_event ? event_category : ""))
              text += " — " + pr.detail.get(language);
          }
          break;
        }
        case AgendaReasonKind::hold_review_past:
          text = (en ? "review was due " : "heroverweging was gepland op ") + format_date_long(r.date, language) + " (" +
                 days(r.days_overdue, language) + (en ? " ago)" : " geleden)");
          break;
        case AgendaReasonKind::review_overdue:
          text = (r.judgement ? (en ? "due " : "uiterlijk ") : (en ? "first assessment due " : "eerste beoordeling uiterlijk ")) +
                 format_date_long(r.date, language) +
                 (r.judgement ? (en ? " (latest judgement " : " (laatste oordeel ") + judgement_label(*r.judgement, language) + ")" : "") +
                 ", " + days(r.days_overdue, language) + (en ? " overdue" : " over tijd");
          break;
        case AgendaReasonKind::judgement_unexplained:
          if (!builder.permits_category(items_category)) continue;  // derived from item scores
          text = (en ? "judgement " : "oordeel ") + judgement_label(*r.judgement, language) +
                 (en ? " below the consistency floor " : " onder de consistentievloer ") + judgement_label(*r.floor, language) +
                 (en ? " (assessment of " : " (beoordeling van ") + format_date_long(r.date, language) + ")";
          break;
        case AgendaReasonKind::plan_due:
          text = (en ? "due by " : "uiterlijk ") + format_date_long(r.date, language) +
                 (r.days_overdue > 0 ? ", " + days(r.days_overdue, language) + (en ? " overdue" : " over tijd") : "");
          break;
        case AgendaReasonKind::new_registration:
          text = (en ? "registered on " : "aangemeld op ") + format_date_long(r.date, language);
          break;
      }
      ++counts[r.kind];
      auto reason = row.object("reasons");
      reason.set("separator", shown++ == 0 ? "" : "; ");
      reason.set("heading", reason_heading(r.kind, language));
      reason.set("text", text);
      row.append("reasons", std::move(reason));
    }
    if (shown == 0) continue;  // nothing this audience may see
    row.set("number", std::to_string(++number));
    row.set("case_id", c.case_id);
    if (identity) row.set("name", person_name(c.given_names, c.surname));
    row.set("regisseur", c.regisseur.empty() ? "—" : c.regisseur);
    row.set("level", std::to_string(c.escalation_level));
    root.append("cases", std::move(row));
  }
  root.presence("cases_any", number > 0);
  root.set("intro", en ? std::to_string(number) + (number == 1 ? " case" : " cases") + " on the agenda of the " +
                             forum_name + " of " + date_text + "."
                       : std::to_string(number) + (number == 1 ? " casus" : " casussen") + " op de agenda van het " +
                             forum_name + " van " + date_text + ".");
  root.empty_list("overview");
  for (const auto& [kind, count] : counts) {
    auto row = root.object("overview");
    row.set("reason", reason_heading(kind, language));
    row.set("count", format_integer(count, language));
    root.append("overview", std::move(row));
  }
  for (const LabelText& role : kSigners) {
    auto s = root.object("signers");
    s.set("role", label_in(role, language));
    s.set("name", "");
    root.append("signers", std::move(s));
  }
  std::vector<std::string> categories = builder.categories_used();
  auto data = builder.build(std::move(root));
  if (!data) return data.status();
  return BuiltContext{std::move(data.value()), std::move(categories)};
}

}  // namespace casus
