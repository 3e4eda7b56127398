// Report benchmark: a synthetic dataset of 100k cases (in process, no store),
// then (1) the monthly report for the board — figures for this month, the
// previous month and the 12-month trend, protection, XLSX and PDF — and (2)
// the case list XLSX for staff in constant-memory mode. Each runs in its own
// child process, so its peak RSS (getrusage via wait4) is its own; the RSS
// after building the dataset is reported too. Goals: monthly XLSX + PDF under
// 5 s; case list at least 500k cells/s and under 100 MB peak RSS.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "config/config_loader.h"
#include "logic/dataset_index.h"
#include "render/caselist_context.h"
#include "render/caselist_workbook.h"
#include "render/monthly_context.h"
#include "render/monthly_document.h"
#include "render/monthly_workbook.h"
#include "render/pdf_writer.h"
#include "render/report_meta.h"

using namespace casus;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

struct Lcg {
  std::uint64_t state;
  std::uint32_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
};

// 100k cases registered over three years, ~75% still active; per case 0-2
// assessments, 3 life-domain observations, an intervention for half, an event for one in six.
Dataset make_dataset(const Config& config, int cases) {
  Lcg rng{42};
  Dataset data;
  // Sized up front, as the store's loader does (it counts first).
  data.cases.reserve(static_cast<std::size_t>(cases));
  data.assessments.reserve(static_cast<std::size_t>(cases));
  data.life_domains.reserve(static_cast<std::size_t>(cases) * 3);
  data.interventions.reserve(static_cast<std::size_t>(cases) / 2 + 1);
  data.events.reserve(static_cast<std::size_t>(cases) / 6 + 1);
  const char* instruments[] = {"meldplicht", "mentor", "schuldhulp", "ggz_behandeling", "exitbegeleiding",
                               "huisvesting", "gebiedsverbod", "werk"};
  for (int i = 0; i < cases; ++i) {
    CaseRecord c;
    c.case_id = "CASE-" + std::to_string(1000000 + i);
    c.bsn = std::to_string(900000000 + i);
    c.surname = "Synthetisch";
    c.given_names = "Test";
    c.district = config.districts[static_cast<std::size_t>(rng.below(static_cast<int>(config.districts.size())))].code;
    c.risk_group = 1 + rng.below(5);
    c.registered_on = Date{2023, 11, 1}.plus_days(rng.below(1095));
    c.regisseur = "Regisseur " + std::to_string(1 + rng.below(20));
    c.escalation_level = 1 + rng.below(4);
    if (rng.below(3) != 0) c.plan_approved_on = c.registered_on.plus_days(20 + rng.below(60));
    if (rng.below(4) == 0) {
      c.closed_on = c.registered_on.plus_days(100 + rng.below(600));
      c.closure_reason = static_cast<ClosureReason>(rng.below(6));
    }
    data.cases.push_back(std::move(c));
    const CaseRecord& cr = data.cases.back();
    for (int a = rng.below(3); a > 0; --a) {
      AssessmentRecord r;
      r.case_id = cr.case_id;
      r.assessed_on = cr.registered_on.plus_days(10 + a * 120 + rng.below(60));
      r.judgement = static_cast<Judgement>(rng.below(3));
      r.rationale = "x";
      data.assessments.push_back(std::move(r));
    }
    for (int o = 0; o < 3; ++o) {
      LifeDomainObservation obs;
      obs.case_id = cr.case_id;
      obs.domain = config.monitoring.life_domains[static_cast<std::size_t>(rng.below(13))].code;
      obs.observed_on = cr.registered_on.plus_days(5 + o * 90);
      obs.score = 1 + rng.below(5);
      data.life_domains.push_back(std::move(obs));
    }
    if (rng.below(2) == 0) {
      InterventionRecord iv;
      iv.case_id = cr.case_id;
      iv.code = instruments[rng.below(8)];
      iv.started_on = cr.registered_on.plus_days(rng.below(200));
      iv.status = InterventionStatus::lopend;
      data.interventions.push_back(std::move(iv));
    }
    if (rng.below(6) == 0) {
      EventRecord e;
      e.partner = "politie";
      e.event_id = std::to_string(i);
      e.case_id = cr.case_id;
      e.linked_case_id = cr.case_id;
      e.occurred_on = DateTime{Date{2026, 10, 1 + rng.below(28)}, 10, 0, 0};
      e.kind = rng.below(2) == 0 ? EventKind::verdachte : EventKind::melding;
      data.events.push_back(std::move(e));
    }
  }
  data.data_as_of = Date{2026, 11, 3};
  data.import_batches = {"bench.csv (000000000000, 2026-11-03)"};
  return data;
}

