#include "ingest/field_mapping.h"

#include "config/exchange_fields.h"
#include "core/text_encoding.h"

namespace casus {

const std::vector<std::string>& record_fields(RecordKind kind) { return exchange_fields(kind); }

int field_index(RecordKind kind, std::string_view name) {
  const auto& fields = record_fields(kind);
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i] == name) return static_cast<int>(i);
  return -1;
}

const std::vector<std::string>& required_columns(RecordKind kind) {
  static const std::vector<std::string> cases = {"case_id", "district", "risk_group", "registered_on"};
  static const std::vector<std::string> assessments = {"case_id", "assessed_on", "judgement"};
  static const std::vector<std::string> interventions = {"case_id", "code", "partner",
                                                          "started_on", "status"};
  static const std::vector<std::string> life_domains = {"case_id", "observed_on", "domain", "score"};
  static const std::vector<std::string> events = {"event_id", "occurred_on", "kind"};
  switch (kind) {
    case RecordKind::cases: return cases;
    case RecordKind::assessments: return assessments;
    case RecordKind::interventions: return interventions;
    case RecordKind::life_domains: return life_domains;
    case RecordKind::events: return events;
  }
  return cases;
}

FieldMapper::FieldMapper(RecordKind kind, const PartnerExport* mapping,
                         const std::vector<FrameworkItem>& items)
    : kind_(kind), mapping_(mapping) {
  if (mapping_ != nullptr)
    for (const auto& column : mapping_->columns)
    {
      aliases_.emplace(ascii_lower(trim_blanks(column.header)), &column);
      by_field_.emplace(ascii_lower(trim_blanks(column.field)), &column);
    }
  if (kind_ == RecordKind::assessments)
    for (const auto& item : items) item_codes_.emplace(ascii_lower(item.code), item.code);
}

FieldTarget FieldMapper::resolve(std::string_view name) const {
  const std::string lowered = ascii_lower(trim_blanks(name));
  FieldTarget target;
  if (auto it = aliases_.find(lowered); it != aliases_.end()) {
    target.mapping = it->second;
    const int index = field_index(kind_, ascii_lower(it->second->field));
    if (index >= 0) {
      target.type = FieldTarget::Type::field;
      target.index = index;
      return target;
    }
    if (auto item = item_codes_.find(ascii_lower(it->second->field)); item != item_codes_.end()) {
      target.type = FieldTarget::Type::item;
      target.item_code = item->second;
      return target;
    }
    return target;
  }
  if (const int index = field_index(kind_, lowered); index >= 0) {
    target.type = FieldTarget::Type::field;
    target.index = index;
    // A canonical name still gets the value map the partner declared for that field.
    if (auto it = by_field_.find(lowered); it != by_field_.end()) target.mapping = it->second;
    return target;
  }
  if (auto item = item_codes_.find(lowered); item != item_codes_.end()) {
    target.type = FieldTarget::Type::item;
    target.item_code = item->second;
  }
  return target;
}

std::string FieldMapper::map_value(const FieldTarget& target, std::string_view value) const {
  const std::string_view trimmed = trim_blanks(value);
  if (target.mapping != nullptr && !target.mapping->values.empty() && !trimmed.empty()) {
    const std::string lowered = ascii_lower(trimmed);
    for (const auto& v : target.mapping->values)
      if (ascii_lower(trim_blanks(v.from)) == lowered) return v.to;
  }
  return std::string(trimmed);
}

MappedRecord FieldMapper::empty_record() const {
  MappedRecord record;
  record.values.resize(record_fields(kind_).size());
  record.given.resize(record_fields(kind_).size(), false);
  return record;
}

MappedRecord FieldMapper::map(const RawRecord& raw, std::vector<std::string>& unknown) const {
  MappedRecord record = empty_record();
  const auto& fields = record_fields(kind_);
  for (const auto& value : raw.values) {
    const FieldTarget target = resolve(value.name);
    if (target.type == FieldTarget::Type::field) {
      const auto i = static_cast<std::size_t>(target.index);
      if (record.given[i]) {
        record.problems.push_back({fields[i], "record.duplicate_field",
                                   "given more than once (got '" + std::string(trim_blanks(value.value)) + "')"});
        continue;
      }
      record.given[i] = true;
      record.values[i] = map_value(target, value.value);
    } else if (target.type == FieldTarget::Type::item) {
      if (record.items.count(target.item_code) > 0) {
        record.problems.push_back({target.item_code, "record.duplicate_field", "item given more than once"});
        continue;
      }
      record.items[target.item_code].score = map_value(target, value.value);
    } else {
      unknown.push_back(value.name);
    }
  }
  for (const auto& item : raw.items) {
    const std::string code(trim_blanks(item.code));
    auto it = item_codes_.find(ascii_lower(code));
    if (kind_ != RecordKind::assessments || it == item_codes_.end()) {
      record.problems.push_back({code.empty() ? "item" : code, "record.unknown_item",
                                 "item code not in the assessment framework (got '" + code + "')"});
      continue;
    }
    if (record.items.count(it->second) > 0) {
      record.problems.push_back({it->second, "record.duplicate_field", "item given more than once"});
      continue;
    }
    auto& target = record.items[it->second];
    target.score = std::string(trim_blanks(item.score));
    target.evidence = std::string(trim_blanks(item.evidence));
    target.source = std::string(trim_blanks(item.source));
  }
  return record;
}

}  // namespace casus
