#include "sample/planted_faults.h"

#include <algorithm>
#include <set>

#include "model/bsn.h"
#include "sample/prng.h"
#include "sample/record_format.h"
#include "sample/synthetic_text.h"

namespace casus {

namespace {

std::string impossible_date(DateStyle style, int year) {
  const std::string y = std::to_string(year);
  switch (style) {
    case DateStyle::iso: return y + "-02-31";
    case DateStyle::dmy_dash: return "31-02-" + y;
    case DateStyle::dmy_slash: return "31/02/" + y;
    case DateStyle::dmy_dot: return "31.02." + y;
    case DateStyle::mdy_slash: return "02/31/" + y;
  }
  return "31-02-" + y;
}

std::string header_of(const Delivery& delivery, const std::string& field) {
  for (const auto& column : delivery.columns) {
    if (column.field == field) return column.header;
  }
  return field;
}

PendingExport& export_for(std::vector<PendingExport>& exports, const DeliveryPlan& plan,
                          const std::string& partner, RecordKind kind, const YearMonth& last,
                          int last_index) {
  for (auto& pending : exports) {
    if (pending.month == last && pending.delivery.partner == partner && pending.delivery.kind == kind) {
      return pending;
    }
  }
  PendingExport pending;
  pending.delivery = plan.delivery(partner, kind, last_index);
  pending.month = last;
  exports.push_back(std::move(pending));
  return exports.back();
}

void add_fault(PendingExport& pending, ExportRecord record, const std::string& field,
               const std::string& value, const std::string& fault_code, const std::string& reason) {
  pending.add(record);
  PendingExport::Fault fault;
  fault.record = pending.records() - 1;
  fault.meta.kind = code(pending.delivery.kind);
  fault.meta.partner = pending.delivery.partner;
  fault.meta.field = field;
  fault.meta.header = header_of(pending.delivery, field);
  fault.meta.value = value;
  fault.meta.code = fault_code;
  fault.meta.reason = reason;
  fault.meta.expected = "quarantined";
  pending.faults.push_back(std::move(fault));
}

std::string first_unused(const std::vector<std::string>& candidates, const std::set<std::string>& used) {
  for (const auto& c : candidates) {
    if (used.count(c) == 0) return c;
  }
  return candidates.back() + "9";
}

// A valid bsn in the synthetic range that no simulated person has.
std::string fresh_bsn(const SampleWorld& world, std::set<std::string>& taken) {
  for (const auto& person : world.persons) taken.insert(person.bsn);
  for (int n = 0; n < 100000; ++n) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "9999%05d", 99999 - n);
    if (is_valid_bsn(buffer) && taken.insert(buffer).second) return buffer;
  }
  return "999999990";
}

// The case the record faults about assessments, interventions, life domains
// and events refer to: the first case still open at the end of `last`.
const SampleCase* anchor_case(const SampleWorld& world, const YearMonth& last) {
  for (const auto& c : world.cases) {
    if (c.registered_on <= last.first_day() && (!c.closed_on || *c.closed_on > last.last_day())) {
      return &c;
    }
  }
  return world.cases.empty() ? nullptr : &world.cases.front();
}

bool is_restricting(const Config& config, const std::string& category) {
  for (const auto& c : config.toolkit.categories) {
    if (c.code == category) return c.requires_legal_basis;
  }
  return false;
}

}  // namespace

