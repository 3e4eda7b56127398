#include "render/caselist_context.h"

#include <algorithm>

#include "logic/indicator_set.h"
#include "render/report_labels.h"

namespace casus {

CaseList::CaseList(const DatasetIndex& index, const Config& config, YearMonth month, Language language,
                   const Pseudonymizer& pseudonymizer)
    : index_(&index), config_(&config), month_(month), language_(language), end_(month.last_day()) {
  const auto& cases = index.cases();
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (cases[i].record->active_at(end_)) order_.push_back({i, pseudonymizer.pseudonym(cases[i].record->case_id)});
  }
  std::sort(order_.begin(), order_.end(), [&](const Entry& a, const Entry& b) {
    const std::string& ra = cases[a.history].record->regisseur;
    const std::string& rb = cases[b.history].record->regisseur;
    if (ra != rb) return ra < rb;
    return a.pseudonym < b.pseudonym;
  });
}

doc::StatusLevel band_status_level(const std::string& band) {
  if (band == "rood") return doc::StatusLevel::red;
  if (band == "oranje") return doc::StatusLevel::orange;
  if (band == "groen") return doc::StatusLevel::green;
  return doc::StatusLevel::grey;
}

std::string CaseList::yes() const { return language_ == Language::en ? "yes" : "ja"; }

std::vector<std::string> CaseList::notes() const {
  const Monitoring& m = config_->monitoring;
  const std::string hoog = std::to_string(m.review_days_hoog), midden = std::to_string(m.review_days_midden),
                    laag = std::to_string(m.review_days_laag), first = std::to_string(m.first_assessment_days);
  if (language_ == Language::en)
    return {"One row per case active on the last day of the month, under its pseudonym. The list holds no "
            "citizen service number, names or birth date.",
            "The pseudonym (C- and ten characters) is computed from the case number with a keyed hash "
            "(HMAC-SHA256) under the store key: it stays the same from month to month, and cannot be "
            "traced back to the case or the person without that key.",
            "Review due: latest assessment date plus its interval (high " + hoog + ", medium " + midden +
                ", low " + laag + " days), or registration plus " + first +
                " days without an assessment. Overdue reviews are highlighted.",
            "Life domains: colour band and score of the latest observation up to the end of the month."};
  return {"Eén rij per casus die op de laatste dag van de maand actief is, onder pseudoniem. De lijst "
          "bevat geen BSN, namen of geboortedatum.",
          "Het pseudoniem (C- en tien tekens) wordt met een geheime sleutel (HMAC-SHA256 met de sleutel "
          "van de opslag) uit het casusnummer berekend: het blijft van maand tot maand gelijk en is "
          "zonder die sleutel niet terug te voeren op de casus of de persoon.",
          "Herbeoordeling uiterlijk: datum van de laatste beoordeling plus de termijn (hoog " + hoog + ", midden " +
              midden + ", laag " + laag + " dagen), of aanmelding plus " + first +
              " dagen zonder beoordeling. Verlopen termijnen zijn gemarkeerd.",
          "Leefgebieden: kleur en score van de laatste meting tot en met het eind van de maand."};
}

std::vector<std::string> CaseList::headers() const {
  const bool en = language_ == Language::en;
  std::vector<std::string> h = {en ? "Pseudonym" : "Pseudoniem",
                                "Regisseur",
                                en ? "Risk group" : "Doelgroep",
                                en ? "Stage" : "Fase",
                                en ? "Latest judgement" : "Laatste oordeel",
                                en ? "Judgement date" : "Datum oordeel",
                                en ? "Review due" : "Herbeoordeling uiterlijk",
                                en ? "Review overdue" : "Herbeoordeling verlopen",
                                en ? "Escalation level" : "Escalatieniveau"};
  for (const auto& d : config_->monitoring.life_domains) h.push_back(d.name.get(language_));
  h.push_back(en ? "Instruments running" : "Lopende instrumenten");
  return h;
}

CaseListRow CaseList::row(std::size_t i) const {
  const Entry& entry = order_.at(i);
  const CaseHistory& h = index_->cases()[entry.history];
  const CaseRecord& c = *h.record;
  const Monitoring& m = config_->monitoring;
  CaseListRow r;
  r.pseudonym = entry.pseudonym;
  r.regisseur = c.regisseur;
  r.risk_group = c.risk_group;
  r.escalation_level = c.escalation_level;

  const AssessmentRecord* latest = h.latest_assessment(end_);
  const bool has_plan = c.plan_approved_on && *c.plan_approved_on <= end_;
  r.stage = stage_label(!latest ? kStageWithoutAssessment : (!has_plan ? kStageWithoutPlan : kStageWithPlan),
                        language_);
  if (latest) {
    r.judgement = judgement_label(code(latest->judgement), language_);
    r.judged_on = latest->assessed_on;
    const int days = m.review_days(latest->judgement);
    r.review_due = latest->assessed_on.plus_days(days);
    r.review_overdue = latest->assessed_on < end_.plus_days(-days);
  } else {
    r.review_due = c.registered_on.plus_days(m.first_assessment_days);
    r.review_overdue = c.registered_on <= end_.plus_days(-m.first_assessment_days);
  }
  r.overdue_label = r.review_overdue ? yes() : (language_ == Language::en ? "no" : "nee");

  // Latest observation ≤ E per domain (observations are sorted by domain, date).
  r.domains.reserve(m.life_domains.size());
  for (const auto& d : m.life_domains) {
    const LifeDomainObservation* o = h.latest_observation(d.code, end_);
    const ColourBand* band = o ? m.band_for_score(o->score) : nullptr;
    CaseListDomainCell cell;
    if (band) {
      cell.band = band->code;
      cell.label = band_short_label(*config_, band->code, language_) + " (" + std::to_string(o->score) + ")";
      cell.score = o->score;
    } else {
      cell.band = kUnknown;
      cell.label = band_short_label(*config_, kUnknown, language_);
    }
    r.domains.push_back(std::move(cell));
  }

  std::vector<const std::string*> names;
  for (const InterventionRecord* iv : h.interventions) {
    if (iv->status == InterventionStatus::gepland || iv->started_on > end_) continue;
    if (iv->ended_on && *iv->ended_on <= end_) continue;
    const Instrument* instrument = config_->toolkit.find(iv->code);
    const std::string* name = instrument ? &instrument->name.get(language_) : &iv->code.str();
    if (std::find_if(names.begin(), names.end(), [&](const std::string* n) { return *n == *name; }) != names.end()) {
      continue;
    }
    names.push_back(name);
    r.instruments += (r.instruments.empty() ? "" : "; ") + *name;
  }
  return r;
}

}  // namespace casus
