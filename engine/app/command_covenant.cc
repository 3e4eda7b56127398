// `casus covenant [--note TEXT]`: the next draft of the partners' covenant,
// as DOCX (for the lawyers to edit) and PDF, under <out>/convenant/. The
// store keeps every draft (number, time, note, canonical snapshot, hashes);
// a new draft opens with the changes since the previous one.
#include <iostream>

#include "app/command_support.h"
#include "app/commands.h"
#include "app/console.h"
#include "app/audit_trail.h"
#include "app/document_output.h"
#include "core/file_io.h"
#include "render/covenant_context.h"

namespace casus {

int run_covenant(const GlobalOptions& options, const std::string& note, OutputRun* shared_run) {
  auto config = load_config_or_report(options);
  if (!config) return kExitFailure;
  auto clock = clock_or_report();
  if (!clock) return kExitFailure;
  auto store = open_store_or_report(options, *clock);
  if (!store) return kExitFailure;
  auto latest = store->latest_covenant_version();
  if (!latest) {
    print_error(latest.message());
    return kExitFailure;
  }
  const Language lang = options.language();
  CovenantDraftInput input;
  input.language = lang;
  input.now = clock->now();
  input.note = note;
  input.version = 1;
  if (*latest) {
    auto previous = snapshot_from_text((*latest)->snapshot);
    if (!previous) {
      print_error("convenant versie " + std::to_string((*latest)->version) + ": " + previous.message());
      return kExitFailure;
    }
    input.previous = std::move(*previous);
    input.previous_version = (*latest)->version;
    input.previous_created_at = (*latest)->created_at;
    input.version = (*latest)->version + 1;
  }
  CollectingSink sink;
  auto draft = build_covenant(*config, input, sink);
  for (const auto& d : sink.diagnostics()) print_diagnostic(d);
  if (!draft) {
    if (!sink.has_errors()) print_error(draft.message());
    return kExitFailure;
  }
  OutputRun own_run(options.out_dir);
  OutputRun& run = shared_run ? *shared_run : own_run;
  const std::string stem = "convenant/convenant-v" + std::to_string(input.version);
  const std::string as_of = input.now.date.iso();
  const std::string what = (lang == Language::en ? "Covenant draft, version " : "Concept-convenant, versie ") +
                           std::to_string(input.version);
  for (auto [format, ext] : {std::pair{DocumentFormat::docx, ".docx"}, std::pair{DocumentFormat::pdf, ".pdf"}}) {
    if (auto s = write_and_record(run, *config, draft->document, stem + ext, format, "partners", as_of,
                                  what + (format == DocumentFormat::pdf ? " (PDF)" : " (DOCX)"));
        !s) {
      print_error(s.message());
      return kExitFailure;
    }
  }
  CovenantVersion version;
  version.version = input.version;
  version.note = note;
  version.snapshot = snapshot_to_text(draft->snapshot);
  for (const auto& f : run.files()) {
    if (f.path == stem + ".docx") version.docx_sha256 = f.sha256;
    if (f.path == stem + ".pdf") version.pdf_sha256 = f.sha256;
  }
  if (auto s = store->add_covenant_version(version); !s) {
    print_error(s.message());
    return kExitFailure;
  }
  if (!draft->open_points.empty())
    print_warning("het concept bevat " + std::to_string(draft->open_points.size()) +
                  " openstaande punt(en) over de matrix; zie 'Openstaande punten voor de juristen'");
  if (input.previous) {
    const auto& c = draft->changes;
    std::cout << "Convenant versie " << input.version << ": " << c.added.size() << " artikel(en) toegevoegd, "
              << c.removed.size() << " vervallen, " << c.changed.size() << " gewijzigd; " << c.joined.size()
              << " partij(en) toegetreden, " << c.left.size() << " uitgetreden; " << c.exchanges.size()
              << " wijziging(en) in de matrix.\n";
  }
  if (!shared_run) {
    Status s = finish_run(run, input.now.iso());
    if (s) s = record_run_in_audit(*store, options, "covenant", run);
    if (!s) {
      print_error(s.message());
      return kExitFailure;
    }
  }
  return kExitOk;
}

void register_covenant_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome) {
  auto note = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand(
      "covenant", "Maak het volgende concept van het convenant (DOCX en PDF) met de wijzigingen sinds de vorige versie");
  sub->add_option("--note", *note, "Toelichting bij deze versie (komt in het document en in de opslag)");
  sub->callback([&options, &outcome, note]() { outcome.status = run_covenant(options, *note, nullptr); });
}

}  // namespace casus
