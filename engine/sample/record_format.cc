#include "sample/record_format.h"

#include "sample/synthetic_text.h"

namespace casus {

namespace {

void put(ExportRecord& record, const std::string& field, const std::string& value) {
  if (!value.empty()) record.values[field] = value;
}

void put_date(ExportRecord& record, const std::string& field, const std::optional<Date>& date,
              const Dialect& dialect) {
  if (date) record.values[field] = format_date_in(dialect.dates, *date);
}

}  // namespace

ExportRecord format_case(const SampleCase& sample_case, const SamplePerson& person,
                         const CaseSnapshot& snapshot, const Dialect& dialect) {
  ExportRecord record;
  put(record, "case_id", sample_case.case_id);
  put(record, "bsn", person.bsn);
  put(record, "surname", person.surname);
  put(record, "given_names", person.given_names);
  put_date(record, "birth_date", person.birth_date, dialect);
  put(record, "gender", code(person.gender));
  put(record, "district", sample_case.district);
  put(record, "risk_group", std::to_string(sample_case.risk_group));
  put_date(record, "registered_on", sample_case.registered_on, dialect);
  put(record, "regisseur", sample_case.regisseur);
  put_date(record, "plan_approved_on", snapshot.plan_approved_on, dialect);
  put(record, "escalation_level", std::to_string(snapshot.escalation_level));
  if (snapshot.hold) {
    put_date(record, "on_hold_since", snapshot.hold->since, dialect);
    put_date(record, "on_hold_review_on", snapshot.hold->review_on, dialect);
    put(record, "on_hold_reason", snapshot.hold->reason);
  }
  put_date(record, "closed_on", snapshot.closed_on, dialect);
  if (snapshot.closure_reason) put(record, "closure_reason", code(*snapshot.closure_reason));
  put(record, "related_case_id", sample_case.related_case_id);
  return record;
}

ExportRecord format_assessment(const SampleAssessment& assessment, const Framework& framework,
                               const Dialect& dialect, bool item_elements) {
  ExportRecord record;
  put(record, "case_id", assessment.case_id);
  put_date(record, "assessed_on", assessment.assessed_on, dialect);
  put(record, "assessor", assessment.assessor);
  const bool xml = dialect.format == "xml";
  auto evidence = assessment.evidence.begin();
  for (std::size_t i = 0; i < framework.items.size() && i < assessment.scores.size(); ++i) {
    const auto& item = framework.items[i];
    const auto& score = assessment.scores[i];
    const std::string text = score ? std::to_string(*score) : "?";
    while (evidence != assessment.evidence.end() && evidence->item < i) ++evidence;
    const bool evidenced =
        evidence != assessment.evidence.end() && evidence->item == i && !evidence->source.empty();
    if (xml && (item_elements || evidenced)) {
      record.item_elements[item.code] = evidenced
                                            ? ItemElement{text, evidence->source, evidence->text}
                                            : ItemElement{text, "", ""};
    } else if (score || !xml) {
      // CSV writes unknown as '?'; XML element form leaves an unknown item out.
      record.values[item.code] = text;
    }
  }
  put(record, "judgement", code(assessment.judgement));
  put(record, "rationale", assessment.rationale);
  return record;
}

ExportRecord format_intervention(const SampleIntervention& intervention,
                                 const InterventionState& state, const Dialect& dialect) {
  ExportRecord record;
  put(record, "case_id", intervention.case_id);
  put(record, "code", intervention.code);
  put(record, "partner", intervention.partner);
  put_date(record, "started_on", intervention.started_on, dialect);
  put_date(record, "ended_on", state.ended_on, dialect);
  put(record, "status", code(state.status));
  put(record, "rationale", intervention.rationale);
  return record;
}

ExportRecord format_observation(const SampleObservation& observation, const std::string& case_id,
                                const std::string& domain, const Dialect& dialect) {
  ExportRecord record;
  put(record, "case_id", case_id);
  put_date(record, "observed_on", observation.observed_on, dialect);
  put(record, "domain", domain);
  put(record, "score", std::to_string(observation.score));
  if (observation.goal >= 0) {
    put(record, "goal", life_domain_goals().at(static_cast<std::size_t>(observation.goal)));
  }
  return record;
}

ExportRecord format_event(const SampleEvent& event, const Dialect& dialect) {
  ExportRecord record;
  put(record, "event_id", event.event_id);
  put(record, "case_id", event.case_id);
  put(record, "bsn", event.bsn);
  put(record, "occurred_on", event.has_time ? format_date_time_in(dialect.dates, event.occurred_on)
                                            : format_date_in(dialect.dates, event.occurred_on.date));
  put(record, "kind", code(event.kind));
  put(record, "description", event.description);
  return record;
}

}  // namespace casus
