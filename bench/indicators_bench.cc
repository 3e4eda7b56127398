// indicators_bench: builds a synthetic Dataset in memory (100k cases, 1M
// events, assessments, life-domain observations, interventions), then times
// the month's indicators, disclosure control and the 12-month trend, and
// reports wall time and peak RSS (getrusage). Goal: under 2 s and 500 MB.
// Usage: indicators_bench [CONFIG_DIR] [CASES] [EVENTS]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "config/config_loader.h"
#include "logic/dataset_index.h"
#include "logic/disclosure.h"
#include "logic/indicators_json.h"
#include "logic/monitoring_indicators.h"

using namespace casus;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;  // Linux: kilobytes
}

Dataset build(const Config& config, std::size_t case_count, std::size_t event_count) {
  std::mt19937_64 rng(42);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const Date start{2019, 1, 1};
  Dataset ds;
  ds.cases.reserve(case_count);
  for (std::size_t i = 0; i < case_count; ++i) {
    CaseRecord c;
    c.case_id = "C" + std::to_string(100000 + i);
    if (pick(4) != 0) c.bsn = std::to_string(100000000 + pick(case_count));
    c.district = config.districts[pick(config.districts.size())].code;
    c.risk_group = 1 + static_cast<int>(pick(5));
    c.registered_on = start.plus_days(static_cast<std::int64_t>(pick(2900)));
    c.escalation_level = 1 + static_cast<int>(pick(4));
    if (pick(3) != 0) c.plan_approved_on = c.registered_on.plus_days(static_cast<std::int64_t>(pick(90)));
    if (pick(10) == 0) {
      c.on_hold_since = c.registered_on.plus_days(30);
      c.on_hold_review_on = c.registered_on.plus_days(120);
      c.on_hold_reason = "onderzoek";
    }
    if (pick(2) == 0) {
      c.closed_on = c.registered_on.plus_days(static_cast<std::int64_t>(60 + pick(900)));
      c.closure_reason = kAllClosureReasons[pick(kAllClosureReasons.size())];
    }
    c.provenance.batch_id = 1;
    c.provenance.line = i + 2;
    ds.cases.push_back(std::move(c));
  }
  // About 3 assessments, 8 life-domain observations and 2 interventions per case.
  ds.assessments.reserve(case_count * 3);
  ds.life_domains.reserve(case_count * 8);
  ds.interventions.reserve(case_count * 2);
  for (std::size_t i = 0; i < case_count; ++i) {
    const CaseRecord& c = ds.cases[i];
    for (int k = 0; k < 3; ++k) {
      AssessmentRecord a;
      a.case_id = c.case_id;
      a.assessed_on = c.registered_on.plus_days(20 + 120 * k + static_cast<std::int64_t>(pick(60)));
      a.items.reserve(config.framework.items.size());  // as the store's decoder does
      for (const auto& item : config.framework.items) {
        if (pick(5) != 0) a.items[item.code].score = static_cast<int>(pick(3));
      }
      a.judgement = kAllJudgements[pick(3)];
      if (pick(2) == 0) a.rationale = "toelichting";
      a.provenance.batch_id = 2;
      ds.assessments.push_back(std::move(a));
    }
    for (int k = 0; k < 8; ++k) {
      LifeDomainObservation o;
      o.case_id = c.case_id;
      o.domain = config.monitoring.life_domains[pick(config.monitoring.life_domains.size())].code;
      o.observed_on = c.registered_on.plus_days(static_cast<std::int64_t>(pick(700)));
      o.score = 1 + static_cast<int>(pick(5));
      o.provenance.batch_id = 3;
      ds.life_domains.push_back(std::move(o));
    }
    for (int k = 0; k < 2; ++k) {
      InterventionRecord r;
      r.case_id = c.case_id;
      r.code = config.toolkit.instruments[pick(config.toolkit.instruments.size())].code;
      r.partner = "gemeente";
      r.started_on = c.registered_on.plus_days(static_cast<std::int64_t>(pick(400)));
      if (pick(2) == 0) r.ended_on = r.started_on.plus_days(static_cast<std::int64_t>(pick(300)));
      r.status = kAllInterventionStatuses[pick(4)];
      r.provenance.batch_id = 4;
      ds.interventions.push_back(std::move(r));
    }
  }
  ds.events.reserve(event_count);
  for (std::size_t i = 0; i < event_count; ++i) {
    EventRecord e;
    e.partner = "politie";
    e.event_id = "E" + std::to_string(i);
    const CaseRecord& c = ds.cases[pick(case_count)];
    e.occurred_on = DateTime{c.registered_on.plus_days(static_cast<std::int64_t>(pick(800)) - 30), 12, 0, 0};
    e.kind = kAllEventKinds[pick(kAllEventKinds.size())];
    if (pick(50) != 0) e.linked_case_id = c.case_id;
    e.provenance.batch_id = 5;
    ds.events.push_back(std::move(e));
  }
  ds.data_as_of = Date{2026, 11, 30};
  return ds;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path config_dir = argc > 1 ? argv[1] : "config";
  const std::size_t cases = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 100000;
  const std::size_t events = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 1000000;
  CollectingSink sink;
  auto config = load_config(config_dir, sink);
  if (!config) {
    for (const auto& d : sink.diagnostics()) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  const Dataset ds = build(*config, cases, events);
  const double build_s = seconds_since(t0);
  std::printf("dataset: %zu cases, %zu assessments, %zu life-domain observations, %zu interventions, %zu events (built in %.2f s)\n",
              ds.cases.size(), ds.assessments.size(), ds.life_domains.size(), ds.interventions.size(),
              ds.events.size(), build_s);
  const long rss_before = peak_rss_mb();

  t0 = std::chrono::steady_clock::now();
  const DatasetIndex index(ds);
  const double index_s = seconds_since(t0);
  auto t1 = std::chrono::steady_clock::now();
  const YearMonth month{2026, 11};
  const IndicatorSet raw = compute_indicators(index, *config, month);
  const IndicatorSet board = protect_indicators(raw, *config);
  const double month_s = seconds_since(t1);
  t1 = std::chrono::steady_clock::now();
  auto trend = compute_trend(index, *config, month);
  for (auto& set : trend) set = protect_indicators(set, *config);
  const double trend_s = seconds_since(t1);
  const std::string json = indicators_to_json(board);
  const double total_s = seconds_since(t0);

  std::printf("index %.3f s, month indicators + disclosure %.3f s, 12-month trend %.3f s\n", index_s,
              month_s, trend_s);
  std::printf("wall time (index + indicators + trend): %.3f s (goal < 2 s)\n", total_s);
  std::printf("peak RSS: %ld MB (after building the dataset: %ld MB; goal < 500 MB)\n", peak_rss_mb(),
              rss_before);
  std::printf("active %lld, events.aanhouding %lld, JSON %zu bytes\n",
              static_cast<long long>(raw.count("active")),
              static_cast<long long>(raw.count("events.aanhouding")), json.size());
  return total_s < 2.0 && peak_rss_mb() < 500 ? 0 : 1;
}
