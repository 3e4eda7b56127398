// Sample generator: the public entry of the sample module. Builds a
// deterministic synthetic set of partner exports in the exchange format
// (monthly deliveries per partner and record kind, in a mix of CSV dialects
// and XML, with natural-key re-deliveries), plus README.txt, manifest.json
// and, with faults, faults.json listing every planted invalid record and
// broken file. All codes come from Config; the same options and config give
// byte-identical files. A large set is written file by file as it is built
// (a SampleFileSink, SampleFolderWriter), so its bytes are never all held.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "core/status.h"

namespace casus {

struct SampleOptions {
  int cases = 150;             // cases in the set: those open at the start plus the inflow
  int months = 18;             // delivered months, ending with `until`
  std::uint64_t seed = 7;
  YearMonth until{2026, 10};   // the last delivered month
  bool faults = false;         // plant invalid records and broken files
};

// One written file and what it holds.
struct SampleFile {
  std::string path;        // relative to the output folder, '/'-separated
  std::string month;       // YYYY-MM of the delivery
  std::string kind;        // record kind code; "" when a broken file has none
  std::string partner;     // delivering partner code
  std::string format;      // csv, xml, binary, empty
  std::string encoding;    // utf-8, windows-1252, iso-8859-1; "" for binary/empty
  bool bom = false;
  std::string delimiter;   // ";", ",", "\t"; "" for XML
  std::string line_end;    // lf, crlf
  std::string date_style;  // e.g. dd-mm-yyyy
  bool mapped = false;     // written through the partner's mapping (own headers and codes)
  std::size_t records = 0;   // records in the file, planted faults included
  std::size_t upserts = 0;   // records re-delivering a natural key of an earlier file
  std::size_t faults = 0;    // planted invalid records
  std::string expected;      // stored, quarantined (has planted faults), rejected (broken file)
  std::string bytes;         // empty in a set built with a sink
  std::size_t size = 0;      // of the bytes
  std::string sha256;        // of the bytes, hex
};

// One planted fault: an invalid record (record > 0) or a broken file
// (record 0; line 0, or 1 when the header row is at fault).
struct PlantedFault {
  std::string file;
  std::size_t line = 0;    // line (CSV) or <record> line (XML) where the record starts
  std::size_t record = 0;  // 1-based record index in the file; 0 for a broken file
  std::string kind;
  std::string partner;
  std::string field;       // exchange-format field; "" for a broken file
  std::string header;      // the column/element as written (mapped partners differ)
  std::string value;       // the invalid value as written ("" = missing)
  std::string code;        // stable fault code, e.g. invalid_date
  std::string reason;
  std::string expected;    // quarantined (record) or rejected (file)
};

struct MonthSummary {
  YearMonth month;
  int inflow = 0;
  int reentries = 0;
  int outflow = 0;
  int active_at_end = 0;
  int on_hold_at_end = 0;
};

struct SampleSet {
  SampleOptions options;
  std::vector<SampleFile> files;  // in import order
  std::vector<PlantedFault> faults;
  std::vector<MonthSummary> months;
  std::string readme;         // README.txt
  std::string manifest_json;  // manifest.json
  std::string faults_json;    // faults.json; empty without faults
};

// Receives each file of a set as soon as it is made, in import order.
using SampleFileSink = std::function<Status(const SampleFile& file)>;

// Builds the whole set. Without a sink the files keep their bytes; with one,
// each file goes to the sink when made and the set keeps it without its bytes
// (size and sha256 stay), and a sink failure stops the build. Fails on
// options out of range or a config without partners, districts, framework
// items or life domains.
Result<SampleSet> build_sample(const Config& config, const SampleOptions& options,
                               const SampleFileSink& sink = nullptr);

// Writes a set into a folder. A folder holding an earlier sample (it has a
// manifest.json written by this generator) is cleared first; any other
// non-empty folder is refused. Nothing is touched before the first write.
class SampleFolderWriter {
 public:
  explicit SampleFolderWriter(std::filesystem::path out_dir);
  // One monthly or broken file (usable as a SampleFileSink).
  Status write_file(const SampleFile& file);
  // README.txt, manifest.json and faults.json of the finished set.
  Status finish(const SampleSet& set);
  // Whether a write failed (to tell that from a failure to build the set).
  bool failed() const { return failed_; }

 private:
  Status prepare();
  Status failure(Status status);
  std::filesystem::path out_dir_;
  bool prepared_ = false;
  bool failed_ = false;
};

// Writes a set built without a sink under `out_dir` (SampleFolderWriter rules).
Status write_sample(const SampleSet& set, const std::filesystem::path& out_dir);

}  // namespace casus
