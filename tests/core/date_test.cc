#include <catch2/catch.hpp>

#include "core/date.h"

using casus::Date;
using casus::DateOrder;
using casus::Language;
using casus::parse_date;
using casus::parse_date_time;
using casus::YearMonth;

TEST_CASE("every date form of the exchange format parses to the same day", "[date]") {
  const Date expected{2026, 11, 28};
  for (const char* text : {"2026-11-28", "28-11-2026", "28/11/2026", "28.11.2026",
                           "2026-11-28T14:05", "2026-11-28T14:05:00", "28-11-2026 14:05"}) {
    INFO(text);
    auto parsed = parse_date(text);
    REQUIRE(parsed.has_value());
    CHECK(*parsed == expected);
  }
}

TEST_CASE("date-times keep their time", "[date]") {
  auto value = parse_date_time("2026-11-28T14:05:09");
  REQUIRE(value);
  CHECK(value->iso() == "2026-11-28T14:05:09");
  auto dutch = parse_date_time("28-11-2026 14:05");
  REQUIRE(dutch);
  CHECK(dutch->iso() == "2026-11-28T14:05:00");
  CHECK(parse_date_time("2026-11-28")->iso() == "2026-11-28T00:00:00");
}

TEST_CASE("impossible and malformed dates are rejected", "[date]") {
  for (const char* text :
       {"31-02-2026", "29-02-2026", "2026-02-30", "2026-13-01", "00-01-2026", "2026-11-28T24:00",
        "2026-11-28T14:60", "2026-11-28 14:05", "28-11-2026T14:05", "28-11-26", "2026/11/28",
        "28-11/2026", "", " 2026-11-28", "2026-11-28x", "28112026", "2026-1-28", "128-11-2026"}) {
    INFO("'" << text << "'");
    CHECK_FALSE(parse_date(text).has_value());
  }
}

TEST_CASE("29 February is valid in leap years only", "[date]") {
  CHECK(parse_date("29-02-2024") == Date{2024, 2, 29});
  CHECK_FALSE(parse_date("29-02-2023"));
  CHECK_FALSE(parse_date("29-02-1900"));
  CHECK(parse_date("29-02-2000") == Date{2000, 2, 29});
}

TEST_CASE("one-digit day and month are accepted in Dutch forms", "[date]") {
  CHECK(parse_date("1-2-2026") == Date{2026, 2, 1});
  CHECK(parse_date("01.02.2026") == Date{2026, 2, 1});
}

TEST_CASE("month-first order swaps slash forms, not ISO", "[date]") {
  CHECK(parse_date("11/28/2026", DateOrder::mdy) == Date{2026, 11, 28});
  CHECK_FALSE(parse_date("28/11/2026", DateOrder::mdy));
  CHECK(parse_date("2026-11-28", DateOrder::mdy) == Date{2026, 11, 28});
}

TEST_CASE("day arithmetic crosses months, years and leap days", "[date]") {
  CHECK(Date{1970, 1, 1}.days_since_epoch() == 0);
  CHECK(Date{2026, 11, 28}.days_since_epoch() == 20785);
  CHECK(Date{2024, 2, 28}.plus_days(1) == Date{2024, 2, 29});
  CHECK(Date{2024, 2, 29}.plus_days(1) == Date{2024, 3, 1});
  CHECK(Date{2026, 12, 31}.plus_days(1) == Date{2027, 1, 1});
  CHECK(Date{2026, 11, 30}.plus_days(-28) == Date{2026, 11, 2});
  CHECK(casus::days_between(Date{2024, 1, 1}, Date{2025, 1, 1}) == 366);
  CHECK(Date::from_days_since_epoch(-1) == Date{1969, 12, 31});
  CHECK(Date{2026, 11, 28}.iso_weekday() == 6);  // Saturday
}

TEST_CASE("months know their first and last day", "[date]") {
  auto february = YearMonth::parse("2024-02");
  REQUIRE(february);
  CHECK(february->first_day() == Date{2024, 2, 1});
  CHECK(february->last_day() == Date{2024, 2, 29});
  CHECK(YearMonth{2026, 1}.previous() == YearMonth{2025, 12});
  CHECK(YearMonth{2026, 12}.next() == YearMonth{2027, 1});
  CHECK(YearMonth{2026, 11}.minus(11) == YearMonth{2025, 12});
  CHECK(YearMonth{2026, 11}.contains(Date{2026, 11, 30}));
  CHECK_FALSE(YearMonth{2026, 11}.contains(Date{2026, 12, 1}));
  CHECK_FALSE(YearMonth::parse("2026-13"));
  CHECK_FALSE(YearMonth::parse("2026-1"));
  CHECK_FALSE(YearMonth::parse("2026-11-01"));
  CHECK(YearMonth{2026, 3}.iso() == "2026-03");
}

TEST_CASE("long dates in Dutch and English", "[date]") {
  CHECK(casus::format_date_long(Date{2026, 11, 28}, Language::nl) == "28 november 2026");
  CHECK(casus::format_date_long(Date{2026, 11, 28}, Language::en) == "28 November 2026");
  CHECK(casus::format_date_long(Date{2026, 3, 1}, Language::nl) == "1 maart 2026");
  CHECK(casus::format_date_short(Date{2026, 3, 1}) == "01-03-2026");
  CHECK(casus::format_date_time_long({Date{2026, 11, 28}, 9, 5, 0}, Language::nl) ==
        "28 november 2026 09:05");
  CHECK(casus::format_month_long(YearMonth{2026, 10}, Language::nl) == "oktober 2026");
  CHECK(casus::format_month_long(YearMonth{2026, 10}, Language::en) == "October 2026");
}

TEST_CASE("ISO dates are zero-padded to ten characters", "[date]") {
  CHECK(Date{2026, 1, 5}.iso() == "2026-01-05");
  CHECK(Date{1999, 12, 31}.iso() == "1999-12-31");
  CHECK(Date{987, 10, 9}.iso() == "0987-10-09");
  CHECK(Date{2000, 2, 29}.iso() == "2000-02-29");
  // Outside four digits the year is written as it is (no such date parses).
  CHECK(Date{12026, 1, 5}.iso() == "12026-01-05");
}
