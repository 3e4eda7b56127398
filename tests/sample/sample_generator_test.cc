#include "sample/sample_generator.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "core/file_io.h"
#include "core/text_encoding.h"
#include "model/bsn.h"
#include "sample/simulation.h"
#include "sample/synthetic_text.h"
#include "sample_fixture.h"

using namespace casus;
using namespace casus::testing;

namespace {

SampleSet build(const SampleOptions& options) {
  static const Config config = make_test_config();
  auto set = build_sample(config, options);
  REQUIRE(set.is_ok());
  return std::move(set.value());
}

SampleOptions small(std::uint64_t seed = 11, bool faults = false) {
  SampleOptions options;
  options.cases = 30;
  options.months = 4;
  options.seed = seed;
  options.until = YearMonth{2026, 10};
  options.faults = faults;
  return options;
}

}  // namespace

TEST_CASE("same seed gives byte-identical files, another seed different ones") {
  const SampleSet a = build(SampleOptions{});
  const SampleSet b = build(SampleOptions{});
  REQUIRE(a.files.size() == b.files.size());
  for (std::size_t i = 0; i < a.files.size(); ++i) {
    CHECK(a.files[i].path == b.files[i].path);
    CHECK(a.files[i].bytes == b.files[i].bytes);
  }
  CHECK(a.manifest_json == b.manifest_json);
  CHECK(a.readme == b.readme);

  SampleOptions other;
  other.seed = 8;
  const SampleSet c = build(other);
  const SampleFile* first = find_file(a, "2025-05/gemeente_cases.csv");
  const SampleFile* second = find_file(c, "2025-05/gemeente_cases.csv");
  REQUIRE(first != nullptr);
  REQUIRE(second != nullptr);
  CHECK(first->bytes != second->bytes);
  CHECK(a.manifest_json != c.manifest_json);
}

namespace {

// Every record of every stored (not rejected) file with its file.
struct Collected {
  const SampleFile* file;
  ReadRecord record;
};

std::vector<Collected> all_records(const SampleSet& set, const std::string& kind) {
  std::vector<Collected> out;
  for (const auto& file : set.files) {
    if (file.kind != kind || file.expected == "rejected") continue;
    for (auto& record : read_export(file)) out.push_back({&file, record});
  }
  return out;
}

std::optional<Date> date_of(const std::string& text) { return parse_date(text, DateOrder::dmy); }

}  // namespace

TEST_CASE("every bsn is synthetic: prefix 9999 and the 11-test") {
  const SampleSet set = build(SampleOptions{});
  std::size_t seen = 0;
  for (const auto& kind : {"cases", "events"}) {
    for (const auto& [file, record] : all_records(set, kind)) {
      for (const auto& header : {"bsn", "BSN-nummer"}) {
        const auto found = record.values.find(header);
        if (found == record.values.end()) continue;
        ++seen;
        INFO(file->path << ":" << record.line << " " << found->second);
        CHECK(found->second.rfind("9999", 0) == 0);
        CHECK(is_valid_bsn(found->second));
      }
    }
  }
  CHECK(seen > 300);
}