int monthly(const Config& config, const Dataset& data, const fs::path& out, const fs::path& templates) {
  const long base = peak_rss_kb();
  const auto start = Clock::now();
  const DatasetIndex index(data);
  const YearMonth month{2026, 10};
  const MonthlyFigures figures = compute_monthly_figures(index, config, month, true);
  const double t_figures = seconds_since(start);
  MonthlyReportInputs in;
  in.config = &config;
  in.audience = config.find_audience("board");
  in.data_as_of = data.data_as_of;
  in.now = DateTime{Date{2026, 11, 28}, 9, 0, 0};
  in.import_batches = data.import_batches;
  const MonthlyReport report = build_monthly_report(figures, in);
  const auto xlsx_start = Clock::now();
  Status s = write_monthly_workbook(report, out / "maandrapportage-2026-10.xlsx");
  if (!s) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  const double t_xlsx = seconds_since(xlsx_start);
  const auto pdf_start = Clock::now();
  CollectingSink sink;
  auto document = render_monthly_document(report, templates, sink);
  if (!document) {
    std::fprintf(stderr, "%s\n", document.message().c_str());
    return 1;
  }
  s = write_pdf(*document, out / "maandrapportage-2026-10.pdf");
  if (!s) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  const double t_pdf = seconds_since(pdf_start);
  const double total = seconds_since(start);
  std::printf("monthly  : %.3f s total (index + figures incl. 12-month trend %.3f s, XLSX %.3f s, PDF %.3f s); "
              "active %lld; RSS after dataset %ld MB, peak %ld MB  [goal < 5 s: %s]\n",
              total, t_figures, t_xlsx, t_pdf, static_cast<long long>(figures.current.count("active")), base / 1024,
              peak_rss_kb() / 1024, total < 5 ? "met" : "NOT met");
  return 0;
}

int caselist(const Config& config, const Dataset& data, const fs::path& out) {
  const long base = peak_rss_kb();
  const auto start = Clock::now();
  const DatasetIndex index(data);
  const Pseudonymizer pseudonymizer(std::string(32, '\x5a'));
  const CaseList list(index, config, YearMonth{2026, 10}, Language::nl, pseudonymizer);
  const double t_list = seconds_since(start);
  const auto rows_start = Clock::now();
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < list.size(); ++i) bytes += list.row(i).instruments.size();
  const double t_rows = seconds_since(rows_start);
  std::printf("caselist : building the %zu rows alone takes %.3f s (%zu)\n", list.size(), t_rows, bytes);
  const DocumentMeta meta = report_document_meta(*config.find_audience("staff"), Language::nl, "Casuslijst",
                                                 "oktober 2026", data.data_as_of, DateTime{Date{2026, 11, 28}, 9, 0, 0},
                                                 "bench");
  const auto write_start = Clock::now();
  auto stats = write_caselist_workbook(list, meta, out / "casuslijst-2026-10.xlsx");
  if (!stats) {
    std::fprintf(stderr, "%s\n", stats.message().c_str());
    return 1;
  }
  const double t_write = seconds_since(write_start);
  const double total = seconds_since(start);
  const double rate = static_cast<double>(stats->cells) / total;
  const long peak = peak_rss_kb();
  std::printf("caselist : %zu rows, %zu cells in %.3f s (index + pseudonyms + sort %.3f s, rows + XLSX %.3f s) = "
              "%.0f cells/s; RSS after dataset %ld MB, peak %ld MB (+%ld MB for the list)  [goals >= 500k cells/s: "
              "%s; < 100 MB peak: %s]\n",
              stats->rows, stats->cells, total, t_list, t_write, rate, base / 1024, peak / 1024, (peak - base) / 1024,
              rate >= 500000 ? "met" : "NOT met", peak < 100 * 1024 ? "met" : "NOT met");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path source = fs::path(__FILE__).parent_path().parent_path();
  const int cases = argc > 1 ? std::atoi(argv[1]) : 100000;
  const fs::path out = fs::temp_directory_path() / "casus_report_bench";
  fs::create_directories(out);
  CollectingSink sink;
  auto config = load_config(source / "config", sink);
  if (!config) {
    std::fprintf(stderr, "config: %s\n", config.message().c_str());
    return 1;
  }
  std::printf("report_bench: %d cases\n", cases);
  for (int which = 0; which < 2; ++which) {
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0) {
      const auto start = Clock::now();
      const Dataset data = make_dataset(*config, cases);
      std::printf("dataset  : %zu cases, %zu assessments, %zu life-domain observations built in %.2f s (not timed below)\n",
                  data.cases.size(), data.assessments.size(), data.life_domains.size(), seconds_since(start));
      const int rc = which == 0 ? monthly(*config, data, out, source / "templates" / "monthly")
                                : caselist(*config, data, out);
      std::fflush(stdout);
      std::_Exit(rc);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 1;
  }
  std::printf("files in %s\n", out.c_str());
  return 0;
}
