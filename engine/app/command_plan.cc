// `casus plan CASE_ID... | --all | --blank [--audience A] [--format pdf,docx] [--jobs N]`:
// plans of action (outputs/plannen/plan-<case_id>.pdf/.docx) for one
// audience. The template is checked against the audience first (a key the
// audience may not receive is an error before anything renders). With
// --all every case active today is rendered, in parallel on all cores; a
// case that fails is reported and the others still render. Every file is
// written atomically and recorded in the run's manifest.json.
#include <algorithm>
#include <atomic>
#include <iostream>
#include <sstream>
#include <thread>

#include "app/command_support.h"
#include "app/audit_trail.h"
#include "app/command_requests.h"
#include "app/commands.h"
#include "app/pdf_password.h"
#include "render/pdf_encryption.h"
#include "app/console.h"
#include "app/output_run.h"
#include "render/docx_writer.h"
#include "render/pdf_writer.h"
#include "render/plan_context.h"

namespace casus {

namespace {

struct PlanJob {
  const CaseHistory* history = nullptr;  // null: blank plan
  std::string name;                      // file stem: plan-<case_id>
  std::string error;
  std::vector<std::string> categories;
  std::vector<std::string> written;  // relative paths
};

std::vector<std::string> split_formats(const std::string& text, std::string& bad) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (item == "pdf" || item == "docx") {
      if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
    } else {
      bad = item;
    }
  }
  return out;
}

void render_job(PlanJob& job, const Config& config, const DatasetIndex* index, const Audience& audience,
                const DocumentSchema& schema, const MustacheTemplate& tmpl, const PlanOptions& options,
                const std::vector<std::string>& formats, const std::filesystem::path& out_dir) {
  auto context = job.history ? build_plan_context(config, *index, *job.history, audience, schema, options)
                             : build_blank_plan_context(config, audience, schema, options);
  if (!context) {
    job.error = context.message();
    return;
  }
  job.categories = context->categories;
  CollectingSink sink;
  auto document = render_built_context(tmpl, *context, sink);
  if (!document) {
    job.error = document.message();
    return;
  }
  for (const std::string& format : formats) {
    const std::filesystem::path relative = std::filesystem::path("plannen") / (job.name + "." + format);
    Status s = format == "pdf" ? write_pdf(*document, out_dir / relative) : write_docx(*document, out_dir / relative);
    if (!s) {
      job.error = s.message();
      return;
    }
    job.written.push_back(relative.generic_string());
  }
}

}  // namespace