TEST_CASE("the set mixes CSV dialects, encodings, date styles and XML") {
  const SampleSet set = build(SampleOptions{});
  std::set<std::string> delimiters, date_styles, formats, line_ends, encodings;
  bool bom = false, no_bom = false, cp1252_bytes = false, newline_in_field = false,
       quote_in_field = false;
  for (const auto& file : set.files) {
    formats.insert(file.format);
    if (file.format != "csv") continue;
    delimiters.insert(file.delimiter);
    date_styles.insert(file.date_style);
    line_ends.insert(file.line_end);
    encodings.insert(file.encoding);
    (has_utf8_bom(file.bytes) ? bom : no_bom) = true;
    CHECK(has_utf8_bom(file.bytes) == file.bom);
    if (file.encoding == "windows-1252") {
      cp1252_bytes |= !is_valid_utf8(file.bytes);  // ë, é, û as single bytes
    } else {
      CHECK(is_valid_utf8(file.bytes));
    }
    CHECK((file.bytes.find("\r\n") != std::string::npos) == (file.line_end == "crlf"));
    for (const auto& record : read_export(file)) {
      for (const auto& [header, value] : record.values) {
        newline_in_field |= value.find('\n') != std::string::npos;
        quote_in_field |= value.find('"') != std::string::npos &&
                          value.find(file.delimiter) != std::string::npos;
      }
    }
  }
  CHECK(delimiters == std::set<std::string>{";", ",", "\t"});
  CHECK(formats == std::set<std::string>{"csv", "xml"});
  CHECK(line_ends == std::set<std::string>{"crlf", "lf"});
  CHECK(encodings == std::set<std::string>{"utf-8", "windows-1252"});
  CHECK(date_styles.size() == 4);
  CHECK(bom);
  CHECK(no_bom);
  CHECK(cp1252_bytes);
  CHECK(newline_in_field);
  CHECK(quote_in_field);

  // The police file follows its mapping: own headers and value codes, windows-1252, CRLF.
  const SampleFile* police = find_file(set, "2026-10/politie_events.csv");
  REQUIRE(police != nullptr);
  CHECK(police->mapped);
  CHECK(police->bytes.substr(0, police->bytes.find("\r\n")) ==
        "Registratienummer;BSN-nummer;Pleegdatum;Soort registratie;Omschrijving");
  std::set<std::string> codes;
  for (const auto& record : read_export(*police)) codes.insert(record.values.at("Soort registratie"));
  for (const auto& value : codes) {
    CHECK((value == "MELD" || value == "AANH" || value == "VERD" || value == "UITR" || value == "TERUG"));
  }
  // XML exports have the exchange-format root.
  const SampleFile* om = find_file(set, "2026-10/om_events.xml");
  REQUIRE(om != nullptr);
  CHECK(om->bytes.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<export kind=\"events\" partner=\"om\" "
                        "created=\"2026-11-01T06:00:00\">\n", 0) == 0);
}

TEST_CASE("every record kind is delivered, by the partners that deliver it") {
  const SampleSet set = build(SampleOptions{});
  std::map<std::string, std::set<std::string>> partners;
  for (const auto& file : set.files) partners[file.kind].insert(file.partner);
  CHECK(partners["cases"] == std::set<std::string>{"gemeente"});
  CHECK(partners["assessments"] == std::set<std::string>{"gemeente"});
  CHECK(partners["life_domains"] == std::set<std::string>{"gemeente"});
  CHECK(partners["events"] == std::set<std::string>{"politie", "om", "reclassering"});
  CHECK(partners["interventions"] == std::set<std::string>{"gemeente", "politie", "om", "reclassering",
                                                           "jeugdzorg", "ggz", "ggd", "zorg"});
  // Police events name persons only; prosecution and probation name cases.
  for (const auto& [file, record] : all_records(set, "events")) {
    if (file->partner == "politie") {
      CHECK(record.values.count("BSN-nummer") == 1);
      CHECK(record.values.count("case_id") == 0);
    } else {
      CHECK(record.values.count("case_id") == 1);
      CHECK(record.values.count("bsn") == 0);
    }
  }
  // Interventions are delivered by the instrument's owner.
  const Config config = make_test_config();
  for (const auto& [file, record] : all_records(set, "interventions")) {
    const auto* instrument = [&]() -> const Instrument* {
      for (const auto& i : config.toolkit.instruments) {
        if (i.code == record.values.at("code")) return &i;
      }
      return nullptr;
    }();
    REQUIRE(instrument != nullptr);
    CHECK(instrument->owner == file->partner);
    CHECK(record.values.at("partner") == file->partner);
    if (instrument->category == "begrenzen") CHECK(record.values.count("rationale") == 1);
  }
}

