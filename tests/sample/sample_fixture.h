// Test helpers for the sample generator: a hand-built Config shaped like the
// shipped one (framework, toolkit, partners with a politie mapping,
// districts, life domains), and a small independent reader for the written
// CSV and XML exports so tests check the files as an importer sees them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "config/config.h"
#include "sample/sample_generator.h"

namespace casus::testing {

Config make_test_config();

struct ReadRecord {
  std::size_t line = 0;                      // line where the record starts
  std::map<std::string, std::string> values;  // header/element name -> value (UTF-8)
  std::vector<std::string> item_codes;       // XML <item code=...> children
};

// Decodes (BOM, windows-1252) and parses a CSV or XML export file.
std::vector<ReadRecord> read_export(const SampleFile& file);
std::vector<std::string> read_header(const SampleFile& file);

const SampleFile* find_file(const SampleSet& set, const std::string& path);

}  // namespace casus::testing
