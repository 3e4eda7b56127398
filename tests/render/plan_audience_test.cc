// The audience-enforcing context layer: the builder sets only permitted
// keys and refuses undeclared ones; the static template check finds a key an
// audience may not receive before rendering, with file:line:col; guard flags
// switch sections off for the audience.
#include <catch2/catch.hpp>

#include <fstream>

#include "render/plan_test_fixture.h"
#include "render/test_support.h"

using namespace casus;
using namespace casus::testing;

namespace {

std::filesystem::path write_template(const std::string& name, const std::string& text) {
  const auto dir = output_folder() / "audience_templates";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path;
}

DocumentSchema small_schema() {
  DocumentSchema s("test");
  s.structural("l.title");
  s.value("case.case_id", "regulier");
  s.value("case.bsn", "identificatie");
  s.value("events.description", "politie");
  s.guard("show_police_events", "politie");
  return s;
}

std::vector<std::string> messages(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.to_string());
  return out;
}

}  // namespace

TEST_CASE("audience context: a key of a category the audience may not receive is never set", "[plan][privacy]") {
  const Config& config = shipped_config();
  const DocumentSchema schema = small_schema();
  ContextBuilder builder(schema, *config.find_audience("staff"));
  auto root = builder.root();
  auto c = root.object("case");
  c.set("case_id", "C-1");
  c.set("bsn", "123456782");
  root.put("case", std::move(c));
  CHECK_FALSE(root.guard("show_police_events"));
  auto built = builder.build(std::move(root));
  REQUIRE(built.is_ok());
  const TemplateData& data = built.value();
  REQUIRE(data.get("case"));
  CHECK(data.get("case")->get("case_id")->string_value() == "C-1");
  CHECK(data.get("case")->get("bsn") == nullptr);
  CHECK(data.get("show_police_events")->is_false());
  CHECK(builder.categories_used() == std::vector<std::string>{"regulier"});
}

TEST_CASE("audience context: an undeclared key fails the build", "[plan][privacy]") {
  const Config& config = shipped_config();
  const DocumentSchema schema = small_schema();
  ContextBuilder builder(schema, *config.find_audience("casusoverleg"));
  auto root = builder.root();
  auto c = root.object("case");
  c.set("surname", "X");
  root.put("case", std::move(c));
  root.flag("show_police_events", true);  // a guard is not a structural flag
  auto built = builder.build(std::move(root));
  REQUIRE_FALSE(built.is_ok());
  CHECK(built.message() ==
        "context for document 'test': key 'case.surname' is not declared in the schema; "
        "key 'show_police_events' is not declared as a structural flag");
}

TEST_CASE("audience check: a template asking for a key its audience may not see is an error before rendering",
          "[plan][privacy]") {
  const Config& config = shipped_config();
  const auto path = write_template("bad.mustache",
                                   "<document title=\"{{l.title}}\">\n"
                                   "{{#case}}\n"
                                   "  <p>{{case_id}} {{bsn}}</p>\n"
                                   "{{/case}}\n"
                                   "{{#show_police_events}}{{#events}}<p>{{description}}</p>{{/events}}{{/show_police_events}}\n"
                                   "{{#events}}<p>{{description}}</p>{{/events}}\n"
                                   "<p>{{case.unknown}}</p>\n"
                                   "</document>\n");
  const std::string file = path.generic_string();
  auto staff = messages(check_template_for_audience(path, small_schema(), *config.find_audience("staff")));
  CHECK(staff == std::vector<std::string>{
                     file + ":3:18: key 'case.bsn' has data category 'identificatie', which audience 'staff' may not receive",
                     file + ":6:15: key 'events.description' has data category 'politie', which audience 'staff' may not receive",
                     file + ":7:4: key 'case.unknown' is not declared in the schema of document 'test'"});
  // The audience that may receive everything only sees the undeclared key.
  auto table = messages(check_template_for_audience(path, small_schema(), *config.find_audience("casusoverleg")));
  CHECK(table == std::vector<std::string>{file + ":7:4: key 'case.unknown' is not declared in the schema of document 'test'"});
}

TEST_CASE("audience check: the shipped plan template is clean for every per-case audience", "[plan][privacy]") {
  const Config& config = shipped_config();
  const DocumentSchema schema = plan_schema(config);
  for (const Audience& audience : config.audiences) {
    if (!audience.receives_case_data()) continue;
    INFO(audience.code);
    CHECK(messages(check_template_for_audience(plan_template_path(), schema, audience)) == std::vector<std::string>{});
  }
}

TEST_CASE("audience check: a name outside the identity guard is an error for staff only", "[plan][privacy]") {
  const Config& config = shipped_config();
  const auto path = write_template("name.mustache",
                                   "<document title=\"{{l.title}}\">\n"
                                   "{{#show_identity}}<p>{{case.name}}</p>{{/show_identity}}\n"
                                   "<p>{{case.name}}</p>\n"
                                   "</document>\n");
  const DocumentSchema schema = plan_schema(config);
  CHECK(messages(check_template_for_audience(path, schema, *config.find_audience("casusoverleg"))).empty());
  CHECK(messages(check_template_for_audience(path, schema, *config.find_audience("staff"))) ==
        std::vector<std::string>{path.generic_string() +
                                 ":3:4: key 'case.name' has data category 'identificatie', which audience 'staff' may not receive"});
}
