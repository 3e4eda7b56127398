// The common start of the per-case document commands (`casus plan`, `casus
// agenda`), in two steps so a command can check its own arguments against
// the config in between: begin_case_document() loads the config and the
// clock and reads the PDF password; choose_audience_and_template() finds the
// audience (one that may receive case data), checks the template against it
// before anything renders, and loads the template. Each failure is printed
// once ("casus: ..."), the same way for every command.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/global_options.h"
#include "config/config.h"
#include "core/clock.h"
#include "render/audience_context.h"
#include "render/template_renderer.h"

namespace casus {

struct CaseDocumentSetup {
  Config config;
  std::unique_ptr<Clock> clock;
  std::optional<std::string> password;     // encrypt written PDFs when set
  const Audience* audience = nullptr;      // into config; set by choose_audience_and_template()
  std::optional<DocumentSchema> schema;    // idem
  std::optional<MustacheTemplate> tmpl;    // idem
};

// The config, the clock and the password; null after printing the error,
// with `exit_code` set (kExitFailure, or kExitUsage for a bad password file).
std::unique_ptr<CaseDocumentSetup> begin_case_document(const GlobalOptions& options,
                                                       const std::filesystem::path& password_file, int& exit_code);

// Finds `audience_code`, checks `template_path` against `schema` for it and
// loads it. kExitOk, or after printing: kExitUsage for an audience that is
// unknown or may receive no case data ("--audience: 'board' krijgt alleen
// geaggregeerde cijfers (<documents> zijn er voor: staff, ...)"),
// kExitFailure for a template that asks for data the audience may not
// receive (every such key printed first) or does not load.
int choose_audience_and_template(CaseDocumentSetup& setup, const std::string& audience_code,
                                 const std::filesystem::path& template_path, DocumentSchema schema,
                                 const std::string& documents);

}  // namespace casus
