#include "sample/sample_generator.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <system_error>

#include "core/file_io.h"
#include "core/json_text.h"
#include "sample/delivery_plan.h"
#include "sample/pending_export.h"
#include "sample/planted_faults.h"
#include "sample/record_format.h"
#include "sample/simulation.h"
#include "sample/synthetic_text.h"

namespace casus {

namespace {

constexpr const char* kGeneratorName = "casus sample";

// Whether a case counts as active at the end of a day (monitoring spec).
bool active_at(const SampleCase& c, const Date& day) {
  return c.registered_on <= day && (!c.closed_on || *c.closed_on > day);
}

std::vector<MonthSummary> summarize(const SampleWorld& world) {
  std::vector<MonthSummary> out;
  for (const auto& month : world.months) {
    MonthSummary summary;
    summary.month = month;
    for (const auto& c : world.cases) {
      if (month.contains(c.registered_on)) {
        ++summary.inflow;
        summary.reentries += c.reentry ? 1 : 0;
      }
      if (c.closed_on && month.contains(*c.closed_on)) ++summary.outflow;
      if (active_at(c, month.last_day())) {
        ++summary.active_at_end;
        if (snapshot_at(c, month.last_day()).hold != nullptr) ++summary.on_hold_at_end;
      }
    }
    out.push_back(summary);
  }
  return out;
}

// The monthly exports, one month at a time, so only one month's records are
// ever held as ExportRecords. Carries what earlier months delivered (for the
// natural-key upserts) and, per month, which assessments, observations and
// events it delivers and per partner which interventions it may re-deliver.
class MonthlyExports {
 public:
  MonthlyExports(const Config& config, const DeliveryPlan& plan, const SampleWorld& world)
      : config_(config),
        plan_(plan),
        world_(world),
        delivered_cases_(world.cases.size()),
        delivered_interventions_(world.interventions.size()),
        assessments_(world.months.size()),
        observations_(world.months.size()),
        events_(world.months.size()),
        interventions_(plan.intervention_partners.size()) {
    // The first month also carries everything before it (the initial load);
    // a day after the last month is in none.
    auto month_of = [&](const Date& day) {
      const auto found =
          std::lower_bound(world.months.begin(), world.months.end(), day,
                           [](const YearMonth& m, const Date& d) { return m.last_day() < d; });
      return static_cast<std::size_t>(found - world.months.begin());
    };
    auto add = [](std::vector<std::uint32_t>& list, std::size_t i) {
      list.push_back(static_cast<std::uint32_t>(i));
    };
    for (std::size_t i = 0; i < world.assessments.size(); ++i) {
      const std::size_t m = month_of(world.assessments[i].assessed_on);
      if (m < assessments_.size()) add(assessments_[m], i);
    }
    for (std::size_t i = 0; i < world.observations.size(); ++i) {
      const std::size_t m = month_of(world.observations[i].observed_on);
      if (m < observations_.size()) add(observations_[m], i);
    }
    for (std::size_t i = 0; i < world.events.size(); ++i) {
      const Date& day = world.events[i].occurred_on.date;
      const std::size_t m = month_of(day);
      if (m < events_.size() && world.months[m].contains(day)) add(events_[m], i);
    }
    for (std::size_t i = 0; i < world.interventions.size(); ++i) {
      for (std::size_t p = 0; p < plan.intervention_partners.size(); ++p) {
        if (world.interventions[i].partner == plan.intervention_partners[p])
          add(interventions_[p], i);
      }
    }
  }

