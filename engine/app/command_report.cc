// `casus report monthly --month YYYY-MM [--audience board|staff] [--format xlsx,pdf]`
// and `casus report caselist --month YYYY-MM [--format xlsx,pdf]`: the monthly
// monitoring report (workbook and PDF, protected for the board) and the
// pseudonymised case list for staff (workbook, and a landscape PDF of the
// same rows). Files are written atomically under --out, recorded in an
// OutputRun, listed in manifest.json and printed.
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "app/audit_trail.h"
#include "app/command_support.h"
#include "app/command_requests.h"
#include "app/commands.h"
#include "app/console.h"
#include "app/output_run.h"
#include "core/number_format.h"
#include "logic/dataset_index.h"
#include "render/caselist_context.h"
#include "render/caselist_document.h"
#include "render/caselist_workbook.h"
#include "render/monthly_context.h"
#include "render/monthly_document.h"
#include "render/monthly_workbook.h"
#include "render/pdf_writer.h"
#include "render/report_meta.h"
#include "store/key_file.h"

namespace casus {

namespace {

std::vector<std::string> categories_of(const Audience& audience) {
  return {audience.categories.begin(), audience.categories.end()};
}

std::filesystem::path template_root(const GlobalOptions& options) {
  return options.config_dir.parent_path() / "templates";
}

// --format of both reports: "xlsx", "pdf" or both, comma-separated. Prints
// the error and returns nothing for anything else.
std::optional<std::set<std::string>> parse_report_formats(const std::string& text) {
  std::set<std::string> formats;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (item != "xlsx" && item != "pdf") {
      print_error("--format: onbekend formaat '" + item + "' (bekend: xlsx, pdf)");
      return std::nullopt;
    }
    formats.insert(item);
  }
  if (formats.empty()) {
    print_error("--format: geef xlsx, pdf of xlsx,pdf");
    return std::nullopt;
  }
  return formats;
}

PdfOptions pdf_options(const Config& config) {
  PdfOptions o;
  if (!config.settings.font_regular.empty()) {
    const std::filesystem::path regular = config.settings.font_regular;
    o.font_folder = regular.parent_path();
    o.font_regular = regular.filename().string();
  }
  if (!config.settings.font_bold.empty()) o.font_bold = std::filesystem::path(config.settings.font_bold).filename().string();
  return o;
}

}  // namespace

