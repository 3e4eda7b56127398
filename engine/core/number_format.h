// Number formatting and parsing in the document languages: "1.234,5" (nl)
// and "1,234.5" (en); rounding half away from zero as the monitoring spec asks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/language.h"

namespace casus {

// Rounds half away from zero to `decimals` places (2.25 -> 2.3, -2.25 -> -2.3).
double round_half_away_from_zero(double value, int decimals);

// Groups thousands and uses the language's decimal mark: 1234.5 -> "1.234,5" (nl).
std::string format_decimal(double value, int decimals, Language language);
std::string format_integer(std::int64_t value, Language language);
// Signed change for key figures: "+12", "-3", "0".
std::string format_change(std::int64_t value, Language language);

// Parses a number written in the language's convention, with optional
// thousands separators in the right places. "1.234,5" (nl) -> 1234.5.
std::optional<double> parse_decimal(std::string_view text, Language language);

}  // namespace casus
