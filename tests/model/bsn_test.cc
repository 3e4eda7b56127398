#include <catch2/catch.hpp>

#include "model/bsn.h"
#include "model/enums.h"

TEST_CASE("the bsn 11-test", "[bsn]") {
  CHECK(casus::is_valid_bsn("111222333"));  // 9+8+7*1 ... classic test number
  CHECK(casus::is_valid_bsn("123456782"));
  CHECK_FALSE(casus::is_valid_bsn("123456789"));
  CHECK_FALSE(casus::is_valid_bsn("000000000"));
  CHECK_FALSE(casus::is_valid_bsn("12345678"));
  CHECK_FALSE(casus::is_valid_bsn("1234567820"));
  CHECK_FALSE(casus::is_valid_bsn("12345678a"));
}

TEST_CASE("enum codes round-trip case-insensitively", "[enums]") {
  CHECK(casus::parse_event_kind("AANHOUDING") == casus::EventKind::aanhouding);
  CHECK(casus::parse_judgement("Hoog") == casus::Judgement::hoog);
  CHECK_FALSE(casus::parse_judgement("zeer hoog"));
  CHECK(casus::parse_closure_reason("doel_bereikt") == casus::ClosureReason::doel_bereikt);
  CHECK(std::string(casus::code(casus::RecordKind::life_domains)) == "life_domains");
  CHECK(casus::list_codes(casus::kAllGenders) == "m, v, x, onbekend");
  CHECK(casus::Judgement::laag < casus::Judgement::hoog);
}
