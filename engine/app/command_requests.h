// The requests of the document commands that the demo (and tests) also call
// in-process: what `casus report`, `casus plan` and `casus agenda` were asked
// to make. The run_* functions record their files in `shared_run` when given
// (the caller then writes the manifest and the audit entry), else in their
// own run, which they finish themselves.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/global_options.h"
#include "app/output_run.h"

namespace casus {

struct ReportArgs {
  std::string month;
  std::string audience = "board";
  std::string formats = "xlsx,pdf";
};

struct PlanArgs {
  std::vector<std::string> case_ids;
  bool all = false;
  bool blank = false;
  std::string audience = "casusoverleg";
  std::string formats = "pdf,docx";
  unsigned jobs = 0;  // 0 = all cores
  std::string template_path = "templates/plan/plan.mustache";
  std::filesystem::path password_file;  // --password-file (or CASUS_PDF_PASSWORD)
};

struct AgendaArgs {
  std::string date;
  std::string forum;
  std::string audience;  // empty = the forum
  std::string template_path = "templates/agenda/agenda.mustache";
  std::filesystem::path password_file;
};

int run_report_monthly(const GlobalOptions& options, const ReportArgs& args, OutputRun* shared_run);
int run_report_caselist(const GlobalOptions& options, const ReportArgs& args, OutputRun* shared_run);
int run_plan(const GlobalOptions& options, const PlanArgs& args, OutputRun* shared_run);
int run_agenda(const GlobalOptions& options, const AgendaArgs& args, OutputRun* shared_run);

}  // namespace casus
