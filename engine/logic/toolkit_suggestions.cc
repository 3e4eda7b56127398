#include "logic/toolkit_suggestions.h"

#include <algorithm>
#include <cmath>

#include "logic/assessment_profile.h"

namespace casus {

namespace {

std::string percent(double share) {
  return std::to_string(static_cast<long long>(std::floor(share * 100.0 + 0.5 + 1e-9))) + "%";
}

std::string whole(double value) { return std::to_string(static_cast<long long>(std::lround(value))); }

LocalizedText label_of_item(const Config& config, const std::string& code) {
  const FrameworkItem* item = config.framework.find_item(code);
  return item ? item->label : LocalizedText{code, code};
}

LocalizedText name_of_domain(const Config& config, const std::string& code) {
  const FrameworkDomain* domain = config.framework.find_domain(code);
  return domain ? domain->name : LocalizedText{code, code};
}

LocalizedText name_of_life_domain(const Config& config, const std::string& code) {
  const LifeDomain* domain = config.find_life_domain(code);
  return domain ? domain->name : LocalizedText{code, code};
}

bool is_running(const InterventionRecord& i, const Date& as_of) {
  if (i.status != InterventionStatus::gepland && i.status != InterventionStatus::lopend) {
    return false;
  }
  return !i.ended_on || *i.ended_on > as_of;
}

}  // namespace

LocalizedText describe_indication(const Config& config, const Indication& ind) {
  switch (ind.kind) {
    case Indication::Kind::item_at_least:
      return {ind.target + " ≥ " + whole(ind.value), ind.target + " ≥ " + whole(ind.value)};
    case Indication::Kind::domain_share_at_least: {
      const LocalizedText name = name_of_domain(config, ind.target);
      return {"aandeel " + name.nl + " ≥ " + percent(ind.value),
              name.get(Language::en) + " share ≥ " + percent(ind.value)};
    }
    case Indication::Kind::event_kind:
      return {"gebeurtenis " + ind.target + " in de afgelopen 12 maanden",
              "event " + ind.target + " in the last 12 months"};
    case Indication::Kind::life_domain_at_most: {
      const LocalizedText name = name_of_life_domain(config, ind.target);
      return {"leefgebied " + name.nl + " ≤ " + whole(ind.value),
              "life domain " + name.get(Language::en) + " ≤ " + whole(ind.value)};
    }
    case Indication::Kind::risk_group:
      return {"doelgroep " + whole(ind.value), "risk group " + whole(ind.value)};
  }
  return {};
}

std::vector<Suggestion> suggest_instruments(const Config& config, const CaseHistory& history,
                                            const Date& as_of) {
  std::vector<Suggestion> out;
  if (!history.record) return out;
  const CaseRecord& c = *history.record;
  const AssessmentRecord* latest = history.latest_assessment(as_of);
  std::vector<DomainProfile> profile;
  if (latest) {
    for (const auto& d : config.framework.domains) {
      profile.push_back(profile_domain(config.framework, d, *latest));
    }
  }
  const Date window_start = as_of.plus_days(-kIndicationEventWindowDays);

  for (const auto& ins : config.toolkit.instruments) {
    const ToolkitCategory* category = config.toolkit.find_category(ins.category);
    if (category && category->requires_legal_basis && ins.legal_basis.nl.empty()) continue;
    if (!ins.risk_groups.empty() &&
        std::find(ins.risk_groups.begin(), ins.risk_groups.end(), c.risk_group) ==
            ins.risk_groups.end()) {
      continue;
    }
    bool running = false;
    for (const InterventionRecord* i : history.interventions) {
      if (i->code == ins.code && is_running(*i, as_of)) running = true;
    }
    if (running) continue;

    Suggestion s;
    s.instrument = &ins;
    for (const auto& ind : ins.indications) {
      IndicationMatch match{ind, {}};
      bool fired = false;
      switch (ind.kind) {
        case Indication::Kind::item_at_least: {
          if (!latest) break;
          auto score = item_score(*latest, ind.target);
          if (score && *score >= ind.value) {
            const LocalizedText label = label_of_item(config, ind.target);
            match.reason = {ind.target + " " + label.nl + ": score " + std::to_string(*score) +
                                " (vanaf " + whole(ind.value) + ")",
                            ind.target + " " + label.get(Language::en) + ": score " +
                                std::to_string(*score) + " (from " + whole(ind.value) + ")"};
            fired = true;
          }
          break;
        }
        case Indication::Kind::domain_share_at_least: {
          for (const auto& d : profile) {
            if (d.domain != ind.target || d.share + 1e-9 < ind.value) continue;
            const LocalizedText name = name_of_domain(config, ind.target);
            match.reason = {name.nl + ": aandeel " + percent(d.share) + " (vanaf " +
                                percent(ind.value) + ")",
                            name.get(Language::en) + ": share " + percent(d.share) + " (from " +
                                percent(ind.value) + ")"};
            fired = true;
          }
          break;
        }
        case Indication::Kind::event_kind: {
          const EventRecord* last = nullptr;
          for (const EventRecord* e : history.events) {
            if (code(e->kind) == ind.target && window_start < e->occurred_on.date &&
                e->occurred_on.date <= as_of) {
              last = e;
            }
          }
          if (last) {
            const std::string day = format_date_short(last->occurred_on.date);
            match.reason = {"gebeurtenis " + ind.target + " op " + day,
                            "event " + ind.target + " on " + day};
            fired = true;
          }
          break;
        }
        case Indication::Kind::life_domain_at_most: {
          const LifeDomainObservation* o = history.latest_observation(ind.target, as_of);
          if (o && o->score <= ind.value) {
            const LocalizedText name = name_of_life_domain(config, ind.target);
            match.reason = {"leefgebied " + name.nl + ": score " + std::to_string(o->score) +
                                " (tot en met " + whole(ind.value) + ")",
                            "life domain " + name.get(Language::en) + ": score " +
                                std::to_string(o->score) + " (at most " + whole(ind.value) + ")"};
            fired = true;
          }
          break;
        }
        case Indication::Kind::risk_group:
          if (c.risk_group == static_cast<int>(std::lround(ind.value))) {
            match.reason = {"doelgroep " + std::to_string(c.risk_group),
                            "risk group " + std::to_string(c.risk_group)};
            fired = true;
          }
          break;
      }
      if (fired) s.matches.push_back(std::move(match));
    }
    if (s.matches.empty()) continue;
    for (std::size_t i = 0; i < s.matches.size(); ++i) {
      if (i > 0) {
        s.reason.nl += "; ";
        s.reason.en += "; ";
      }
      s.reason.nl += s.matches[i].reason.nl;
      s.reason.en += s.matches[i].reason.en;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace casus