int run_report_monthly(const GlobalOptions& options, const ReportArgs& args, OutputRun* shared_run) {
  auto month = YearMonth::parse(args.month);
  if (!month) {
    print_error("--month: '" + args.month + "' is geen maand van de vorm JJJJ-MM");
    return kExitUsage;
  }
  const auto parsed_formats = parse_report_formats(args.formats);
  if (!parsed_formats) return kExitUsage;
  const std::set<std::string>& formats = *parsed_formats;
  auto config = load_config_or_report(options);
  if (!config) return kExitFailure;
  auto clock = clock_or_report();
  if (!clock) return kExitFailure;
  const Audience* audience = config->find_audience(args.audience);
  if (!audience || !(audience->aggregates_only || audience->pseudonymised)) {
    print_error("--audience: de maandrapportage is er voor 'board' of 'staff', niet voor '" + args.audience + "'");
    return kExitUsage;
  }
  auto dataset = load_dataset(options, *clock, LoadScope::figures_only());
  if (!dataset) {
    print_error(dataset.message());
    return kExitFailure;
  }
  const DatasetIndex index(*dataset);
  const MonthlyFigures figures = compute_monthly_figures(index, *config, *month, audience->aggregates_only);
  MonthlyReportInputs inputs;
  inputs.config = &*config;
  inputs.audience = audience;
  inputs.language = options.language();
  inputs.data_as_of = dataset->data_as_of;
  inputs.now = clock->now();
  inputs.import_batches = dataset->import_batches;
  const MonthlyReport report = build_monthly_report(figures, inputs);

  OutputRun own_run(options.out_dir);
  OutputRun& run = shared_run ? *shared_run : own_run;
  const std::string stem = "maandrapportage-" + month->iso() + (audience->aggregates_only ? "" : "-" + audience->code);
  const std::filesystem::path folder = "maandrapportage";
  // The audience is in the description: board and staff versions of the same month differ.
  const std::string description =
      report.meta.title + " " + report.month_label + ", " + audience->name.get(options.language());
  // The PDF's document tree is rendered before any file is written, so a
  // broken template leaves outputs/ as it was.
  std::optional<Document> pdf_document;
  if (formats.count("pdf")) {
    CollectingSink sink;
    auto document = render_monthly_document(report, template_root(options) / "monthly", sink);
    if (!document) {
      for (const auto& d : sink.diagnostics()) print_diagnostic(d);
      if (sink.diagnostics().empty()) print_error(document.message());
      return kExitFailure;
    }
    pdf_document = std::move(document.value());
  }
  if (formats.count("xlsx")) {
    const auto relative = folder / (stem + ".xlsx");
    Status s = write_monthly_workbook(report, options.out_dir / relative);
    if (!s) {
      print_error(s.message());
      return kExitFailure;
    }
    s = run.record(relative, audience->code, categories_of(*audience), report.data_as_of, description + " (XLSX)");
    if (!s) {
      print_error(s.message());
      return kExitFailure;
    }
  }
  if (pdf_document) {
    const auto relative = folder / (stem + ".pdf");
    Status s = write_pdf(*pdf_document, options.out_dir / relative, pdf_options(*config));
    if (!s) {
      print_error(s.message());
      return kExitFailure;
    }
    s = run.record(relative, audience->code, categories_of(*audience), report.data_as_of, description + " (PDF)");
    if (!s) {
      print_error(s.message());
      return kExitFailure;
    }
  }
  if (shared_run) return kExitOk;
  Status s = run.write_manifest(inputs.now.iso());
  if (s) s = record_run_in_audit(options, *clock, "report monthly", run);
  if (!s) {
    print_error(s.message());
    return kExitFailure;
  }
  std::cout << run.summary();
  return kExitOk;
}

