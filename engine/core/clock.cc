#include "core/clock.h"

#include <cstdlib>
#include <ctime>

namespace casus {

DateTime SystemClock::now() const {
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  return DateTime{Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday}, local.tm_hour,
                  local.tm_min, local.tm_sec};
}

Result<std::unique_ptr<Clock>> clock_from_environment() {
  const char* fixed = std::getenv("CASUS_NOW");
  if (fixed == nullptr || *fixed == '\0') {
    return std::unique_ptr<Clock>(std::make_unique<SystemClock>());
  }
  auto parsed = parse_date_time(fixed);
  if (!parsed) {
    return Status::error(std::string("CASUS_NOW is not a date or date-time: '") + fixed + "'");
  }
  return std::unique_ptr<Clock>(std::make_unique<FixedClock>(*parsed));
}

}  // namespace casus
