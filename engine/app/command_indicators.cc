// `casus indicators --month YYYY-MM [--audience A]`: prints the month's
// monitoring indicators as JSON (spec/monitoring.md, "Machine-readable
// form"). For an aggregates-only audience (board, the default) the output is
// protected by disclosure control first.
#include <iostream>

#include "app/command_support.h"
#include "app/commands.h"
#include "app/console.h"
#include "logic/disclosure.h"
#include "logic/indicators_json.h"
#include "logic/monitoring_indicators.h"

namespace casus {

namespace {

struct IndicatorsArgs {
  std::string month;
  std::string audience = "board";
};

int run_indicators(const GlobalOptions& options, const IndicatorsArgs& args) {
  auto month = YearMonth::parse(args.month);
  if (!month) {
    print_error("--month: '" + args.month + "' is geen maand van de vorm JJJJ-MM");
    return kExitUsage;
  }
  auto config = load_config_or_report(options);
  if (!config) return kExitFailure;
  auto clock = clock_or_report();
  if (!clock) return kExitFailure;
  const Audience* audience = config->find_audience(args.audience);
  if (!audience) {
    std::string known;
    for (const auto& a : config->audiences) known += (known.empty() ? "" : ", ") + a.code;
    print_error("--audience: onbekende doelgroep '" + args.audience + "' (bekend: " + known + ")");
    return kExitUsage;
  }
  auto dataset = load_dataset(options, *clock, LoadScope::figures_only());
  if (!dataset) {
    print_error(dataset.message());
    return kExitFailure;
  }
  IndicatorSet set = compute_indicators(*dataset, *config, *month);
  if (audience->aggregates_only) set = protect_indicators(set, *config);
  std::cout << indicators_to_json(set);
  return kExitOk;
}

}  // namespace

void register_indicators_command(CLI::App& app, const GlobalOptions& options,
                                 CommandOutcome& outcome) {
  auto args = std::make_shared<IndicatorsArgs>();
  CLI::App* sub = app.add_subcommand("indicators", "Print de monitoringindicatoren van een maand als JSON");
  sub->add_option("--month", args->month, "Rapportagemaand, JJJJ-MM")->required();
  sub->add_option("--audience", args->audience,
                  "Doelgroep; bij een doelgroep met alleen geaggregeerde cijfers (board) wordt "
                  "de onthullingsbeveiliging toegepast")
      ->capture_default_str();
  sub->callback([&options, &outcome, args]() { outcome.status = run_indicators(options, *args); });
}

}  // namespace casus
