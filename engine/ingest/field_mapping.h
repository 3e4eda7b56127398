// FieldMapper: turns a partner's names and codes into the exchange format.
// Applies a PartnerExport (column/element aliases -> field, value maps) on
// top of the canonical field names; for assessments, framework item codes are
// columns too. Names and codes match case-insensitively after trimming.
// Also lists the canonical fields of each record kind.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "config/config.h"
#include "ingest/raw_record.h"
#include "model/enums.h"

namespace casus {

// The exchange-format fields of a kind, in spec order (assessment items excluded).
const std::vector<std::string>& record_fields(RecordKind kind);
// Index of a field in record_fields(kind), or -1.
int field_index(RecordKind kind, std::string_view name);
// The fields a CSV header must have (events: event_id, occurred_on, kind, and
// case_id or bsn — checked separately).
const std::vector<std::string>& required_columns(RecordKind kind);

struct FieldTarget {
  enum class Type { field, item, unknown };
  Type type = Type::unknown;
  int index = -1;         // field index for Type::field
  std::string item_code;  // canonical framework code for Type::item
  const ColumnMapping* mapping = nullptr;  // the partner column it came through
};

// A record after mapping: one trimmed value per field ("" = missing), items by code.
struct MappedRecord {
  std::vector<std::string> values;
  std::vector<bool> given;  // the field appeared (even if empty)
  struct Item {
    std::string score;  // trimmed; "" or "?" = unknown
    std::string evidence;
    std::string source;
  };
  std::map<std::string, Item> items;
  // Problems found while mapping: (field, code, message); they make the record invalid.
  struct Problem {
    std::string field;
    std::string code;
    std::string message;
  };
  std::vector<Problem> problems;
};

class FieldMapper {
 public:
  FieldMapper(RecordKind kind, const PartnerExport* mapping, const std::vector<FrameworkItem>& items);

  RecordKind kind() const { return kind_; }
  FieldTarget resolve(std::string_view name) const;
  // The value after trimming and the column's value map.
  std::string map_value(const FieldTarget& target, std::string_view value) const;
  MappedRecord empty_record() const;
  // Maps the named values and items of an XML record (CSV maps by column).
  // Unknown element names are returned in `unknown` (the caller warns or rejects).
  MappedRecord map(const RawRecord& raw, std::vector<std::string>& unknown) const;

 private:
  RecordKind kind_;
  const PartnerExport* mapping_;
  std::unordered_map<std::string, const ColumnMapping*> aliases_;  // lower header -> column
  std::unordered_map<std::string, const ColumnMapping*> by_field_;  // field -> its column (value maps)
  std::unordered_map<std::string, std::string> item_codes_;          // lower code -> code
};

}  // namespace casus
