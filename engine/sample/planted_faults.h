// Planted faults: the known set of invalid records and broken files that
// `casus sample --faults` adds, so the import's validation and quarantine can
// be checked against an exact list (faults.json). Every faulty record is a
// valid record with exactly one field made invalid, appended after the valid
// records of a last-month file; broken files are extra files in the last month.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"
#include "sample/delivery_plan.h"
#include "sample/export_writer.h"
#include "sample/pending_export.h"
#include "sample/sample_generator.h"
#include "sample/simulation.h"

namespace casus {

// Appends one faulty record per fault to the last month's exports (adding an
// export where the month has none). `last` is the last delivered month.
Status plant_record_faults(const Config& config, const DeliveryPlan& plan, const SampleWorld& world,
                           const YearMonth& last, int last_index, std::vector<PendingExport>& exports);

// The broken files of the last month, with their faults.
std::vector<std::pair<SampleFile, PlantedFault>> broken_files(const Config& config,
                                                              const DeliveryPlan& plan,
                                                              const SampleWorld& world,
                                                              const YearMonth& last, int last_index);

}  // namespace casus