Status plant_record_faults(const Config& config, const DeliveryPlan& plan, const SampleWorld& world,
                           const YearMonth& last, int last_index, std::vector<PendingExport>& exports) {
  const SampleCase* anchor = anchor_case(world, last);
  if (anchor == nullptr) return Status::error("the sample has no cases to plant faults on");
  const Date day = last.first_day().plus_days(14);
  std::set<std::string> taken_bsns;

  // --- cases: one fresh, otherwise valid case per fault ----------------------
  {
    PendingExport& pending = export_for(exports, plan, plan.regie, RecordKind::cases, last, last_index);
    const Dialect& dialect = pending.delivery.dialect;
    int number = 0;
    auto valid_case = [&]() {
      SampleCase c;
      char id[32];
      std::snprintf(id, sizeof id, "CAS-FOUT-%02d", ++number);
      c.case_id = id;
      c.district = config.districts.front().code;
      c.risk_group = 4;
      c.registered_on = day;
      c.regisseur = anchor->regisseur;
      c.levels.push_back({day, 1});
      SamplePerson person;
      person.bsn = fresh_bsn(world, taken_bsns);
      person.given_names = synthetic_given_names()[static_cast<std::size_t>(number) % synthetic_given_names().size()];
      person.surname = synthetic_surnames()[static_cast<std::size_t>(number) % synthetic_surnames().size()];
      person.birth_date = Date{day.year - 24, 3, 9};
      person.gender = Gender::v;
      return format_case(c, person, snapshot_at(c, day), dialect);
    };
    const std::string bad_date = impossible_date(dialect.dates, last.year);
    {
      ExportRecord r = valid_case();
      r.values["registered_on"] = bad_date;
      add_fault(pending, r, "registered_on", bad_date, "invalid_date", "registered_on is not a calendar date");
    }
    {
      ExportRecord r = valid_case();
      r.values["bsn"] = SyntheticBsnAllocator::invalid_example();
      add_fault(pending, r, "bsn", r.values["bsn"], "invalid_bsn", "bsn fails the 11-test");
    }
    {
      std::set<std::string> districts;
      for (const auto& d : config.districts) districts.insert(d.code);
      ExportRecord r = valid_case();
      r.values["district"] = first_unused({"ZZ", "QQ", "XZ"}, districts);
      add_fault(pending, r, "district", r.values["district"], "unknown_district",
                "district is not a code from data/districts");
    }
    {
      ExportRecord r = valid_case();
      r.values["risk_group"] = "7";
      add_fault(pending, r, "risk_group", "7", "invalid_risk_group", "risk_group must be 1..5");
    }
    {
      ExportRecord r = valid_case();
      r.values["closed_on"] = format_date_in(dialect.dates, day.plus_days(-10));
      r.values["closure_reason"] = code(ClosureReason::overig);
      add_fault(pending, r, "closed_on", r.values["closed_on"], "closed_before_registered",
                "closed_on is before registered_on");
    }
    {
      ExportRecord r = valid_case();
      r.values["closed_on"] = format_date_in(dialect.dates, day.plus_days(5));
      add_fault(pending, r, "closure_reason", "", "missing_closure_reason",
                "closure_reason is required when closed_on is present");
    }
    {
      ExportRecord r = valid_case();
      r.values["on_hold_since"] = format_date_in(dialect.dates, day.plus_days(2));
      r.values["on_hold_reason"] = hold_reasons().front();
      add_fault(pending, r, "on_hold_review_on", "", "missing_hold_review",
                "on_hold_review_on is required when on_hold_since is present");
    }
  }

  // --- assessments -----------------------------------------------------------
  // An unknown item code is only invalid in XML (in CSV an unknown column is a
  // warning), so when the regular delivery is CSV the unknown item goes into
  // an extra XML export of the same partner and month.
  if (!config.framework.items.empty()) {
    SampleAssessment a;
    a.case_id = anchor->case_id;
    a.assessor = anchor->regisseur;
    for (std::size_t i = 0; i < config.framework.items.size(); ++i) a.scores.push_back(0);
    a.judgement = Judgement::laag;  // all items 0: floor laag
    std::set<std::string> items;
    for (const auto& item : config.framework.items) items.insert(item.code);
    const std::string first_item = config.framework.items.front().code;
    const std::string unknown = first_unused({"X9", "Z9", "Q1"}, items);
    PendingExport* regular = &export_for(exports, plan, plan.regie, RecordKind::assessments, last, last_index);
    if (regular->delivery.dialect.format != "xml") {
      PendingExport extra;
      extra.delivery = regular->delivery;
      extra.delivery.mapped = false;
      extra.delivery.dialect = Dialect{"xml", ',', "utf-8", false, false, DateStyle::iso};
      extra.delivery.columns.clear();
      for (const auto& field : exchange_columns(RecordKind::assessments, config.framework)) {
        extra.delivery.columns.push_back(ExportColumn{field, field, {}});
      }
      extra.month = last;
      // One valid record in the <item> form, then the fault.
      a.assessed_on = day;
      if (!plan.evidence_source.empty()) {
        a.scores[0] = 2;
        a.evidence.push_back({0, plan.evidence_source, item_evidence().front()});
      }
      a.judgement = consistency_floor(config.framework, a.scores);
      a.rationale.clear();
      extra.add(format_assessment(a, config.framework, extra.delivery.dialect, true));
      a.scores[0] = 0;
      a.evidence.clear();
      a.judgement = Judgement::laag;
      exports.push_back(std::move(extra));
      regular = &exports.back();
    }
    {
      a.assessed_on = day.plus_days(1);
      ExportRecord r = format_assessment(a, config.framework, regular->delivery.dialect, false);
      r.extra_xml.push_back("<item code=\"" + unknown + "\" score=\"1\"/>");
      add_fault(*regular, r, unknown, "1", "unknown_item", "item code is not in the framework");
    }
    {
      PendingExport& pending = export_for(exports, plan, plan.regie, RecordKind::assessments, last, last_index);
      a.assessed_on = day.plus_days(2);
      ExportRecord r = format_assessment(a, config.framework, pending.delivery.dialect, false);
      r.values[first_item] = "3";
      add_fault(pending, r, first_item, "3", "invalid_score", "item score must be 0, 1, 2 or unknown");
    }
  }

  // --- interventions -----------------------------------------------------------
  {
    const Instrument* restricting = nullptr;
    const Instrument* ordinary = nullptr;
    for (const auto& instrument : config.toolkit.instruments) {
      const bool owner_delivers = std::find(plan.intervention_partners.begin(), plan.intervention_partners.end(),
                                            instrument.owner) != plan.intervention_partners.end();
      if (!owner_delivers) continue;
      if (is_restricting(config, instrument.category)) {
        if (!restricting) restricting = &instrument;
      } else if (!ordinary) {
        ordinary = &instrument;
      }
    }
    auto valid_intervention = [&](const Instrument& instrument, const Date& started) {
      SampleIntervention i;
      i.case_id = anchor->case_id;
      i.code = instrument.code;
      i.partner = instrument.owner;
      i.category = instrument.category;
      i.decided_on = started;
      i.started_on = started;
      i.rationale = is_restricting(config, instrument.category) ? begrenzen_rationales().front() : "";
      return i;
    };
    if (ordinary) {
      PendingExport& pending =
          export_for(exports, plan, ordinary->owner, RecordKind::interventions, last, last_index);
      const Dialect& dialect = pending.delivery.dialect;
      std::set<std::string> codes;
      for (const auto& instrument : config.toolkit.instruments) codes.insert(instrument.code);
      {
        SampleIntervention i = valid_intervention(*ordinary, day.plus_days(3));
        ExportRecord r = format_intervention(i, InterventionState{InterventionStatus::lopend, std::nullopt}, dialect);
        r.values["code"] = first_unused({"ONBEKEND-99", "ONBEKEND-98"}, codes);
        add_fault(pending, r, "code", r.values["code"], "unknown_instrument", "code is not in the toolkit");
      }
      {
        SampleIntervention i = valid_intervention(*ordinary, day.plus_days(4));
        ExportRecord r = format_intervention(
            i, InterventionState{InterventionStatus::afgerond, day.plus_days(-6)}, dialect);
        add_fault(pending, r, "ended_on", r.values["ended_on"], "ended_before_started",
                  "ended_on is before started_on");
      }
    }
    if (restricting) {
      PendingExport& pending =
          export_for(exports, plan, restricting->owner, RecordKind::interventions, last, last_index);
      SampleIntervention i = valid_intervention(*restricting, day.plus_days(5));
      i.rationale.clear();
      ExportRecord r = format_intervention(i, InterventionState{InterventionStatus::lopend, std::nullopt},
                                           pending.delivery.dialect);
      add_fault(pending, r, "rationale", "", "missing_rationale",
                "rationale is required for an instrument of a restricting category (begrenzen)");
    }
  }

  // --- life domains --------------------------------------------------------------
  {
    PendingExport& pending = export_for(exports, plan, plan.regie, RecordKind::life_domains, last, last_index);
    SampleObservation o;
    o.observed_on = day.plus_days(6);
    ExportRecord r = format_observation(
        o, anchor->case_id, config.monitoring.life_domains.front().code, pending.delivery.dialect);
    r.values["score"] = "6";
    add_fault(pending, r, "score", "6", "invalid_life_domain_score", "score must be 1..5");
  }

  // --- events --------------------------------------------------------------------
  for (const auto& partner : plan.event_partners) {
    PendingExport& pending = export_for(exports, plan, partner, RecordKind::events, last, last_index);
    const bool by_bsn = partner == plan.evidence_source;
    SampleEvent e;
    e.partner = partner;
    e.event_id = by_bsn ? std::to_string(last.year) + "-999901" : "FOUT-" + std::to_string(last.year) + "-001";
    e.occurred_on = DateTime{day.plus_days(7), by_bsn ? 21 : 0, by_bsn ? 30 : 0, 0};
    e.has_time = by_bsn;
    e.kind = by_bsn ? EventKind::melding : EventKind::dagvaarding;
    for (const auto& [kind, route] : plan.event_routes) {
      if (route.partner == partner) {
        e.kind = kind;
        break;
      }
    }
    if (by_bsn) {
      e.bsn = world.persons[anchor->person].bsn;
      ExportRecord r = format_event(e, pending.delivery.dialect);
      r.values["bsn"] = SyntheticBsnAllocator::invalid_example();
      add_fault(pending, r, "bsn", r.values["bsn"], "invalid_bsn", "bsn fails the 11-test");
    } else {
      e.case_id = anchor->case_id;
      ExportRecord r = format_event(e, pending.delivery.dialect);
      r.values["kind"] = "ontvoering";
      add_fault(pending, r, "kind", "ontvoering", "unknown_event_kind", "kind is not an event kind");
    }
  }
  return Status::ok();
}

