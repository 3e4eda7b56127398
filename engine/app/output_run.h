// OutputRun: the files one `casus` run writes under --out. Writers produce
// each file atomically; the run records it here (path, size, SHA-256,
// audience, data categories, data-as-of) and ends by writing manifest.json
// and printing the short list of what was written. The audit log reads the
// same records.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"

namespace casus {

struct WrittenFile {
  std::filesystem::path path;  // relative to the output folder
  std::uintmax_t size = 0;
  std::string sha256;
  std::string audience;  // "" for files without one (import report)
  std::vector<std::string> categories;
  std::string data_as_of;  // ISO date
  std::string description;  // "Maandrapportage oktober 2026 (PDF)"
};

class OutputRun {
 public:
  // Removes temporary files a killed earlier run left under out_dir.
  explicit OutputRun(std::filesystem::path out_dir);

  const std::filesystem::path& out_dir() const { return out_dir_; }
  // Records a file already written (atomically) at out_dir/relative.
  Status record(const std::filesystem::path& relative, std::string audience,
                std::vector<std::string> categories, std::string data_as_of,
                std::string description);
  const std::vector<WrittenFile>& files() const { return files_; }

  // manifest.json: {"generated_at": ..., "files": [{path, size, sha256, audience,
  // categories, data_as_of}, ...]} written atomically as the run's last file.
  Status write_manifest(const std::string& generated_at) const;
  // "  outputs/x.pdf  (12 KB)  description" lines for the console.
  std::string summary() const;

 private:
  std::filesystem::path out_dir_;
  std::vector<WrittenFile> files_;
};

}  // namespace casus
