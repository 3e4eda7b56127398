#include <catch2/catch.hpp>

#include "logic/covenant_changes.h"

using namespace casus;

namespace {

CovenantSnapshot base() {
  CovenantSnapshot s;
  s.parties = {{"gemeente", "Gemeente", "A, burgemeester"}, {"jeugdzorg", "Jeugdzorg", "B, bestuurder"}};
  s.articles = {{"art-doel", "Doel", "d1"}, {"art-jeugd", "Jeugdigen", "j1"}, {"art-slot", "Slot", "s1"}};
  s.exchanges = {{"gemeente", "regulier", true, true, "AVG 6e"}, {"jeugdzorg", "bijzonder", true, false, "AVG 9"}};
  return s;
}

}  // namespace

TEST_CASE("covenant changes: identical snapshots have no changes") {
  CHECK(compute_covenant_changes(base(), base()).empty());
}

TEST_CASE("covenant changes: articles added, removed and changed, parties joined and left, matrix cells") {
  CovenantSnapshot next = base();
  next.parties = {{"gemeente", "Gemeente", "C, wethouder"}, {"politie", "Politie", "D, politiechef"}};
  next.articles = {{"art-doel", "Doel", "d2"}, {"art-zorg", "Zorg", "z1"}, {"art-slot", "Slot", "s1"}};
  next.exchanges = {{"gemeente", "regulier", true, false, "AVG 6e"}, {"politie", "politie", true, false, "Wpg"}};
  const CovenantChanges c = compute_covenant_changes(base(), next);
  REQUIRE(c.added.size() == 1);
  CHECK(c.added[0].id == "art-zorg");
  REQUIRE(c.removed.size() == 1);
  CHECK(c.removed[0].id == "art-jeugd");
  CHECK(c.removed[0].title == "Jeugdigen");
  REQUIRE(c.changed.size() == 1);
  CHECK(c.changed[0].id == "art-doel");
  REQUIRE(c.joined.size() == 1);
  CHECK(c.joined[0].code == "politie");
  REQUIRE(c.left.size() == 1);
  CHECK(c.left[0].code == "jeugdzorg");
  REQUIRE(c.representative_changed.size() == 1);
  CHECK(c.representative_changed[0].representative == "C, wethouder");
  REQUIRE(c.exchanges.size() == 3);
  CHECK(c.exchanges[0].partner == "gemeente");
  CHECK(c.exchanges[0].before->receives == true);
  CHECK(c.exchanges[0].after->receives == false);
  CHECK(c.exchanges[1].partner == "politie");
  CHECK_FALSE(c.exchanges[1].before.has_value());
  CHECK(c.exchanges[2].partner == "jeugdzorg");
  CHECK_FALSE(c.exchanges[2].after.has_value());
}

TEST_CASE("covenant snapshot: text form round-trips and is exact") {
  CovenantSnapshot s = base();
  s.parties[0].name = "Gemeente\tmet tab";
  const std::string text = snapshot_to_text(s);
  CHECK(text ==
        "casus-covenant-snapshot 1\n"
        "party\tgemeente\tGemeente met tab\tA, burgemeester\n"
        "party\tjeugdzorg\tJeugdzorg\tB, bestuurder\n"
        "article\tart-doel\tDoel\td1\n"
        "article\tart-jeugd\tJeugdigen\tj1\n"
        "article\tart-slot\tSlot\ts1\n"
        "exchange\tgemeente\tregulier\t1\t1\tAVG 6e\n"
        "exchange\tjeugdzorg\tbijzonder\t1\t0\tAVG 9\n");
  auto back = snapshot_from_text(text);
  REQUIRE(back.is_ok());
  CHECK(snapshot_to_text(*back) == text);
  CHECK(snapshot_from_text("x\n").message() == "covenant snapshot: line 1: expected 'casus-covenant-snapshot 1'");
  CHECK(snapshot_from_text("casus-covenant-snapshot 1\nexchange\ta\tb\t2\t0\tg\n").message() ==
        "covenant snapshot: line 2: malformed exchange");
  CHECK(snapshot_from_text("casus-covenant-snapshot 1\nfoo\n").message() ==
        "covenant snapshot: line 2: unknown entry 'foo'");
}