std::vector<std::pair<SampleFile, PlantedFault>> broken_files(const Config& config,
                                                              const DeliveryPlan& plan,
                                                              const SampleWorld& world,
                                                              const YearMonth& last, int last_index) {
  std::vector<std::pair<SampleFile, PlantedFault>> out;
  const std::string folder = last.iso() + "/";
  auto make = [&](const std::string& partner, const std::string& kind, const std::string& name,
                  const std::string& format, std::string bytes, const std::string& fault_code,
                  const std::string& reason, const std::string& field = "") {
    SampleFile file;
    file.path = folder + name;
    file.month = last.iso();
    file.kind = kind;
    file.partner = partner;
    file.format = format;
    file.encoding = format == "csv" || format == "xml" ? "utf-8" : "";
    file.line_end = "lf";
    file.expected = "rejected";
    file.bytes = std::move(bytes);
    PlantedFault fault;
    fault.file = file.path;
    fault.kind = kind;
    fault.partner = partner;
    fault.field = field;
    fault.header = field;
    fault.code = fault_code;
    fault.reason = reason;
    fault.expected = "rejected";
    out.emplace_back(std::move(file), std::move(fault));
  };

  // An XML events export of a partner naming cases (or the regie's assessments).
  std::string xml_partner = plan.regie;
  std::string xml_kind = "assessments";
  for (const auto& partner : plan.event_partners) {
    if (partner != plan.evidence_source &&
        plan.delivery(partner, RecordKind::events, last_index).dialect.format == "xml") {
      xml_partner = partner;
      xml_kind = "events";
      break;
    }
  }
  const SampleCase* anchor = world.cases.empty() ? nullptr : &world.cases.front();
  const std::string case_id = anchor ? anchor->case_id : "CAS-0000-0000";
  const std::string created = last.next().first_day().iso() + "T06:00:00";
  std::string body;
  if (xml_kind == "events") {
    body = "  <record>\n    <event_id>FOUT-" + std::to_string(last.year) + "-100</event_id>\n    <case_id>" +
           case_id + "</case_id>\n    <occurred_on>" + last.first_day().plus_days(9).iso() +
           "</occurred_on>\n    <kind>dagvaarding</kind>\n    <description>Dagvaarding &amp; zitting</description>\n"
           "  </record>\n";
  } else {
    body = "  <record>\n    <case_id>" + case_id + "</case_id>\n    <assessed_on>" +
           last.first_day().plus_days(9).iso() + "</assessed_on>\n    <judgement>laag</judgement>\n  </record>\n";
  }
  const std::string head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<export kind=\"" + xml_kind +
                           "\" partner=\"" + xml_partner + "\" created=\"" + created + "\">\n";
  {
    std::string whole = head + body + body + "</export>\n";
    // Cut inside the second record, in the middle of an element.
    const std::size_t cut = head.size() + body.size() + body.size() / 2;
    make(xml_partner, xml_kind, xml_partner + "_" + xml_kind + "_truncated.xml", "xml", whole.substr(0, cut),
         "malformed_xml", "the XML document ends inside an element (truncated file)");
  }
  {
    std::string doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<!DOCTYPE export [\n  <!ENTITY toelichting \"uitgebreide toelichting\">\n]>\n" +
                      head.substr(head.find("<export")) + body + "</export>\n";
    make(xml_partner, xml_kind, xml_partner + "_" + xml_kind + "_doctype.xml", "xml", doc, "doctype",
         "the XML document has a DOCTYPE (entities are never expanded)");
  }
  make(plan.regie, "cases", plan.regie + "_cases_empty.csv", "empty", "", "empty_file",
       "the file is empty: no header row");
  {
    Prng rng = Prng::derive(7, "binary");
    std::string bytes = "\x89PNG\r\n\x1A\n";
    bytes += std::string(4, '\0');
    while (bytes.size() < 512) bytes += static_cast<char>(rng.uniform(0, 255));
    make(plan.regie, "life_domains", plan.regie + "_life_domains_binary.csv", "binary", bytes,
         "binary_file", "the file is binary (NUL bytes), not a CSV export");
  }
  {
    const Delivery delivery = plan.delivery(plan.regie, RecordKind::cases, last_index);
    std::vector<ExportColumn> columns;
    for (const auto& column : delivery.columns) {
      if (column.field != "district") columns.push_back(column);
    }
    std::vector<ExportRecord> records;
    for (std::size_t i = 0; i < world.cases.size() && records.size() < 2; ++i) {
      const auto& c = world.cases[i];
      records.push_back(format_case(c, world.persons[c.person], snapshot_at(c, last.last_day()), delivery.dialect));
    }
    auto written = write_csv_export(delivery.dialect, columns, records);
    make(plan.regie, "cases", plan.regie + "_cases_missing_column.csv", "csv",
         written ? written->bytes : std::string(), "missing_column",
         "the required column district is missing", "district");
    out.back().second.line = 1;  // the header row lacks the column
    auto& file = out.back().first;
    file.encoding = delivery.dialect.encoding;
    file.bom = delivery.dialect.bom;
    file.delimiter = std::string(1, delivery.dialect.delimiter);
    file.line_end = delivery.dialect.crlf ? "crlf" : "lf";
    file.date_style = date_style_name(delivery.dialect.dates);
    file.records = records.size();
  }
  (void)config;
  return out;
}

}  // namespace casus
