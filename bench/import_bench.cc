// import_bench: generates synthetic partner CSV (default 100k cases, 1M
// events), imports it with `casus init` + `casus import` into a temporary
// store, and reports records/s, MB/s and peak RSS next to the floor of
// parsing (CSV reading + mapping + validation) alone.
// Usage: import_bench [CONFIG_DIR] [CASES] [EVENTS]   (CONFIG_DIR default ./config)
//        import_bench --parse-only FILE...   CSV tokenizing alone over given files (XML
//        files are skipped): the import floor of bench/run.sh on the sample exports.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "app/cli.h"
#include "config/config_loader.h"
#include "core/clock.h"
#include "core/diagnostic.h"
#include "ingest/csv_reader.h"
#include "ingest/field_mapping.h"
#include "ingest/record_validator.h"
#include "store/store.h"

namespace fs = std::filesystem;
using namespace casus;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

// A valid synthetic bsn: eight random digits and a check digit that passes the 11-test.
std::string make_bsn(std::mt19937& rng) {
  while (true) {
    int digits[9];
    int sum = 0;
    for (int i = 0; i < 8; ++i) {
      digits[i] = static_cast<int>(rng() % 10);
      sum += (9 - i) * digits[i];
    }
    const int check = sum % 11;
    if (check > 9) continue;
    digits[8] = check;  // 9*d1 + ... + 2*d8 - d9 ≡ 0 (mod 11)
    std::string out;
    for (int d : digits) out += static_cast<char>('0' + d);
    if (out == "000000000") continue;
    return out;
  }
}

int run(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  return run_cli(static_cast<int>(argv.size()), argv.data());
}

}  // namespace

