// Calendar dates and date-times as the exchange format and the documents use
// them: strict parsing of every accepted form (31-02 is invalid, 29-02-2024
// valid), day arithmetic, months, and Dutch/English formatting.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/language.h"

namespace casus {

// How to read ambiguous day/month forms (28/11/2026). ISO forms are always y-m-d.
enum class DateOrder { dmy, mdy };

// Four bytes: millions of loaded records carry dates. Read the fields as
// ints (they promote); never stream them as characters.
struct Date {
  std::int16_t year = 1970;
  std::int8_t month = 1;
  std::int8_t day = 1;

  constexpr Date() = default;
  constexpr Date(int y, int m, int d)
      : year(static_cast<std::int16_t>(y)), month(static_cast<std::int8_t>(m)), day(static_cast<std::int8_t>(d)) {}

  // Days since 1970-01-01 (negative before).
  std::int64_t days_since_epoch() const;
  static Date from_days_since_epoch(std::int64_t days);
  static bool is_valid(int year, int month, int day);

  Date plus_days(std::int64_t days) const;
  // 1 = Monday … 7 = Sunday (ISO 8601).
  int iso_weekday() const;

  std::string iso() const;  // 2026-11-28
  auto operator<=>(const Date&) const = default;
};

int days_in_month(int year, int month);
bool is_leap_year(int year);
std::int64_t days_between(const Date& from, const Date& to);  // to - from

struct DateTime {  // eight bytes
  Date date;
  std::int8_t hour = 0;
  std::int8_t minute = 0;
  std::int8_t second = 0;

  constexpr DateTime() = default;
  constexpr DateTime(Date d, int h = 0, int m = 0, int s = 0)
      : date(d), hour(static_cast<std::int8_t>(h)), minute(static_cast<std::int8_t>(m)), second(static_cast<std::int8_t>(s)) {}

  std::string iso() const;  // 2026-11-28T14:05:00
  auto operator<=>(const DateTime&) const = default;
};

// A calendar month, as in `--month 2026-11`.
struct YearMonth {
  int year = 1970;
  int month = 1;

  static std::optional<YearMonth> parse(std::string_view text);  // YYYY-MM, strict
  Date first_day() const;
  Date last_day() const;
  YearMonth previous() const;
  YearMonth next() const;
  YearMonth minus(int months) const;
  bool contains(const Date& date) const;
  std::string iso() const;  // 2026-11
  auto operator<=>(const YearMonth&) const = default;
};

// Accepts 2026-11-28, 28-11-2026, 28/11/2026, 28.11.2026 (day and month may
// have one digit), optionally followed by a time: 2026-11-28T14:05[:00] or
// 28-11-2026 14:05[:00]. Returns nullopt for anything else or an impossible date.
std::optional<DateTime> parse_date_time(std::string_view text, DateOrder order = DateOrder::dmy);
// Same forms; the time, when present, is validated and dropped.
std::optional<Date> parse_date(std::string_view text, DateOrder order = DateOrder::dmy);

// "28-11-2026" (nl) / "28-11-2026" (en uses the same numeric form in tables).
std::string format_date_short(const Date& date);
// "28 november 2026" / "28 November 2026".
std::string format_date_long(const Date& date, Language language);
// "28 november 2026 14:05" / "28 November 2026 14:05".
std::string format_date_time_long(const DateTime& value, Language language);
// "november 2026" / "November 2026".
std::string format_month_long(const YearMonth& month, Language language);
const char* month_name(int month, Language language);

}  // namespace casus
