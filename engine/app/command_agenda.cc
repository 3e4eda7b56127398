// `casus agenda --date YYYY-MM-DD --forum casusoverleg|woensdagochtendoverleg [--audience A]`:
// the meeting agenda (outputs/agenda/agenda-<forum>-<date>.pdf): the cases
// to discuss and why, ordered by urgency (logic/agenda_selection.h). The
// audience defaults to the forum's own audience.
#include <iostream>

#include "app/command_support.h"
#include "app/audit_trail.h"
#include "app/command_requests.h"
#include "app/commands.h"
#include "app/pdf_password.h"
#include "render/pdf_encryption.h"
#include "app/console.h"
#include "app/output_run.h"
#include "render/agenda_context.h"
#include "render/pdf_writer.h"

namespace casus {

namespace {

}  // namespace

int run_agenda(const GlobalOptions& options, const AgendaArgs& args, OutputRun* shared_run) {
  auto date = parse_date(args.date);
  if (!date || args.date.size() != 10 || args.date[4] != '-') {
    print_error("--date: '" + args.date + "' is geen datum van de vorm JJJJ-MM-DD");
    return kExitUsage;
  }
  auto config = load_config_or_report(options);
  if (!config) return kExitFailure;
  auto clock = clock_or_report();
  if (!clock) return kExitFailure;
  auto password = pdf_password(args.password_file);
  if (!password) {
    print_error(password.message());
    return kExitUsage;
  }
  const std::string audience_code = args.audience.empty() ? args.forum : args.audience;
  const Audience* audience = config->find_audience(audience_code);
  if (!audience || !audience->receives_case_data()) {
    print_error("--audience: '" + audience_code + "' is geen doelgroep die casusgegevens mag ontvangen");
    return kExitUsage;
  }
  // A template that does not load (unreadable, too large, not UTF-8, broken
  // Mustache) is reported with its location before the audience check.
  CollectingSink sink;
  auto tmpl = MustacheTemplate::load(args.template_path, sink);
  if (!tmpl) {
    print_error(tmpl.message());
    return kExitFailure;
  }
  const DocumentSchema schema = agenda_schema(*config);
  const auto problems = check_template_for_audience(args.template_path, schema, *audience);
  for (const auto& d : problems) print_diagnostic(d);
  if (!problems.empty()) {
    print_error("sjabloon " + args.template_path + " vraagt gegevens die doelgroep '" + audience->code +
                "' niet mag ontvangen; er is niets gemaakt");
    return kExitFailure;
  }
  auto dataset = load_dataset(options, *clock);
  if (!dataset) {
    print_error(dataset.message());
    return kExitFailure;
  }
  const DatasetIndex index(*dataset);
  AgendaOptions agenda;
  agenda.forum = args.forum;
  agenda.date = *date;
  auto items = select_agenda(*config, index, agenda);
  if (!items) {
    print_error("--forum: " + items.message());
    return kExitUsage;
  }
  AgendaContextOptions context_options;
  context_options.language = options.language();
  context_options.data_as_of = dataset->data_as_of;
  context_options.generated_at = clock->now();
  auto context = build_agenda_context(*config, *items, agenda, *audience, schema, context_options);
  if (!context) {
    print_error(context.message());
    return kExitFailure;
  }
  auto document = render_built_context(*tmpl, *context, sink);
  if (!document) {
    print_error(document.message());
    return kExitFailure;
  }
  const std::filesystem::path relative =
      std::filesystem::path("agenda") / ("agenda-" + args.forum + "-" + date->iso() + ".pdf");
  if (Status s = write_pdf(*document, options.out_dir / relative); !s) {
    print_error(s.message());
    return kExitFailure;
  }
  if (password->has_value()) {
    if (Status s = encrypt_pdf_file(options.out_dir / relative, **password); !s) {
      print_error(s.message());
      return kExitFailure;
    }
  }
  OutputRun own_run(options.out_dir);
  OutputRun& run = shared_run ? *shared_run : own_run;
  if (Status s = run.record(relative, audience->code, context->categories, dataset->data_as_of.iso(),
                            "Agenda " + args.forum + " " + date->iso() + " (PDF)");
      !s) {
    print_error(s.message());
    return kExitFailure;
  }
  if (shared_run) return kExitOk;
  Status s = run.write_manifest(context_options.generated_at.iso());
  if (s) s = record_run_in_audit(options, *clock, "agenda", run);
  if (!s) {
    print_error(s.message());
    return kExitFailure;
  }
  std::cout << run.summary();
  return kExitOk;
}

void register_agenda_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome) {
  auto args = std::make_shared<AgendaArgs>();
  CLI::App* sub = app.add_subcommand("agenda", "Maak de agenda van een overleg: te bespreken casussen en waarom");
  sub->add_option("--date", args->date, "Datum van het overleg, JJJJ-MM-DD")->required();
  sub->add_option("--forum", args->forum, "Overleg: casusoverleg of woensdagochtendoverleg")->required();
  sub->add_option("--audience", args->audience, "Doelgroep (standaard het overleg zelf)");
  sub->add_option("--template", args->template_path, "Sjabloon")->capture_default_str();
  add_pdf_password_option(sub, args->password_file);
  sub->callback([&options, &outcome, args]() { outcome.status = run_agenda(options, *args, nullptr); });
}

}  // namespace casus
