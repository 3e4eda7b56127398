// `casus handbook`: the implementation framework (uitvoeringskader) as PDF
// under <out>/handboek/, rendered from config.
#include "app/command_support.h"
#include "app/commands.h"
#include "app/console.h"
#include "app/document_output.h"
#include "render/handbook_context.h"

namespace casus {

int run_handbook(const GlobalOptions& options, OutputRun* shared_run) {
  auto config = load_config_or_report(options);
  if (!config) return kExitFailure;
  auto clock = clock_or_report();
  if (!clock) return kExitFailure;
  const DateTime now = clock->now();
  CollectingSink sink;
  auto document = build_handbook(*config, options.language(), now, sink);
  for (const auto& d : sink.diagnostics()) print_diagnostic(d);
  if (!document) {
    if (!sink.has_errors()) print_error(document.message());
    return kExitFailure;
  }
  OutputRun own_run(options.out_dir);
  OutputRun& run = shared_run ? *shared_run : own_run;
  if (auto s = write_and_record(run, *config, *document, "handboek/uitvoeringskader.pdf", DocumentFormat::pdf,
                                "partners", now.date.iso(), document->meta.title + " (PDF)");
      !s) {
    print_error(s.message());
    return kExitFailure;
  }
  if (!shared_run)
    if (auto s = finish_run(run, now.iso()); !s) {
      print_error(s.message());
      return kExitFailure;
    }
  return kExitOk;
}

void register_handbook_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome) {
  CLI::App* sub = app.add_subcommand("handbook", "Maak het uitvoeringskader (PDF) uit de configuratie");
  sub->callback([&options, &outcome]() { outcome.status = run_handbook(options, nullptr); });
}

}  // namespace casus
