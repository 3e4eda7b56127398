// Pending export: one monthly export file being assembled — its delivery,
// the records serialised so far (through an ExportWriter, so the records
// themselves are not kept), its natural-key upserts and the faults planted
// in it — and the step that turns it into a SampleFile for the manifest.
#pragma once

#include <optional>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "sample/delivery_plan.h"
#include "sample/export_writer.h"
#include "sample/sample_generator.h"

namespace casus {

class PendingExport {
 public:
  Delivery delivery;
  YearMonth month;
  std::size_t upserts = 0;
  struct Fault {
    std::size_t record = 0;  // 0-based index of the record in the file
    PlantedFault meta;       // file, line and record are filled in by finish()
  };
  std::vector<Fault> faults;

  // Serialises one record. The writer starts with the first record, so the
  // delivery (dialect, columns) may still be adjusted before that.
  void add(const ExportRecord& record);
  std::size_t records() const { return writer_ ? writer_->records() : 0; }

  // The finished file: path <month>/<partner>_<kind>.<csv|xml>, the dialect's
  // facts, counts and bytes; appends the planted faults, located on their
  // lines, to `faults`. Call once, on an export with records.
  Result<SampleFile> finish(std::vector<PlantedFault>& faults_out);

 private:
  std::optional<ExportWriter> writer_;
};

}  // namespace casus
