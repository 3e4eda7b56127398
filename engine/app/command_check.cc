// `casus check`: loads and validates the configuration and the templates
// (syntax, and per-case templates against each audience's data categories), prints every
// diagnostic as "casus: FILE:LINE: message" on stderr, and a one-line Dutch
// summary on stdout when all is well. Exit 1 on any error.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>

#include "app/commands.h"
#include "app/console.h"
#include "config/config_loader.h"
#include "render/agenda_context.h"
#include "render/audience_context.h"
#include "render/caselist_document.h"
#include "render/document_meta_context.h"
#include "render/plan_context.h"
#include "render/template_renderer.h"

namespace casus {

namespace {

// Templates: every template under templates/ must load (syntax, partials,
// size, encoding), and every per-case template is checked against every
// audience that receives case data (the case list: every pseudonymised
// audience, the only ones it is made for): a key whose data category the
// audience may not receive is an error naming template, line and column.
// Returns the number of templates checked.
std::size_t check_templates(const Config& config, DiagnosticSink& sink) {
  namespace fs = std::filesystem;
  const fs::path root = templates_root(config);
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    sink.report(Diagnostic{Severity::error, "check.templates_missing", {root.string(), 0, 0}, "",
                           "map met sjablonen niet gevonden"});
    return 0;
  }
  std::vector<fs::path> templates;
  for (const auto& entry : fs::recursive_directory_iterator(root, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".mustache") templates.push_back(entry.path());
  std::sort(templates.begin(), templates.end());
  for (const auto& path : templates) {
    CollectingSink local;
    auto loaded = MustacheTemplate::load(path, local);
    for (const auto& d : local.diagnostics()) sink.report(d);
    if (!loaded && !local.has_errors())
      sink.report(Diagnostic{Severity::error, "check.template", {path.string(), 0, 0}, "", loaded.message()});
  }
  struct PerCase {
    fs::path path;
    DocumentSchema schema;
    bool pseudonymised_only;
  };
  const PerCase per_case[] = {
      {root / "plan" / "plan.mustache", plan_schema(config), false},
      {root / "agenda" / "agenda.mustache", agenda_schema(config), false},
      {root / kCaseListTemplate, caselist_schema(config), true},
  };
  std::set<std::string> reported;  // an undeclared key is the same finding for every audience
  for (const auto& [path, schema, pseudonymised_only] : per_case)
    for (const auto& audience : config.audiences)
      if (audience.receives_case_data() && (!pseudonymised_only || audience.pseudonymised))
        for (const auto& d : check_template_for_audience(path, schema, audience))
          if (reported.insert(d.to_string()).second) sink.report(d);
  return templates.size();
}

int run_check(const GlobalOptions& options) {
  CollectingSink sink;
  auto config = load_config(options.config_dir, sink);
  std::size_t templates = 0;
  if (config) templates = check_templates(*config, sink);
  for (const auto& d : sink.diagnostics()) print_diagnostic(d);
  if (!config || sink.has_errors()) {
    print_error("configuratie bevat " + std::to_string(sink.count(Severity::error)) +
                " fout(en)");
    return kExitFailure;
  }
  std::cout << "configuratie in orde: " << config->framework.items.size() << " items, "
            << config->toolkit.instruments.size() << " instrumenten, "
            << config->partners.size() << " partners, " << config->audiences.size()
            << " doelgroepen; " << templates << " sjablonen gecontroleerd\n";
  return kExitOk;
}

}  // namespace

void register_check_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome) {
  CLI::App* sub = app.add_subcommand("check", "Controleer de configuratie en de sjablonen (ook: vraagt een sjabloon gegevens die een doelgroep niet mag zien?)");
  sub->callback([&options, &outcome]() { outcome.status = run_check(options); });
}

}  // namespace casus
