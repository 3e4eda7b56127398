#include "app/demo_steps.h"

#include <filesystem>
#include <unistd.h>

#include "app/command_requests.h"
#include "app/commands.h"
#include "core/file_io.h"
#include "logic/disclosure.h"
#include "logic/indicators_json.h"
#include "logic/monitoring_indicators.h"

namespace casus {
namespace {
namespace fs = std::filesystem;

// indicatoren/indicatoren-YYYY-MM-<audience>.json, as `casus indicators` prints it.
Status write_indicators(const DemoInput& input, OutputRun& run, const std::string& audience_code) {
  const Audience* audience = input.config.find_audience(audience_code);
  if (audience == nullptr) return Status::error("doelgroep '" + audience_code + "' staat niet in de configuratie");
  IndicatorSet set = compute_indicators(input.dataset, input.config, input.month);
  if (audience->aggregates_only) set = protect_indicators(set, input.config);
  const std::string relative =
      "indicatoren/indicatoren-" + input.month.iso() + "-" + audience_code + ".json";
  if (Status written = write_file_atomic(run.out_dir() / relative, indicators_to_json(set)); !written)
    return written;
  return run.record(relative, audience_code, {}, input.dataset.data_as_of.iso(),
                    "indicatoren " + input.month.iso() + " (" + audience_code + ")");
}

// The commands print their own errors; the demo only needs to know it failed.
Status from_exit(int status, const std::string& what) {
  return status == kExitOk ? Status::ok() : Status::error(what + " is mislukt (exit " + std::to_string(status) + ")");
}

// The covenant twice: a first draft as if the child protection board (rvdk)
// had not yet joined, then the draft on the shipped config, which opens with
// what changed. The first draft reads a copy of the config without rvdk.
Status write_covenant_versions(const DemoInput& input, OutputRun& run) {
  const fs::path scratch =
      fs::temp_directory_path() / ("casus-demo-config-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(scratch, ec);
  fs::create_directories(scratch / "data", ec);
  fs::copy(input.options.config_dir, scratch / "config", fs::copy_options::recursive, ec);
  if (!ec) fs::copy_file(input.options.config_dir / ".." / "data" / "districts.csv",
                         scratch / "data" / "districts.csv", ec);
  if (!ec)  // templates are found beside the config folder
    fs::create_directory_symlink(fs::absolute(input.options.config_dir / ".." / "templates"),
                                 scratch / "templates", ec);
  if (ec) return Status::error("kopie van de configuratie voor het eerste concept: " + ec.message());
  fs::remove(scratch / "config" / "partners" / "rvdk.xml", ec);

  GlobalOptions first = input.options;
  first.config_dir = scratch / "config";
  Status status = from_exit(
      run_covenant(first, "Eerste concept, voor de eerste bespreking met de partners", &run),
      "convenant versie 1");
  fs::remove_all(scratch, ec);
  if (!status) return status;
  return from_exit(run_covenant(input.options,
                                "Tweede concept: de Raad voor de Kinderbescherming treedt toe", &run),
                   "convenant versie 2");
}

}  // namespace

std::vector<DemoStep> demo_steps() {
  return {
      {"monitoringindicatoren (bestuur en staf)",
       [](const DemoInput& input, OutputRun& run) {
         if (Status s = write_indicators(input, run, "board"); !s) return s;
         return write_indicators(input, run, "staff");
       }},
      {"maandrapportage voor het bestuur (XLSX en PDF) en voor de staf",
       [](const DemoInput& input, OutputRun& run) {
         ReportArgs board{input.month.iso(), "board", "xlsx,pdf"};
         if (Status s = from_exit(run_report_monthly(input.options, board, &run), "maandrapportage");
             !s)
           return s;
         ReportArgs staff{input.month.iso(), "staff", "xlsx,pdf"};
         return from_exit(run_report_monthly(input.options, staff, &run), "maandrapportage staf");
       }},
      {"casuslijst voor de regisseurs (XLSX)",
       [](const DemoInput& input, OutputRun& run) {
         ReportArgs args{input.month.iso(), "staff", "xlsx"};
         return from_exit(run_report_caselist(input.options, args, &run), "casuslijst");
       }},
      {"plannen van aanpak voor elke actieve casus (PDF en DOCX) en het blanco format",
       [](const DemoInput& input, OutputRun& run) {
         PlanArgs all;
         all.all = true;
         if (Status s = from_exit(run_plan(input.options, all, &run), "plannen van aanpak"); !s) return s;
         PlanArgs blank;
         blank.blank = true;
         return from_exit(run_plan(input.options, blank, &run), "blanco plan van aanpak");
       }},
      {"agenda's van het casusoverleg en het woensdagochtendoverleg",
       [](const DemoInput& input, OutputRun& run) {
         const std::string date = input.clock.today().iso();
         for (const char* forum : {"casusoverleg", "woensdagochtendoverleg"}) {
           AgendaArgs args;
           args.date = date;
           args.forum = forum;
           if (Status s = from_exit(run_agenda(input.options, args, &run), std::string("agenda ") + forum); !s)
             return s;
         }
         return Status::ok();
       }},
      {"convenant: twee concepten, het tweede met de wijzigingen", write_covenant_versions},
      {"trainingsmateriaal: handouts, blanco formulieren, presentielijst en certificaten",
       [](const DemoInput& input, OutputRun& run) {
         return from_exit(run_training(input.options, "", &run), "training");
       }},
      {"handboek (uitvoeringskader)",
       [](const DemoInput& input, OutputRun& run) {
         return from_exit(run_handbook(input.options, &run), "handboek");
       }},
  };
}

}  // namespace casus
