#include <catch2/catch.hpp>

#include <random>

#include "logic/disclosure.h"
#include "logic/indicators_json.h"
#include "logic/monitoring_indicators.h"
#include "logic_fixture.h"

using namespace casus;
using namespace casus::testing;

namespace {

using State = IndicatorValue::State;

IndicatorSet raw_set(std::initializer_list<std::pair<std::string, std::int64_t>> overrides) {
  IndicatorSet set;
  set.month = YearMonth{2026, 11};
  for (const auto& code : indicator_codes(shipped_config())) {
    set.items.push_back({code, IndicatorValue::of_count(0)});
  }
  for (const auto& [code, n] : overrides) {
    IndicatorValue* v = set.find(code);
    REQUIRE(v);
    *v = IndicatorValue::of_count(n);
  }
  return set;
}

State state_of(const IndicatorSet& s, const std::string& code) { return s.find(code)->state; }

}  // namespace

TEST_CASE("primary suppression: 0 < c < T becomes <5, zeros and T stay") {
  IndicatorSet raw = raw_set({{"events.melding", 4}, {"events.verdachte", 5}, {"events.aanhouding", 1},
                              {"unlinked_events", 3}});
  const IndicatorSet p = protect_indicators(raw, shipped_config());
  CHECK(p.is_protected);
  CHECK(state_of(p, "events.melding") == State::suppressed_primary);
  CHECK(state_of(p, "events.aanhouding") == State::suppressed_primary);
  CHECK(*p.find("events.verdachte") == IndicatorValue::of_count(5));
  CHECK(*p.find("events.dagvaarding") == IndicatorValue::of_count(0));
  CHECK(state_of(p, "unlinked_events") == State::suppressed_primary);
  // events.* publish no total: no secondary suppression there.
  for (const auto& item : p.items) CHECK(item.value.state != State::suppressed_secondary);
}

TEST_CASE("secondary suppression: the smallest other non-zero cell, ties by listed order") {
  // outflow = 20: doel_bereikt 3 (primary), afgeschaald 7, verhuisd 6, detentie 0, overleden 0, overig 4 (primary).
  // Two suppressed already: nothing more.
  IndicatorSet raw = raw_set({{"outflow", 20}, {"outflow_reason.doel_bereikt", 3},
                              {"outflow_reason.afgeschaald", 7}, {"outflow_reason.verhuisd", 6},
                              {"outflow_reason.overig", 4}});
  IndicatorSet p = protect_indicators(raw, shipped_config());
  CHECK(state_of(p, "outflow_reason.doel_bereikt") == State::suppressed_primary);
  CHECK(state_of(p, "outflow_reason.overig") == State::suppressed_primary);
  CHECK(state_of(p, "outflow_reason.afgeschaald") == State::number);
  CHECK(state_of(p, "outflow_reason.verhuisd") == State::number);

  // active = 30 by risk group: 2 (primary), 7, 7, 14, 0 -> the first 7 (group 2) goes too.
  raw = raw_set({{"active", 30}, {"active_by_risk_group.1", 2}, {"active_by_risk_group.2", 7},
                 {"active_by_risk_group.3", 7}, {"active_by_risk_group.4", 14},
                 {"risk_level.onbekend", 30}, {"active_by_stage.met_plan", 30},
                 {"active_by_escalation_level.1", 30}});
  for (const auto& d : shipped_config().monitoring.life_domains) {
    *raw.find("life_domain." + d.code + ".onbekend") = IndicatorValue::of_count(30);
  }
  p = protect_indicators(raw, shipped_config());
  CHECK(state_of(p, "active_by_risk_group.1") == State::suppressed_primary);
  CHECK(state_of(p, "active_by_risk_group.2") == State::suppressed_secondary);
  CHECK(state_of(p, "active_by_risk_group.3") == State::number);
  CHECK(state_of(p, "active_by_risk_group.4") == State::number);
  CHECK(state_of(p, "active_by_risk_group.5") == State::number);  // zero stays
  CHECK(state_of(p, "active") == State::number);
  // JSON: "<5" for primary, null for secondary.
  CHECK(indicator_json_value(*p.find("active_by_risk_group.1"), 5) == "\"<5\"");
  CHECK(indicator_json_value(*p.find("active_by_risk_group.2"), 5) == "null");
}

