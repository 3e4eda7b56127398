#include "sample/pending_export.h"

namespace casus {

void PendingExport::add(const ExportRecord& record) {
  if (!writer_) {
    if (delivery.dialect.format == "xml") {
      const std::string created = month.next().first_day().iso() + "T06:00:00";
      writer_.emplace(delivery.dialect, delivery.columns, code(delivery.kind), delivery.partner,
                      created);
    } else {
      writer_.emplace(delivery.dialect, delivery.columns);
    }
  }
  writer_->add(record);
}

Result<SampleFile> PendingExport::finish(std::vector<PlantedFault>& faults_out) {
  if (!writer_) return Status::error("an export without records has no file");
  const Delivery& d = delivery;
  const bool xml = d.dialect.format == "xml";
  SampleFile file;
  file.month = month.iso();
  file.kind = code(d.kind);
  file.partner = d.partner;
  file.path = file.month + "/" + d.partner + "_" + file.kind + (xml ? ".xml" : ".csv");
  file.format = d.dialect.format;
  file.encoding = d.dialect.encoding;
  file.bom = d.dialect.bom && d.dialect.format == "csv" && d.dialect.encoding == "utf-8";
  file.delimiter = xml ? "" : std::string(1, d.dialect.delimiter);
  file.line_end = d.dialect.crlf ? "crlf" : "lf";
  file.date_style = date_style_name(d.dialect.dates);
  file.mapped = d.mapped;
  file.records = writer_->records();
  file.upserts = upserts;
  file.faults = faults.size();
  file.expected = faults.empty() ? "stored" : "quarantined";
  auto written = writer_->finish();
  writer_.reset();
  if (!written) return Status::error(file.path + ": " + written.message());
  file.bytes = std::move(written->bytes);
  for (auto& fault : faults) {
    fault.meta.file = file.path;
    fault.meta.record = fault.record + 1;
    fault.meta.line = written->record_lines[fault.record];
    faults_out.push_back(fault.meta);
  }
  return file;
}

}  // namespace casus