// CSV reading alone (header, delimiter detection, quoting, records) over the given files.
int parse_only(int argc, char** argv) {
  const auto start = std::chrono::steady_clock::now();
  std::size_t records = 0;
  std::uintmax_t bytes = 0;
  int files = 0;
  for (int i = 2; i < argc; ++i) {
    const fs::path path = argv[i];
    if (path.extension() != ".csv") continue;
    std::ifstream in(path, std::ios::binary);
    CsvReader reader(in, {});
    if (!reader.read_header()) {
      std::cerr << "import_bench: " << path.string() << ": no header\n";
      return 1;
    }
    CsvRecord record;
    while (reader.next(record)) ++records;
    bytes += fs::file_size(path);
    ++files;
  }
  const double s = seconds_since(start);
  std::printf("parse_only files=%d records=%zu bytes=%ju seconds=%.3f records_per_s=%.0f mb_per_s=%.1f peak_rss_mb=%ld\n",
              files, records, bytes, s, static_cast<double>(records) / s, static_cast<double>(bytes) / 1e6 / s,
              peak_rss_mb());
  return 0;
}

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "--parse-only") return parse_only(argc, argv);
  const fs::path config_dir = argc > 1 ? argv[1] : "config";
  const long n_cases = argc > 2 ? std::atol(argv[2]) : 100000;
  const long n_events = argc > 3 ? std::atol(argv[3]) : 1000000;
  const fs::path dir = fs::temp_directory_path() / ("casus-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  ::setenv("CASUS_NOW", "2026-11-28T09:00:00", 1);

  std::mt19937 rng(42);
  std::vector<std::string> bsns;
  const char* districts[] = {"A", "E", "F", "K", "M", "N", "T", "B", "S"};
  {
    std::ofstream cases(dir / "cases.csv");
    cases << "case_id;bsn;surname;given_names;birth_date;district;risk_group;registered_on;regisseur\n";
    for (long i = 0; i < n_cases; ++i) {
      bsns.push_back(make_bsn(rng));
      cases << "C" << i << ';' << bsns.back() << ";Synthetisch" << i % 977 << ";Testpersoon;01-0" << 1 + i % 9
            << "-1990;" << districts[i % 9] << ';' << 1 + i % 5 << ";" << 1 + i % 28 << "-0" << 1 + i % 9
            << "-2025;Regisseur " << i % 40 << "\n";
    }
    std::ofstream events(dir / "events.csv");
    events << "event_id;case_id;bsn;occurred_on;kind;description\n";
    const char* kinds[] = {"melding", "verdachte", "aanhouding", "dagvaarding", "veroordeling"};
    for (long i = 0; i < n_events; ++i) {
      const long c = static_cast<long>(rng() % static_cast<unsigned long>(n_cases));
      events << "P" << i << ';';
      if (i % 2 == 0) events << 'C' << c << ';';
      else events << ';' << bsns[static_cast<std::size_t>(c)];
      events << ';' << 1 + i % 28 << '-' << 1 + i % 12 << "-2026 1" << i % 10 << ":0" << i % 6 << ';'
             << kinds[i % 5] << ";synthetische omschrijving van een voorval\n";
    }
  }
  const double events_mb = static_cast<double>(fs::file_size(dir / "events.csv")) / 1e6;
  const double cases_mb = static_cast<double>(fs::file_size(dir / "cases.csv")) / 1e6;

  // Floor: read, map and validate the events without a store.
  NullSink sink;
  auto config = load_config(config_dir, sink);
  if (!config) {
    std::cerr << "import_bench: cannot load config from " << config_dir << " (pass CONFIG_DIR)\n";
    return 1;
  }
  auto start = std::chrono::steady_clock::now();
  std::size_t valid = 0;
  {
    std::ifstream in(dir / "events.csv", std::ios::binary);
    CsvReader reader(in, {});
    if (!reader.read_header()) return 1;
    FieldMapper mapper(RecordKind::events, nullptr, config->framework.items);
    std::vector<FieldTarget> targets;
    for (const auto& h : reader.header()) targets.push_back(mapper.resolve(h));
    RecordValidator validator(*config, RecordKind::events, "politie");
    CsvRecord row;
    MappedRecord mapped = mapper.empty_record();
    std::vector<Diagnostic> problems;
    while (reader.next(row)) {
      for (std::size_t i = 0; i < row.fields.size() && i < targets.size(); ++i)
        if (targets[i].type == FieldTarget::Type::field)
          mapped.values[static_cast<std::size_t>(targets[i].index)] = mapper.map_value(targets[i], row.fields[i]);
      problems.clear();
      if (validator.validate(mapped, {"events.csv", row.line, 0}, problems)) ++valid;
    }
  }
  const double parse_s = seconds_since(start);
  const long parse_rss = peak_rss_mb();

  const std::string store = (dir / "bench.db").string();
  const std::string out = (dir / "out").string();
  if (run({"casus", "--store", store, "init"}) != 0) return 1;
  start = std::chrono::steady_clock::now();
  if (run({"casus", "--config", config_dir.string(), "--store", store, "--out", out, "import", (dir / "cases.csv").string()}) != 0)
    return 1;
  const double cases_s = seconds_since(start);
  start = std::chrono::steady_clock::now();
  if (run({"casus", "--config", config_dir.string(), "--store", store, "--out", out, "import", "--partner", "politie",
           (dir / "events.csv").string()}) != 0)
    return 1;
  const double events_s = seconds_since(start);
  const long import_rss = peak_rss_mb();

  FixedClock clock(DateTime{{2026, 11, 28}, 9, 0, 0});
  auto opened = Store::open(store, store + ".key", clock);
  if (!opened) {
    std::cerr << opened.message() << "\n";
    return 1;
  }
  start = std::chrono::steady_clock::now();
  auto data = (*opened)->load_dataset();
  const double load_s = seconds_since(start);
  if (!data) {
    std::cerr << data.message() << "\n";
    return 1;
  }
  std::size_t linked = 0;
  for (const auto& e : data->events) linked += e.linked_case_id.empty() ? 0 : 1;

  std::printf("\nparse+validate only: %ld events (%zu valid) in %.2f s = %.0f records/s, %.1f MB/s, peak RSS %ld MB\n",
              n_events, valid, parse_s, static_cast<double>(n_events) / parse_s, events_mb / parse_s, parse_rss);
  std::printf("import cases:  %ld in %.2f s = %.0f records/s, %.1f MB/s\n", n_cases, cases_s,
              static_cast<double>(n_cases) / cases_s, cases_mb / cases_s);
  std::printf("import events: %ld in %.2f s = %.0f records/s, %.1f MB/s; peak RSS %ld MB\n", n_events, events_s,
              static_cast<double>(n_events) / events_s, events_mb / events_s, import_rss);
  std::printf("load_dataset: %zu cases, %zu events (%zu linked) in %.2f s; peak RSS %ld MB\n", data->cases.size(),
              data->events.size(), linked, load_s, peak_rss_mb());
  std::printf("goal: 1M event rows < 10 s, peak RSS < 200 MB\n");
  fs::remove_all(dir);
  return 0;
}
