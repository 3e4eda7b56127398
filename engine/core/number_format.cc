#include "core/number_format.h"

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace casus {
namespace {

char decimal_mark(Language language) { return language == Language::nl ? ',' : '.'; }
char group_mark(Language language) { return language == Language::nl ? '.' : ','; }

std::string group_digits(const std::string& digits, char separator) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

}  // namespace

double round_half_away_from_zero(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  // The small nudge absorbs binary representation error (2.675 is 2.67499…).
  const double scaled = value * scale;
  const double nudged = scaled + (scaled >= 0 ? 1e-9 : -1e-9);
  return std::round(nudged) / scale;
}

std::string format_decimal(double value, int decimals, Language language) {
  const double rounded = round_half_away_from_zero(value, decimals);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(rounded));
  std::string text = buffer;
  std::string integer_part = text;
  std::string fraction;
  if (auto dot = text.find('.'); dot != std::string::npos) {
    integer_part = text.substr(0, dot);
    fraction = text.substr(dot + 1);
  }
  std::string out;
  const bool negative = rounded < 0 && (std::fabs(rounded) > 0);
  if (negative) out += '-';
  out += group_digits(integer_part, group_mark(language));
  if (!fraction.empty()) {
    out += decimal_mark(language);
    out += fraction;
  }
  return out;
}

std::string format_integer(std::int64_t value, Language language) {
  // The magnitude as unsigned, so that the most negative value has one too.
  const std::uint64_t magnitude =
      value < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  std::string out = value < 0 ? "-" : "";
  out += group_digits(std::to_string(magnitude), group_mark(language));
  return out;
}

std::string format_change(std::int64_t value, Language language) {
  if (value > 0) return "+" + format_integer(value, language);
  return format_integer(value, language);
}

std::optional<double> parse_decimal(std::string_view text, Language language) {
  const char mark = decimal_mark(language);
  const char group = group_mark(language);
  std::size_t pos = 0;
  std::string normal;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) normal += text[pos++];
  // Integer part: digits with optional group separators every three digits.
  std::size_t digits_since_group = 0;
  bool seen_group = false;
  bool any_digit = false;
  std::size_t first_group_digits = 0;
  for (; pos < text.size() && text[pos] != mark; ++pos) {
    const char c = text[pos];
    if (c >= '0' && c <= '9') {
      normal += c;
      ++digits_since_group;
      any_digit = true;
    } else if (c == group) {
      if (!seen_group) {
        first_group_digits = digits_since_group;
        if (first_group_digits == 0 || first_group_digits > 3) return std::nullopt;
      } else if (digits_since_group != 3) {
        return std::nullopt;
      }
      seen_group = true;
      digits_since_group = 0;
    } else {
      return std::nullopt;
    }
  }
  if (seen_group && digits_since_group != 3) return std::nullopt;
  if (pos < text.size()) {  // decimal mark
    normal += '.';
    ++pos;
    bool fraction_digit = false;
    for (; pos < text.size(); ++pos) {
      const char c = text[pos];
      if (c < '0' || c > '9') return std::nullopt;
      normal += c;
      fraction_digit = true;
    }
    if (!fraction_digit) return std::nullopt;
  }
  if (!any_digit) return std::nullopt;
  return std::strtod(normal.c_str(), nullptr);
}

}  // namespace casus