TEST_CASE("monthly dynamics: inflow, outflow, re-entry, upserts, holds, family, plans") {
  const SampleOptions options;
  const SampleSet set = build(options);
  REQUIRE(set.months.size() == 18);
  CHECK(set.months.front().month == YearMonth{2025, 5});
  CHECK(set.months.back().month == YearMonth{2026, 10});
  int inflow = 0, outflow = 0, reentries = 0;
  for (const auto& month : set.months) {
    INFO(month.month.iso());
    CHECK(month.inflow >= 3);
    CHECK(month.inflow <= 9);  // about (150 - 52) / 18 a month
    CHECK(month.active_at_end >= 40);
    inflow += month.inflow;
    outflow += month.outflow;
    reentries += month.reentries;
  }
  CHECK(inflow == 98);  // 150 cases, of which 35% were open before the first month
  CHECK(outflow >= 18);
  CHECK(reentries >= 2);

  // Read the cases back: latest version per case_id, and what changed between deliveries.
  std::map<std::string, std::map<std::string, std::string>> latest;
  std::map<std::string, std::set<std::string>> levels;
  bool hold_overdue = false, plan_late = false, plan_on_time = false, upsert_emptied_hold = false;
  std::map<std::string, std::string> hold_before;
  for (const auto& [file, record] : all_records(set, "cases")) {
    const auto& v = record.values;
    const std::string id = v.at("case_id");
    levels[id].insert(v.at("escalation_level"));
    const Date registered = *date_of(v.at("registered_on"));
    if (v.count("plan_approved_on")) {
      const auto days = days_between(registered, *date_of(v.at("plan_approved_on")));
      (days > 42 ? plan_late : plan_on_time) = true;
      CHECK(days >= 0);
    }
    CHECK((v.count("on_hold_since") == 1) == (v.count("on_hold_review_on") == 1));
    CHECK((v.count("on_hold_since") == 1) == (v.count("on_hold_reason") == 1));
    CHECK((v.count("closed_on") == 1) == (v.count("closure_reason") == 1));
    if (v.count("closed_on")) CHECK(*date_of(v.at("closed_on")) > registered);
    if (v.count("on_hold_review_on") &&
        *date_of(v.at("on_hold_review_on")) < YearMonth::parse(file->month)->last_day()) {
      hold_overdue = true;
    }
    if (hold_before.count(id) && !hold_before[id].empty() && !v.count("on_hold_since")) {
      upsert_emptied_hold = true;
    }
    hold_before[id] = v.count("on_hold_since") ? v.at("on_hold_since") : "";
    latest[id] = v;
  }
  CHECK(latest.size() == 150);
  CHECK(hold_overdue);
  CHECK(plan_late);
  CHECK(plan_on_time);
  CHECK(upsert_emptied_hold);
  CHECK(std::count_if(levels.begin(), levels.end(), [](const auto& l) { return l.second.size() > 1; }) >= 10);

  // Family cases point at a traveller's case; re-entries reuse a bsn after closure.
  int family = 0;
  std::map<std::string, std::vector<std::string>> by_bsn;
  for (const auto& [id, v] : latest) {
    by_bsn[v.at("bsn")].push_back(id);
    if (v.at("risk_group") != "5") {
      CHECK(v.count("related_case_id") == 0);
      continue;
    }
    ++family;
    REQUIRE(latest.count(v.at("related_case_id")) == 1);
    const auto& traveller = latest.at(v.at("related_case_id"));
    CHECK((traveller.at("risk_group") == "1" || traveller.at("risk_group") == "3"));
    CHECK(traveller.at("surname") == v.at("surname"));
  }
  CHECK(family >= 10);
  int reentered = 0;
  for (const auto& [bsn, ids] : by_bsn) {
    if (ids.size() < 2) continue;
    ++reentered;
    const auto& first = latest.at(ids[0]);
    const auto& second = latest.at(ids[1]);
    REQUIRE(first.count("closed_on") == 1);
    CHECK(*date_of(first.at("closed_on")) < *date_of(second.at("registered_on")));
  }
  CHECK(reentered == reentries);

  // Police events: some before the person's case, some for persons without a case.
  std::map<std::string, Date> first_registration;
  for (const auto& [id, v] : latest) {
    const Date registered = *date_of(v.at("registered_on"));
    auto [it, inserted] = first_registration.emplace(v.at("bsn"), registered);
    if (!inserted && registered < it->second) it->second = registered;
  }
  int before = 0, unlinked = 0;
  for (const auto& [file, record] : all_records(set, "events")) {
    if (file->partner != "politie") continue;
    const auto found = first_registration.find(record.values.at("BSN-nummer"));
    if (found == first_registration.end()) {
      ++unlinked;
    } else if (*date_of(record.values.at("Pleegdatum")) < found->second) {
      ++before;
    }
  }
  CHECK(before >= 5);
  CHECK(unlinked >= 12);

  // Judgements rise and fall, and some fall below the floor without a rationale.
  const Config config = make_test_config();
  std::map<std::string, std::vector<std::string>> judgements;
  int unexplained = 0;
  for (const auto& [file, record] : all_records(set, "assessments")) {
    judgements[record.values.at("case_id")].push_back(record.values.at("judgement"));
    std::vector<std::optional<int>> scores;
    for (const auto& item : config.framework.items) {
      const auto found = record.values.find(item.code);
      scores.push_back(found == record.values.end() || found->second == "?"
                           ? std::nullopt
                           : std::optional<int>(std::stoi(found->second)));
    }
    const Judgement floor = consistency_floor(config.framework, scores);
    if (*parse_judgement(record.values.at("judgement")) < floor && record.values.count("rationale") == 0) {
      ++unexplained;
    }
  }
  int changed = 0;
  for (const auto& [id, list] : judgements) {
    for (std::size_t i = 1; i < list.size(); ++i) changed += list[i] != list[i - 1] ? 1 : 0;
  }
  CHECK(changed >= 20);
  CHECK(unexplained >= 3);
}