TEST_CASE("a group whose total is suppressed needs nothing more") {
  IndicatorSet raw = raw_set({{"outflow", 4}, {"outflow_reason.verhuisd", 3},
                              {"outflow_reason.overig", 1}});
  IndicatorSet p = protect_indicators(raw, shipped_config());
  CHECK(state_of(p, "outflow") == State::suppressed_primary);
  CHECK(state_of(p, "outflow_reason.verhuisd") == State::suppressed_primary);
  CHECK(state_of(p, "outflow_reason.overig") == State::suppressed_primary);

  // Total 6 published, one cell 1 suppressed, the other 5 suppressed secondarily.
  raw = raw_set({{"outflow", 6}, {"outflow_reason.verhuisd", 5}, {"outflow_reason.overig", 1}});
  p = protect_indicators(raw, shipped_config());
  CHECK(state_of(p, "outflow") == State::number);
  CHECK(state_of(p, "outflow_reason.overig") == State::suppressed_primary);
  CHECK(state_of(p, "outflow_reason.verhuisd") == State::suppressed_secondary);
}

TEST_CASE("the percentage is withheld when its parts are small or suppressed") {
  const Config& c = shipped_config();
  auto pct_after = [&](std::int64_t due, std::int64_t on_time) {
    IndicatorSet raw = raw_set({{"plan_due", due}, {"plan_on_time", on_time}});
    *raw.find("plan_on_time_pct") = IndicatorValue::of_percentage(on_time, due);
    return *protect_indicators(raw, c).find("plan_on_time_pct");
  };
  CHECK(pct_after(10, 7) == IndicatorValue::of_percentage(7, 10));
  CHECK(pct_after(10, 3).state == State::null);  // numerator suppressed
  CHECK(pct_after(10, 0) == IndicatorValue::of_percentage(0, 10));  // zero is published
  CHECK(pct_after(4, 4).state == State::null);   // denominator below T
  CHECK(pct_after(0, 0).state == State::null);
  CHECK(pct_after(5, 5) == IndicatorValue::of_percentage(5, 5));
}

TEST_CASE("cross-table protection: rows, columns and totals") {
  // 3 districts × 2 risk groups.
  const std::vector<std::vector<std::int64_t>> cells = {{10, 2}, {8, 9}, {0, 6}};
  const ProtectedTable t = protect_cross_table(cells, 5);
  // Primary: (0,1)=2. Row 0 (total 12) has one suppressed -> (0,0)=10 too.
  // Column 1 (total 17): (0,1) suppressed -> smallest other non-zero is (2,1)=6.
  // Column 0 (total 18): (0,0) suppressed -> smallest other non-zero is (1,0)=8.
  // Row 1 (total 17): (1,0) suppressed -> (1,1)=9. Row 2 (total 6): (2,1) suppressed, (2,0)=0 ->
  // no other non-zero cell: the row total goes. Row totals group (grand 35): row 2 suppressed ->
  // smallest other, row 0 = 12.
  CHECK(t.cells[0][1].state == State::suppressed_primary);
  CHECK(t.cells[0][0].state == State::suppressed_secondary);
  CHECK(t.cells[2][1].state == State::suppressed_secondary);
  CHECK(t.cells[1][0].state == State::suppressed_secondary);
  CHECK(t.cells[1][1].state == State::suppressed_secondary);
  CHECK(t.cells[2][0] == IndicatorValue::of_count(0));
  CHECK(t.row_totals[2].state == State::suppressed_secondary);
  CHECK(t.row_totals[0].state == State::suppressed_secondary);
  CHECK(t.row_totals[1] == IndicatorValue::of_count(17));
  CHECK(t.column_totals[0] == IndicatorValue::of_count(18));
  CHECK(t.column_totals[1] == IndicatorValue::of_count(17));
  CHECK(t.grand_total == IndicatorValue::of_count(35));
}

namespace {

// Checks the two promises on one protected cross-table.
void check_safe(const std::vector<std::vector<std::int64_t>>& cells, const ProtectedTable& t,
                int threshold) {
  const std::size_t rows = cells.size(), columns = cells[0].size();
  auto check_value = [&](const IndicatorValue& v) {
    if (v.published()) CHECK_FALSE((v.count > 0 && v.count < threshold));
  };
  // Group = published total + cells: a published total with exactly one suppressed cell
  // would give that cell away by subtraction.
  auto check_group = [&](const IndicatorValue& total, const std::vector<IndicatorValue>& group) {
    if (!total.published()) return;
    int suppressed = 0;
    for (const auto& v : group) suppressed += v.suppressed() ? 1 : 0;
    CHECK(suppressed != 1);
  };
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) check_value(t.cells[r][c]);
    check_value(t.row_totals[r]);
    check_group(t.row_totals[r], t.cells[r]);
  }
  for (std::size_t c = 0; c < columns; ++c) {
    check_value(t.column_totals[c]);
    std::vector<IndicatorValue> column;
    for (std::size_t r = 0; r < rows; ++r) column.push_back(t.cells[r][c]);
    check_group(t.column_totals[c], column);
  }
  check_value(t.grand_total);
  check_group(t.grand_total, t.row_totals);
  check_group(t.grand_total, t.column_totals);
  // Published numbers are the true ones.
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) {
      if (t.cells[r][c].published()) CHECK(t.cells[r][c].count == cells[r][c]);
    }
  }
}

}  // namespace

