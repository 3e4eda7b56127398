#include "core/date.h"

#include <array>
#include <cstdio>

namespace casus {
namespace {

// Civil-from-days and days-from-civil over the proleptic Gregorian calendar,
// using 400-year eras of 146097 days.
std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t year_of_era = y - era * 400;
  const std::int64_t day_of_year = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

struct Cursor {
  std::string_view text;
  std::size_t pos = 0;

  bool at_end() const { return pos == text.size(); }
  // Reads between min and max digits; false if fewer than min.
  bool digits(std::size_t min, std::size_t max, int& out) {
    std::size_t n = 0;
    int value = 0;
    while (pos < text.size() && n < max && text[pos] >= '0' && text[pos] <= '9') {
      value = value * 10 + (text[pos] - '0');
      ++pos;
      ++n;
    }
    if (n < min) return false;
    if (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') return false;  // too many
    out = value;
    return true;
  }
  bool literal(char c) {
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }
};

bool parse_time(Cursor& cursor, DateTime& out) {
  int hour = 0, minute = 0, second = 0;
  if (!cursor.digits(2, 2, hour) || !cursor.literal(':') || !cursor.digits(2, 2, minute)) return false;
  if (cursor.literal(':') && !cursor.digits(2, 2, second)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  out.hour = hour;
  out.minute = minute;
  out.second = second;
  return true;
}

constexpr std::array<const char*, 12> kMonthsNl = {"januari", "februari", "maart",     "april",
                                                   "mei",     "juni",     "juli",      "augustus",
                                                   "september", "oktober", "november", "december"};
constexpr std::array<const char*, 12> kMonthsEn = {"January", "February", "March",     "April",
                                                   "May",     "June",     "July",      "August",
                                                   "September", "October", "November", "December"};

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

bool Date::is_valid(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::int64_t Date::days_since_epoch() const { return days_from_civil(year, month, day); }

Date Date::from_days_since_epoch(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t mp = (5 * day_of_year + 2) / 153;
  const int d = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(year_of_era + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

Date Date::plus_days(std::int64_t days) const {
  return from_days_since_epoch(days_since_epoch() + days);
}

int Date::iso_weekday() const {
  // 1970-01-01 was a Thursday (4).
  const std::int64_t days = days_since_epoch();
  const std::int64_t weekday = ((days % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(weekday) + 1;
}

std::string Date::iso() const {
  // Digits by hand: the store formats a date for every record it keeps, and
  // snprintf was a twentieth of an import.
  if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
  }
  std::string text(10, '-');
  text[0] = static_cast<char>('0' + year / 1000);
  text[1] = static_cast<char>('0' + year / 100 % 10);
  text[2] = static_cast<char>('0' + year / 10 % 10);
  text[3] = static_cast<char>('0' + year % 10);
  text[5] = static_cast<char>('0' + month / 10);
  text[6] = static_cast<char>('0' + month % 10);
  text[8] = static_cast<char>('0' + day / 10);
  text[9] = static_cast<char>('0' + day % 10);
  return text;
}

std::int64_t days_between(const Date& from, const Date& to) {
  return to.days_since_epoch() - from.days_since_epoch();
}

std::string DateTime::iso() const {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02d", hour, minute, second);
  return date.iso() + buffer;
}

std::optional<YearMonth> YearMonth::parse(std::string_view text) {
  Cursor cursor{text};
  int year = 0, month = 0;
  if (!cursor.digits(4, 4, year) || !cursor.literal('-') || !cursor.digits(2, 2, month) ||
      !cursor.at_end())
    return std::nullopt;
  if (year < 1 || month < 1 || month > 12) return std::nullopt;
  return YearMonth{year, month};
}

Date YearMonth::first_day() const { return Date{year, month, 1}; }
Date YearMonth::last_day() const { return Date{year, month, days_in_month(year, month)}; }
YearMonth YearMonth::previous() const { return minus(1); }
YearMonth YearMonth::next() const { return minus(-1); }
YearMonth YearMonth::minus(int months) const {
  int index = year * 12 + (month - 1) - months;
  return YearMonth{index / 12, index % 12 + 1};
}
bool YearMonth::contains(const Date& date) const {
  return date.year == year && date.month == month;
}
std::string YearMonth::iso() const {
  char buffer[12];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  return buffer;
}

std::optional<DateTime> parse_date_time(std::string_view text, DateOrder order) {
  Cursor cursor{text};
  DateTime result;
  int a = 0, b = 0, c = 0;
  bool iso = false;
  // ISO: four digits first.
  {
    Cursor probe = cursor;
    int year = 0;
    if (probe.digits(4, 4, year) && probe.literal('-')) iso = true;
  }
  if (iso) {
    if (!cursor.digits(4, 4, a) || !cursor.literal('-') || !cursor.digits(2, 2, b) ||
        !cursor.literal('-') || !cursor.digits(2, 2, c))
      return std::nullopt;
    if (!Date::is_valid(a, b, c)) return std::nullopt;
    result.date = Date{a, b, c};
    if (cursor.literal('T')) {
      if (!parse_time(cursor, result)) return std::nullopt;
    }
  } else {
    if (!cursor.digits(1, 2, a)) return std::nullopt;
    char separator = cursor.at_end() ? '\0' : text[cursor.pos];
    if (separator != '-' && separator != '/' && separator != '.') return std::nullopt;
    ++cursor.pos;
    if (!cursor.digits(1, 2, b) || !cursor.literal(separator) || !cursor.digits(4, 4, c))
      return std::nullopt;
    int day = a, month = b;
    if (order == DateOrder::mdy) std::swap(day, month);
    if (!Date::is_valid(c, month, day)) return std::nullopt;
    result.date = Date{c, month, day};
    if (cursor.literal(' ')) {
      if (!parse_time(cursor, result)) return std::nullopt;
    }
  }
  if (!cursor.at_end()) return std::nullopt;
  return result;
}

std::optional<Date> parse_date(std::string_view text, DateOrder order) {
  auto value = parse_date_time(text, order);
  if (!value) return std::nullopt;
  return value->date;
}

const char* month_name(int month, Language language) {
  const auto& names = language == Language::nl ? kMonthsNl : kMonthsEn;
  return names[static_cast<std::size_t>(month - 1)];
}

std::string format_date_short(const Date& date) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%02d-%02d-%04d", date.day, date.month, date.year);
  return buffer;
}

std::string format_date_long(const Date& date, Language language) {
  return std::to_string(date.day) + ' ' + month_name(date.month, language) + ' ' +
         std::to_string(date.year);
}

std::string format_date_time_long(const DateTime& value, Language language) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", value.hour, value.minute);
  return format_date_long(value.date, language) + ' ' + buffer;
}

std::string format_month_long(const YearMonth& month, Language language) {
  return std::string(month_name(month.month, language)) + ' ' + std::to_string(month.year);
}

}  // namespace casus
