// DemoSteps: the outputs `casus demo` makes after importing the sample, in
// order. Each step calls the same code as its own subcommand and records
// what it wrote in the run; a failing step is reported and the rest go on.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/global_options.h"
#include "app/output_run.h"
#include "config/config.h"
#include "core/clock.h"
#include "core/date.h"
#include "model/dataset.h"
#include "store/store.h"

namespace casus {

struct DemoInput {
  const GlobalOptions& options;
  const Config& config;
  const Dataset& dataset;
  YearMonth month;
  const Clock& clock;
  Store& store;
};

struct DemoStep {
  std::string description;
  std::function<Status(const DemoInput&, OutputRun&)> run;
};

std::vector<DemoStep> demo_steps();

}  // namespace casus
