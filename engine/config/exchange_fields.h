// The field names of each record kind of the exchange format
// (spec/exchange-format.md), in the order of the spec. Assessments also carry
// one column per framework item code; those are not listed here (see
// Config::category_of and is_exchange_field).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/enums.h"

namespace casus {

const std::vector<std::string>& exchange_fields(RecordKind kind);
bool is_exchange_field(RecordKind kind, std::string_view field);

}  // namespace casus