int run_report_caselist(const GlobalOptions& options, const ReportArgs& args, OutputRun* shared_run) {
  auto month = YearMonth::parse(args.month);
  if (!month) {
    print_error("--month: '" + args.month + "' is geen maand van de vorm JJJJ-MM");
    return kExitUsage;
  }
  const auto formats = parse_report_formats(args.formats);
  if (!formats) return kExitUsage;
  auto config = load_config_or_report(options);
  if (!config) return kExitFailure;
  auto clock = clock_or_report();
  if (!clock) return kExitFailure;
  const Audience* audience = config->find_audience("staff");
  if (!audience || !audience->pseudonymised) {
    print_error("config: de casuslijst vraagt een doelgroep 'staff' met pseudonymised=\"true\"");
    return kExitFailure;
  }
  auto dataset = load_dataset(options, *clock, LoadScope::case_list());
  if (!dataset) {
    print_error(dataset.message());
    return kExitFailure;
  }
  auto key = read_key_file(options.key_path());
  if (!key) {
    print_error(key.message());
    return kExitFailure;
  }
  const Pseudonymizer pseudonymizer(*key);
  // Held by pointer so that they can go before the PDF is written (below).
  auto index = std::make_unique<const DatasetIndex>(*dataset);
  const Language language = options.language();
  const bool en = language == Language::en;
  auto list = std::make_unique<const CaseList>(*index, *config, *month, language, pseudonymizer);
  const DateTime now = clock->now();
  const std::string data_as_of = dataset->data_as_of.iso();
  const DocumentMeta meta =
      report_document_meta(*audience, language, en ? "Case list" : "Casuslijst", format_month_long(*month, language),
                           dataset->data_as_of, now, config->settings.municipality);
  // The PDF's document tree is rendered before any file is written, so a
  // broken template leaves outputs/ as it was.
  std::optional<Document> pdf_document;
  if (formats->count("pdf")) {
    CollectingSink sink;
    auto document = render_caselist_document(*list, meta, *audience, caselist_schema(*config),
                                             template_root(options) / kCaseListTemplate, sink);
    if (!document) {
      for (const auto& d : sink.diagnostics()) print_diagnostic(d);
      if (sink.diagnostics().empty()) print_error(document.message());
      return kExitFailure;
    }
    pdf_document = std::move(document.value());
  }
  OutputRun own_run(options.out_dir);
  OutputRun& run = shared_run ? *shared_run : own_run;
  const std::filesystem::path folder = "casuslijst";
  const std::string stem = "casuslijst-" + month->iso();
  const std::string cases = std::to_string(list->size()) + (en ? " cases" : " casussen");
  const std::string description = meta.title + " " + meta.subtitle;
  if (formats->count("xlsx")) {
    const std::filesystem::path relative = folder / (stem + ".xlsx");
    auto stats = write_caselist_workbook(*list, meta, options.out_dir / relative);
    if (!stats) {
      print_error(stats.message());
      return kExitFailure;
    }
    Status s = run.record(relative, audience->code, categories_of(*audience), data_as_of,
                          description + " (XLSX, " + cases + ")");
    if (!s) {
      print_error(s.message());
      return kExitFailure;
    }
  }
  // The PDF writer reads only the document tree: the list, its index and the
  // dataset go first, so that the writer reuses their memory (at 100k cases
  // they hold a quarter of the peak).
  list.reset();
  index.reset();
  dataset.value() = Dataset{};
  if (pdf_document) {
    const std::filesystem::path relative = folder / (stem + ".pdf");
    Status s = write_pdf(*pdf_document, options.out_dir / relative, caselist_page(pdf_options(*config)));
    if (s)
      s = run.record(relative, audience->code, categories_of(*audience), data_as_of,
                     description + " (PDF, " + cases + ")");
    if (!s) {
      print_error(s.message());
      return kExitFailure;
    }
  }
  if (shared_run) return kExitOk;
  Status s = run.write_manifest(now.iso());
  if (s) s = record_run_in_audit(options, *clock, "report caselist", run);
  if (!s) {
    print_error(s.message());
    return kExitFailure;
  }
  std::cout << run.summary();
  return kExitOk;
}

void register_report_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome) {
  CLI::App* report = app.add_subcommand("report", "Maak de maandrapportage of de casuslijst");
  report->require_subcommand(1);
  auto monthly_args = std::make_shared<ReportArgs>();
  CLI::App* monthly = report->add_subcommand(
      "monthly", "Maandrapportage (XLSX en PDF): voor het bestuur beschermd tegen herleidbaarheid");
  monthly->add_option("--month", monthly_args->month, "Rapportagemaand, JJJJ-MM")->required();
  monthly->add_option("--audience", monthly_args->audience, "Doelgroep: board of staff")->capture_default_str();
  monthly->add_option("--format", monthly_args->formats, "Formaten, met komma's: xlsx,pdf")->capture_default_str();
  monthly->callback([&options, &outcome, monthly_args]() { outcome.status = run_report_monthly(options, *monthly_args, nullptr); });

  auto caselist_args = std::make_shared<ReportArgs>();
  caselist_args->audience = "staff";
  caselist_args->formats = "xlsx";
  CLI::App* caselist = report->add_subcommand(
      "caselist", "Casuslijst (XLSX en/of PDF) voor projectmedewerkers en regisseurs, onder pseudoniem");
  caselist->add_option("--month", caselist_args->month, "Rapportagemaand, JJJJ-MM")->required();
  caselist->add_option("--format", caselist_args->formats, "Formaten, met komma's: xlsx, pdf of xlsx,pdf")
      ->capture_default_str();
  caselist->callback([&options, &outcome, caselist_args]() { outcome.status = run_report_caselist(options, *caselist_args, nullptr); });
}

}  // namespace casus