TEST_CASE("planted faults: faults.json lists exactly what is in the files") {
  const SampleSet set = build(small(11, true));
  struct Expected {
    std::string file;
    std::size_t line, record;
    std::string partner, field, header, value, code, expected;
  };
  const std::vector<Expected> expected = {
      {"2026-10/gemeente_cases.csv", 11, 10, "gemeente", "registered_on", "registered_on", "31-02-2026", "invalid_date", "quarantined"},
      {"2026-10/gemeente_cases.csv", 12, 11, "gemeente", "bsn", "bsn", "999912345", "invalid_bsn", "quarantined"},
      {"2026-10/gemeente_cases.csv", 13, 12, "gemeente", "district", "district", "ZZ", "unknown_district", "quarantined"},
      {"2026-10/gemeente_cases.csv", 14, 13, "gemeente", "risk_group", "risk_group", "7", "invalid_risk_group", "quarantined"},
      {"2026-10/gemeente_cases.csv", 15, 14, "gemeente", "closed_on", "closed_on", "05-10-2026", "closed_before_registered", "quarantined"},
      {"2026-10/gemeente_cases.csv", 16, 15, "gemeente", "closure_reason", "closure_reason", "", "missing_closure_reason", "quarantined"},
      {"2026-10/gemeente_cases.csv", 17, 16, "gemeente", "on_hold_review_on", "on_hold_review_on", "", "missing_hold_review", "quarantined"},
      {"2026-10/gemeente_assessments.xml", 87, 4, "gemeente", "X9", "X9", "1", "unknown_item", "quarantined"},
      {"2026-10/gemeente_assessments.xml", 119, 5, "gemeente", "V1", "V1", "3", "invalid_score", "quarantined"},
      {"2026-10/gemeente_life_domains.csv", 41, 38, "gemeente", "score", "score", "6", "invalid_life_domain_score", "quarantined"},
      {"2026-10/om_interventions.csv", 3, 2, "om", "rationale", "rationale", "", "missing_rationale", "quarantined"},
      {"2026-10/zorg_interventions.csv", 4, 3, "zorg", "code", "code", "ONBEKEND-99", "unknown_instrument", "quarantined"},
      {"2026-10/zorg_interventions.csv", 5, 4, "zorg", "ended_on", "ended_on", "2026-10-09", "ended_before_started", "quarantined"},
      {"2026-10/politie_events.csv", 13, 8, "politie", "bsn", "BSN-nummer", "999912345", "invalid_bsn", "quarantined"},
      {"2026-10/om_events.xml", 3, 1, "om", "kind", "kind", "ontvoering", "unknown_event_kind", "quarantined"},
      {"2026-10/reclassering_events.csv", 2, 1, "reclassering", "kind", "kind", "ontvoering", "unknown_event_kind", "quarantined"},
      {"2026-10/om_events_truncated.xml", 0, 0, "om", "", "", "", "malformed_xml", "rejected"},
      {"2026-10/om_events_doctype.xml", 0, 0, "om", "", "", "", "doctype", "rejected"},
      {"2026-10/gemeente_cases_empty.csv", 0, 0, "gemeente", "", "", "", "empty_file", "rejected"},
      {"2026-10/gemeente_life_domains_binary.csv", 0, 0, "gemeente", "", "", "", "binary_file", "rejected"},
      {"2026-10/gemeente_cases_missing_column.csv", 1, 0, "gemeente", "district", "district", "", "missing_column", "rejected"},
  };
  REQUIRE(set.faults.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& f = set.faults[i];
    const auto& e = expected[i];
    INFO(e.code << " in " << e.file);
    CHECK(f.file == e.file);
    CHECK(f.line == e.line);
    CHECK(f.record == e.record);
    CHECK(f.partner == e.partner);
    CHECK(f.field == e.field);
    CHECK(f.header == e.header);
    CHECK(f.value == e.value);
    CHECK(f.code == e.code);
    CHECK(f.expected == e.expected);
    const SampleFile* file = find_file(set, f.file);
    REQUIRE(file != nullptr);
    if (f.expected == "rejected") {
      CHECK(file->expected == "rejected");
      continue;
    }
    // The record really starts on that line and holds the planted value.
    const auto records = read_export(*file);
    REQUIRE(f.record <= records.size());
    const auto& record = records[f.record - 1];
    CHECK(record.line == f.line);
    const auto found = record.values.find(f.header);
    CHECK((found == record.values.end() ? std::string() : found->second) == f.value);
  }
  CHECK(set.faults_json.find("\"code\": \"invalid_date\"") != std::string::npos);

  // Faults only add: without --faults every file is the same, and a file with
  // planted records is the valid file with the faulty records appended.
  const SampleSet clean = build(small(11, false));
  CHECK(clean.faults.empty());
  CHECK(clean.faults_json.empty());
  for (const auto& file : set.files) {
    const SampleFile* same = find_file(clean, file.path);
    if (file.expected == "stored") {
      REQUIRE(same != nullptr);
      CHECK(same->bytes == file.bytes);
    } else if (file.expected == "quarantined" && same != nullptr) {
      const std::size_t planted = static_cast<std::size_t>(std::count_if(
          set.faults.begin(), set.faults.end(), [&](const PlantedFault& f) { return f.file == file.path; }));
      CHECK(file.records == same->records + planted);
      if (file.format == "csv") {
        CHECK(file.bytes.compare(0, same->bytes.size(), same->bytes) == 0);
      }
    }
  }
}

