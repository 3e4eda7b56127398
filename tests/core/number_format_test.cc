#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>

#include "core/number_format.h"

using casus::Language;

TEST_CASE("decimals use the language's marks", "[number]") {
  CHECK(casus::format_decimal(1234.5, 1, Language::nl) == "1.234,5");
  CHECK(casus::format_decimal(1234.5, 1, Language::en) == "1,234.5");
  CHECK(casus::format_decimal(1234567.891, 2, Language::nl) == "1.234.567,89");
  CHECK(casus::format_decimal(0.5, 0, Language::nl) == "1");
  CHECK(casus::format_decimal(-1234.5, 1, Language::nl) == "-1.234,5");
  CHECK(casus::format_decimal(999.95, 1, Language::en) == "1,000.0");
  CHECK(casus::format_decimal(-0.04, 1, Language::nl) == "0,0");
}

TEST_CASE("rounding is half away from zero", "[number]") {
  CHECK(casus::round_half_away_from_zero(2.25, 1) == Approx(2.3));
  CHECK(casus::round_half_away_from_zero(-2.25, 1) == Approx(-2.3));
  CHECK(casus::round_half_away_from_zero(66.66666, 1) == Approx(66.7));
  CHECK(casus::round_half_away_from_zero(2.675, 2) == Approx(2.68));
  CHECK(casus::round_half_away_from_zero(12.5, 0) == Approx(13));
}

TEST_CASE("integers group thousands and changes carry a sign", "[number]") {
  CHECK(casus::format_integer(0, Language::nl) == "0");
  CHECK(casus::format_integer(999, Language::nl) == "999");
  CHECK(casus::format_integer(1000, Language::nl) == "1.000");
  CHECK(casus::format_integer(-1234567, Language::en) == "-1,234,567");
  CHECK(casus::format_integer(std::numeric_limits<std::int64_t>::min(), Language::nl) ==
        "-9.223.372.036.854.775.808");
  CHECK(casus::format_change(12, Language::nl) == "+12");
  CHECK(casus::format_change(-3, Language::nl) == "-3");
  CHECK(casus::format_change(0, Language::nl) == "0");
}

TEST_CASE("numbers parse in either convention, strictly", "[number]") {
  CHECK(casus::parse_decimal("1.234,5", Language::nl) == Approx(1234.5));
  CHECK(casus::parse_decimal("1,234.5", Language::en) == Approx(1234.5));
  CHECK(casus::parse_decimal("1234,5", Language::nl) == Approx(1234.5));
  CHECK(casus::parse_decimal("-12", Language::nl) == Approx(-12));
  CHECK_FALSE(casus::parse_decimal("1.23,5", Language::nl));
  CHECK_FALSE(casus::parse_decimal("1,234.5", Language::nl));
  CHECK_FALSE(casus::parse_decimal("12,", Language::nl));
  CHECK_FALSE(casus::parse_decimal("", Language::nl));
  CHECK_FALSE(casus::parse_decimal("1.2345", Language::nl));
}
