// load_config: reads and validates every file of a configuration folder
// (settings, framework, toolkit, escalation, monitoring, audiences, fields,
// regisseurs, partners/<code>.xml) and data/districts.csv into a Config.
// Every problem is reported to the sink as a located diagnostic
// ("FILE:LINE: message"); loading fails when any error was reported. Every
// file, districts.csv included, must be UTF-8 and at most kMaxConfigFileBytes
// (config_xml.h); a larger one is refused unread.
// The file formats are described in config/README.md.
#pragma once

#include <filesystem>

#include "config/config.h"
#include "core/diagnostic.h"
#include "core/status.h"

namespace casus {

// File names inside the configuration folder.
inline constexpr const char* kSettingsFile = "settings.xml";
inline constexpr const char* kFrameworkFile = "framework.xml";
inline constexpr const char* kToolkitFile = "toolkit.xml";
inline constexpr const char* kEscalationFile = "escalation.xml";
inline constexpr const char* kMonitoringFile = "monitoring.xml";
inline constexpr const char* kAudiencesFile = "audiences.xml";
inline constexpr const char* kFieldsFile = "fields.xml";
inline constexpr const char* kRegisseursFile = "regisseurs.xml";
inline constexpr const char* kPartnersFolder = "partners";
inline constexpr const char* kDistrictsFile = "districts.csv";

// Where districts.csv is read from: <config_dir>/districts.csv when present,
// else <config_dir>/../data/districts.csv.
std::filesystem::path districts_path(const std::filesystem::path& config_dir);

Result<Config> load_config(const std::filesystem::path& config_dir, DiagnosticSink& sink);

}  // namespace casus