TEST_CASE("broken files are broken in the announced way") {
  const SampleSet set = build(small(11, true));
  const SampleFile* empty = find_file(set, "2026-10/gemeente_cases_empty.csv");
  REQUIRE(empty != nullptr);
  CHECK(empty->bytes.empty());
  const SampleFile* binary = find_file(set, "2026-10/gemeente_life_domains_binary.csv");
  REQUIRE(binary != nullptr);
  CHECK(binary->bytes.size() == 512);
  CHECK(binary->bytes.find('\0') != std::string::npos);
  const SampleFile* doctype = find_file(set, "2026-10/om_events_doctype.xml");
  REQUIRE(doctype != nullptr);
  CHECK(doctype->bytes.find("<!DOCTYPE export [") != std::string::npos);
  const SampleFile* truncated = find_file(set, "2026-10/om_events_truncated.xml");
  REQUIRE(truncated != nullptr);
  CHECK(truncated->bytes.find("</export>") == std::string::npos);
  CHECK(truncated->bytes.rfind("<export kind=\"events\" partner=\"om\"", 60) != std::string::npos);
  const SampleFile* missing = find_file(set, "2026-10/gemeente_cases_missing_column.csv");
  REQUIRE(missing != nullptr);
  const auto header = read_header(*missing);
  CHECK(header.size() == 17);
  CHECK(std::find(header.begin(), header.end(), "district") == header.end());
  CHECK(read_export(*missing).size() == 2);
}

TEST_CASE("the synthetic bsn range does not run out for large sets") {
  casus::SyntheticBsnAllocator allocator(7);
  std::set<std::string> seen;
  for (int i = 0; i < 20000; ++i) {
    const std::string bsn = allocator.next();
    REQUIRE(casus::is_valid_bsn(bsn));
    REQUIRE(bsn.rfind("99", 0) == 0);
    seen.insert(bsn);
  }
  CHECK(seen.size() == 20000);
  CHECK(*seen.rbegin() < "999999999");
  CHECK(seen.begin()->rfind("9997", 0) == 0);  // blocks 9999, 9998 full; 9997 started
}

