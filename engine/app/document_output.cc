#include "app/document_output.h"

#include <iostream>

#include "render/docx_writer.h"
#include "render/pdf_writer.h"

namespace casus {

Status write_and_record(OutputRun& run, const Config& config, const Document& document,
                        const std::filesystem::path& relative, DocumentFormat format,
                        const std::string& audience_code, const std::string& data_as_of,
                        const std::string& description) {
  const auto path = run.out_dir() / relative;
  Status status = Status::ok();
  if (format == DocumentFormat::pdf) {
    PdfOptions options;
    if (!config.settings.font_regular.empty()) options.font_regular = config.settings.font_regular;
    if (!config.settings.font_bold.empty()) options.font_bold = config.settings.font_bold;
    status = write_pdf(document, path, options);
  } else {
    status = write_docx(document, path, DocxOptions{});
  }
  if (!status) return Status::error(path.string() + ": " + status.message());
  std::vector<std::string> categories;
  if (const Audience* a = config.find_audience(audience_code))
    categories.assign(a->categories.begin(), a->categories.end());
  return run.record(relative, audience_code, categories, data_as_of, description);
}

Status finish_run(const OutputRun& run, const std::string& generated_at) {
  if (auto s = run.write_manifest(generated_at); !s) return s;
  std::cout << run.summary();
  return Status::ok();
}

}  // namespace casus
