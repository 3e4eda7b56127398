// Test data for the monthly report and case list tests: a deterministic
// synthetic dataset (no real people) built by hand, the shipped config, and a
// reader for XLSX files through openpyxl on /usr/bin/python3.
#pragma once

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "config/config_loader.h"
#include "core/diagnostic.h"
#include "model/dataset.h"

namespace casus::testing {

inline const Config& report_config() {
  static Config config = [] {
    CollectingSink sink;
    auto result = load_config(std::filesystem::path(CASUS_SOURCE_DIR) / "config", sink);
    REQUIRE(result.is_ok());
    return std::move(result).value();
  }();
  return config;
}

// A small deterministic generator (64-bit LCG).
struct Lcg {
  std::uint64_t state;
  explicit Lcg(std::uint64_t seed) : state(seed) {}
  std::uint32_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
};

inline std::string case_id(int i) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "CASE-%05d", i);
  return buffer;
}

// `cases` cases registered 2024-01 .. 2026-10, skewed over districts and risk
// groups so that small cells occur; assessments, life-domain observations,
// interventions and events around the reporting month 2026-10.
inline Dataset report_dataset(int cases, std::uint64_t seed = 15) {
  const Config& config = report_config();
  Lcg rng(seed);
  Dataset data;
  const char* instruments[] = {"meldplicht", "mentor", "schuldhulp", "ggz_behandeling", "exitbegeleiding",
                               "huisvesting", "gebiedsverbod", "werk"};
  for (int i = 0; i < cases; ++i) {
    CaseRecord c;
    c.case_id = case_id(i);
    char bsn[16];
    std::snprintf(bsn, sizeof bsn, "9%08d", 10000000 + i * 7);
    c.bsn = bsn;
    c.surname = "Zwartveen" + std::to_string(i);
    c.given_names = "Testvoornaam";
    c.birth_date = Date{1990 + i % 15, 1 + i % 12, 1 + i % 28};
    // Skewed: the first districts are large, the last ones small.
    const int d = std::min(rng.below(12), rng.below(12));
    c.district = config.districts[static_cast<std::size_t>(d % static_cast<int>(config.districts.size()))].code;
    c.risk_group = 1 + std::min(rng.below(5), rng.below(6) % 5);
    const int day = rng.below(1000);  // days since 2024-01-01
    c.registered_on = Date{2024, 1, 1}.plus_days(day);
    c.regisseur = std::string("Regisseur ") + static_cast<char>('A' + rng.below(6));
    c.escalation_level = 1 + rng.below(4) / 2 + (rng.below(10) == 0 ? 2 : 0);
    if (rng.below(3) != 0) c.plan_approved_on = c.registered_on.plus_days(20 + rng.below(60));
    if (rng.below(4) == 0) {
      c.closed_on = c.registered_on.plus_days(100 + rng.below(600));
      c.closure_reason = static_cast<ClosureReason>(rng.below(6));
    }
    c.provenance.batch_id = 1;
    c.provenance.line = static_cast<std::size_t>(i + 2);
    data.cases.push_back(c);

    const int assessments = rng.below(3);
    for (int a = 0; a < assessments; ++a) {
      AssessmentRecord r;
      r.case_id = c.case_id;
      r.assessed_on = c.registered_on.plus_days(10 + a * 120 + rng.below(60));
      r.judgement = static_cast<Judgement>(rng.below(3));
      r.rationale = "motivering";
      r.provenance.batch_id = 2;
      data.assessments.push_back(r);
    }
    for (int o = 0; o < 3; ++o) {
      LifeDomainObservation obs;
      obs.case_id = c.case_id;
      obs.domain = config.monitoring.life_domains[static_cast<std::size_t>(rng.below(4))].code;
      obs.observed_on = c.registered_on.plus_days(5 + o * 90);
      obs.score = 1 + rng.below(5);
      obs.provenance.batch_id = 3;
      data.life_domains.push_back(obs);
    }
    if (rng.below(2) == 0) {
      InterventionRecord iv;
      iv.case_id = c.case_id;
      iv.code = instruments[rng.below(8)];
      iv.partner = "gemeente";
      iv.started_on = c.registered_on.plus_days(rng.below(200));
      iv.status = rng.below(5) == 0 ? InterventionStatus::afgerond : InterventionStatus::lopend;
      if (iv.status == InterventionStatus::afgerond) iv.ended_on = iv.started_on.plus_days(90);
      iv.provenance.batch_id = 4;
      data.interventions.push_back(iv);
    }
    if (rng.below(6) == 0) {
      EventRecord e;
      e.partner = "politie";
      e.event_id = "EV-" + std::to_string(i);
      e.case_id = c.case_id;
      e.occurred_on = DateTime{Date{2026, 10, 1 + rng.below(28)}, 10, 0, 0};
      e.kind = rng.below(2) == 0 ? EventKind::verdachte : EventKind::melding;
      e.linked_case_id = c.case_id;
      e.provenance.batch_id = 5;
      data.events.push_back(e);
    }
  }
  data.data_as_of = Date{2026, 11, 3};
  data.import_batches = {"gemeente-casussen-2026-11.csv (3f2a9c1b7d4e, 2026-11-03)",
                         "politie-gebeurtenissen-2026-11.xml (a81c0e55f920, 2026-11-03)"};
  return data;
}

struct PythonResult {
  int status = -1;
  std::string output;
};

// Runs a Python script with /usr/bin/python3 (which has openpyxl).
inline PythonResult run_python(const std::string& script, const std::string& argument) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto path = dir / ("casus_report_test_" + std::to_string(std::hash<std::string>{}(script)) + ".py");
  {
    std::ofstream out(path);
    out << script;
  }
  PythonResult result;
  const std::string command = "/usr/bin/python3 '" + path.string() + "' '" + argument + "' 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace casus::testing