  // Hands the exports of month `m` to `emit` one by one, in import order, each
  // when its records are written; call for m = 0, 1, ... in turn.
  Status month(std::size_t m, const std::function<Status(PendingExport&&)>& emit) {
    const YearMonth& month = world_.months[m];
    const Date end = month.last_day();
    const int index = static_cast<int>(m);
    auto start = [&](const std::string& partner, RecordKind kind) {
      PendingExport pending;
      pending.delivery = plan_.delivery(partner, kind, index);
      pending.month = month;
      return pending;
    };

    // Cases: new ones, and earlier ones whose fields changed (natural-key upserts).
    PendingExport cases = start(plan_.regie, RecordKind::cases);
    for (std::size_t i = 0; i < world_.cases.size(); ++i) {
      const auto& c = world_.cases[i];
      if (c.registered_on > end) continue;
      const CaseSnapshot snapshot = snapshot_at(c, end);
      auto& delivered = delivered_cases_[i];
      if (delivered && *delivered == snapshot) continue;
      if (delivered) ++cases.upserts;
      cases.add(format_case(c, world_.persons[c.person], snapshot, cases.delivery.dialect));
      delivered = snapshot;
    }
    if (Status s = emit(std::move(cases)); !s) return s;

    // Assessments in order of case_id; XML: every other one in order of the
    // simulation uses the <item code score source> form.
    PendingExport assessments = start(plan_.regie, RecordKind::assessments);
    std::vector<std::pair<std::size_t, bool>> order;  // assessment, item elements
    for (const std::uint32_t i : assessments_[m]) order.emplace_back(i, order.size() % 2 == 1);
    std::stable_sort(order.begin(), order.end(), [&](const auto& x, const auto& y) {
      return world_.assessments[x.first].case_id < world_.assessments[y.first].case_id;
    });
    for (const auto& [i, item_elements] : order) {
      assessments.add(format_assessment(world_.assessments[i], config_.framework,
                                        assessments.delivery.dialect, item_elements));
    }
    if (Status s = emit(std::move(assessments)); !s) return s;

    PendingExport life = start(plan_.regie, RecordKind::life_domains);
    for (const std::uint32_t i : observations_[m]) {
      const auto& o = world_.observations[i];
      life.add(format_observation(o, world_.cases[o.case_index].case_id,
                                  config_.monitoring.life_domains[o.domain].code,
                                  life.delivery.dialect));
    }
    if (Status s = emit(std::move(life)); !s) return s;

    for (std::size_t p = 0; p < plan_.intervention_partners.size(); ++p) {
      PendingExport pending = start(plan_.intervention_partners[p], RecordKind::interventions);
      for (const std::uint32_t i : interventions_[p]) {
        const auto state = intervention_state_at(world_.interventions[i], end);
        if (!state) continue;
        auto& delivered = delivered_interventions_[i];
        if (delivered && *delivered == *state) continue;
        if (delivered) ++pending.upserts;
        pending.add(format_intervention(world_.interventions[i], *state, pending.delivery.dialect));
        delivered = *state;
      }
      if (Status s = emit(std::move(pending)); !s) return s;
    }

    for (const auto& partner : plan_.event_partners) {
      PendingExport pending = start(partner, RecordKind::events);
      for (const std::uint32_t i : events_[m]) {
        const auto& e = world_.events[i];
        if (e.partner == partner) pending.add(format_event(e, pending.delivery.dialect));
      }
      if (Status s = emit(std::move(pending)); !s) return s;
    }
    return Status::ok();
  }

