#include <catch2/catch.hpp>

#include "logic/dataset_index.h"
#include "logic_fixture.h"

using namespace casus;
using namespace casus::testing;

TEST_CASE("dataset index: latest_observation is the last of its domain on or before the day") {
  Dataset ds;
  ds.cases = {make_case("c1", "2025-01-01"), make_case("c2", "2025-01-01")};
  auto later_import = [](LifeDomainObservation o, int score) {
    o.score = score;
    o.provenance.batch_id = 9;
    return o;
  };
  // Out of order on purpose; c2's observations interleave with c1's.
  ds.life_domains = {make_observation("c1", "2026-03-01", "wonen", 4),
                     make_observation("c2", "2026-01-01", "financien", 1),
                     make_observation("c1", "2026-01-15", "financien", 2),
                     make_observation("c1", "2026-01-01", "wonen", 2),
                     make_observation("c1", "2026-02-01", "middelengebruik", 3),
                     make_observation("c1", "2026-05-01", "financien", 5),
                     make_observation("c1", "2026-02-01", "wonen", 3)};
  ds.life_domains.push_back(later_import(ds.life_domains[6], 1));  // same key, later import wins
  const DatasetIndex index(ds);
  const CaseHistory& c1 = *index.find("c1");
  REQUIRE(c1.life_domains.size() == 6);
  auto score = [&](const char* domain, const char* day) {
    const LifeDomainObservation* o = c1.latest_observation(domain, d(day));
    return o ? o->score : 0;
  };
  CHECK(score("wonen", "2025-12-31") == 0);
  CHECK(score("wonen", "2026-01-01") == 2);
  CHECK(score("wonen", "2026-01-31") == 2);
  CHECK(score("wonen", "2026-02-01") == 1);
  CHECK(score("wonen", "2026-02-28") == 1);
  CHECK(score("wonen", "2026-03-01") == 4);
  CHECK(score("wonen", "2030-01-01") == 4);
  CHECK(score("financien", "2026-01-14") == 0);
  CHECK(score("financien", "2026-04-30") == 2);
  CHECK(score("financien", "2026-05-01") == 5);
  CHECK(score("middelengebruik", "2026-01-31") == 0);
  CHECK(score("middelengebruik", "2026-12-31") == 3);
  CHECK(score("werk", "2026-12-31") == 0);  // sorts between the others; none observed
  CHECK(score("won", "2026-12-31") == 0);   // a prefix of a domain is not that domain
  CHECK(score("zorg", "2026-12-31") == 0);  // after every domain
  CHECK(score("", "2026-12-31") == 0);
  const CaseHistory& c2 = *index.find("c2");
  REQUIRE(c2.latest_observation("financien", d("2026-01-01")) != nullptr);
  CHECK(c2.latest_observation("financien", d("2026-01-01"))->score == 1);
  CHECK(c2.latest_observation("wonen", d("2026-12-31")) == nullptr);
}
