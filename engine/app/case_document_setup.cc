#include "app/case_document_setup.h"

#include "app/command_support.h"
#include "app/console.h"
#include "app/pdf_password.h"

namespace casus {

std::unique_ptr<CaseDocumentSetup> begin_case_document(const GlobalOptions& options,
                                                       const std::filesystem::path& password_file, int& exit_code) {
  exit_code = kExitFailure;
  auto config = load_config_or_report(options);
  if (!config) return nullptr;
  auto clock = clock_or_report();
  if (!clock) return nullptr;
  auto password = pdf_password(password_file);
  if (!password) {
    print_error(password.message());
    exit_code = kExitUsage;
    return nullptr;
  }
  auto setup = std::make_unique<CaseDocumentSetup>();
  setup->config = std::move(*config);
  setup->clock = std::move(clock);
  setup->password = std::move(password.value());
  exit_code = kExitOk;
  return setup;
}

int choose_audience_and_template(CaseDocumentSetup& setup, const std::string& audience_code,
                                 const std::filesystem::path& template_path, DocumentSchema schema,
                                 const std::string& documents) {
  const Config& config = setup.config;
  const Audience* audience = config.find_audience(audience_code);
  if (!audience || !audience->receives_case_data()) {
    std::string known;
    for (const auto& a : config.audiences)
      if (a.receives_case_data()) known += (known.empty() ? "" : ", ") + a.code;
    print_error("--audience: '" + audience_code + "' " +
                (!audience                   ? "is onbekend"
                 : audience->aggregates_only ? "krijgt alleen geaggregeerde cijfers"
                                             : "krijgt geen casusgegevens") +
                " (" + documents + " zijn er voor: " + known + ")");
    return kExitUsage;
  }
  // A template that does not load (unreadable, too large, not UTF-8, broken
  // Mustache) is reported with its location before the audience check.
  CollectingSink sink;
  auto tmpl = MustacheTemplate::load(template_path, sink);
  if (!tmpl) {
    print_error(tmpl.message());
    return kExitFailure;
  }
  const auto problems = check_template_for_audience(template_path, schema, *audience);
  for (const auto& d : problems) print_diagnostic(d);
  if (!problems.empty()) {
    print_error("sjabloon " + template_path.string() + " vraagt gegevens die doelgroep '" + audience->code +
                "' niet mag ontvangen; er is niets gemaakt");
    return kExitFailure;
  }
  setup.audience = audience;
  setup.schema.emplace(std::move(schema));
  setup.tmpl.emplace(std::move(tmpl.value()));
  return kExitOk;
}

}  // namespace casus