TEST_CASE("re-entries and family cases keep their rules in a larger set") {
  // The simulator finds travellers and returning persons through indexes, not
  // by looking through every earlier case; check the rules on many cases.
  SampleOptions options;
  options.cases = 3000;
  options.months = 12;
  options.seed = 5;
  const SampleSet set = build(options);
  std::map<std::string, std::map<std::string, std::string>> latest;
  for (const auto& [file, record] : all_records(set, "cases"))
    latest[record.values.at("case_id")] = record.values;
  REQUIRE(latest.size() == 3000);

  std::map<std::string, std::vector<std::pair<Date, std::string>>>
      by_bsn;  // registered_on, case_id
  int family = 0;
  for (const auto& [id, v] : latest) {
    by_bsn[v.at("bsn")].emplace_back(*date_of(v.at("registered_on")), id);
    if (v.at("risk_group") != "5") continue;
    ++family;
    INFO(id);
    REQUIRE(latest.count(v.at("related_case_id")) == 1);
    const auto& traveller = latest.at(v.at("related_case_id"));
    CHECK((traveller.at("risk_group") == "1" || traveller.at("risk_group") == "3"));
    CHECK(*date_of(traveller.at("registered_on")) <= *date_of(v.at("registered_on")));
  }
  CHECK(family >= 100);

  int reentered = 0;
  for (auto& [bsn, cases] : by_bsn) {
    std::sort(cases.begin(), cases.end());
    for (std::size_t i = 1; i < cases.size(); ++i) {
      ++reentered;
      const auto& earlier = latest.at(cases[i - 1].second);
      INFO(cases[i].second);
      REQUIRE(earlier.count("closed_on") == 1);
      CHECK(*date_of(earlier.at("closed_on")) < cases[i].first.plus_days(-30));
      CHECK(earlier.at("closure_reason") != "overleden");
      CHECK(earlier.at("closure_reason") != "verhuisd");
    }
  }
  int reentries = 0;
  for (const auto& month : set.months) reentries += month.reentries;
  CHECK(reentered == reentries);
  CHECK(reentries >= 30);
}

TEST_CASE("a sink gets every file when made and the set keeps them without bytes") {
  static const Config config = make_test_config();
  const SampleSet plain = build(small(11, true));
  std::vector<SampleFile> sunk;
  auto streamed = build_sample(config, small(11, true), [&](const SampleFile& file) {
    sunk.push_back(file);
    return Status::ok();
  });
  REQUIRE(streamed.is_ok());
  REQUIRE(sunk.size() == plain.files.size());
  REQUIRE(streamed->files.size() == plain.files.size());
  for (std::size_t i = 0; i < plain.files.size(); ++i) {
    INFO(plain.files[i].path);
    CHECK(sunk[i].path == plain.files[i].path);
    CHECK(sunk[i].bytes == plain.files[i].bytes);
    CHECK(plain.files[i].size == plain.files[i].bytes.size());
    CHECK(plain.files[i].sha256 == sha256_hex(plain.files[i].bytes));
    CHECK(streamed->files[i].path == plain.files[i].path);
    CHECK(streamed->files[i].bytes.empty());
    CHECK(streamed->files[i].size == plain.files[i].size);
    CHECK(streamed->files[i].sha256 == plain.files[i].sha256);
    CHECK(streamed->files[i].records == plain.files[i].records);
  }
  CHECK(streamed->manifest_json == plain.manifest_json);
  CHECK(streamed->readme == plain.readme);
  CHECK(streamed->faults_json == plain.faults_json);

  // A failing sink stops the build with its message.
  int calls = 0;
  auto stopped = build_sample(config, small(11, true), [&](const SampleFile&) {
    return ++calls == 3 ? Status::error("disk full") : Status::ok();
  });
  REQUIRE_FALSE(stopped.is_ok());
  CHECK(stopped.message() == "disk full");
  CHECK(calls == 3);
}
