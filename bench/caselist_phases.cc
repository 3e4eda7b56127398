// Case-list phase timer: what `casus report caselist` does, step by step, on
// an existing store, with the wall time and the process's peak RSS after
// each step (load, index, list, PDF context + template + markup, PDF writer,
// workbook). Shows where the time of one run goes, and which step grows
// faster than the number of cases from 10k to 100k.
//
// Usage: caselist_phases CONFIG_DIR STORE.db OUT_DIR [MONTH] [--full-load]
//   --full-load  load with LoadScope::figures_only() (as before the case
//                list had its own scope) instead of LoadScope::case_list()
// Set CASUS_NOW for a fixed clock. Writes OUT_DIR/caselist.pdf and .xlsx.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>

#include "config/config_loader.h"
#include "logic/dataset_index.h"
#include "render/caselist_context.h"
#include "render/caselist_document.h"
#include "render/caselist_workbook.h"
#include "render/pdf_writer.h"
#include "render/report_meta.h"
#include "store/key_file.h"
#include "store/store.h"

using namespace casus;
namespace fs = std::filesystem;

namespace {

using SteadyClock = std::chrono::steady_clock;

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

// User + system CPU seconds of the process: steadier than wall time on a
// machine shared with others.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(usage.ru_utime) + s(usage.ru_stime);
}

class Phase {
 public:
  explicit Phase(const char* name) : name_(name), start_(SteadyClock::now()), cpu_(cpu_seconds()) {}
  ~Phase() {
    const double s = std::chrono::duration<double>(SteadyClock::now() - start_).count();
    std::printf("%-28s %7.3f s wall %7.3f s CPU   peak RSS %5ld MB\n", name_, s, cpu_seconds() - cpu_, peak_rss_mb());
  }

 private:
  const char* name_;
  SteadyClock::time_point start_;
  double cpu_;
};

int fail(const std::string& message) {
  std::fprintf(stderr, "caselist_phases: %s\n", message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) return fail("usage: caselist_phases CONFIG_DIR STORE.db OUT_DIR [MONTH] [--full-load]");
  const fs::path config_dir = argv[1], db = argv[2], out = argv[3];
  std::string month_text = "2026-10";
  bool full_load = false;
  for (int i = 4; i < argc; ++i) {
    if (std::strcmp(argv[i], "--full-load") == 0)
      full_load = true;
    else
      month_text = argv[i];
  }
  auto month = YearMonth::parse(month_text);
  if (!month) return fail("not a month: " + month_text);
  auto clock = clock_from_environment();
  if (!clock) return fail(clock.message());
  CollectingSink sink;
  auto config = load_config(config_dir, sink);
  if (!config) return fail(config.message());
  const Audience* audience = config->find_audience("staff");
  if (!audience) return fail("config has no audience 'staff'");
  const fs::path key_path = db.string() + ".key";
  auto key = read_key_file(key_path);
  if (!key) return fail(key.message());
  fs::create_directories(out);

  const auto total = SteadyClock::now();
  std::optional<Dataset> dataset;
  {
    Phase p(full_load ? "load (figures_only)" : "load (case_list)");
    auto store = Store::open(db, key_path, **clock);
    if (!store) return fail(store.message());
    auto loaded = (*store)->load_dataset(full_load ? LoadScope::figures_only() : LoadScope::case_list());
    if (!loaded) return fail(loaded.message());
    dataset = std::move(*loaded);
  }
  std::printf("  cases %zu, assessments %zu, interventions %zu, life domains %zu, events %zu\n",
              dataset->cases.size(), dataset->assessments.size(), dataset->interventions.size(),
              dataset->life_domains.size(), dataset->events.size());
  std::optional<DatasetIndex> index;
  {
    Phase p("index");
    index.emplace(*dataset);
  }
  const Pseudonymizer pseudonymizer(*key);
  std::optional<CaseList> list;
  {
    Phase p("case list (select, sort)");
    list.emplace(*index, *config, *month, Language::nl, pseudonymizer);
  }
  std::printf("  rows %zu\n", list->size());
  const DocumentMeta meta = report_document_meta(*audience, Language::nl, "Casuslijst", month->iso(),
                                                 dataset->data_as_of, (*clock)->now(), config->settings.municipality);
  {
    Phase p("rows only (CaseList::row)");
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < list->size(); ++i) bytes += list->row(i).instruments.size();
    std::printf("  (%zu instrument bytes)\n", bytes);
  }
  std::optional<Document> document;
  {
    Phase p("PDF document (context..tree)");
    auto rendered = render_caselist_document(*list, meta, *audience, caselist_schema(*config),
                                             config_dir.parent_path() / "templates" / kCaseListTemplate, sink);
    if (!rendered) return fail(rendered.message());
    document = std::move(*rendered);
  }
  {
    Phase p("PDF writer");
    PdfOptions options;  // as the command sets them (app/command_report.cc)
    if (!config->settings.font_regular.empty()) {
      const fs::path regular = config->settings.font_regular;
      options.font_folder = regular.parent_path();
      options.font_regular = regular.filename().string();
    }
    if (!config->settings.font_bold.empty())
      options.font_bold = fs::path(config->settings.font_bold).filename().string();
    std::swap(options.page_width, options.page_height);
    if (auto s = write_pdf(*document, out / "caselist.pdf", options); !s) return fail(s.message());
  }
  document.reset();
  {
    Phase p("workbook");
    auto stats = write_caselist_workbook(*list, meta, out / "caselist.xlsx");
    if (!stats) return fail(stats.message());
  }
  std::printf("%-28s %7.3f s\n", "total",
              std::chrono::duration<double>(SteadyClock::now() - total).count());
  return 0;
}
