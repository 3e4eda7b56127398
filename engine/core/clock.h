// Clock: the one seam through which the engine learns the current time.
// Production uses the system clock (local time); tests and the demo pin it
// (CASUS_NOW=2026-11-28T09:00:00) so outputs are byte-stable.
#pragma once

#include <memory>

#include "core/date.h"
#include "core/status.h"

namespace casus {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual DateTime now() const = 0;
  Date today() const { return now().date; }
};

class SystemClock : public Clock {
 public:
  DateTime now() const override;
};

class FixedClock : public Clock {
 public:
  explicit FixedClock(DateTime fixed) : fixed_(fixed) {}
  DateTime now() const override { return fixed_; }

 private:
  DateTime fixed_;
};

// The clock for this process: fixed when CASUS_NOW holds a date-time in any
// accepted form, the system clock otherwise; an unparsable CASUS_NOW is an error.
Result<std::unique_ptr<Clock>> clock_from_environment();

}  // namespace casus
