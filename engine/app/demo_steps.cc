#include "app/demo_steps.h"

#include "core/file_io.h"
#include "logic/disclosure.h"
#include "logic/indicators_json.h"
#include "logic/monitoring_indicators.h"

namespace casus {
namespace {

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

}  // namespace

std::vector<DemoStep> demo_steps() {
  return {
      {"monitoringindicatoren (bestuur en staf)",
       [](const DemoInput& input, OutputRun& run) {
         if (Status s = write_indicators(input, run, "board"); !s) return s;
         return write_indicators(input, run, "staff");
       }},
  };
}

}  // namespace casus
