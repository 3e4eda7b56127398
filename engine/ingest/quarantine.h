// Quarantine: where invalid records go, with their original text and the
// reasons. One folder per import run (outputs/quarantaine/<timestamp>/),
// created on first use; per input file a copy holding the original header
// (CSV) or root (XML) and the invalid records, so it can be corrected and
// imported again, and "<name>.redenen.txt" with one located reason per line.
// The folder holds personal data: it is created readable by the owner only.
// Both files are written under temporary names and renamed into place when
// the input file ends, so an interrupted import leaves no partial file.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/status.h"

namespace casus {

class Quarantine {
 public:
  // `folder` is not created until the first record arrives; an empty folder
  // path disables quarantine files (records are still reported).
  explicit Quarantine(std::filesystem::path folder);
  ~Quarantine();

  // Starts the quarantine copy of one input file: `preamble` goes before the
  // first record (the CSV header row, or the XML root start tag), `postamble` at the end.
  void begin_file(const std::string& input, std::string preamble, std::string postamble,
                  std::string record_separator);
  Status add(const std::string& original, const std::vector<Diagnostic>& reasons);
  void end_file();

  const std::filesystem::path& folder() const { return folder_; }
  bool used() const { return used_; }
  const std::vector<std::filesystem::path>& files() const { return files_; }

 private:
  Status open_current();

  std::filesystem::path folder_;
  bool used_ = false;
  std::string input_;
  std::string preamble_;
  std::string postamble_;
  std::string separator_;
  std::unique_ptr<std::ofstream> data_;
  std::unique_ptr<std::ofstream> reasons_;
  std::filesystem::path data_path_, reasons_path_;            // final names
  std::filesystem::path data_temporary_, reasons_temporary_;  // written first
  std::vector<std::filesystem::path> files_;
};

// A folder name for this run: <out>/quarantaine/<YYYYMMDD-HHMMSS>, with "-2",
// "-3", ... appended when it already exists.
std::filesystem::path quarantine_folder_for(const std::filesystem::path& out_dir, const DateTime& now);

}  // namespace casus
