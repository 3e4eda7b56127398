// Writing rendered documents under --out and recording them in the run: the
// step every document command ends with (PDF and/or DOCX, atomically, then
// OutputRun::record with the document's audience and data-as-of).
#pragma once

#include <filesystem>
#include <string>

#include "app/output_run.h"
#include "config/config.h"
#include "core/status.h"
#include "render/document.h"

namespace casus {

enum class DocumentFormat { pdf, docx };

// Writes `document` to run.out_dir()/relative in `format` and records it with
// `audience_code` (its data categories from config) and `data_as_of` (ISO).
Status write_and_record(OutputRun& run, const Config& config, const Document& document,
                        const std::filesystem::path& relative, DocumentFormat format,
                        const std::string& audience_code, const std::string& data_as_of,
                        const std::string& description);

// Ends a command's run: writes manifest.json and prints what was written.
Status finish_run(const OutputRun& run, const std::string& generated_at);

}  // namespace casus
