#include <catch2/catch.hpp>

#include "core/diagnostic.h"
#include "core/status.h"

TEST_CASE("status and result carry a value or a message", "[status]") {
  casus::Status ok = casus::Status::ok();
  CHECK(ok.is_ok());
  CHECK(ok.message().empty());
  casus::Status failed = casus::Status::error("kapot");
  CHECK_FALSE(failed.is_ok());
  CHECK(failed.message() == "kapot");

  casus::Result<int> value = 42;
  REQUIRE(value.is_ok());
  CHECK(*value == 42);
  casus::Result<int> error = casus::Status::error("geen getal");
  CHECK_FALSE(error.is_ok());
  CHECK(error.message() == "geen getal");
}

TEST_CASE("diagnostics format as FILE:LINE: field 'x': message", "[diagnostic]") {
  casus::Diagnostic d;
  d.code = "csv.invalid_date";
  d.location = {"politie.csv", 12, 0};
  d.field = "occurred_on";
  d.message = "not a valid date (got '31-02-2026')";
  CHECK(d.to_string() == "politie.csv:12: field 'occurred_on': not a valid date (got '31-02-2026')");
  d.location.column = 7;
  d.field.clear();
  CHECK(d.to_string() == "politie.csv:12:7: not a valid date (got '31-02-2026')");
  d.location = {};
  CHECK(d.to_string() == "not a valid date (got '31-02-2026')");

  casus::CollectingSink sink;
  sink.report(d);
  d.severity = casus::Severity::warning;
  sink.report(d);
  CHECK(sink.count(casus::Severity::error) == 1);
  CHECK(sink.count(casus::Severity::warning) == 1);
  CHECK(sink.has_errors());
}
