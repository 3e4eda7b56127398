// `casus training [--module NAME]`: one handout per module under
// <out>/training/, plus (without --module) the attendance list, the
// certificates (one PDF, a page per registered regisseur, so a trainer prints
// them at once) and the blank forms under <out>/formulieren/: the assessment
// form (templates/forms/) and the blank plan of action, which is the plan
// template's blank format (the same document as `casus plan --blank`).
#include <iostream>

#include "app/command_support.h"
#include "app/commands.h"
#include "app/console.h"
#include "app/document_output.h"
#include "render/training_context.h"

namespace casus {

int run_training(const GlobalOptions& options, const std::string& module_name, OutputRun* shared_run) {
  const TrainingModule* only = nullptr;
  if (!module_name.empty()) {
    only = find_training_module(module_name);
    if (!only) {
      std::string known;
      for (const auto& m : training_modules()) known += (known.empty() ? "" : ", ") + m.key;
      print_error("--module: onbekende module '" + module_name + "' (bekend: " + known + ")");
      return kExitUsage;
    }
  }
  auto config = load_config_or_report(options);
  if (!config) return kExitFailure;
  auto clock = clock_or_report();
  if (!clock) return kExitFailure;
  const DateTime now = clock->now();
  const Language lang = options.language();
  OutputRun own_run(options.out_dir);
  OutputRun& run = shared_run ? *shared_run : own_run;

  struct Job {
    std::string folder, name, output;
    const TrainingModule* module;
  };
  std::vector<Job> jobs;
  for (const auto& m : training_modules())
    if (!only || only == &m)
      jobs.push_back({"training", m.key, "training/" + std::to_string(m.number) + "-" + m.key + ".pdf", &m});
  if (!only) {
    jobs.push_back({"training", "presentielijst", "training/presentielijst.pdf", nullptr});
    jobs.push_back({"training", "certificaten", "training/certificaten.pdf", nullptr});
    jobs.push_back({"forms", "beoordelingskader-blanco", "formulieren/beoordelingskader-blanco.pdf", nullptr});
    jobs.push_back({"plan", "plan-van-aanpak-blanco", "formulieren/plan-van-aanpak-blanco.pdf", nullptr});
  }
  // Every document is rendered before the first is written, so a broken
  // template leaves outputs/ as it was.
  std::vector<Document> documents;
  for (const auto& job : jobs) {
    CollectingSink sink;
    // The blank plan is the plan template's blank format, as `casus plan --blank` makes it.
    auto document = job.folder == "plan" ? render_blank_plan_form(*config, lang, now, sink)
                                         : render_training_document(*config, job.folder, job.name, lang, now,
                                                                    job.module, sink);
    for (const auto& d : sink.diagnostics()) print_diagnostic(d);
    if (!document) {
      if (!sink.has_errors()) print_error(document.message());
      return kExitFailure;
    }
    documents.push_back(std::move(document.value()));
  }
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const Job& job = jobs[i];
    if (auto s = write_and_record(run, *config, documents[i], job.output, DocumentFormat::pdf,
                                  "regisseurs", now.date.iso(), documents[i].meta.title);
        !s) {
      print_error(s.message());
      return kExitFailure;
    }
  }
  if (!shared_run)
    if (auto s = finish_run(run, now.iso()); !s) {
      print_error(s.message());
      return kExitFailure;
    }
  return kExitOk;
}

void register_training_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome) {
  auto module = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand(
      "training", "Maak de handouts van de opleiding, de presentielijst, de certificaten en de lege formulieren");
  sub->add_option("--module", *module,
                  "Alleen deze module: regisseur, plan-van-aanpak, beoordelingskader, instrumentenkoffer, gesprek, "
                  "radicalisering of casusoverleg");
  sub->callback([&options, &outcome, module]() { outcome.status = run_training(options, *module, nullptr); });
}

}  // namespace casus