int run_plan(const GlobalOptions& options, const PlanArgs& args, OutputRun* shared_run) {
  std::string bad;
  const std::vector<std::string> formats = split_formats(args.formats, bad);
  if (!bad.empty() || formats.empty()) {
    print_error("--format: '" + (bad.empty() ? args.formats : bad) + "' is geen formaat (pdf, docx)");
    return kExitUsage;
  }
  const int modes = (args.all ? 1 : 0) + (args.blank ? 1 : 0) + (args.case_ids.empty() ? 0 : 1);
  if (modes != 1) {
    print_error("geef casusnummers, --all of --blank (precies één daarvan)");
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
  const Audience* audience = config->find_audience(args.audience);
  if (!audience || !audience->receives_case_data()) {
    std::string known;
    for (const auto& a : config->audiences)
      if (a.receives_case_data()) known += (known.empty() ? "" : ", ") + a.code;
    print_error("--audience: '" + args.audience + "' " + (!audience ? "is onbekend" : audience->aggregates_only ? "krijgt alleen geaggregeerde cijfers" : "krijgt geen casusgegevens") +
                " (plannen zijn er voor: " + known + ")");
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
  const DocumentSchema schema = plan_schema(*config);
  const auto problems = check_template_for_audience(args.template_path, schema, *audience);
  for (const auto& d : problems) print_diagnostic(d);
  if (!problems.empty()) {
    print_error("sjabloon " + args.template_path + " vraagt gegevens die doelgroep '" + audience->code +
                "' niet mag ontvangen; er is niets gemaakt");
    return kExitFailure;
  }

  Dataset dataset;
  if (!args.blank) {
    auto loaded = load_dataset(options, *clock);
    if (!loaded) {
      print_error(loaded.message());
      return kExitFailure;
    }
    dataset = std::move(loaded.value());
  }
  const DatasetIndex index(dataset);
  const FamilyLinks family = family_links(index);
  PlanOptions plan_options;
  plan_options.family = &family;
  plan_options.language = options.language();
  plan_options.generated_at = clock->now();
  plan_options.as_of = plan_options.generated_at.date;
  plan_options.data_as_of = args.blank ? plan_options.as_of : dataset.data_as_of;

  std::vector<PlanJob> jobs;
  int status = kExitOk;
  if (args.blank) {
    jobs.push_back(PlanJob{nullptr, "plan-blanco", "", {}, {}});
  } else if (args.all) {
    for (const CaseHistory& h : index.cases())
      if (h.record->active_at(plan_options.as_of)) jobs.push_back(PlanJob{&h, "plan-" + h.record->case_id, "", {}, {}});
  } else {
    for (const std::string& id : args.case_ids) {
      const CaseHistory* h = index.find(id);
      if (!h) {
        print_error("casus '" + id + "' staat niet in de opslag");
        status = kExitFailure;
        continue;
      }
      jobs.push_back(PlanJob{h, "plan-" + id, "", {}, {}});
    }
  }

  unsigned threads = args.jobs ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, std::max<std::size_t>(1, jobs.size()));
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  Progress progress("plannen", jobs.size());
  auto worker = [&]() {
    for (std::size_t i = next++; i < jobs.size(); i = next++) {
      render_job(jobs[i], *config, &index, *audience, schema, *tmpl, plan_options, formats, options.out_dir);
      progress.update(++done);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  progress.finish();

  OutputRun own_run(options.out_dir);
  OutputRun& run = shared_run ? *shared_run : own_run;
  std::size_t failed = 0;
  for (const PlanJob& job : jobs) {
    if (!job.error.empty()) {
      print_error(job.name + ": " + job.error);
      ++failed;
      continue;
    }
    for (const std::string& relative : job.written) {
      const bool pdf = relative.size() > 4 && relative.substr(relative.size() - 4) == ".pdf";
      const std::string what = job.history ? "Plan van aanpak " + job.history->record->case_id : "Blanco plan van aanpak";
      if (pdf && password->has_value()) {
        if (Status encrypted = encrypt_pdf_file(run.out_dir() / relative, **password); !encrypted) {
          print_error(encrypted.message());
          status = kExitFailure;
          continue;
        }
      }
      Status s = run.record(relative, audience->code, job.categories, plan_options.data_as_of.iso(),
                            what + (pdf ? " (PDF)" : " (DOCX)"));
      if (!s) {
        print_error(s.message());
        status = kExitFailure;
      }
    }
  }
  if (!shared_run) {
    Status s = run.write_manifest(plan_options.generated_at.iso());
    if (s && !args.blank) s = record_run_in_audit(options, *clock, "plan", run);
    if (!s) {
      print_error(s.message());
      return kExitFailure;
    }
    std::cout << run.summary();
  }
  if (failed > 0) {
    print_error(std::to_string(failed) + " van " + std::to_string(jobs.size()) + " plannen mislukt");
    status = kExitFailure;
  }
  return status;
}

void register_plan_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome) {
  auto args = std::make_shared<PlanArgs>();
  CLI::App* sub = app.add_subcommand("plan", "Maak plannen van aanpak (PDF en DOCX) voor een doelgroep");
  sub->add_option("case_ids", args->case_ids, "Casusnummers");
  sub->add_flag("--all", args->all, "Alle casussen die vandaag actief zijn (parallel op alle kernen)");
  sub->add_flag("--blank", args->blank, "Het blanco format van het plan van aanpak (training, handmatig gebruik)");
  sub->add_option("--audience", args->audience, "Doelgroep; alleen de gegevens die zij mag ontvangen")
      ->capture_default_str();
  sub->add_option("--format", args->formats, "Formaten, kommagescheiden: pdf,docx")->capture_default_str();
  sub->add_option("--jobs", args->jobs, "Aantal threads (standaard: alle kernen)");
  sub->add_option("--template", args->template_path, "Sjabloon")->capture_default_str();
  add_pdf_password_option(sub, args->password_file);
  sub->callback([&options, &outcome, args]() { outcome.status = run_plan(options, *args, nullptr); });
}

}  // namespace casus
