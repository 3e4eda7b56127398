// RawRecord: one record as read from a partner file, before mapping and
// validation: its location, its original text (for quarantine) and its
// named values. Readers (CSV, XML) produce these; FieldMapper maps the names.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace casus {

struct RawValue {
  std::string name;   // header or element name as in the file (namespace prefix removed)
  std::string value;  // as read; trimmed later
};

// An XML <item code= score= source=>evidence</item> child.
struct RawItem {
  std::string code;
  std::string score;
  std::string source;
  std::string evidence;
  std::size_t line = 0;
};

struct RawRecord {
  std::size_t line = 0;   // line where the record starts
  std::size_t index = 0;  // 1-based position in the file
  std::string original;   // original text, UTF-8
  std::vector<RawValue> values;
  std::vector<RawItem> items;
};

}  // namespace casus