 private:
  const Config& config_;
  const DeliveryPlan& plan_;
  const SampleWorld& world_;
  std::vector<std::optional<CaseSnapshot>> delivered_cases_;               // by case index
  std::vector<std::optional<InterventionState>> delivered_interventions_;  // by intervention index
  std::vector<std::vector<std::uint32_t>> assessments_;   // per month, in world order
  std::vector<std::vector<std::uint32_t>> observations_;  // per month, in world order
  std::vector<std::vector<std::uint32_t>> events_;        // per month, in world order
  std::vector<std::vector<std::uint32_t>>
      interventions_;  // per intervention partner, in world order
};

std::string manifest_json(const SampleSet& set, const Config& config) {
  std::string out = "{\n";
  out += "  \"generator\": " + json_quote(kGeneratorName) + ",\n";
  out += "  \"synthetic\": true,\n";
  out += "  \"cases\": " + std::to_string(set.options.cases) + ",\n";
  out += "  \"months\": " + std::to_string(set.options.months) + ",\n";
  out += "  \"seed\": " + std::to_string(set.options.seed) + ",\n";
  out += "  \"until\": " + json_quote(set.options.until.iso()) + ",\n";
  out += "  \"faults\": " + std::string(set.options.faults ? "true" : "false") + ",\n";
  out += "  \"municipality\": " + json_quote(config.settings.municipality) + ",\n";
  out += "  \"bsn_prefix\": " + json_quote(kSyntheticBsnPrefix) + ",\n";
  out += "  \"files\": [\n";
  for (std::size_t i = 0; i < set.files.size(); ++i) {
    const auto& f = set.files[i];
    out +=
        "    {\"path\": " + json_quote(f.path) + ", \"month\": " + json_quote(f.month) +
        ", \"kind\": " + json_quote(f.kind) + ", \"partner\": " + json_quote(f.partner) +
        ", \"format\": " + json_quote(f.format) + ", \"encoding\": " + json_quote(f.encoding) +
        ", \"bom\": " + (f.bom ? "true" : "false") + ", \"delimiter\": " + json_quote(f.delimiter) +
        ", \"line_end\": " + json_quote(f.line_end) +
        ", \"date_style\": " + json_quote(f.date_style) +
        ", \"mapped\": " + (f.mapped ? "true" : "false") +
        ", \"records\": " + std::to_string(f.records) +
        ", \"upserts\": " + std::to_string(f.upserts) +
        ", \"faults\": " + std::to_string(f.faults) + ", \"expected\": " + json_quote(f.expected) +
        ", \"bytes\": " + std::to_string(f.size) + ", \"sha256\": " + json_quote(f.sha256) + "}";
    out += i + 1 < set.files.size() ? ",\n" : "\n";
  }
  out += "  ],\n  \"summary\": [\n";
  for (std::size_t i = 0; i < set.months.size(); ++i) {
    const auto& m = set.months[i];
    out += "    {\"month\": " + json_quote(m.month.iso()) + ", \"inflow\": " + std::to_string(m.inflow) +
           ", \"inflow_reentry\": " + std::to_string(m.reentries) + ", \"outflow\": " +
           std::to_string(m.outflow) + ", \"active\": " + std::to_string(m.active_at_end) +
           ", \"on_hold\": " + std::to_string(m.on_hold_at_end) + "}";
    out += i + 1 < set.months.size() ? ",\n" : "\n";
  }
  out += "  ]\n}\n";
  return out;
}

std::string faults_json(const SampleSet& set) {
  std::string out = "{\n  \"generator\": " + json_quote(kGeneratorName) + ",\n  \"seed\": " +
                    std::to_string(set.options.seed) + ",\n  \"faults\": [\n";
  for (std::size_t i = 0; i < set.faults.size(); ++i) {
    const auto& f = set.faults[i];
    out += "    {\"file\": " + json_quote(f.file) + ", \"line\": " + std::to_string(f.line) +
           ", \"record\": " + std::to_string(f.record) + ", \"kind\": " + json_quote(f.kind) +
           ", \"partner\": " + json_quote(f.partner) + ", \"field\": " + json_quote(f.field) +
           ", \"header\": " + json_quote(f.header) + ", \"value\": " + json_quote(f.value) +
           ", \"code\": " + json_quote(f.code) + ", \"reason\": " + json_quote(f.reason) +
           ", \"expected\": " + json_quote(f.expected) + "}";
    out += i + 1 < set.faults.size() ? ",\n" : "\n";
  }
  out += "  ]\n}\n";
  return out;
}

std::string readme_text(const SampleSet& set, const DeliveryPlan& plan) {
  const auto& o = set.options;
  std::string out;
  out += "SYNTHETISCHE VOORBEELDDATA — geen echte personen\n";
  out += "==================================================\n\n";
  out += "Gemaakt met: casus sample --cases " + std::to_string(o.cases) + " --months " +
         std::to_string(o.months) + " --seed " + std::to_string(o.seed) + " --until " + o.until.iso() +
         (o.faults ? " --faults" : "") + "\n\n";
  out += "Alle namen zijn verzonnen en alle bsn's liggen in het reeks 9999xxxxx (ze\n"
         "doorstaan de elfproef maar horen bij niemand). Dezelfde opties en dezelfde\n"
         "configuratie geven byte-identieke bestanden.\n\n";
  out += "Indeling\n--------\n";
  out += "Per maand een map JJJJ-MM met per partner en soort record een bestand\n"
         "<partner>_<soort>.csv of .xml: de maandlevering, gemaakt op de eerste dag van\n"
         "de volgende maand. Een levering bevat nieuwe en gewijzigde records; een later\n"
         "bestand levert dezelfde sleutel opnieuw (upsert), bijvoorbeeld een zaak met een\n"
         "nieuw escalatieniveau, een pauze die is opgeheven of een afsluiting. De eerste\n"
         "maand bevat ook de geschiedenis van de zaken die toen al liepen.\n\n";
  out += "Leveringen (partner, soort: formaat, codering, scheidingsteken, regeleinden, datums):\n";
  std::set<std::string> seen;
  for (const auto& f : set.files) {
    if (f.expected == "rejected") continue;
    std::string line = "- " + f.partner + ", " + f.kind + ": " + f.format;
    if (f.format == "csv") {
      line += ", " + f.encoding + (f.bom ? " met BOM" : "") + ", '" +
              (f.delimiter == "\t" ? std::string("TAB") : f.delimiter) + "', " + f.line_end;
    } else {
      line += ", " + f.encoding;
    }
    line += ", " + f.date_style;
    if (f.mapped) line += ", eigen kolomnamen/codes (config/partners/" + f.partner + ".xml)";
    if (f.kind == "events") {
      line += f.partner == plan.evidence_source ? ", personen op bsn" : ", zaken op case_id";
    }
    if (seen.insert(line).second) out += line + "\n";
  }
  out += "\nmanifest.json noemt per bestand: soort, partner, formaat, codering, BOM,\n"
         "scheidingsteken, regeleinden, datumnotatie, aantal records en upserts, en de\n"
         "SHA-256. Importeer de bestanden in de volgorde van het manifest.\n\n";
  out += "Tekstvelden bevatten soms scheidingstekens, aanhalingstekens en regeleinden\n"
         "(tussen aanhalingstekens, RFC 4180) en letters als e-trema en u-circumflex.\n\n";
  out += "Verloop per maand (instroom / waarvan herinstroom / uitstroom / actief / gepauzeerd)\n";
  for (const auto& m : set.months) {
    char line[96];
    std::snprintf(line, sizeof line, "  %s  %3d  %3d  %3d  %4d  %3d\n", m.month.iso().c_str(), m.inflow,
                  m.reentries, m.outflow, m.active_at_end, m.on_hold_at_end);
    out += line;
  }
  if (o.faults) {
    out += "\nFouten (--faults)\n-----------------\n";
    out += "De laatste maand bevat opzettelijk ongeldige records (achteraan in het bestand,\n"
           "elk met precies een fout) en kapotte bestanden. faults.json noemt ze allemaal\n"
           "met bestand, regel, veld, waarde, reden en de verwachte uitkomst van de import\n"
           "(quarantined voor een record, rejected voor een bestand).\n";
  }
  return out;
}

}  // namespace

Result<SampleSet> build_sample(const Config& config, const SampleOptions& options,
                               const SampleFileSink& sink) {
  if (options.cases < 1 || options.cases > 100000) return Status::error("cases must be between 1 and 100000");
  if (options.months < 1 || options.months > 240) return Status::error("months must be between 1 and 240");
  if (options.until.month < 1 || options.until.month > 12) return Status::error("until is not a month");
  auto plan = plan_deliveries(config, options.months);
  if (!plan) return plan.status();

  SimulationSettings settings;
  settings.cases = options.cases;
  settings.months = options.months;
  settings.seed = options.seed;
  settings.until = options.until;
  settings.event_routes = plan->event_routes;
  settings.evidence_source = plan->evidence_source;
  auto world = simulate_world(config, settings);
  if (!world) return world.status();

  SampleSet set;
  set.options = options;
  auto add = [&](SampleFile file) -> Status {
    file.size = file.bytes.size();
    file.sha256 = sha256_hex(file.bytes);
    if (sink) {
      if (Status sunk = sink(file); !sunk) return sunk;
      std::string().swap(file.bytes);  // release the buffer (assigning "" would keep it)
    }
    set.files.push_back(std::move(file));
    return Status::ok();
  };
  set.months = summarize(*world);
  const YearMonth last = world->months.back();
  const int last_index = static_cast<int>(world->months.size()) - 1;
  auto finish = [&](PendingExport& pending) -> Status {
    if (pending.records() == 0) return Status::ok();
    auto file = pending.finish(set.faults);
    if (!file) return file.status();
    return add(std::move(file.value()));
  };
  // Each export becomes a file as soon as it is written, except those of the
  // last month when faults are planted in them.
  std::vector<PendingExport> held;
  MonthlyExports monthly(config, *plan, *world);
  for (std::size_t m = 0; m < world->months.size(); ++m) {
    const bool hold = options.faults && static_cast<int>(m) == last_index;
    const Status made = monthly.month(m, [&](PendingExport&& pending) {
      if (!hold) return finish(pending);
      held.push_back(std::move(pending));
      return Status::ok();
    });
    if (!made) return made;
  }
  if (options.faults) {
    const Status planted = plant_record_faults(config, *plan, *world, last, last_index, held);
    if (!planted) return planted;
    for (auto& pending : held) {
      if (Status s = finish(pending); !s) return s;
    }
  }
  if (options.faults) {
    for (auto& [file, fault] : broken_files(config, *plan, *world, last, last_index)) {
      if (Status added = add(std::move(file)); !added) return added;
      set.faults.push_back(std::move(fault));
    }
    set.faults_json = faults_json(set);
  }
  set.manifest_json = manifest_json(set, config);
  set.readme = readme_text(set, *plan);
  return set;
}

SampleFolderWriter::SampleFolderWriter(std::filesystem::path out_dir)
    : out_dir_(std::move(out_dir)) {}

Status SampleFolderWriter::failure(Status status) {
  failed_ = true;
  return status;
}

Status SampleFolderWriter::prepare() {
  if (prepared_) return Status::ok();
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::exists(out_dir_, error)) {
    if (!fs::is_directory(out_dir_, error))
      return failure(Status::error(out_dir_.string() + " is not a folder"));
    if (!fs::is_empty(out_dir_, error)) {
      const auto manifest = read_file(out_dir_ / "manifest.json");
      if (!manifest || manifest->find("\"generator\": \"casus sample\"") == std::string::npos) {
        return failure(Status::error(
            out_dir_.string() +
            " is not empty and holds no earlier sample (manifest.json); choose an empty folder"));
      }
      // Clear the earlier sample: its month folders and the three top-level files.
      for (const auto& entry : fs::directory_iterator(out_dir_, error)) {
        const std::string name = entry.path().filename().string();
        const bool month_folder = entry.is_directory() && YearMonth::parse(name).has_value();
        if (month_folder || name == "README.txt" || name == "manifest.json" || name == "faults.json") {
          fs::remove_all(entry.path(), error);
          if (error) {
            return failure(
                Status::error("cannot remove " + entry.path().string() + ": " + error.message()));
          }
        }
      }
    }
  }
  prepared_ = true;
  return Status::ok();
}

Status SampleFolderWriter::write_file(const SampleFile& file) {
  if (Status ready = prepare(); !ready) return ready;
  if (Status s = write_file_atomic(out_dir_ / std::filesystem::path(file.path), file.bytes); !s) {
    return failure(s);
  }
  return Status::ok();
}

Status SampleFolderWriter::finish(const SampleSet& set) {
  if (Status ready = prepare(); !ready) return ready;
  if (Status s = write_file_atomic(out_dir_ / "README.txt", set.readme); !s) return failure(s);
  if (Status s = write_file_atomic(out_dir_ / "manifest.json", set.manifest_json); !s)
    return failure(s);
  if (!set.faults_json.empty()) {
    if (Status s = write_file_atomic(out_dir_ / "faults.json", set.faults_json); !s)
      return failure(s);
  }
  return Status::ok();
}

Status write_sample(const SampleSet& set, const std::filesystem::path& out_dir) {
  SampleFolderWriter writer(out_dir);
  for (const auto& file : set.files) {
    if (Status s = writer.write_file(file); !s) return s;
  }
  return writer.finish(set);
}

}  // namespace casus