TEST_CASE("property: random cross-tables never leak a small count") {
  std::mt19937 rng(20261128);
  for (int round = 0; round < 2000; ++round) {
    const std::size_t rows = 1 + rng() % 8, columns = 1 + rng() % 6;
    const int threshold = 2 + static_cast<int>(rng() % 9);
    std::vector<std::vector<std::int64_t>> cells(rows, std::vector<std::int64_t>(columns));
    for (auto& row : cells) {
      for (auto& v : row) {
        const unsigned pick = rng() % 10;
        v = pick < 3 ? 0 : pick < 7 ? static_cast<std::int64_t>(rng() % threshold)
                                    : static_cast<std::int64_t>(rng() % 40);
      }
    }
    INFO("round " << round << " threshold " << threshold);
    check_safe(cells, protect_cross_table(cells, threshold), threshold);
  }
}

TEST_CASE("property: random indicator sets never leak a small count") {
  const Config& c = shipped_config();
  const auto groups = indicator_groups(c);
  std::mt19937 rng(5);
  for (int round = 0; round < 300; ++round) {
    // Build consistent groups: each group's cells add up to its total.
    const std::int64_t active = rng() % 3 == 0 ? rng() % 5 : rng() % 200;
    const std::int64_t outflow = rng() % 30;
    IndicatorSet raw = raw_set({{"active", active}, {"outflow", outflow}});
    for (const auto& g : groups) {
      std::int64_t left = g.total == "outflow" ? outflow : active;
      for (std::size_t i = 0; i < g.cells.size(); ++i) {
        std::int64_t v = i + 1 == g.cells.size() ? left : (left == 0 ? 0 : static_cast<std::int64_t>(rng() % (left + 1)) / (1 + rng() % 3));
        left -= v;
        *raw.find(g.cells[i]) = IndicatorValue::of_count(v);
      }
    }
    for (const char* code : {"events.melding", "interventions_active.zorg", "police_contact"}) {
      *raw.find(code) = IndicatorValue::of_count(rng() % 12);
    }
    const IndicatorSet p = protect_indicators(raw, c);
    INFO("round " << round);
    for (const auto& item : p.items) {
      if (item.value.published() && !item.value.percentage) {
        CHECK_FALSE((item.value.count > 0 && item.value.count < 5));
      }
    }
    for (const auto& g : groups) {
      if (!p.find(g.total)->published()) continue;
      int suppressed = 0;
      for (const auto& code : g.cells) suppressed += p.find(code)->suppressed() ? 1 : 0;
      CHECK(suppressed != 1);
    }
  }
}

TEST_CASE("indicators_to_json: every code, stable order, numbers, <5 and null") {
  IndicatorSet set;
  set.threshold = 5;
  set.items = {{"active", IndicatorValue::of_count(123)},
               {"outflow_reason.verhuisd", {State::suppressed_primary, 3, 0, false}},
               {"outflow_reason.overig", {State::suppressed_secondary, 9, 0, false}},
               {"plan_on_time_pct", IndicatorValue::of_percentage(2, 3)},
               {"plan_full", IndicatorValue::of_percentage(4, 4)},
               {"plan_none", IndicatorValue::null_value()},
               {"zero", IndicatorValue::of_count(0)}};
  CHECK(indicators_to_json(set) ==
        "{\n"
        "  \"active\": 123,\n"
        "  \"outflow_reason.verhuisd\": \"<5\",\n"
        "  \"outflow_reason.overig\": null,\n"
        "  \"plan_on_time_pct\": 66.7,\n"
        "  \"plan_full\": 100.0,\n"
        "  \"plan_none\": null,\n"
        "  \"zero\": 0\n"
        "}\n");
  IndicatorSet empty;
  CHECK(indicators_to_json(empty) == "{}\n");
}

TEST_CASE("JSON of an empty month for the shipped config lists all 117 codes") {
  Dataset ds;
  const std::string json = indicators_to_json(compute_indicators(ds, shipped_config(), YearMonth{2026, 11}));
  CHECK(json.rfind("{\n  \"active\": 0,\n  \"inflow\": 0,\n", 0) == 0);
  CHECK(json.find("  \"active_by_district.F\": 0,\n") != std::string::npos);
  CHECK(json.find("  \"plan_on_time_pct\": null,\n") != std::string::npos);
  CHECK(json.size() > 0);
  CHECK(json.substr(json.size() - 25) == "  \"unlinked_events\": 0\n}\n");
  CHECK(std::count(json.begin(), json.end(), '\n') == 119);
}
