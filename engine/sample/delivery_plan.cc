#include "sample/delivery_plan.h"

#include <algorithm>

#include "core/text_encoding.h"

namespace casus {

std::vector<std::string> exchange_columns(RecordKind kind, const Framework& framework) {
  switch (kind) {
    case RecordKind::cases:
      return {"case_id",          "bsn",           "surname",           "given_names",
              "birth_date",       "gender",        "district",          "risk_group",
              "registered_on",    "regisseur",     "plan_approved_on",  "escalation_level",
              "on_hold_since",    "on_hold_review_on", "on_hold_reason", "closed_on",
              "closure_reason",   "related_case_id"};
    case RecordKind::assessments: {
      std::vector<std::string> columns = {"case_id", "assessed_on", "assessor"};
      for (const auto& item : framework.items) columns.push_back(item.code);
      columns.push_back("judgement");
      columns.push_back("rationale");
      return columns;
    }
    case RecordKind::interventions:
      return {"case_id", "code", "partner", "started_on", "ended_on", "status", "rationale"};
    case RecordKind::life_domains:
      return {"case_id", "observed_on", "domain", "score", "goal"};
    case RecordKind::events:
      return {"event_id", "case_id", "bsn", "occurred_on", "kind", "description"};
  }
  return {};
}

namespace {

const PartnerExport* find_export(const Partner& partner, RecordKind kind) {
  for (const auto& e : partner.exports) {
    if (e.kind == kind) return &e;
  }
  return nullptr;
}

const Partner* find_partner(const Config& config, const std::string& code) {
  for (const auto& p : config.partners) {
    if (p.code == code) return &p;
  }
  return nullptr;
}

std::string normalized_encoding(const std::string& encoding) {
  const std::string lower = ascii_lower(encoding);
  if (lower.empty() || lower == "utf-8" || lower == "utf8") return "utf-8";
  if (lower == "windows-1252" || lower == "cp1252" || lower == "ansi") return "windows-1252";
  if (lower == "iso-8859-1" || lower == "latin1" || lower == "latin-1") return "iso-8859-1";
  return lower;
}

// The dialects that rotate over intervention partners without a mapping.
Dialect rotating_dialect(std::size_t index) {
  switch (index % 4) {
    case 0: return Dialect{"csv", ',', "utf-8", true, true, DateStyle::dmy_dash};
    case 1: return Dialect{"csv", '\t', "windows-1252", false, true, DateStyle::dmy_slash};
    case 2: return Dialect{"csv", ';', "utf-8", false, false, DateStyle::dmy_dot};
    default: return Dialect{"csv", ';', "windows-1252", false, false, DateStyle::iso};
  }
}

std::vector<ExportColumn> plain_columns(RecordKind kind, const Framework& framework,
                                        const std::vector<std::string>& skip = {}) {
  std::vector<ExportColumn> columns;
  for (const auto& field : exchange_columns(kind, framework)) {
    if (std::find(skip.begin(), skip.end(), field) != skip.end()) continue;
    columns.push_back(ExportColumn{field, field, {}});
  }
  return columns;
}

}  // namespace

Delivery DeliveryPlan::delivery(const std::string& partner_code, RecordKind kind,
                                int month_index) const {
  Delivery delivery;
  delivery.partner = partner_code;
  delivery.kind = kind;
  const Partner* partner = find_partner(*config, partner_code);
  const bool by_bsn = std::find(event_partners.begin(), event_partners.end(), partner_code) !=
                          event_partners.end() &&
                      partner_code == evidence_source;
  // Which exchange fields this partner delivers for events.
  std::vector<std::string> skip;
  if (kind == RecordKind::events) skip.push_back(by_bsn ? "case_id" : "bsn");

  if (const PartnerExport* mapping = partner ? find_export(*partner, kind) : nullptr) {
    // The partner's mapping decides format, dialect, headers and value codes;
    // fields it does not rename travel under their exchange-format name.
    delivery.mapped = true;
    delivery.dialect.format = mapping->format.empty() ? "csv" : ascii_lower(mapping->format);
    delivery.dialect.delimiter = mapping->delimiter.value_or(';');
    delivery.dialect.encoding = normalized_encoding(mapping->encoding);
    delivery.dialect.bom = delivery.dialect.encoding == "utf-8" && kind == RecordKind::cases;
    delivery.dialect.crlf = delivery.dialect.encoding != "utf-8" || kind == RecordKind::cases;
    delivery.dialect.dates =
        mapping->date_order == DateOrder::mdy ? DateStyle::mdy_slash : DateStyle::dmy_dash;
    delivery.columns = plain_columns(kind, config->framework, skip);
    for (auto& out : delivery.columns) {
      for (const auto& column : mapping->columns) {
        if (column.field != out.field) continue;
        out.header = column.header;
        for (const auto& value : column.values) out.value_codes.emplace(ascii_lower(value.to), value.from);
      }
    }
    return delivery;
  }

  delivery.columns = plain_columns(kind, config->framework, skip);
  if (partner_code == regie) {
    switch (kind) {
      case RecordKind::cases:
        delivery.dialect = Dialect{"csv", ';', "utf-8", true, true, DateStyle::dmy_dash};
        break;
      case RecordKind::assessments:
        delivery.dialect = month_index < months / 2
                               ? Dialect{"csv", ',', "utf-8", false, false, DateStyle::iso}
                               : Dialect{"xml", ',', "utf-8", false, false, DateStyle::iso};
        break;
      case RecordKind::life_domains:
        delivery.dialect = Dialect{"csv", '\t', "utf-8", false, false, DateStyle::iso};
        break;
      default: {
        const auto at = std::find(intervention_partners.begin(), intervention_partners.end(), partner_code);
        delivery.dialect = rotating_dialect(static_cast<std::size_t>(at - intervention_partners.begin()));
      }
    }
    return delivery;
  }
  if (kind == RecordKind::events) {
    if (by_bsn) {
      delivery.dialect = Dialect{"csv", ';', "windows-1252", false, true, DateStyle::dmy_dash};
    } else {
      // The first justice partner delivers XML, the others CSV with ISO dates.
      std::size_t rank = 0;
      for (const auto& code : event_partners) {
        if (code == partner_code) break;
        if (code != evidence_source) ++rank;
      }
      delivery.dialect = rank == 0 ? Dialect{"xml", ',', "utf-8", false, false, DateStyle::iso}
                                   : Dialect{"csv", ',', "utf-8", false, false, DateStyle::iso};
    }
    return delivery;
  }
  const auto at = std::find(intervention_partners.begin(), intervention_partners.end(), partner_code);
  delivery.dialect = rotating_dialect(static_cast<std::size_t>(at - intervention_partners.begin()));
  return delivery;
}

Result<DeliveryPlan> plan_deliveries(const Config& config, int months) {
  DeliveryPlan plan;
  plan.config = &config;
  plan.months = months;
  if (config.partners.empty()) return Status::error("config defines no partners");
  for (const auto& p : config.partners) {
    if (p.role == "regie" && plan.regie.empty()) plan.regie = p.code;
  }
  if (plan.regie.empty() && find_partner(config, "gemeente")) plan.regie = "gemeente";
  if (plan.regie.empty()) plan.regie = config.partners.front().code;

  // The police: role veiligheid, else code politie, else a partner whose events
  // mapping names persons (bsn) but not cases.
  std::string police;
  for (const auto& p : config.partners) {
    if (police.empty() && p.role == "veiligheid") police = p.code;
  }
  if (police.empty() && find_partner(config, "politie")) police = "politie";
  for (const auto& p : config.partners) {
    const PartnerExport* mapping = find_export(p, RecordKind::events);
    if (!police.empty() || !mapping) continue;
    bool bsn = false, case_id = false;
    for (const auto& column : mapping->columns) {
      bsn |= column.field == "bsn";
      case_id |= column.field == "case_id";
    }
    if (bsn && !case_id) police = p.code;
  }
  std::vector<std::string> justice;
  for (const auto& p : config.partners) {
    if (p.code != police && p.code != plan.regie &&
        (p.role == "justitie" || p.code == "om" || p.code == "reclassering")) {
      justice.push_back(p.code);
    }
  }
  for (const auto& p : config.partners) {
    if (p.code == police || std::find(justice.begin(), justice.end(), p.code) != justice.end()) {
      plan.event_partners.push_back(p.code);
    }
  }
  plan.evidence_source = police;

  // Each event kind goes to the first partner in its preference order whose
  // export can express it (a mapping with value codes limits the kinds).
  auto expresses = [&](const std::string& code_of_partner, EventKind kind) {
    const Partner* partner = find_partner(config, code_of_partner);
    const PartnerExport* mapping = partner ? find_export(*partner, RecordKind::events) : nullptr;
    if (!mapping) return true;
    for (const auto& column : mapping->columns) {
      if (column.field != "kind" || column.values.empty()) continue;
      return std::any_of(column.values.begin(), column.values.end(),
                         [&](const ValueMapping& v) { return ascii_lower(v.to) == code(kind); });
    }
    return true;
  };
  const std::vector<EventKind> police_kinds = {EventKind::melding, EventKind::verdachte,
                                               EventKind::aanhouding, EventKind::uitreispoging,
                                               EventKind::terugkeer};
  for (const auto kind : kAllEventKinds) {
    const bool police_kind = std::find(police_kinds.begin(), police_kinds.end(), kind) != police_kinds.end();
    std::vector<std::string> order;
    if (police_kind && !police.empty()) order.push_back(police);
    if (kind == EventKind::detentie_start || kind == EventKind::detentie_einde) {
      order.insert(order.end(), justice.rbegin(), justice.rend());  // probation first
    } else {
      order.insert(order.end(), justice.begin(), justice.end());
    }
    if (!police_kind && !police.empty()) order.push_back(police);
    for (const auto& candidate : order) {
      if (expresses(candidate, kind)) {
        plan.event_routes[kind] = EventRoute{candidate, candidate == police};
        break;
      }
    }
  }

  for (const auto& p : config.partners) {
    const bool owns = std::any_of(config.toolkit.instruments.begin(), config.toolkit.instruments.end(),
                                  [&](const Instrument& i) { return i.owner == p.code; });
    if (owns) plan.intervention_partners.push_back(p.code);
  }
  return plan;
}

}  // namespace casus
