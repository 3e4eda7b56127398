#include <catch2/catch.hpp>

#include "logic/retention.h"

using namespace casus;

namespace {

CaseRecord closed_case(const std::string& id, std::optional<Date> closed) {
  CaseRecord c;
  c.case_id = id;
  c.registered_on = {2015, 1, 1};
  c.closed_on = closed;
  return c;
}

}  // namespace

TEST_CASE("retention: add_years keeps the day, 29 February becomes 28 February") {
  CHECK(add_years({2021, 11, 27}, 5) == Date{2026, 11, 27});
  CHECK(add_years({2024, 2, 29}, 1) == Date{2025, 2, 28});
  CHECK(add_years({2024, 2, 29}, 4) == Date{2028, 2, 29});
}

TEST_CASE("retention: closed more than N years ago, strictly, ordered by closure date then id") {
  Dataset data;
  data.cases = {closed_case("B", Date{2021, 11, 27}), closed_case("A", Date{2021, 11, 27}),
                closed_case("EDGE", Date{2021, 11, 28}), closed_case("ACTIVE", std::nullopt),
                closed_case("OLD", Date{2019, 3, 1}), closed_case("RECENT", Date{2025, 1, 1})};
  const auto due = cases_due_for_deletion(data, 5, {2026, 11, 28});
  REQUIRE(due.size() == 3);
  CHECK(due[0].case_id == "OLD");
  CHECK(due[0].closed_on == Date{2019, 3, 1});
  CHECK(due[0].delete_after == Date{2024, 3, 1});
  CHECK(due[1].case_id == "A");
  CHECK(due[2].case_id == "B");
  CHECK(cases_due_for_deletion(data, 0, {2025, 1, 2}).size() == 5);
  CHECK(cases_due_for_deletion(data, 10, {2026, 11, 28}).empty());
}
