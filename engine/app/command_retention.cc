// `casus retention [--apply]`: lists the cases the retention rule (config
// settings.xml, default five years after closure) says must be deleted;
// with --apply deletes them with their history, their records of every kind
// and the events linked to them, and logs the deletion in the audit log.
#include <iostream>

#include "app/audit_trail.h"
#include "app/command_support.h"
#include "app/commands.h"
#include "app/console.h"
#include "logic/retention.h"

namespace casus {
namespace {

int run_retention(const GlobalOptions& options, bool apply) {
  auto config = load_config_or_report(options);
  if (!config) return kExitFailure;
  auto clock = clock_or_report();
  if (!clock) return kExitFailure;
  auto store = open_store_or_report(options, *clock);
  if (!store) return kExitFailure;
  auto dataset = store->load_dataset();
  if (!dataset) {
    print_error(dataset.message());
    return kExitFailure;
  }
  const int years = config->settings.retention_years_after_closure;
  const auto due = cases_due_for_deletion(*dataset, years, clock->today());
  std::cout << "bewaartermijn: " << years << " jaar na afsluiting; " << due.size()
            << " casus(sen) te verwijderen op " << clock->today().iso() << "\n";
  for (const auto& d : due)
    std::cout << "  " << d.case_id << "  afgesloten " << d.closed_on.iso() << "  te verwijderen na "
              << d.delete_after.iso() << "\n";
  if (!apply) {
    if (!due.empty()) std::cout << "(niets verwijderd; gebruik --apply om te verwijderen)\n";
    return kExitOk;
  }
  std::vector<std::string> ids;
  for (const auto& d : due) ids.push_back(d.case_id);
  auto deleted = store->delete_cases(ids);
  if (!deleted) {
    print_error(deleted.message());
    return kExitFailure;
  }
  std::string detail = "retention " + std::to_string(years) + " years after closure: deleted " +
                       std::to_string(ids.size()) + " case(s), " + std::to_string(*deleted) + " row(s)";
  for (std::size_t i = 0; i < ids.size(); ++i) detail += (i ? ", " : ": ") + ids[i];
  if (Status logged = record_action_in_audit(*store, options, "retention --apply", detail); !logged) {
    print_error(logged.message());
    return kExitFailure;
  }
  std::cout << "verwijderd: " << ids.size() << " casus(sen), " << *deleted
            << " rij(en) met geschiedenis en gekoppelde gebeurtenissen; vastgelegd in het auditlog\n";
  return kExitOk;
}

}  // namespace

void register_retention_command(CLI::App& app, const GlobalOptions& options, CommandOutcome& outcome) {
  auto apply = std::make_shared<bool>(false);
  CLI::App* sub = app.add_subcommand(
      "retention", "Casussen waarvan de bewaartermijn na afsluiting verstreken is (standaard 5 jaar)");
  sub->add_flag("--apply", *apply, "Verwijder ze, met geschiedenis en gekoppelde gegevens, en leg dat vast");
  sub->callback([&options, &outcome, apply]() { outcome.status = run_retention(options, *apply); });
}

}  // namespace casus
