// Plan benchmark: 1,000 plans of action as PDF from a 100k-case dataset
// built in memory (assessments, life domains, interventions and events for
// every case), rendered for the casusoverleg audience with a std::thread
// pool like `casus plan --all`. Reports plans/s and peak RSS.
// Goal: at least 100 plans/s on 2 cores.
// Usage (from the source folder): plan_bench [threads=2] [plans=1000] [cases=100000]
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "config/config_loader.h"
#include "render/pdf_writer.h"
#include "render/plan_context.h"

using namespace casus;

namespace {

Dataset build_dataset(const Config& config, int cases) {
  Dataset ds;
  ds.data_as_of = Date{2026, 11, 27};
  const Date base{2024, 1, 1};
  const auto& items = config.framework.items;
  const auto& life = config.monitoring.life_domains;
  const auto& instruments = config.toolkit.instruments;
  const char* districts[] = {"A", "E", "F", "K", "M", "N", "T"};
  const EventKind kinds[] = {EventKind::melding, EventKind::verdachte, EventKind::aanhouding, EventKind::uitreispoging};
  ds.cases.reserve(cases);
  ds.assessments.reserve(cases * 2);
  ds.life_domains.reserve(cases * 4);
  ds.interventions.reserve(cases * 2);
  ds.events.reserve(cases * 2);
  std::uint64_t seed = 12345;
  auto next = [&seed]() {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>(seed >> 33);
  };
  for (int i = 0; i < cases; ++i) {
    CaseRecord c;
    char id[16];
    std::snprintf(id, sizeof id, "C-%06d", i);
    c.case_id = id;
    c.given_names = "Persoon";
    c.surname = "Synthetisch " + std::to_string(i);
    c.district = districts[i % 7];
    c.risk_group = 1 + i % 5;
    c.registered_on = base.plus_days(next() % 900);
    c.regisseur = i % 2 ? "Annelies Voorbeeld" : "Bram Fictief";
    c.escalation_level = 1 + i % 4;
    if (i % 3) c.plan_approved_on = c.registered_on.plus_days(30);
    if (i % 17 == 0) {
      c.on_hold_since = c.registered_on.plus_days(60);
      c.on_hold_review_on = c.registered_on.plus_days(150);
      c.on_hold_reason = "Detentie";
    }
    if (c.risk_group == 5 && i > 0) c.related_case_id = ds.cases[i - 1].case_id;
    for (int a = 0; a < 2; ++a) {
      AssessmentRecord r;
      r.case_id = c.case_id;
      r.assessed_on = c.registered_on.plus_days(20 + a * 120);
      r.assessor = c.regisseur;
      for (const auto& item : items) r.items[item.code].score = static_cast<int>(next() % 3);
      r.judgement = static_cast<Judgement>(next() % 3);
      if (a == 1 && i % 4) r.rationale = "Motivering van het oordeel op grond van de bevindingen van de partners.";
      ds.assessments.push_back(std::move(r));
    }
    for (int l = 0; l < 4; ++l) {
      LifeDomainObservation o;
      o.case_id = c.case_id;
      o.observed_on = c.registered_on.plus_days(25);
      o.domain = life[(i + l) % life.size()].code;
      o.score = 1 + static_cast<int>(next() % 5);
      o.goal = "Stabiele situatie binnen zes maanden";
      ds.life_domains.push_back(std::move(o));
    }
    for (int n = 0; n < 2; ++n) {
      InterventionRecord r;
      r.case_id = c.case_id;
      const Instrument& ins = instruments[next() % instruments.size()];
      r.code = ins.code;
      r.partner = ins.owner;
      r.started_on = c.registered_on.plus_days(40 + n * 30);
      r.status = InterventionStatus::lopend;
      r.rationale = "Lichtere middelen volstaan niet; de maatregel is beperkt in duur en wordt getoetst.";
      ds.interventions.push_back(std::move(r));
    }
    for (int e = 0; e < 2; ++e) {
      EventRecord ev;
      ev.partner = "politie";
      ev.event_id = c.case_id + "-" + std::to_string(e);
      ev.case_id = c.case_id;
      ev.linked_case_id = c.case_id;
      ev.occurred_on = DateTime{ds.data_as_of.plus_days(-static_cast<int>(next() % 300)), 10, 0, 0};
      ev.kind = kinds[next() % 4];
      ev.description = "Melding van de wijkagent over gedrag in de openbare ruimte";
      ds.events.push_back(std::move(ev));
    }
    ds.cases.push_back(std::move(c));
  }
  return ds;
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  const unsigned threads = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 2;
  const int plans = argc > 2 ? std::atoi(argv[2]) : 1000;
  const int cases = argc > 3 ? std::atoi(argv[3]) : 100000;
  // Run from the source folder (config/ and templates/ are read from there).
  const std::filesystem::path source = std::getenv("CASUS_SOURCE") ? std::getenv("CASUS_SOURCE") : ".";
  CollectingSink sink;
  auto config = load_config(source / "config", sink);
  if (!config) {
    std::fprintf(stderr, "config: %s\n", config.message().c_str());
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  Dataset dataset = build_dataset(*config, cases);
  DatasetIndex index(dataset);
  auto t1 = std::chrono::steady_clock::now();
  const Audience& audience = *config->find_audience("casusoverleg");
  const DocumentSchema schema = plan_schema(*config);
  auto tmpl = MustacheTemplate::load(source / kPlanTemplate, sink);
  if (!tmpl) {
    std::fprintf(stderr, "template: %s\n", tmpl.message().c_str());
    return 1;
  }
  const FamilyLinks family = family_links(index);
  PlanOptions options;
  options.family = &family;
  options.as_of = Date{2026, 11, 28};
  options.data_as_of = dataset.data_as_of;
  options.generated_at = DateTime{options.as_of, 9, 0, 0};
  const std::filesystem::path out = std::filesystem::temp_directory_path() / "casus_plan_bench";
  std::filesystem::create_directories(out);

  // Every 100th case, so the plans spread over the whole data set.
  const std::size_t stride = std::max<std::size_t>(1, index.cases().size() / plans);
  std::atomic<int> next{0};
  std::atomic<int> failed{0};
  std::atomic<std::size_t> bytes{0};
  std::atomic<long long> context_us{0}, template_us{0}, pdf_us{0};
  auto us_since = [](std::chrono::steady_clock::time_point from) {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - from).count();
  };
  auto worker = [&]() {
    for (int i = next++; i < plans; i = next++) {
      const CaseHistory& h = index.cases()[(i * stride) % index.cases().size()];
      auto s0 = std::chrono::steady_clock::now();
      auto context = build_plan_context(*config, index, h, audience, schema, options);
      context_us += us_since(s0);
      NullSink null;
      s0 = std::chrono::steady_clock::now();
      auto document = context ? render_built_context(*tmpl, *context, null) : Result<Document>(context.status());
      template_us += us_since(s0);
      s0 = std::chrono::steady_clock::now();
      if (!document) {
        if (failed++ == 0) std::fprintf(stderr, "%s\n", document.message().c_str());
        continue;
      }
      const auto path = out / ("plan-" + h.record->case_id + ".pdf");
      if (!write_pdf(*document, path)) ++failed;
      bytes += std::filesystem::file_size(path);
      pdf_us += us_since(s0);
    }
  };
  auto t2 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  auto t3 = std::chrono::steady_clock::now();
  const double build_s = std::chrono::duration<double>(t1 - t0).count();
  const double render_s = std::chrono::duration<double>(t3 - t2).count();
  std::printf("dataset: %d cases, %zu assessments, %zu events built and indexed in %.2f s\n", cases,
              dataset.assessments.size(), dataset.events.size(), build_s);
  std::printf("plans:   %d PDFs on %u threads in %.2f s = %.1f plans/s (%.1f KB per plan), %d failed\n", plans,
              threads, render_s, plans / render_s, bytes.load() / 1024.0 / plans, failed.load());
  std::printf("per plan (thread time): context %.1f ms, template + markup %.1f ms, PDF %.1f ms\n",
              context_us.load() / 1000.0 / plans, template_us.load() / 1000.0 / plans, pdf_us.load() / 1000.0 / plans);
  std::printf("peak RSS: %.1f MB\n", peak_rss_kb() / 1024.0);
  std::filesystem::remove_all(out);
  return failed ? 1 : 0;
}
